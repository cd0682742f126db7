import autocannon from 'autocannon';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type pg from 'pg';
import { SQL_SERIES_PERIMETRE } from '../apps/server/src/modules/diagnostics/series.repository';
import { planGenere } from '../apps/server/test/plan-genere';
import { EPCI_REDON, NOMBRE_INDICATEURS } from './donnees';
import { type Client, lancerServeur } from './serveur';

export const percentile = (valeurs: number[], p: number) => {
  const tri = [...valeurs].sort((a, b) => a - b);
  return tri[Math.min(tri.length - 1, Math.max(0, Math.ceil((p / 100) * tri.length) - 1))];
};

/** Runs `f` `n` times in a row (after a few warm-up calls) and returns each duration in ms. */
export async function chronometrer(f: () => Promise<unknown>, n: number, echauffement = 3): Promise<number[]> {
  for (let i = 0; i < echauffement; i++) await f();
  const durees: number[] = [];
  for (let i = 0; i < n; i++) {
    const debut = performance.now();
    await f();
    durees.push(performance.now() - debut);
  }
  return durees;
}

/** A data directory the embedded PostgreSQL (run as the `postgres` OS user under root) can use. */
export function dossierDonnees(prefixe: string): string {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), prefixe));
  fs.chmodSync(dossier, 0o755);
  return dossier;
}

/** Cold start (empty data directory: initdb, migrations, référentiel) then warm restarts on the same directory. */
export async function mesurerDemarrages(dataDir: string, redemarrages: number) {
  const froid = await lancerServeur(dataDir, { MAILLAGE_DEMO: '0' });
  await froid.arreter();
  const tiedes: number[] = [];
  for (let i = 0; i < redemarrages; i++) {
    const s = await lancerServeur(dataDir, { MAILLAGE_DEMO: '0' });
    tiedes.push(s.demarrageMs);
    await s.arreter();
  }
  return { froidMs: froid.demarrageMs, tiedesMs: tiedes };
}

const ACCEPTE = { 'accept-encoding': 'gzip, deflate, br' };

/** One kept-alive connection per server, as a browser holds one: created on first use, unreferenced when idle. */
const agents = new Map<string, http.Agent>();

/**
 * GET with the session, whole body read and decompressed (asked compressed, as a browser asks), 200 required.
 * node:http rather than fetch: undici's WHATWG streams cost the bench process itself ~3 ms on the diagnostic's
 * 170 KB answer and most of its p95, a cost of this client that no browser pays (decision 0045).
 */
function lire(client: Client, chemin: string): Promise<number> {
  const url = new URL(chemin, client.url);
  const agent = agents.get(url.host) ?? new http.Agent({ keepAlive: true, maxSockets: 1 });
  agents.set(url.host, agent);
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { ...client.entetes, ...ACCEPTE } }, (reponse) => {
        const morceaux: Buffer[] = [];
        reponse.on('data', (m: Buffer) => morceaux.push(m));
        reponse.on('error', reject);
        reponse.on('end', () => {
          const recu = Buffer.concat(morceaux);
          const encodage = reponse.headers['content-encoding'];
          const corps = encodage === 'br' ? zlib.brotliDecompressSync(recu) : encodage === 'gzip' ? zlib.gunzipSync(recu) : recu;
          if (reponse.statusCode !== 200) reject(new Error(`GET ${chemin} : ${reponse.statusCode} ${corps.toString().slice(0, 300)}`));
          else resolve(corps.length);
        });
      })
      .on('error', reject);
  });
}

/**
 * The diagnostic figure: every indicator's series over the 31 communes of Redon Agglomération through the API, and
 * the route's own statement (catalogue, sums, published values of the EPCI: SQL_SERIES_PERIMETRE, same parameters)
 * run bare on the database. Calls alternate so that both see the same load. No cache: the route computes each call.
 */
export async function mesurerDiagnostic(client: Client, pool: pg.Pool, contratId: string, n: number) {
  const chemin = `/api/diagnostics/series?territoires=epci:${EPCI_REDON}`;
  const api: number[] = [];
  const sql: number[] = [];
  const appelApi = () => lire(client, chemin);
  const appelSql = () => pool.query(SQL_SERIES_PERIMETRE, [null, [EPCI_REDON], [], ['epci'], [EPCI_REDON]]);
  for (let i = 0; i < 5; i++) {
    await appelApi();
    await appelSql();
  }
  for (let i = 0; i < n; i++) {
    let debut = performance.now();
    await appelApi();
    api.push(performance.now() - debut);
    debut = performance.now();
    await appelSql();
    sql.push(performance.now() - debut);
  }
  const series = (await client.get(chemin)) as { indicateurs: { serie: unknown[] }[] };
  const contrat = await chronometrer(() => lire(client, `/api/contrats/${contratId}/diagnostic`), Math.max(10, Math.round(n / 3)));
  return {
    api,
    sql,
    indicateurs: series.indicateurs.length,
    periodes: series.indicateurs.reduce((t, i) => t + i.serie.length, 0),
    contrat,
  };
}

export async function mesurerPortefeuille(client: Client, region: string, n: number) {
  return chronometrer(() => lire(client, `/api/portefeuille?region=${region}`), n, 2);
}

/** One autocannon run: `connexions` clients in a loop over `chemins` for `secondes`. */
async function canon(url: string, chemins: string[], entetes: Record<string, string>, connexions: number, secondes: number) {
  const r = await autocannon({
    url,
    connections: connexions,
    duration: secondes,
    headers: { ...entetes, ...ACCEPTE },
    requests: chemins.map((p) => ({ method: 'GET' as const, path: p })),
  });
  return {
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    erreurs: r.errors + r.timeouts + r.non2xx,
  };
}

type Canon = Awaited<ReturnType<typeof canon>>;

/** Two runs of the same load as one: requests and errors added, rates and latencies averaged. */
const cumuler = (a: Canon, b: Canon): Canon => ({
  rps: (a.rps + b.rps) / 2,
  total: a.total + b.total,
  p50: (a.p50 + b.p50) / 2,
  p99: (a.p99 + b.p99) / 2,
  max: Math.max(a.max, b.max),
  erreurs: a.erreurs + b.erreurs,
});

/**
 * 100 clients on a contract's home (GET /api/contrats/{id}) and its fiche list, against the same load on their SQL
 * references (GET /api/bench/sql/…: the same session lookup and queries, rows as plain JSON, same compression).
 * Product and reference alternate in two rounds of `secondes` / 2 so that both see the machine in the same state.
 * Then 20 clients on both, in two rounds as well, and the bare route (framework and plugins only) for information.
 * A short unmeasured round on both comes first.
 */
export async function mesurerHttp(client: Client, contratId: string, secondes: number) {
  const entetes = { cookie: client.cookie };
  const chemins = [`/api/contrats/${contratId}`, `/api/contrats/${contratId}/fiches`];
  const references = chemins.map((c) => c.replace('/api/', '/api/bench/sql/'));
  const moitie = Math.max(3, Math.round(secondes / 2));
  const tour = async (connexions: number, duree: number, referenceDAbord = false) => {
    const sqlDAbord = referenceDAbord ? await canon(client.url, references, entetes, connexions, duree) : null;
    const produit = await canon(client.url, chemins, entetes, connexions, duree);
    const sql = sqlDAbord ?? (await canon(client.url, references, entetes, connexions, duree));
    return { produit, sql };
  };
  // Warm-up, not measured: the first seconds of a route pay for V8's compilation and the first answer's writer
  // (decision 0045); both sides get the same.
  await tour(20, 3);
  const premier = await tour(100, moitie);
  const second = await tour(100, moitie);
  // Two rounds as well, product first then reference first: neither always follows the 100-client load.
  const tour20 = Math.max(3, Math.round(secondes / 6));
  const vingt1 = await tour(20, tour20);
  const vingt2 = await tour(20, tour20, true);
  const nu = await canon(client.url, ['/api/bench/nu'], {}, 100, moitie);
  return {
    produit: cumuler(premier.produit, second.produit),
    sql: cumuler(premier.sql, second.sql),
    produit20: cumuler(vingt1.produit, vingt2.produit),
    sql20: cumuler(vingt1.sql, vingt2.sql),
    nu,
  };
}

export async function mesurerDocuments(client: Client, contrat40: string, contrat60: string, n: number) {
  const tailles: Record<string, number> = {};
  const mesure = async (cle: string, chemin: string) => {
    tailles[cle] = (await client.telecharger(chemin)).length;
    return chronometrer(() => client.telecharger(chemin), n, 1);
  };
  return {
    pdf: await mesure('pdf', `/api/contrats/${contrat40}/document.pdf`),
    docx: await mesure('docx', `/api/contrats/${contrat40}/document.docx`),
    xlsx: await mesure('xlsx', `/api/contrats/${contrat60}/plan.xlsx`),
    tailles,
  };
}

/**
 * A CSV of `n` new commune values (a source of its own, so every row is a creation), in the format users import:
 * indicator;type;code;period;value;source, decimal commas, a few values under secrecy.
 */
export async function fichierImport(pool: pg.Pool, n: number): Promise<{ csv: Buffer; lignes: number }> {
  const annees = 10;
  const communesNecessaires = Math.ceil(n / (NOMBRE_INDICATEURS * annees));
  const { rows } = await pool.query(`select code from territoires where type = 'commune' order by code limit $1`, [communesNecessaires]);
  const morceaux: string[] = ['indicateur;territoire_type;territoire_code;periode;valeur;source\n'];
  let lignes = 0;
  for (const { code } of rows)
    for (let i = 1; i <= NOMBRE_INDICATEURS && lignes < n; i++)
      for (let a = 0; a < annees && lignes < n; a++) {
        const h = (lignes * 7919) % 1000;
        const valeur = h < 20 ? '-' : `${Math.floor(h / 10)},${h % 10}`;
        morceaux.push(`bench_${String(i).padStart(2, '0')};commune;${code};${2015 + a};${valeur};Import de bench\n`);
        lignes++;
      }
  return { csv: Buffer.from(morceaux.join('')), lignes };
}

/**
 * The product's import path (upload, reading, validation, writing; in the background above 50 000 rows, polled until
 * done) against a raw COPY of the same values, already typed, into a scratch twin of `valeurs`: same columns,
 * constraints (foreign keys included), indexes, and the rows already in it — what storing them costs the database
 * with no product around it. The same COPY into an empty twin is kept for information.
 */
export async function mesurerImport(client: Client, pool: pg.Pool, n: number, journal: (m: string) => void = () => {}) {
  const { csv, lignes } = await fichierImport(pool, n);

  // The same rows as COPY text, typed as the import types them.
  // Like the import's, each row points to its import (a foreign key checked on every row).
  const ID_COPIE = crypto.randomUUID();
  const copie =
    csv
      .toString()
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => {
        const [indicateur, type, code, periode, valeur, source] = l.split(';');
        const masquee = valeur === '-';
        return [
          indicateur,
          type,
          code,
          periode,
          periode,
          periode,
          masquee ? 'masquee' : 'exacte',
          masquee ? '\\N' : valeur.replace(',', '.'),
          valeur,
          source,
          'secret',
          ID_COPIE,
        ].join('\t');
      })
      .join('\n') + '\n';
  const db = await pool.connect();
  const copier = async () => {
    const debut = performance.now();
    const flux = db.query(
      copyFrom(
        `copy bench_copie (indicateur_code, territoire_type, territoire_code, periode, periode_debut, periode_fin, nature, valeur, texte_publie, source, tiret, import_id) from stdin`,
      ),
    );
    await pipeline(Readable.from([copie]), flux);
    return performance.now() - debut;
  };
  let copyVideMs: number;
  let copyMs: number;
  // "including all" leaves foreign keys out: the twin gets those of `valeurs` too.
  const { rows: cles } = await db.query(
    `select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'valeurs'::regclass and contype = 'f'`,
  );
  const avecCles = async () => {
    for (const { def } of cles) await db.query(`alter table bench_copie add ${def}`);
  };
  try {
    await db.query(
      `insert into imports_valeurs (id, nom_fichier, format, etat, cree_par) values ($1, 'copie-bench.tsv', 'csv', 'termine', 'Bench')`,
      [ID_COPIE],
    );
    await db.query('drop table if exists bench_copie');
    await db.query('create table bench_copie (like valeurs including all)');
    await avecCles();
    copyVideMs = await copier();
    // The twin: the rows of `valeurs`, then its indexes built once (faster than maintaining them row by row).
    journal('  copie jumelle de valeurs…');
    await db.query('drop table bench_copie');
    await db.query('create table bench_copie (like valeurs including defaults including constraints)');
    await db.query(`set maintenance_work_mem = '512MB'`);
    await db.query('insert into bench_copie select * from valeurs');
    const { rows: index } = await db.query(`select indexdef from pg_indexes where tablename = 'valeurs'`);
    for (const [k, { indexdef }] of index.entries())
      await db.query((indexdef as string).replace(/INDEX (\S+) ON (\S+\.)?valeurs /, `INDEX bench_copie_${k} ON bench_copie `));
    await avecCles();
    await db.query('vacuum analyze bench_copie');
    copyMs = await copier();
    await db.query('drop table bench_copie');
    await db.query('delete from imports_valeurs where id = $1', [ID_COPIE]);
  } finally {
    db.release();
  }

  const debut = performance.now();
  const formulaire = new FormData();
  formulaire.append('fichier', new Blob([new Uint8Array(csv)]), 'valeurs-bench.csv');
  formulaire.append('options', JSON.stringify({ tiret: 'secret' }));
  const r = await fetch(`${client.url}/api/indicateurs/valeurs/import`, { method: 'POST', body: formulaire, headers: client.entetes });
  const reponse = (await r.json()) as { importId?: string; creees?: number; rapport?: unknown };
  let rapport: { applique?: boolean; creees?: number; rejetees?: number } | undefined;
  if (r.status === 202) {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const etat = await client.get(`/api/indicateurs/imports/${reponse.importId}`);
      if (etat.etat === 'en_cours') continue;
      if (etat.etat !== 'termine') throw new Error(`Import échoué : ${JSON.stringify(etat).slice(0, 500)}`);
      rapport = etat.rapport;
      break;
    }
  } else if (r.status === 200) rapport = reponse as typeof rapport;
  else throw new Error(`Import refusé : ${r.status} ${JSON.stringify(reponse).slice(0, 500)}`);
  const importMs = performance.now() - debut;
  if (rapport?.creees !== lignes) throw new Error(`Import : ${rapport?.creees} valeurs créées sur ${lignes}`);
  return { lignes, octets: csv.length, copyMs, copyVideMs, importMs };
}

/**
 * A plan import at the size a sheet may hold: 1 000 then 4 999 new fiches (CSV in our format, axes, objectifs,
 * pilotes, a financing line each) sent as a dry run to a contract of the dataset — everything a real import does,
 * then rolled back, so the dataset is unchanged. Meanwhile another user polls `/api/health`: its p99 says whether
 * the import holds the others.
 */
export async function mesurerImportPlan(client: Client, contratId: string) {
  const importer = async (n: number) => {
    const formulaire = new FormData();
    formulaire.append('fichier', new Blob([new Uint8Array(planGenere(n, { premier: 100_001 }))]), 'plan-bench.csv');
    const debut = performance.now();
    const r = await fetch(`${client.url}/api/contrats/${contratId}/plan/import?dryRun=true`, {
      method: 'POST',
      body: formulaire,
      headers: client.entetes,
    });
    let rapport = (await r.json()) as { resume?: { crees: number }; suivi?: string };
    // Beyond 500 rows the import runs as a job (202): timed until its report, followed as the web screen does.
    if (r.status === 202 && rapport.suivi) {
      let etat: { etat: string; erreur?: string | null; rapport: typeof rapport | null };
      do {
        await new Promise((fin) => setTimeout(fin, 100));
        etat = (await (await fetch(client.url + rapport.suivi, { headers: client.entetes })).json()) as typeof etat;
      } while (etat.etat === 'en_cours');
      if (!etat.rapport) throw new Error(`Import de plan en tâche : ${etat.etat} ${etat.erreur ?? ''}`);
      rapport = etat.rapport;
    } else if (r.status !== 200) throw new Error(`Import de plan : ${r.status} ${JSON.stringify(rapport).slice(0, 500)}`);
    if (rapport.resume?.crees !== n) throw new Error(`Import de plan : ${r.status} ${JSON.stringify(rapport).slice(0, 500)}`);
    return performance.now() - debut;
  };
  const ms1000 = await importer(1000);
  const autres: number[] = [];
  let actif = true;
  const sonde = (async () => {
    while (actif) {
      const debut = performance.now();
      await fetch(`${client.url}/api/health`);
      autres.push(performance.now() - debut);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const ms5000 = await importer(4999);
  actif = false;
  await sonde;
  return { ms1000, ms5000, autresP99: percentile(autres, 99), sondes: autres.length };
}
