import type { Queryable } from '../../platform/database';

/**
 * Read-only, across modules: the contract's own funding (the `financements` lines written by the fiches and the
 * governance modules), summed to stand beside the funding already on the territory in the diagnostic. A refused
 * line counts for nothing; « acquis » is what is granted or paid, as on the funding page.
 */
export async function financementPropreDuContrat(db: Queryable, contratId: string) {
  const { rows } = await db.query(
    `select coalesce(sum(montant_centimes) filter (where fiche_id is not null), 0)::float8 as "fichesCentimes",
       coalesce(sum(montant_centimes) filter (where fiche_id is null), 0)::float8 as "horsFichesCentimes",
       coalesce(sum(montant_centimes), 0)::float8 as "totalCentimes",
       coalesce(sum(montant_centimes) filter (where statut in ('accorde', 'verse')), 0)::float8 as "acquisCentimes",
       count(*)::int as lignes
     from financements where contrat_id = $1 and statut <> 'refuse'`,
    [contratId],
  );
  return rows[0] as { fichesCentimes: number; horsFichesCentimes: number; totalCentimes: number; acquisCentimes: number; lignes: number };
}
