import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { pluriel } from '@maillage/domain/texte';
import { pipeline } from 'node:stream/promises';
import { PassThrough, Writable } from 'node:stream';
import zlib from 'node:zlib';
import type pg from 'pg';
import { from as copierDepuis, to as copierVers } from 'pg-copy-streams';
import { DOSSIER_MIGRATIONS } from './migrations';
import { ErreurSauvegarde, nomDeSauvegarde, publierSansEcraser } from './sauvegarde-fichiers';

/**
 * Logical backup and restore, the same for the embedded and an external PostgreSQL (no pg_dump needed, whose
 * version must match the server's). A backup is one gzip file: a header (format, date, the migrations the schema
 * is at, each table's columns and row count), then every table's rows in COPY text format, in a consistent snapshot
 * and in primary-key order, so that backing up a restored database gives the same rows byte for byte.
 */

const SIGNATURE = 'MAILLAGE-SAUVEGARDE 1';

interface Table {
  nom: string;
  colonnes: string[];
  cle: string[];
  lignes: number;
}

export interface EnTete {
  creeLe: string;
  migrations: { nom: string; empreinte: string }[];
  /** In load order: every reference points to a table before it, except the `differees`, which close a cycle. */
  tables: Table[];
  differees: { table: string; colonne: string }[];
}

const id = (nom: string) => `"${nom.replaceAll('"', '""')}"`;

/** The application's tables, their stored (not generated) columns and their primary key. */
async function tables(client: pg.ClientBase): Promise<Omit<Table, 'lignes'>[]> {
  const { rows } = await client.query(
    `select t.table_name as nom,
       array(select c.column_name::text from information_schema.columns c where c.table_schema = 'public' and c.table_name = t.table_name
             and c.is_generated = 'NEVER' order by c.ordinal_position) as colonnes,
       array(select a.attname::text from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
             where i.indrelid = (quote_ident(t.table_name))::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)) as cle
     from information_schema.tables t where t.table_schema = 'public' and t.table_type = 'BASE TABLE' and t.table_name <> 'migrations'
     order by t.table_name`,
  );
  return rows;
}

/** A scratch name next to the final one, unique to this run: two backups at once never write the same file. */
const partielPour = (dossier: string) => path.join(dossier, `.maillage-${process.pid}-${randomBytes(4).toString('hex')}.partiel`);

/** Writes a backup of the whole database to `fichier`, which must not exist: a backup never replaces another. */
export async function sauvegarder(pool: pg.Pool, fichier: string): Promise<EnTete> {
  const dejaLa = () =>
    new ErreurSauvegarde(`${fichier} existe déjà : une sauvegarde n’en remplace jamais une autre. Choisissez un autre nom.`);
  if (existsSync(fichier)) throw dejaLa();
  const partiel = partielPour(path.dirname(fichier));
  const entete = await ecrireSauvegarde(pool, partiel);
  if (!(await publierSansEcraser(partiel, fichier))) {
    await fs.rm(partiel, { force: true });
    throw dejaLa();
  }
  return entete;
}

/**
 * Writes a backup into `dossier` under a name of its own: its date to the second, then `-2`, `-3`… when that name
 * is taken (two backups in the same second, or at the same time).
 */
export async function sauvegarderDans(pool: pg.Pool, dossier: string): Promise<{ fichier: string; entete: EnTete }> {
  await fs.mkdir(dossier, { recursive: true });
  const partiel = partielPour(dossier);
  const entete = await ecrireSauvegarde(pool, partiel);
  try {
    for (let rang = 1; rang < 10_000; rang++) {
      const fichier = path.join(dossier, nomDeSauvegarde(new Date(entete.creeLe), rang));
      if (await publierSansEcraser(partiel, fichier)) return { fichier, entete };
    }
  } catch (e) {
    await fs.rm(partiel, { force: true });
    throw e;
  }
  await fs.rm(partiel, { force: true });
  throw new ErreurSauvegarde(`Aucun nom libre pour la sauvegarde dans ${dossier}.`);
}

/** The backup itself, into `partiel`. Returns its header. */
async function ecrireSauvegarde(pool: pg.Pool, partiel: string): Promise<EnTete> {
  const client = await pool.connect();
  try {
    // One snapshot for every table: the backup is consistent even while Maillage is running.
    await client.query('begin isolation level repeatable read read only');
    const { rows: migrations } = await client.query('select nom, empreinte from migrations order by nom').catch((e) => {
      if (e.code === '42P01')
        throw new ErreurSauvegarde('Cette base ne contient pas de données de Maillage (il n’y a jamais démarré) : rien à sauvegarder.');
      throw e;
    });
    const liste = await tables(client);
    const { ordre, differees } = await ordreDeChargement(
      client,
      liste.map((t) => t.nom),
    );
    const entete: EnTete = { creeLe: new Date().toISOString(), migrations, tables: [], differees };
    for (const t of ordre.map((nom) => liste.find((x) => x.nom === nom)!))
      entete.tables.push({ ...t, lignes: Number((await client.query(`select count(*) from ${id(t.nom)}`)).rows[0].count) });

    const sortie = new PassThrough();
    const ecriture = pipeline(sortie, zlib.createGzip(), createWriteStream(partiel, { flags: 'wx' }));
    const ecrire = (texte: string | Buffer) =>
      new Promise<void>((resolve) => (sortie.write(texte) ? resolve() : sortie.once('drain', resolve)));
    await ecrire(`${SIGNATURE}\n${JSON.stringify(entete)}\n`);
    for (const t of entete.tables) {
      await ecrire(`-- TABLE ${t.nom}\n`);
      const ordre = (t.cle.length ? t.cle : t.colonnes).map(id).join(', ');
      const flux = client.query(copierVers(`copy (select ${t.colonnes.map(id).join(', ')} from ${id(t.nom)} order by ${ordre}) to stdout`));
      // Bytes as they come: a chunk may end in the middle of a UTF-8 character.
      await pipeline(flux, new Writable({ write: (morceau: Buffer, _e, fini) => void ecrire(morceau).then(() => fini()) }));
      await ecrire('\\.\n');
    }
    sortie.end();
    await ecriture;
    await client.query('commit');
    // Named only when complete: a backup file is never half written.
    return entete;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    await fs.rm(partiel, { force: true });
    throw e;
  } finally {
    client.release();
  }
}

/**
 * The lines of a backup. Errors of the file or of gunzip reach the reader (a pipe alone would leave them unhandled
 * and crash the process), said in French.
 */
function lignesDe(fichier: string) {
  const gunzip = zlib.createGunzip();
  pipeline(createReadStream(fichier), gunzip).catch(() => {}); // the error also destroys gunzip, which the reader sees
  const lignes = readline.createInterface({ input: gunzip, crlfDelay: Infinity });
  lignes.once('close', () => gunzip.destroy()); // read only in part (the header): the file is closed too
  return lignes;
}

function erreurDeLecture(fichier: string, e: unknown): Error {
  if (e instanceof ErreurSauvegarde) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const nom = path.basename(fichier);
  if (code === 'ENOENT') return new ErreurSauvegarde(`${fichier} est introuvable.`);
  if (code === 'EACCES') return new ErreurSauvegarde(`${fichier} ne peut pas être lu (droits).`);
  if (code === 'EISDIR') return new ErreurSauvegarde(`${fichier} est un dossier, pas une sauvegarde.`);
  if (code?.startsWith('Z_') || e instanceof SyntaxError)
    return new ErreurSauvegarde(`${nom} n’est pas une sauvegarde de Maillage, ou elle est abîmée (${(e as Error).message}).`);
  return e as Error;
}

/** Reads the header only: what a backup holds, before restoring it. */
export async function lireEnTete(fichier: string): Promise<EnTete> {
  try {
    const lignes = lignesDe(fichier);
    let n = 0;
    for await (const ligne of lignes) {
      if (n === 0 && ligne !== SIGNATURE) throw new ErreurSauvegarde(`${path.basename(fichier)} n’est pas une sauvegarde de Maillage.`);
      if (n === 1) {
        lignes.close();
        return JSON.parse(ligne);
      }
      n++;
    }
  } catch (e) {
    throw erreurDeLecture(fichier, e);
  }
  throw new ErreurSauvegarde(`${path.basename(fichier)} est vide ou tronquée.`);
}

/**
 * Replaces the database's content with the backup's, in one transaction: the schema is rebuilt from the same
 * migrations the backup was taken at, the rows are loaded, then any newer migration is applied. If anything fails,
 * nothing has changed. Tables are loaded in foreign-key order; a reference to a table loaded later (a cycle) is
 * filled in after.
 */
export async function restaurer(pool: pg.Pool, fichier: string, journal: (m: string) => void = () => {}) {
  const entete = await lireEnTete(fichier);
  const locales = new Map<string, string>();
  for (const nom of (await fs.readdir(DOSSIER_MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort())
    locales.set(
      nom,
      createHash('sha256')
        .update(await fs.readFile(path.join(DOSSIER_MIGRATIONS, nom), 'utf8'))
        .digest('hex'),
    );
  for (const m of entete.migrations) {
    if (!locales.has(m.nom))
      throw new ErreurSauvegarde(
        `Cette sauvegarde vient d’une version plus récente de Maillage (migration ${m.nom} inconnue ici) : mettez Maillage à jour avant de la restaurer.`,
      );
    if (locales.get(m.nom) !== m.empreinte)
      throw new ErreurSauvegarde(`La migration ${m.nom} de cette sauvegarde diffère de celle de ce code : restauration refusée.`);
  }
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('drop schema public cascade');
    await client.query('create schema public');
    await client.query(
      `create table migrations (nom text primary key, empreinte text not null, appliquee_le timestamptz not null default now())`,
    );
    for (const m of entete.migrations) {
      await client.query(await fs.readFile(path.join(DOSSIER_MIGRATIONS, m.nom), 'utf8'));
      await client.query('insert into migrations (nom, empreinte) values ($1, $2)', [m.nom, m.empreinte]);
    }
    // A migration may seed reference rows (0026: the types of resource); the backup holds each of its tables whole.
    for (const t of entete.tables)
      if ((await client.query(`select exists (select from ${id(t.nom)}) as seme`)).rows[0]?.seme)
        await client.query(`delete from ${id(t.nom)}`);
    // The rows stream from the file straight into COPY, table after table, in the order they were written.
    const lignes = lignesDe(fichier);
    let n = 0;
    let table: Table | null = null;
    let copie: Writable | null = null;
    let finCopie: Promise<void> | null = null;
    for await (const ligne of lignes) {
      if (n++ < 2) continue;
      if (!table) {
        if (!ligne.startsWith('-- TABLE ')) continue;
        table = entete.tables.find((t) => t.nom === ligne.slice(9)) ?? null;
        if (!table) throw new Error(`Table inattendue dans la sauvegarde : ${ligne.slice(9)}`);
        const reportees = entete.differees.filter((d) => d.table === table!.nom).map((d) => d.colonne);
        const colonnes = table.colonnes.map(id).join(', ');
        // A table with references loaded later goes through a scratch copy: inserted with those references empty,
        // then completed once every table is in.
        const cible = reportees.length ? 'chargement' : id(table.nom);
        if (reportees.length) await client.query(`create temp table chargement (like ${id(table.nom)} including defaults) on commit drop`);
        const flux = client.query(copierDepuis(`copy ${cible} (${colonnes}) from stdin`));
        copie = flux;
        finCopie = new Promise<void>((resolve, reject) => {
          flux.on('finish', () => resolve());
          flux.on('error', reject);
        });
        continue;
      }
      if (ligne !== '\\.') {
        if (!copie!.write(`${ligne}\n`)) await new Promise((r) => copie!.once('drain', r));
        continue;
      }
      copie!.end();
      await finCopie;
      const reportees = entete.differees.filter((d) => d.table === table!.nom).map((d) => d.colonne);
      if (reportees.length) {
        const colonnes = table.colonnes.map(id).join(', ');
        await client.query(
          `insert into ${id(table.nom)} (${colonnes}) select ${table.colonnes.map((c) => (reportees.includes(c) ? 'null' : id(c))).join(', ')} from chargement`,
        );
        await client.query(
          `create temp table ${id(`report_${table.nom}`)} on commit drop as select ${[...table.cle, ...reportees].map(id).join(', ')} from chargement`,
        );
        await client.query('drop table chargement');
      }
      journal(`${table.nom} : ${pluriel(table.lignes, 'ligne')}`);
      table = null;
      copie = null;
    }
    if (table) throw new ErreurSauvegarde(`Sauvegarde tronquée : la table ${table.nom} n’est pas complète.`);
    const differees = entete.differees;
    for (const d of differees) {
      const t = entete.tables.find((x) => x.nom === d.table)!;
      await client.query(
        `update ${id(d.table)} c set ${id(d.colonne)} = r.${id(d.colonne)} from ${id(`report_${d.table}`)} r where ${t.cle.map((k) => `c.${id(k)} = r.${id(k)}`).join(' and ')}`,
      );
    }
    // Serial columns continue after the restored rows.
    await client.query(`do $$ declare r record; begin
      for r in select c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq from information_schema.columns c
        where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null loop
        execute format('select setval(%L, coalesce((select max(%I) from %I), 0) + 1, false)', r.seq, r.column_name, r.table_name);
      end loop; end $$`);
    await client.query('commit');
    return entete;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw erreurDeLecture(fichier, e);
  } finally {
    client.release();
  }
}

/** Tables in an order where every reference points to a table already loaded, except the references that close a cycle. */
async function ordreDeChargement(client: pg.ClientBase, noms: string[]) {
  const { rows } = await client.query(
    `select cl.relname as table, a.attname as colonne, cf.relname as cible, not a.attnotnull as nullable
     from pg_constraint co join pg_class cl on cl.oid = co.conrelid join pg_class cf on cf.oid = co.confrelid
     join pg_namespace n on n.oid = cl.relnamespace join pg_attribute a on a.attrelid = co.conrelid and a.attnum = co.conkey[1]
     where co.contype = 'f' and n.nspname = 'public'`,
  );
  const ordre: string[] = [];
  const differees: { table: string; colonne: string }[] = [];
  const restantes = new Set(noms);
  while (restantes.size) {
    const prete = [...restantes].find((t) => rows.every((r) => r.table !== t || r.cible === t || !restantes.has(r.cible)));
    if (prete) {
      ordre.push(prete);
      restantes.delete(prete);
      continue;
    }
    // A cycle: take a table whose references to tables not yet loaded may be empty for a while (the fewest),
    // and fill them in at the end.
    const enAttente = (t: string) => rows.filter((x) => x.table === t && x.cible !== t && restantes.has(x.cible));
    const candidates = [...restantes]
      .filter((t) => enAttente(t).every((r) => r.nullable))
      .sort((a, b) => enAttente(a).length - enAttente(b).length || a.localeCompare(b));
    if (!candidates.length) throw new Error('Cycle de références sans colonne facultative : impossible d’ordonner le chargement.');
    const t = candidates[0];
    for (const r of rows.filter((x) => x.table === t && x.cible !== t && restantes.has(x.cible)))
      differees.push({ table: t, colonne: r.colonne });
    ordre.push(t);
    restantes.delete(t);
  }
  return { ordre, differees };
}
