import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { demarrerPostgresEmbarque, type ServeurEmbarque } from '../src/platform/embedded-postgres';
import { appliquerMigrations } from '../src/platform/migrations';
import { preparerDonneesDeReference } from '../src/donnees-de-reference';
import { creerPool } from '../src/platform/database';

declare module 'vitest' {
  export interface ProvidedContext {
    urlAdminPg: string;
    modeBase: 'embedded' | 'external';
  }
}

export const BASE_MODELE = 'maillage_modele_test';

/**
 * One PostgreSQL for the whole run: the embedded one in a temporary directory, or TEST_DATABASE_URL (CI runs the
 * suite once more against Debian's PostgreSQL 15). A template database is migrated and loaded once; every test
 * file clones it into a database of its own.
 */
export default async function ({ provide }: TestProject) {
  let serveur: ServeurEmbarque | null = null;
  let dossier: string | null = null;
  let urlAdmin = process.env.TEST_DATABASE_URL ?? null;
  if (!urlAdmin) {
    dossier = await fs.mkdtemp(path.join(os.tmpdir(), 'maillage-test-'));
    await fs.chmod(dossier, 0o755);
    serveur = await demarrerPostgresEmbarque(dossier);
    urlAdmin = serveur.url;
  }
  const admin = new pg.Client({ connectionString: urlAdmin });
  await admin.connect();
  await admin.query(`drop database if exists ${BASE_MODELE} with (force)`);
  await admin.query(`create database ${BASE_MODELE}`);
  await admin.end();

  const urlModele = new URL(urlAdmin);
  urlModele.pathname = `/${BASE_MODELE}`;
  const modele = creerPool(urlModele.toString(), 2);
  await appliquerMigrations(modele);
  // The reference data main.ts loads at start, demo or not.
  await preparerDonneesDeReference(modele, () => {});
  await modele.end();

  provide('urlAdminPg', urlAdmin);
  provide('modeBase', serveur ? 'embedded' : 'external');

  return async () => {
    await serveur?.arreter();
    if (dossier) await fs.rm(dossier, { recursive: true, force: true });
  };
}
