import type { Queryable } from '../../platform/database';

export type GenreFrein = 'connexion_compte' | 'connexion_client' | 'reinitialisation_compte' | 'reinitialisation_client';

/**
 * Locks a counter for the rest of the transaction (creating it), so that concurrent attempts on one key take their
 * turn. Attempts older than `oubliHeures` are forgotten. `attente`: seconds before the next attempt (≤ 0: now).
 */
export async function verrouillerFrein(
  tx: Queryable,
  genre: GenreFrein,
  cle: string,
  oubliHeures: number,
): Promise<{ tentatives: number; attente: number }> {
  await tx.query('insert into freins (genre, cle) values ($1, $2) on conflict do nothing', [genre, cle]);
  const { rows } = await tx.query(
    `select case when dernier_le < now() - make_interval(hours => $3) then 0 else tentatives end as tentatives,
       extract(epoch from prochain_essai - now())::float8 as attente
     from freins where genre = $1 and cle = $2 for update`,
    [genre, cle, oubliHeures],
  );
  return rows[0];
}

export async function noterTentative(
  tx: Queryable,
  genre: GenreFrein,
  cle: string,
  tentatives: number,
  delaiSecondes: number,
): Promise<void> {
  await tx.query(
    `update freins set tentatives = $3, dernier_le = now(), prochain_essai = now() + make_interval(secs => $4) where genre = $1 and cle = $2`,
    [genre, cle, tentatives, delaiSecondes],
  );
}

/** Seconds before the next attempt is taken for this key (≤ 0: now). */
export async function attenteFrein(db: Queryable, genre: GenreFrein, cle: string): Promise<number> {
  const { rows } = await db.query(
    'select extract(epoch from prochain_essai - now())::float8 as attente from freins where genre = $1 and cle = $2',
    [genre, cle],
  );
  return rows[0]?.attente ?? 0;
}

export async function leverFrein(db: Queryable, genre: GenreFrein, cle: string): Promise<void> {
  await db.query('delete from freins where genre = $1 and cle = $2', [genre, cle]);
}

/** Counts one more request in a fixed window (restarted once over); returns the count and the seconds left in the window. */
export async function compterDansFenetre(
  db: Queryable,
  genre: GenreFrein,
  cle: string,
  minutes: number,
): Promise<{ tentatives: number; reste: number }> {
  const { rows } = await db.query(
    `insert into freins (genre, cle, tentatives) values ($1, $2, 1)
     on conflict (genre, cle) do update set
       tentatives = case when freins.depuis < now() - make_interval(mins => $3) then 1 else freins.tentatives + 1 end,
       depuis = case when freins.depuis < now() - make_interval(mins => $3) then now() else freins.depuis end,
       dernier_le = now()
     returning tentatives, extract(epoch from depuis + make_interval(mins => $3) - now())::float8 as reste`,
    [genre, cle, minutes],
  );
  return rows[0];
}
