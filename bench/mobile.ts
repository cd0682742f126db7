/**
 * npm run bench:mobile [-- --dist DIR] [-- --donnees DIR] [-- --fois N] [-- --page MOT]: only the bench's Lighthouse mobile part, to
 * compare two builds of the web app in the same conditions without the whole bench. Builds the web app once (or
 * serves DIR), starts the server with the demo and the bench's contracts (the same ~200 published ones, without the
 * indicator values), runs Lighthouse mobile N times per public page and prints each run and the median.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { urlPostgresEnMarche } from '../apps/server/src/platform/embedded-postgres';
import { echelle, genererContrats } from './donnees';
import { dossierDonnees } from './mesures';
import { lancerServeur, RACINE } from './serveur';
import { consultationOuverte, mesurerLighthouse, type ResultatLighthouse } from './web';

const option = (nom: string) => {
  const i = process.argv.indexOf(nom);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const charge = () =>
  os
    .loadavg()
    .map((c) => c.toFixed(1))
    .join(', ');

function construireWeb(): string {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-mobile-web-'));
  execFileSync('npm', ['run', 'prebuild', '-w', '@maillage/web'], { cwd: RACINE, stdio: 'ignore' });
  execFileSync(
    process.execPath,
    [path.join(RACINE, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dossier, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: path.join(RACINE, 'apps/web'), stdio: 'inherit' },
  );
  // The server rendering of the public pages, as `npm run build` does (apps/web/package.json).
  execFileSync(
    process.execPath,
    [
      path.join(RACINE, 'node_modules/vite/bin/vite.js'),
      'build',
      '--ssr',
      'src/publique/entree-serveur.tsx',
      '--outDir',
      path.join(dossier, '.serveur'),
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: path.join(RACINE, 'apps/web'), stdio: 'inherit' },
  );
  return dossier;
}

async function preparerDonnees(dataDir: string, url: string) {
  const pool = new pg.Pool({ connectionString: (await urlPostgresEnMarche(dataDir))!, max: 1 });
  pool.on('error', () => {});
  try {
    const { rows } = await pool.query(`select to_regclass('bench_contrats') as t`);
    if (rows[0].t) return;
    const client = await pool.connect();
    try {
      await client.query('begin');
      await genererContrats(client, echelle(false), (m) => console.log(`  ${m}`));
      await client.query('commit');
      await client.query('vacuum analyze');
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
  void url;
}

const ligne = (r: ResultatLighthouse) =>
  `perf ${r.performance} a11y ${r.accessibilite} FCP ${r.fcpMs} LCP ${r.lcpMs} TBT ${r.tbtMs} CLS ${r.cls} SI ${r.siMs} · ${Math.round(r.octetsKo.total ?? 0)} ko (JS ${Math.round(r.octetsKo.script ?? 0)}, CSS ${Math.round(r.octetsKo.stylesheet ?? 0)}, polices ${Math.round(r.octetsKo.font ?? 0)}, doc ${Math.round(r.octetsKo.document ?? 0)})`;

/** The demo's open consultation, read in the bench's database. */
async function lireConsultation(dataDir: string): Promise<string> {
  const pool = new pg.Pool({ connectionString: (await urlPostgresEnMarche(dataDir))!, max: 1 });
  pool.on('error', () => {});
  try {
    return await consultationOuverte(async (sql) => (await pool.query(sql)).rows);
  } finally {
    await pool.end();
  }
}

async function main() {
  const fois = Number(option('--fois') ?? 3);
  // --page consultation: only the pages whose name holds this word.
  const seulement = option('--page');
  const dist = option('--dist') ?? construireWeb();
  const dataDir = option('--donnees') ?? dossierDonnees('maillage-mobile-');
  console.log(`web : ${dist} · données : ${dataDir}`);
  const serveur = await lancerServeur(dataDir, { MAILLAGE_DEMO: '1', MAILLAGE_WEB_DIST: dist });
  try {
    await preparerDonnees(dataDir, serveur.url);
    const publies = (await (await fetch(`${serveur.url}/api/public/contrats`)).json()) as { id: string }[];
    const consultation = await lireConsultation(dataDir);
    const pages = [
      { nom: 'contrats publiés', chemin: '/public/contrats' },
      { nom: 'contrat public', chemin: `/public/contrats/${publies[0].id}` },
      { nom: 'consultation publique', chemin: `/public/consultations/${consultation}` },
    ].filter((p) => !seulement || p.nom.includes(seulement));
    console.log(`${publies.length} contrats publiés · charge au début ${charge()}`);
    for (const p of pages) {
      const essais: ResultatLighthouse[] = [];
      for (let i = 0; i < fois; i++) {
        const [r] = await mesurerLighthouse(serveur.url, '', [{ ...p, session: false }], 'mobile');
        essais.push(r);
        console.log(`${p.nom} #${i + 1} (charge ${charge()}) : ${ligne(r)}`);
        if (r.echecsAccessibilite.length) console.log(`  accessibilité : ${r.echecsAccessibilite.join(', ')}`);
      }
      // A run where Lighthouse failed (no FCP: the page did not load in time on a busy machine) is no measure.
      const valables = essais.filter((e) => e.fcpMs > 0).sort((a, b) => a.performance - b.performance);
      if (!valables.length) throw new Error(`Aucun passage de Lighthouse n’a abouti sur ${p.chemin}`);
      const m = valables[Math.floor(valables.length / 2)];
      console.log(`MÉDIANE ${p.nom} : ${ligne(m)}\n  pistes : ${m.pistes.join(' · ')}`);
    }
    console.log(`charge à la fin ${charge()}`);
  } finally {
    await serveur.arreter();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
