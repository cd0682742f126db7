import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import type { Queryable } from '../src/platform/database';

/**
 * Tools of the leak tests (issue 18 item 9): distinctive markers planted in a case, the text of any answer (JSON,
 * CSV, PDF, spreadsheet, archive), every line the server logs, and a scan of every row of every table.
 */

/** Random lower-case letters, consonants only: no French suffix (-e, -es, -ement…) for a stemmer to cut. */
function lettres(n: number) {
  const alphabet = 'bcdfghjklmnpqrstvwxz';
  return [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface Marqueurs {
  nom: string;
  nomUsage: string;
  prenom: string;
  /** The carer who called the team. */
  demandeur: string;
  /** A participant of a concertation (a carer, by name). */
  participant: string;
  /** 15 digits, as an INS (NIR) is entered. */
  ins: string;
  telephone: string;
  motif: string;
  note: string;
  commentaireEvaluation: string;
  commentaireOrientation: string;
  plan: string;
  concertation: string;
  opposition: string;
  motifDeclare: string;
  cloture: string;
}

/**
 * One marker per kind of nominative or health datum. Names are letters only (a name field may refuse digits); free
 * texts carry a letter-and-digit token, which PostgreSQL's french configuration indexes whole (no stemming).
 */
export function creerMarqueurs(): Marqueurs {
  const nom = (prefixe: string) => `${prefixe}${lettres(9)}`;
  const mot = (prefixe: string) => `${prefixe}${lettres(4)}${[...randomBytes(3)].map((b) => b % 10).join('')}${lettres(3)}`;
  const chiffres = () => [...randomBytes(15)].map((b) => b % 10).join('');
  return {
    nom: nom('Qz'),
    nomUsage: nom('Qu'),
    prenom: nom('Qp'),
    demandeur: nom('Qd'),
    participant: nom('Qa'),
    ins: `2${chiffres().slice(1)}`,
    telephone: `06${chiffres().slice(0, 8)}`,
    motif: `Chutes répétées et isolement ${mot('qm')}`,
    note: `Note clinique ${mot('qn')}`,
    commentaireEvaluation: `Troubles cognitifs ${mot('qe')}`,
    commentaireOrientation: `Orientation discutée ${mot('qo')}`,
    plan: `Objectif du plan ${mot('qy')}`,
    concertation: `Décision de concertation ${mot('qc')}`,
    opposition: `Opposition exprimée ${mot('qx')}`,
    motifDeclare: `Remplacement du référent ${mot('qr')}`,
    cloture: `Précision de clôture ${mot('qk')}`,
  };
}

/** The distinctive part of each marker (what is searched), by kind. */
export function noyaux(m: Marqueurs): Record<string, string> {
  return Object.fromEntries(Object.entries(m).map(([cle, valeur]) => [cle, valeur.split(' ').at(-1)!.toLowerCase()]));
}

/** Which markers a text holds (case and spacing ignored: a PDF or a tsvector changes both). */
export function marqueursDans(texte: string, cles: Record<string, string>): string[] {
  const bas = texte.toLowerCase();
  const serre = bas.replace(/\s+/g, '');
  return Object.entries(cles)
    .filter(([, n]) => bas.includes(n) || serre.includes(n))
    .map(([k]) => k);
}

function fichierTemporaire(contenu: Buffer, extension: string) {
  const fichier = path.join(os.tmpdir(), `maillage-fuites-${process.pid}-${randomBytes(4).toString('hex')}.${extension}`);
  fs.writeFileSync(fichier, contenu);
  return fichier;
}

/**
 * What a reader of an answer sees, whatever its format: a PDF through poppler's pdftotext (its streams are
 * compressed: grepping the bytes would find nothing), a spreadsheet or an archive through unzip (every entry), gzip
 * unpacked, anything else as UTF-8.
 */
export function texteLisible(corps: Buffer): string {
  if (corps.subarray(0, 5).toString('latin1') === '%PDF-') {
    const fichier = fichierTemporaire(corps, 'pdf');
    try {
      return execFileSync('pdftotext', ['-raw', fichier, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    } finally {
      fs.rmSync(fichier);
    }
  }
  if (corps[0] === 0x50 && corps[1] === 0x4b) {
    const fichier = fichierTemporaire(corps, 'zip');
    try {
      const brut = execFileSync('unzip', ['-p', fichier], { maxBuffer: 256 * 1024 * 1024 });
      return `${texteLisible(brut)}\n${brut.toString('utf8').replace(/<[^>]+>/g, ' ')}`;
    } finally {
      fs.rmSync(fichier);
    }
  }
  if (corps[0] === 0x1f && corps[1] === 0x8b) return texteLisible(zlib.gunzipSync(corps));
  return corps.toString('utf8');
}

/** Every line the server writes (pino's JSON lines, the jobs' and the mail's messages), kept in memory. */
export class JournalCapture extends Writable {
  readonly lignes: string[] = [];
  private reste = '';
  override _write(morceau: Buffer | string, _enc: BufferEncoding, fin: () => void) {
    const texte = this.reste + String(morceau);
    const parts = texte.split('\n');
    this.reste = parts.pop() ?? '';
    this.lignes.push(...parts.filter(Boolean));
    fin();
  }
  /** The lines holding a marker. The address a client asked for is its own words: a search the test sends is left out. */
  fuites(cles: Record<string, string>): string[] {
    return [...this.lignes, this.reste].filter(Boolean).flatMap((ligne) => {
      let texte = ligne;
      try {
        const objet = JSON.parse(ligne);
        if (objet?.req?.url && !objet.res) objet.req.url = '(adresse demandée par le test)';
        texte = JSON.stringify(objet);
      } catch {
        // not JSON: a message of the jobs or the mail
      }
      const trouves = marqueursDans(texte, cles);
      return trouves.length ? [`${trouves.join(',')} ← ${texte.slice(0, 400)}`] : [];
    });
  }
}

/**
 * Every row of every table of the database (our schema, pg-boss's queue, whatever else), generated columns and search
 * vectors included, searched for the markers; a bytea column is also read as text (encode … 'escape' keeps printable
 * bytes), so a clear text hidden in a binary column is found as well. `sauf` names tables left out (schema.table).
 */
export async function scannerBase(db: Queryable, cles: Record<string, string>, sauf: string[] = []) {
  const { rows: tables } = await db.query<{ schema: string; nom: string; binaires: string[] }>(
    `select t.table_schema as schema, t.table_name as nom,
       coalesce(array_agg(c.column_name::text) filter (where c.data_type = 'bytea'), '{}') as binaires
     from information_schema.tables t
     join information_schema.columns c on c.table_schema = t.table_schema and c.table_name = t.table_name
     where t.table_type = 'BASE TABLE' and t.table_schema not in ('pg_catalog', 'information_schema')
     group by 1, 2 order by 1, 2`,
  );
  // The keys are base64 (« + », « / »): every marker is matched literally, not as a pattern.
  const motif = Object.values(cles)
    .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const id = (n: string) => `"${n.replaceAll('"', '""')}"`;
  const trouvailles: string[] = [];
  for (const t of tables) {
    if (sauf.includes(`${t.schema}.${t.nom}`)) continue;
    const binaires = t.binaires.map((b) => `coalesce(encode(x.${id(b)}, 'escape'), '')`);
    const texte = ['x::text', ...binaires].join(" || ' ' || ");
    const { rows } = await db.query<{ ligne: string }>(
      `select left(${texte}, 20000) as ligne from ${id(t.schema)}.${id(t.nom)} x where (${texte}) ~* $1 limit 5`,
      [motif],
    );
    for (const r of rows) trouvailles.push(`${t.schema}.${t.nom} [${marqueursDans(r.ligne, cles).join(',')}] ${r.ligne.slice(0, 300)}`);
  }
  return { tables: tables.length, trouvailles };
}
