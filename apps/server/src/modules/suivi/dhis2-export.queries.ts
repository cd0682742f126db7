/** Read model of the DHIS2 export (read-only): a contract's follow-up indicators with their validated values. */
import type { Queryable } from '../../platform/database';

export async function valeursValideesDuContrat(db: Queryable, contratId: string) {
  const { rows } = await db.query<{
    indicateurId: string;
    libelle: string;
    catalogue: string | null;
    periode: string | null;
    valeur: string | null;
  }>(
    `select i.id as "indicateurId", i.libelle, i.indicateur_diagnostic as catalogue, v.periode, v.valeur::text as valeur
     from indicateurs_suivi i
     left join valeurs_suivi v on v.indicateur_id = i.id and v.etat = 'valide' and v.valeur is not null
     where i.contrat_id = $1 order by i.fiche_id, i.rang, i.cree_le, v.periode`,
    [contratId],
  );
  return rows;
}
