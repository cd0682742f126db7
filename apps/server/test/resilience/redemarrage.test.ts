import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { attendreFin, processusVivant } from '../../src/platform/processus-systeme';
import { lancerServeur, type ServeurReel } from './serveur-reel';

/**
 * kill -9 of Maillage on its embedded PostgreSQL (what an out-of-memory crash does): PostgreSQL, its child, keeps
 * running. A supervisor restarting the service must not loop on a refusal: the next start stops that leftover
 * cleanly and goes on, with the data. A second Maillage on a directory a live one holds is still refused.
 */

const dossier = await fs.mkdtemp(path.join(os.tmpdir(), 'maillage-redemarrage-'));
// The embedded PostgreSQL runs as the OS user « postgres » when tests run as root: it must reach its folder.
await fs.chmod(dossier, 0o755);
const env = { DATABASE_URL: '', DATA_DIR: path.join(dossier, 'donnees') };
const serveurs: ServeurReel[] = [];
const postgresVus = new Set<number>();

/** The PID of the PostgreSQL running on the data directory, from its postmaster.pid. */
function postmaster(): number | null {
  const fichier = path.join(env.DATA_DIR, 'postgres', 'postmaster.pid');
  if (!existsSync(fichier)) return null;
  const pid = Number(readFileSync(fichier, 'utf8').split('\n')[0]);
  postgresVus.add(pid);
  return pid;
}

// Every server and every PostgreSQL this file started is stopped, whatever failed.
afterAll(async () => {
  for (const s of serveurs) if (s.processus.exitCode === null && s.processus.signalCode === null) await s.arreter().catch(() => {});
  postmaster();
  for (const pid of postgresVus) {
    if (!processusVivant(pid)) continue;
    process.kill(pid, 'SIGINT');
    await attendreFin(pid, 30_000);
  }
  await fs.rm(dossier, { recursive: true, force: true });
});

async function demarrer() {
  const s = await lancerServeur(env);
  serveurs.push(s);
  return s;
}

const TEMOIN = {
  code: 'temoin_redemarrage',
  libelle: 'Écrit juste avant le kill -9',
  famille: 'Démographie',
  unite: '%',
  facteur: 100,
  polarite: 'neutre',
  methodeAgregation: 'moyenne_ponderee',
};

describe('redémarrage après un arrêt brutal, en base embarquée', () => {
  it('kill -9 : PostgreSQL reste en marche, le démarrage suivant l’arrête proprement et repart avec les données', async () => {
    const premier = await demarrer();
    expect((await (await premier.admin()).post('/api/indicateurs', TEMOIN)).status).toBe(201);
    const orphelin = postmaster()!;
    expect(processusVivant(orphelin)).toBe(true);

    await premier.tuer();
    // What the issue saw: the server is gone, its PostgreSQL is not, and still answers.
    expect(processusVivant(premier.processus.pid!)).toBe(false);
    expect(processusVivant(orphelin)).toBe(true);
    const [, , , port] = readFileSync(path.join(env.DATA_DIR, 'postgres', 'postmaster.pid'), 'utf8').split('\n');
    const secret = readFileSync(path.join(env.DATA_DIR, 'postgres.secret'), 'utf8').trim();
    const direct = new pg.Client({ connectionString: `postgres://maillage:${secret}@127.0.0.1:${Number(port)}/maillage` });
    await direct.connect();
    expect((await direct.query('select count(*)::int as n from indicateurs where code = $1', [TEMOIN.code])).rows[0].n).toBe(1);
    await direct.end();

    // Restarted as a supervisor would, on the same data directory.
    const second = await demarrer();
    expect(second.journal.join('')).toContain(
      `PostgreSQL (processus ${orphelin}) est resté en marche après l’arrêt brutal du Maillage précédent`,
    );
    expect(processusVivant(orphelin)).toBe(false);
    const sante = await fetch(`${second.url}/api/health`);
    expect(sante.status).toBe(200);
    expect(await sante.json()).toMatchObject({ database: 'embedded' });
    const indicateurs = (await (await second.admin()).get('/api/indicateurs')).body;
    expect(JSON.stringify(indicateurs)).toContain(TEMOIN.libelle);
    const actuel = postmaster()!;
    expect(actuel).not.toBe(orphelin);

    // A second live Maillage on the same directory is refused, in French, and takes nothing from the first.
    const refus = await demarrer().then(
      () => null,
      (e: Error) => e.message,
    );
    expect(refus).toContain(
      `Démarrage refusé : Maillage tourne déjà sur le dossier de données ${env.DATA_DIR} (processus ${second.processus.pid})`,
    );
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    expect(postmaster()).toBe(actuel);
    expect(processusVivant(actuel)).toBe(true);

    // A clean stop takes PostgreSQL with it and frees the directory.
    await second.arreter();
    expect(await attendreFin(actuel, 30_000)).toBe(true);
    expect(existsSync(path.join(env.DATA_DIR, 'maillage.pid'))).toBe(false);
  }, 600_000);
});
