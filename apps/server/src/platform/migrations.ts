import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { RACINE } from '../config';
import type { Db } from './database';
import { installerFileDeTaches } from './taches';

export const DOSSIER_MIGRATIONS = path.join(RACINE, 'apps/server/migrations');

/**
 * Applies the committed SQL files in name order, each in its own transaction, under an advisory lock so that
 * several processes starting together apply them once. An applied file that changed is an error: never edit one.
 */
export async function appliquerMigrations(db: Db, dossier = DOSSIER_MIGRATIONS): Promise<string[]> {
  const fichiers = (await fs.readdir(dossier)).filter((f) => f.endsWith('.sql')).sort();
  const client = await db.connect();
  const appliquees: string[] = [];
  try {
    await client.query("select pg_advisory_lock(hashtext('maillage:migrations'))");
    await client.query(`create table if not exists migrations (
      nom text primary key, empreinte text not null, appliquee_le timestamptz not null default now())`);
    const { rows } = await client.query<{ nom: string; empreinte: string }>('select nom, empreinte from migrations');
    const connues = new Map(rows.map((r) => [r.nom, r.empreinte]));
    for (const fichier of fichiers) {
      const sql = await fs.readFile(path.join(dossier, fichier), 'utf8');
      const empreinte = createHash('sha256').update(sql).digest('hex');
      const deja = connues.get(fichier);
      if (deja) {
        if (deja !== empreinte) throw new Error(`La migration ${fichier} a été modifiée après son application : créez-en une nouvelle.`);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query('insert into migrations (nom, empreinte) values ($1, $2)', [fichier, empreinte]);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback');
        throw new Error(`Échec de la migration ${fichier} : ${(e as Error).message}`);
      }
      appliquees.push(fichier);
    }
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('maillage:migrations'))").catch(() => {});
    client.release();
  }
  // pg-boss keeps its own schema and versions, under its own lock.
  await installerFileDeTaches(db);
  return appliquees;
}
