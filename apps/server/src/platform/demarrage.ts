import path from 'node:path';
import type { Config } from '../config';
import { chargerReferentiel } from '../modules/territoires/territoires.loader';
import type { Contexte } from './contexte';
import { creerPool } from './database';
import { demarrerPostgresEmbarque, type ServeurEmbarque } from './embedded-postgres';
import { creerMessagerie } from './mail';
import { appliquerMigrations } from './migrations';
import { Taches } from './taches';

export interface Plateforme {
  ctx: Contexte;
  arreter(): Promise<void>;
}

/** Database (embedded or external) → migrations → référentiel: everything the app needs before it listens. */
export async function demarrerPlateforme(config: Config, journal: (m: string) => void): Promise<Plateforme> {
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
    const referentiel = await chargerReferentiel(db);
    if (referentiel.charge) journal(`Référentiel territorial chargé (@etalab/decoupage-administratif ${referentiel.version})`);
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
