import path from 'node:path';
import type { Config } from '../config';
import type { Contexte } from './contexte';
import { creerPool, type Db } from './database';
import { demarrerPostgresEmbarque, type ServeurEmbarque } from './embedded-postgres';
import { creerMessagerie } from './mail';
import { appliquerMigrations } from './migrations';
import { Taches } from './taches';

export interface Plateforme {
  ctx: Contexte;
  arreter(): Promise<void>;
}

/** Reference data the modules need before anything else runs (the référentiel géographique): main.ts and cli.ts say which. */
export type DonneesDeReference = (db: Db, journal: (m: string) => void) => Promise<void>;

/** Database (embedded or external) → migrations → reference data: everything the app needs before it listens. */
export async function demarrerPlateforme(
  config: Config,
  journal: (m: string) => void,
  donneesDeReference: DonneesDeReference,
): Promise<Plateforme> {
  let embarque: ServeurEmbarque | null = null;
  let url = config.databaseUrl;
  if (!url) {
    journal(`Démarrage de PostgreSQL embarqué dans ${path.join(config.dataDir, 'postgres')}…`);
    embarque = await demarrerPostgresEmbarque(config.dataDir, { journal });
    url = embarque.url;
  }
  const db = creerPool(url);
  try {
    const appliquees = await appliquerMigrations(db);
    if (appliquees.length) journal(`Migrations appliquées : ${appliquees.join(', ')}`);
    await donneesDeReference(db, journal);
  } catch (e) {
    await db.end();
    await embarque?.arreter();
    throw e;
  }
  const messagerie = creerMessagerie({
    smtpUrl: config.smtpUrl,
    expediteur: config.mailFrom,
    dossierSortie: path.join(config.dataDir, 'outbox'),
    journal,
  });
  const ctx: Contexte = { db, config, messagerie, taches: new Taches(db, journal), modeBase: embarque ? 'embedded' : 'external' };
  return {
    ctx,
    async arreter() {
      await ctx.taches.arreter();
      await db.end();
      await embarque?.arreter();
    },
  };
}
