import type { TypeEvenement } from '@maillage/domain';
import type { PoolClient } from 'pg';
import type { Db, Queryable } from './database';

/**
 * The outbox of domain events (decision 0039): the module that owns a fact writes its event in the transaction of the
 * change, so an event exists if and only if the change committed. Whoever consumes them (the webhooks module, wired
 * in src/taches.ts) reads the outbox; the writers know nothing of their readers.
 */

const CANAL = 'evenements_domaine';

export interface EvenementDomaine {
  type: TypeEvenement;
  /** The contract the fact belongs to: who may hear of it is decided from it. */
  contratId: string;
  /** Identifiers and statuses only: no personal data leaves through an event. */
  donnees: Record<string, string | number | boolean | null>;
}

/** Call inside the change's transaction. PostgreSQL delivers the notification at commit, and never after a rollback. */
export async function publierEvenement(tx: Queryable, evenement: EvenementDomaine): Promise<void> {
  await tx.query(
    `with e as (insert into evenements_domaine (type, contrat_id, donnees) values ($1, $2, $3) returning id)
     select pg_notify($4, id::text) from e`,
    [evenement.type, evenement.contratId, evenement.donnees, CANAL],
  );
}

export interface EvenementPublie extends EvenementDomaine {
  id: string;
  survenuLe: string;
}

/**
 * Takes the next events not yet distributed, locked for the transaction (two processes never take the same one), and
 * marks them distributed in it: `traiter` runs in the same transaction, so a failure leaves them to the next run.
 */
export async function prendreEvenements(tx: Queryable, limite: number): Promise<EvenementPublie[]> {
  const { rows } = await tx.query<EvenementPublie>(
    `with pris as (
       update evenements_domaine set distribue_le = now() where id in (
         select id from evenements_domaine where distribue_le is null order by survenu_le, id limit $1 for update skip locked)
       returning id, type, contrat_id, donnees, survenu_le)
     select id, type, contrat_id as "contratId", donnees, survenu_le as "survenuLe" from pris order by survenu_le, id`,
    [limite],
  );
  return rows;
}

/** Distributed events are kept a while for the operators, then removed (the deliveries keep their own copy). */
export async function purgerEvenements(db: Queryable, jours: number): Promise<void> {
  await db.query(`delete from evenements_domaine where distribue_le < now() - make_interval(days => $1)`, [jours]);
}

/**
 * Calls `rappel` when an event commits, on a connection of its own (LISTEN). Returns the function that stops it.
 * A lost connection is opened again after a few seconds; events committed meanwhile wait for the periodic sweep.
 */
export function ecouterEvenements(db: Db, rappel: () => void): () => Promise<void> {
  let arrete = false;
  let client: PoolClient | null = null;
  let relance: NodeJS.Timeout | null = null;
  const notifier = () => rappel();
  // A client is handed back once: after the stop, PostgreSQL's own shutdown must not release it a second time.
  const rendre = (c: PoolClient, detruire: boolean) => {
    c.off('notification', notifier);
    c.off('error', surErreur);
    if (client === c) client = null;
    c.release(detruire);
  };
  function surErreur(this: PoolClient) {
    rendre(this, true);
    if (!arrete) relance = setTimeout(ouvrir, 5000);
  }
  const ouvrir = async () => {
    let c: PoolClient | null = null;
    try {
      c = await db.connect();
      if (arrete) return rendre(c, false);
      client = c;
      c.on('notification', notifier);
      c.on('error', surErreur);
      await c.query(`listen ${CANAL}`);
      rappel(); // what committed before we listened
    } catch {
      if (c && client === c) rendre(c, true);
      if (!arrete) relance = setTimeout(ouvrir, 5000);
    }
  };
  void ouvrir();
  return async () => {
    arrete = true;
    if (relance) clearTimeout(relance);
    const c = client;
    if (!c) return;
    await c.query(`unlisten ${CANAL}`).catch(() => {});
    if (client === c) rendre(c, false);
  };
}
