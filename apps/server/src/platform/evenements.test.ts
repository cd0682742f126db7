import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, type ServeurDeTest } from '../../test/harness';
import { enTransaction } from './database';
import { ecouterEvenements, publierEvenement } from './evenements';

/**
 * The LISTEN connection must survive PostgreSQL closing it, before and after it is stopped. A stopped listener once
 * released its client a second time when PostgreSQL shut down, and that uncaught error killed the server before it
 * removed its PID file (CI of stop 26).
 */

let serveur: ServeurDeTest;
// A connection of the test's own, outside the pool under test, to watch and cut the listener's.
let temoin: pg.Client;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest({ demo: false });
  temoin = new pg.Client({ connectionString: serveur.ctx.db.options.connectionString });
  await temoin.connect();
}, 120_000);
afterAll(async () => {
  await temoin?.end();
  await serveur?.fermer();
});

/** The backend that listens on the events channel, once there is one. */
async function backendEcoutant(sauf?: number): Promise<number> {
  for (let essai = 0; essai < 100; essai++) {
    const { rows } = await temoin.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and query = 'listen evenements_domaine' and pid <> coalesce($1, 0)`,
      [sauf ?? null],
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('aucune connexion n’écoute les événements');
}

const terminer = (pid: number) => temoin.query('select pg_terminate_backend($1)', [pid]);

describe('écoute des événements (LISTEN)', () => {
  it('rouvre sa connexion quand PostgreSQL la coupe, et une connexion rendue puis coupée ne fait pas tomber le serveur', async () => {
    let appels = 0;
    const arreter = ecouterEvenements(serveur.ctx.db, () => appels++);
    const premier = await backendEcoutant();

    await terminer(premier);
    const second = await backendEcoutant(premier); // opened again after its 5 s pause
    const avant = appels;
    await enTransaction(serveur.ctx.db, (tx) => publierEvenement(tx, { type: 'contrat.signe', contratId: randomUUID(), donnees: {} }));
    await expect.poll(() => appels, { timeout: 5_000 }).toBeGreaterThan(avant);

    await arreter();
    // The stopped listener's client went back to the pool; PostgreSQL now closes it, as at shutdown.
    await terminer(second);
    await new Promise((r) => setTimeout(r, 300));
    expect((await serveur.ctx.db.query('select 1 as un')).rows[0].un).toBe(1);
  }, 30_000);
});
