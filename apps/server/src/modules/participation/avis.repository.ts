/** Avis des habitants in SQL (tables `avis`, `freins_participation`). SQL only: the rules are in the service. */
import type { DepotAvis, StatutAvis } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

export async function deposer(db: Queryable, contratId: string, d: DepotAvis): Promise<string> {
  const { rows } = await db.query(
    'insert into avis (contrat_id, fiche_id, nature, texte, contact) values ($1, $2, $3, $4, $5) returning id',
    [contratId, d.ficheId ?? null, d.nature, d.texte, d.contact ?? null],
  );
  return rows[0].id;
}

/** False when the version is not the current one. */
export async function moderer(
  db: Queryable,
  id: string,
  version: number,
  m: { statut: StatutAvis; motifRejet: string | null; reponse: string | null },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update avis set statut = $3, motif_rejet = $4, reponse = $5,
       reponse_le = case when $5::text is null then null when reponse is not distinct from $5 then reponse_le else now() end,
       modere_le = now(), version = version + 1
     where id = $1 and version = $2`,
    [id, version, m.statut, m.motifRejet, m.reponse],
  );
  return !!rowCount;
}

/**
 * Counts one submission of a client (its hashed address) in a sliding hour: returns the count in the window and the
 * seconds before the window ends.
 */
export async function compterDepot(db: Queryable, genre: string, cle: string): Promise<{ depots: number; reste: number }> {
  const { rows } = await db.query(
    `insert into freins_participation (genre, cle, depots, depuis) values ($1, $2, 1, now())
     on conflict (genre, cle) do update set
       depots = case when freins_participation.depuis < now() - interval '1 hour' then 1 else freins_participation.depots + 1 end,
       depuis = case when freins_participation.depuis < now() - interval '1 hour' then now() else freins_participation.depuis end
     returning depots, extract(epoch from (depuis + interval '1 hour' - now()))::float as reste`,
    [genre, cle],
  );
  return rows[0];
}
