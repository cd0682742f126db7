/**
 * Read model of the follow-up indicators (read-only, decision 0022): their definitions are written by the fiches
 * module (decision 0007, `indicateurs_suivi`), their values by this one. Nothing here writes.
 */
import type { Queryable } from '../../platform/database';
import { COLONNES_INDICATEUR, type IndicateurLigne } from '../fiches/indicateurs-fiche';

/** Indicators of a set of fiches, or of a whole contract, in order. */
export async function lireIndicateurs(db: Queryable, filtre: { ficheIds?: string[]; contratId?: string }) {
  const { rows } = await db.query<IndicateurLigne>(
    `select ${COLONNES_INDICATEUR} from indicateurs_suivi i
     where ($1::uuid[] is null or i.fiche_id = any($1)) and ($2::uuid is null or i.contrat_id = $2) order by i.fiche_id, i.rang, i.cree_le`,
    [filtre.ficheIds ?? null, filtre.contratId ?? null],
  );
  return rows;
}

/** Where a value belongs: its indicator, period, fiche and contract; or null. */
export async function situationValeur(db: Queryable, valeurId: string) {
  const { rows } = await db.query<{ indicateurId: string; periode: string; ficheId: string; contratId: string }>(
    'select v.indicateur_id as "indicateurId", v.periode, i.fiche_id as "ficheId", i.contrat_id as "contratId" from valeurs_suivi v join indicateurs_suivi i on i.id = v.indicateur_id where v.id = $1',
    [valeurId],
  );
  return rows[0] ?? null;
}

export interface IndicateurAMesurer {
  ficheId: string;
  poids: number;
  pourcentage: boolean;
  cibles: { periode: string; valeur?: number | null; numerateur?: number | null; denominateur?: number | null }[];
  valeur: number | null;
  numerateur: number | null;
  denominateur: number | null;
  valides: { periode: string; valeur: number }[];
}

/** The indicators of these contracts with their baseline, targets and validated values only (what progress counts). */
export async function indicateursAMesurer(db: Queryable, contratIds: string[]) {
  const { rows } = await db.query<IndicateurAMesurer>(
    `select i.fiche_id as "ficheId", i.poids, i.pourcentage, i.cibles, i.reference_valeur as valeur, i.reference_numerateur as numerateur,
       i.reference_denominateur as denominateur,
       coalesce(json_agg(json_build_object('periode', v.periode, 'valeur', v.valeur)) filter (where v.id is not null), '[]') as valides
     from indicateurs_suivi i left join valeurs_suivi v on v.indicateur_id = i.id and v.etat = 'valide' and v.valeur is not null
     where i.contrat_id = any($1) group by i.id`,
    [contratIds],
  );
  return rows;
}
