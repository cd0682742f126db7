import type { IndicateurSaisie } from '@maillage/domain';
import type { Queryable } from '../../platform/database';
import {
  COMMUNES_DU_PERIMETRE,
  SOMMES_PAR_INDICATEUR_ET_PERIODE,
  UNE_VALEUR_PAR_COMMUNE,
  type SommesLigne,
  type ValeurLigne,
} from './valeurs.repository';

/** A published value as a JSON object shaped as a ValeurLigne (the `valeur` object built by nature). */
const VALEUR_EN_JSON = `json_build_object('indicateur', v.indicateur_code, 'territoireType', v.territoire_type, 'territoireCode', v.territoire_code,
  'periode', v.periode, 'periodeFin', v.periode_fin, 'textePublie', v.texte_publie, 'source', v.source, 'tiret', v.tiret,
  'numerateur', v.numerateur, 'denominateur', v.denominateur,
  'valeur', case v.nature
    when 'exacte' then json_build_object('nature', v.nature, 'valeur', v.valeur)
    when 'intervalle' then json_build_object('nature', v.nature, 'borneInf', v.borne_inf, 'borneSup', v.borne_sup, 'infIncluse', v.inf_incluse, 'supIncluse', v.sup_incluse)
    else json_build_object('nature', v.nature) end)`;

/**
 * Everything the series of a perimeter read, in one statement and one round trip: for each indicator ($1, null: all)
 * with sums on the perimeter's communes ($2: EPCIs, $3: communes) or a value published for one of the territories
 * asked for ($4: types, $5: codes), its catalogue entry, its sums by period (the statement of SQL_SOMMES_PAR_PERIODE)
 * and its published values, both as JSON (one row per indicator: the driver parses 51 rows, not 300 rows of two
 * dozen columns), in catalogue order; and the perimeter's communes and population. The bench runs this very
 * statement bare, as the reference of the diagnostic figure.
 */
export const SQL_SERIES_PERIMETRE = `with ${COMMUNES_DU_PERIMETRE},
${UNE_VALEUR_PAR_COMMUNE},
sommes as (${SOMMES_PAR_INDICATEUR_ET_PERIODE}),
sommes_json as (select indicateur, json_agg(somme) as sommes from sommes somme group by indicateur),
publiees_json as (
  select v.indicateur_code as indicateur, json_agg(${VALEUR_EN_JSON}) as publiees
  from unnest($4::text[], $5::text[]) c (type, code) join valeurs v on v.territoire_type = c.type and v.territoire_code = c.code
  where $1::text[] is null or v.indicateur_code = any($1::text[])
  group by v.indicateur_code)
select i.code, i.libelle, i.famille, i.unite, i.facteur, i.polarite, i.methode_agregation as "methodeAgregation",
  coalesce(s.sommes, '[]') as sommes, coalesce(p.publiees, '[]') as publiees,
  (select count(*) from communes) as "communesPerimetre", (select coalesce(sum(population), 0) from communes) as "populationPerimetre"
from indicateurs i
left join sommes_json s on s.indicateur = i.code
left join publiees_json p on p.indicateur = i.code
where s.indicateur is not null or p.indicateur is not null
order by i.famille, i.libelle`;

export interface SerieLigne extends Pick<IndicateurSaisie, 'code' | 'libelle' | 'famille' | 'unite' | 'polarite' | 'methodeAgregation'> {
  facteur: number;
  sommes: SommesLigne[];
  publiees: ValeurLigne[];
  /** The perimeter's communes and population (the same on every row). */
  communesPerimetre: number;
  populationPerimetre: number;
}

export async function seriesDuPerimetre(
  db: Queryable,
  indicateurs: string[] | null,
  perimetre: { epci: string[]; communes: string[] },
  publies: { type: string; code: string }[],
): Promise<SerieLigne[]> {
  const { rows } = await db.query(SQL_SERIES_PERIMETRE, [
    indicateurs,
    perimetre.epci,
    perimetre.communes,
    publies.map((t) => t.type),
    publies.map((t) => t.code),
  ]);
  return rows;
}
