import { createHash } from 'node:crypto';
import pg from 'pg';

// Dates stay ISO strings end to end (architecture: dates as ISO strings); bigint counts fit in a JS number here.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type Db = pg.Pool;
export type Tx = pg.PoolClient;
/** Anything that runs a query: the pool or a transaction's client. */
export type Queryable = pg.Pool | pg.PoolClient;

/**
 * A statement every request runs, sent as a named prepared statement: each connection parses and plans it once, then
 * PostgreSQL reuses its plan (a generic plan after five runs, when it costs no more than planning each time). Measured
 * on a contract's home, planning cost more than running (decision 0034). The name comes from the text, so two texts
 * never share a name; keep it for fixed texts (a few variants at most), not for SQL built with values in it.
 */
export function preparee(texte: string): (valeurs: unknown[]) => pg.QueryConfig {
  const name = `m_${createHash('sha1').update(texte).digest('hex').slice(0, 20)}`;
  return (valeurs) => ({ name, text: texte, values: valeurs });
}

export function creerPool(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {}); // an idle client lost with the server; the next query reports it
  return pool;
}

export async function enTransaction<T>(db: Db, travail: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await db.connect();
  // A server going away while the client is checked out emits 'error' on it; without a listener the process dies.
  // The query in flight rejects anyway, and the transaction fails like any other.
  let perdue: Error | undefined;
  const ignorer = (e: Error) => {
    perdue = e;
  };
  client.on('error', ignorer);
  try {
    await client.query('begin');
    const resultat = await travail(client);
    await client.query('commit');
    return resultat;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.off('error', ignorer);
    client.release(perdue); // a lost connection is destroyed, not returned to the pool
  }
}
