import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { pluriel } from '@maillage/domain/texte';
import type { Queryable } from './database';

/** This server process: the owner recorded on the work it starts in the background. */
export const PROCESSUS_ID = randomUUID();

/** A process is gone once it has not beaten for this long (three missed beats). */
const SILENCE_MAX_SECONDES = 45;
const BATTEMENT_MS = 15_000;

export async function battre(db: Queryable) {
  await db.query(
    `insert into processus_serveur (id, hote, pid) values ($1, $2, $3) on conflict (id) do update set battement = now()`,
    [PROCESSUS_ID, os.hostname(), process.pid],
  );
}

/**
 * Background imports whose process stopped beating will never finish: they are marked failed, with what to do.
 * Nothing of them was written (values are applied in one transaction at the end). Returns how many were closed.
 */
export async function fermerTravauxInterrompus(db: Queryable): Promise<number> {
  // On this machine a dead process is known at once, without waiting for its silence (a restart after kill -9).
  const { rows: voisins } = await db.query('select id, pid from processus_serveur where hote = $1 and id <> $2', [os.hostname(), PROCESSUS_ID]);
  const morts = voisins.filter((v) => !vivant(v.pid)).map((v) => v.id);
  if (morts.length) await db.query('delete from processus_serveur where id = any($1)', [morts]);
  const { rowCount } = await db.query(
    `update imports_valeurs set etat = 'echoue', termine_le = now(),
       rapport = jsonb_build_object('erreur', 'Import interrompu : le serveur qui le traitait s’est arrêté. Rien n’a été enregistré ; relancez l’import.')
     where etat = 'en_cours' and (processus_id is null or processus_id not in (
       select id from processus_serveur where battement > now() - make_interval(secs => $1)))`,
    [SILENCE_MAX_SECONDES],
  );
  await db.query(`delete from processus_serveur where battement < now() - interval '1 day'`);
  return rowCount ?? 0;
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

/** Registers the process, closes the work of dead ones, then keeps beating (and checking) in the background. */
export async function surveillerProcessus(db: Queryable, journal: (m: string) => void) {
  await battre(db);
  const fermes = await fermerTravauxInterrompus(db);
  if (fermes) journal(`${pluriel(fermes, 'import interrompu', 'imports interrompus')} par un arrêt du serveur ${fermes > 1 ? 'marqués' : 'marqué'} en échec.`);
  setInterval(() => {
    void battre(db)
      .then(() => fermerTravauxInterrompus(db))
      .catch((e) => console.error('[maillage] battement :', e));
  }, BATTEMENT_MS).unref();
}
