import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DemarrageRefuse, demarrerPostgresEmbarque } from './embedded-postgres';
import { attendreFin, processusVivant } from './processus-systeme';

const dossiers: string[] = [];
const enfants: ChildProcess[] = [];

async function nouveauDossier() {
  const dossier = await fs.mkdtemp(path.join(os.tmpdir(), 'maillage-pg-'));
  // The embedded PostgreSQL runs as the OS user « postgres » when tests run as root: it must reach its folder.
  await fs.chmod(dossier, 0o755);
  dossiers.push(dossier);
  return dossier;
}

function postmaster(dossier: string): number | null {
  const fichier = path.join(dossier, 'postgres', 'postmaster.pid');
  return existsSync(fichier) ? Number(readFileSync(fichier, 'utf8').split('\n')[0]) : null;
}

// Whatever happens, no PostgreSQL of ours outlives the tests.
afterAll(async () => {
  for (const e of enfants) if (e.exitCode === null && e.signalCode === null) e.kill('SIGKILL');
  for (const d of dossiers) {
    const pid = postmaster(d);
    if (pid && processusVivant(pid)) {
      process.kill(pid, 'SIGINT');
      await attendreFin(pid, 30_000);
    }
    await fs.rm(d, { recursive: true, force: true });
  }
});

async function requete(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A Maillage in another process holding `dossier`, as the server does: its URL once its PostgreSQL is up. */
async function autreProcessus(dossier: string): Promise<{ enfant: ChildProcess; url: string }> {
  const module = path.join(path.dirname(fileURLToPath(import.meta.url)), 'embedded-postgres.ts');
  const code = `import { demarrerPostgresEmbarque } from ${JSON.stringify(module)};
    const s = await demarrerPostgresEmbarque(process.argv[1]); console.log('PRET ' + s.url); setInterval(() => {}, 1000);`;
  const enfant = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, dossier], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  enfants.push(enfant);
  let sortie = '';
  const url = await new Promise<string>((resolve, reject) => {
    enfant.stdout!.on('data', (d) => {
      sortie += d;
      const m = /PRET (\S+)/.exec(sortie);
      if (m) resolve(m[1]);
    });
    enfant.stderr!.on('data', (d) => (sortie += d));
    enfant.on('exit', () => reject(new Error(`Le processus s’est arrêté :\n${sortie}`)));
  });
  return { enfant, url };
}

describe('PostgreSQL embarqué', () => {
  it('démarre, refuse un second démarrage sur le même dossier, puis redémarre après un arrêt propre', async () => {
    const dossier = await nouveauDossier();
    const premier = await demarrerPostgresEmbarque(dossier);
    try {
      await requete(premier.url, 'create table temoin (x int); insert into temoin values (42)');
      await expect(demarrerPostgresEmbarque(dossier)).rejects.toBeInstanceOf(DemarrageRefuse);
    } finally {
      await premier.arreter();
    }
    // A lock left by a process that no longer exists does not block a restart; the data survives.
    await fs.writeFile(path.join(dossier, 'maillage.pid'), '999999');
    const second = await demarrerPostgresEmbarque(dossier);
    try {
      expect(await requete(second.url, 'select x from temoin')).toEqual([{ x: 42 }]);
    } finally {
      await second.arreter();
    }
  }, 60000);

  it('un postmaster.pid périmé (processus disparu, ou PID repris par un autre programme) ne bloque pas le démarrage', async () => {
    const dossier = await nouveauDossier();
    const premier = await demarrerPostgresEmbarque(dossier);
    await requete(premier.url, 'create table temoin (x int); insert into temoin values (7)');
    await premier.arreter();
    const fichier = path.join(dossier, 'postgres', 'postmaster.pid');
    // PostgreSQL's own format: PID, then the data directory, then the rest.
    for (const pid of [999999, process.pid]) {
      await fs.writeFile(fichier, `${pid}\n${path.join(dossier, 'postgres')}\n1\n5432\n`);
      const suivant = await demarrerPostgresEmbarque(dossier);
      try {
        expect(await requete(suivant.url, 'select x from temoin')).toEqual([{ x: 7 }]);
      } finally {
        await suivant.arreter();
      }
    }
  }, 60000);

  it('un Maillage vivant garde son dossier ; tué (kill -9), son PostgreSQL est arrêté proprement au démarrage suivant', async () => {
    const dossier = await nouveauDossier();
    const { enfant, url } = await autreProcessus(dossier);
    await requete(url, 'create table temoin (x int); insert into temoin values (1)');
    const refus = await demarrerPostgresEmbarque(dossier).catch((e) => e);
    expect(refus).toBeInstanceOf(DemarrageRefuse);
    expect(refus.message).toContain(`Maillage tourne déjà sur le dossier de données ${dossier} (processus ${enfant.pid})`);
    // The refusal took nothing from the live one.
    expect(await requete(url, 'select x from temoin')).toEqual([{ x: 1 }]);

    enfant.kill('SIGKILL');
    await new Promise((r) => enfant.once('exit', r));
    const orphelin = postmaster(dossier)!;
    expect(processusVivant(orphelin)).toBe(true);

    const journal: string[] = [];
    const suivant = await demarrerPostgresEmbarque(dossier, { journal: (m) => journal.push(m) });
    try {
      expect(processusVivant(orphelin)).toBe(false);
      expect(journal.join('\n')).toContain(`PostgreSQL (processus ${orphelin}) est resté en marche`);
      expect(postmaster(dossier)).not.toBe(orphelin);
      expect(await requete(suivant.url, 'select x from temoin')).toEqual([{ x: 1 }]);
    } finally {
      await suivant.arreter();
    }
  }, 120000);
});
