import PgBoss from 'pg-boss';
import { pluriel } from '@maillage/domain/texte';
import type { Db, Queryable } from './database';
import { PROCESSUS_ID, SILENCE_MAX_SECONDES } from './processus';

/**
 * Background work as jobs in PostgreSQL (pg-boss, decision 0013): any server process may take a job, a scheduled
 * job is sent once whatever the number of processes, and a job whose process died is closed by the next sweep.
 * This file knows no module: main.ts and app.ts define the jobs (src/taches.ts).
 */

const SCHEMA = 'pgboss';
const FUSEAU = 'Europe/Paris';

export interface DefinitionTache<D extends object> {
  nom: string;
  /** The work itself; runs in whichever server process fetched the job. */
  traiter(donnees: D): Promise<void>;
  /**
   * The process that ran it stopped (crash, kill -9) before the end: say it where users look. The job is then
   * failed, never run again from the middle (the work is transactional: nothing of it was written).
   */
  interrompue?(donnees: D): Promise<void>;
  /** Scheduled work: at most one job waiting and one running, whatever the number of processes. */
  unique?: boolean;
  /** A job running longer is failed by pg-boss's maintenance (a safety net: crashes are caught sooner). */
  dureeMaxHeures?: number;
}

/** pg-boss runs its SQL through our pool (or a transaction's client), so a job can be sent with the rows it concerns. */
const adaptateur = (db: Queryable): PgBoss.Db => ({ executeSql: (texte, valeurs) => db.query(texte, valeurs) });

function nouveauBoss(db: Db, options: Partial<PgBoss.ConstructorOptions> = {}) {
  return new PgBoss({ db: adaptateur(db), schema: SCHEMA, ...options });
}

/**
 * Creates or upgrades pg-boss's own schema (`pgboss`), under its advisory lock: called with our migrations, so a
 * fresh database (and the tests' template) has it before any process starts its workers.
 */
export async function installerFileDeTaches(db: Db) {
  const boss = nouveauBoss(db, { supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  await boss.stop({ graceful: false, close: false });
}

export class Taches {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, DefinitionTache<object>>();
  /** This process's worker of each queue, to wake it when it sends a job someone waits on. */
  private readonly travailleurs = new Map<string, string>();
  private demarre = false;

  constructor(
    private readonly db: Db,
    private readonly journal: (m: string) => void,
  ) {
    // Maintenance (expiry, archiving) runs in every process; pg-boss takes a lock so that only one does it at a time.
    this.boss = nouveauBoss(db, { migrate: false });
    this.boss.on('error', (e) => console.error('[maillage] file de tâches :', e));
  }

  /** Defines a job (again: ignored, so that the harness and main.ts may both wire them). */
  definir<D extends object>(definition: DefinitionTache<D>) {
    if (!this.definitions.has(definition.nom)) this.definitions.set(definition.nom, definition as unknown as DefinitionTache<object>);
  }

  /**
   * Starts the workers and records the schedules: `planifications` maps a job to its cron expression (Paris time),
   * or to null to remove its schedule (a schedule is shared by every process on the database).
   */
  async demarrer(planifications: Record<string, string | null> = {}) {
    if (this.demarre) return;
    this.demarre = true;
    await this.boss.start();
    for (const d of this.definitions.values()) {
      const file: PgBoss.Queue = {
        name: d.nom,
        policy: d.unique ? 'stately' : 'standard',
        retryLimit: 0,
        expireInSeconds: Math.round((d.dureeMaxHeures ?? 1) * 3600),
      };
      // Created once for the database; updated at each start so that a changed definition takes effect.
      await this.boss.createQueue(d.nom, file);
      await this.boss.updateQueue(d.nom, file);
      // A user waits on an import; scheduled work can wait a few seconds.
      this.travailleurs.set(
        d.nom,
        await this.boss.work<object>(d.nom, { batchSize: 1, pollingIntervalSeconds: d.unique ? 10 : 1 }, async ([job]) =>
          this.executer(d, job),
        ),
      );
    }
    for (const [nom, cron] of Object.entries(planifications)) {
      if (cron) await this.boss.schedule(nom, cron, {}, { tz: FUSEAU });
      else await this.boss.unschedule(nom);
    }
  }

  /** Records which process runs the job, for the sweep to know whose work a dead process left. */
  private async executer(d: DefinitionTache<object>, job: PgBoss.Job<object>) {
    await this.db.query(
      'insert into taches_processus (tache_id, file, donnees, processus_id) values ($1, $2, $3, $4) on conflict (tache_id) do nothing',
      [job.id, d.nom, job.data, PROCESSUS_ID],
    );
    try {
      await d.traiter(job.data);
    } finally {
      await this.db.query('delete from taches_processus where tache_id = $1', [job.id]);
    }
  }

  /**
   * Sends a job; with `tx`, in that transaction: the job exists if and only if the rows it works on do. With
   * `apresSecondes`, it is not taken before then (a retry's backoff).
   */
  async envoyer(nom: string, donnees: object, tx?: Queryable, options: { apresSecondes?: number } = {}): Promise<string> {
    const id = await this.boss.send(nom, donnees, {
      ...(tx ? { db: adaptateur(tx) } : {}),
      ...(options.apresSecondes ? { startAfter: options.apresSecondes } : {}),
    });
    if (!id) throw new Error(`La tâche « ${nom} » n’a pas été mise en file.`);
    return id;
  }

  /**
   * Wakes this process's worker of the queue, after the transaction that sent a job has committed: a user waiting on
   * the job need not wait for the next poll. Any other process may still take it first.
   */
  reveiller(nom: string) {
    const id = this.travailleurs.get(nom);
    if (id && this.demarre) this.boss.notifyWorker(id);
  }

  /** Sends a job now, unless one is already waiting (scheduled work run on demand). */
  async envoyerMaintenant(nom: string) {
    await this.boss.send(nom, {});
  }

  /** The state pg-boss holds for a job: created, active, completed, failed… (null once archived and purged). */
  async etat(nom: string, id: string) {
    return (await this.boss.getJobById(nom, id, { includeArchive: true }))?.state ?? null;
  }

  /**
   * Jobs whose process stopped beating (platform/processus.ts): each definition says so where users look, then
   * the job is failed. Returns how many were closed. Safe when two processes sweep at once (both idempotent).
   */
  async fermerInterrompues(): Promise<number> {
    const { rows } = await this.db.query<{ tache_id: string; file: string; donnees: object }>(
      `select tache_id, file, donnees from taches_processus where processus_id not in (
         select id from processus_serveur where battement > now() - make_interval(secs => $1))`,
      [SILENCE_MAX_SECONDES],
    );
    for (const r of rows) {
      await this.definitions.get(r.file)?.interrompue?.(r.donnees);
      await this.boss.fail(r.file, r.tache_id, { erreur: 'Tâche interrompue : le serveur qui la traitait s’est arrêté.' });
      await this.db.query('delete from taches_processus where tache_id = $1', [r.tache_id]);
    }
    if (rows.length)
      this.journal(
        `${pluriel(rows.length, 'tâche interrompue', 'tâches interrompues')} par un arrêt du serveur ${rows.length > 1 ? 'marquées' : 'marquée'} en échec.`,
      );
    return rows.length;
  }

  /** Stops taking jobs; a running one has a few seconds to end (imports are transactional: cut, they leave nothing). */
  async arreter() {
    if (!this.demarre) return;
    this.demarre = false;
    await this.boss.stop({ graceful: true, close: false, timeout: 5000 });
  }
}
