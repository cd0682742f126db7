import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Queryable } from './database';

/** This server process: the owner recorded on the work it starts in the background. */
export const PROCESSUS_ID = randomUUID();

/** A process is gone once it has not beaten for this long (three missed beats). */
export const SILENCE_MAX_SECONDES = 45;
const BATTEMENT_MS = 15_000;

export async function battre(db: Queryable) {
  await db.query(`insert into processus_serveur (id, hote, pid) values ($1, $2, $3) on conflict (id) do update set battement = now()`, [
    PROCESSUS_ID,
    os.hostname(),
    process.pid,
  ]);
}

/**
 * Forgets the processes that are gone: on this machine a dead process is known at once, without waiting for its
 * silence (a restart after kill -9); elsewhere, after SILENCE_MAX_SECONDES without a beat.
 */
export async function oublierProcessusMorts(db: Queryable) {
  const { rows: voisins } = await db.query('select id, pid from processus_serveur where hote = $1 and id <> $2', [
    os.hostname(),
    PROCESSUS_ID,
  ]);
  const morts = voisins.filter((v) => !vivant(v.pid)).map((v) => v.id);
  if (morts.length) await db.query('delete from processus_serveur where id = any($1)', [morts]);
  await db.query(`delete from processus_serveur where battement < now() - interval '1 day'`);
}

function vivant(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Registers the process, then has the work of dead ones closed (`fermerTravaux`, wired by main.ts: the job queue),
 * and keeps beating (and checking) in the background.
 */
export async function surveillerProcessus(db: Queryable, fermerTravaux: () => Promise<unknown>) {
  const tour = async () => {
    await battre(db);
    await oublierProcessusMorts(db);
    await fermerTravaux();
  };
  await tour();
  setInterval(() => void tour().catch((e) => console.error('[maillage] battement :', e)), BATTEMENT_MS).unref();
}
