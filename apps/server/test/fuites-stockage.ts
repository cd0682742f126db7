import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect } from 'vitest';
import { sauvegarder } from '../src/platform/sauvegarde';
import { marqueursDans, scannerBase } from './fuites';
import type { ServeurDeTest } from './harness';

/**
 * Where a case could lie in clear once written: the general audit log, the module's own tables (ciphertext only), any
 * other table of the database (search vectors, the job queue, the idempotency table, sessions…), a backup, and the
 * key that opens it all (which must stay outside the database).
 */

/** The general audit log, read directly: details, context and names of entities. */
async function verifierAudit(serveur: ServeurDeTest, cles: Record<string, string>) {
  const { rows } = await serveur.ctx.db.query<{ ligne: string; appui: boolean }>(
    `select a::text as ligne, a.entite_type like '%appui%' or a.entite_type in ('demande_appui', 'situation_appui') as appui
       from audit_evenements a order by id`,
  );
  // The case's changes are audited (a sentence each): the check reads them, it is not vacuous.
  expect(rows.filter((r) => /appui|situation|demande/.test(r.ligne)).length).toBeGreaterThan(5);
  return rows.flatMap((r) => {
    const trouves = marqueursDans(r.ligne, cles);
    return trouves.length ? [`audit_evenements [${trouves}] ${r.ligne.slice(0, 300)}`] : [];
  });
}

/**
 * The module's tables: each binary column holds ciphertext (no marker in its bytes, not readable as text), each
 * column the markers were written to holds something, and no text column holds a marker.
 */
async function verifierTablesAppui(serveur: ServeurDeTest, cles: Record<string, string>) {
  const { rows: colonnes } = await serveur.ctx.db.query<{ table: string; colonne: string }>(
    `select table_name as table, column_name as colonne from information_schema.columns
      where table_schema = 'public' and table_name like 'appui%' and data_type = 'bytea' order by 1, 2`,
  );
  expect(colonnes.length).toBeGreaterThanOrEqual(5);
  const fuites: string[] = [];
  let chiffres = 0;
  const decodeur = new TextDecoder('utf-8', { fatal: true });
  for (const { table, colonne } of colonnes) {
    const { rows } = await serveur.ctx.db.query<{ v: Buffer }>(`select "${colonne}" as v from "${table}" where "${colonne}" is not null`);
    for (const { v } of rows) {
      chiffres++;
      const trouves = marqueursDans(v.toString('latin1'), cles);
      let lisible = false;
      try {
        decodeur.decode(v);
        lisible = v.length > 16;
      } catch {
        // not UTF-8: as ciphertext is
      }
      if (trouves.length || lisible) fuites.push(`${table}.${colonne} [${trouves}] ${lisible ? 'lisible comme du texte' : ''}`);
    }
  }
  // identity, reason, caller, evaluation, orientation comment, opposition, declared reason at least.
  expect(chiffres).toBeGreaterThanOrEqual(7);
  return fuites;
}

/** The key file of DATA_DIR: its keys must appear nowhere in the database or a backup, in base64 or in hex. */
function clesDeChiffrement(serveur: ServeurDeTest): Record<string, string> {
  const fichier = path.join(serveur.ctx.config.dataDir, 'cles-sante.json');
  if (!fs.existsSync(fichier)) return {};
  const contenu = JSON.parse(fs.readFileSync(fichier, 'utf8')) as { cles: { id: string; cle: string }[] };
  return Object.fromEntries(
    contenu.cles.flatMap((c) => [
      [`cle ${c.id} (base64)`, c.cle.toLowerCase()],
      [`cle ${c.id} (hex)`, Buffer.from(c.cle, 'base64').toString('hex')],
    ]),
  );
}

export async function verifierStockage(serveur: ServeurDeTest, cles: Record<string, string>, _plantes: string[]) {
  const fuites: string[] = [];
  fuites.push(...(await verifierAudit(serveur, cles)));
  fuites.push(...(await verifierTablesAppui(serveur, cles)));

  // The scan finds a clear text where one lies: a witness written in a transaction, seen, then rolled back.
  const client = await serveur.ctx.db.connect();
  try {
    await client.query('begin');
    await client.query(`insert into organisations (nom, type) values ('Témoin qtemoinfuite7', 'autre')`);
    expect((await scannerBase(client, { temoin: 'qtemoinfuite7' })).trouvailles).toHaveLength(1);
  } finally {
    await client.query('rollback');
    client.release();
  }

  const secrets = clesDeChiffrement(serveur);
  const tout = { ...cles, ...secrets };
  const scan = await scannerBase(serveur.ctx.db, tout);
  expect(scan.tables).toBeGreaterThan(50);
  fuites.push(...scan.trouvailles);

  // A backup as `npm run backup` writes it: its bytes, then its rows once unpacked.
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-fuites-sauvegarde-'));
  try {
    const fichier = path.join(dossier, 'sauvegarde.maillage.gz');
    const entete = await sauvegarder(serveur.ctx.db, fichier);
    const appui = entete.tables.filter((t) => t.nom.startsWith('appui') && t.lignes > 0);
    expect(appui.length, 'la sauvegarde contient les tables du module').toBeGreaterThanOrEqual(5);
    const octets = fs.readFileSync(fichier);
    const clair = zlib.gunzipSync(octets);
    for (const [quoi, texte] of [
      ['sauvegarde (octets)', octets.toString('latin1')],
      ['sauvegarde (décompressée)', clair.toString('utf8')],
    ]) {
      const trouves = marqueursDans(texte, tout);
      if (trouves.length) fuites.push(`${quoi} [${trouves}]`);
    }
    // The case is there, as ciphertext (COPY writes bytea in hex): the check above read the right rows.
    expect(clair.toString('utf8')).toMatch(/\\\\x[0-9a-f]{40,}/);
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
  expect(fuites).toEqual([]);
}
