import type { Valeur } from '@maillage/domain';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Queryable } from '../../platform/database';
import type { ValeurImportee } from './import-valeurs';

/** COPY text format: tabs and newlines escaped, \N for null. */
const champ = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

function ligneCopy(v: ValeurImportee, importId: string, tiret: string): string {
  const x = v.valeur;
  return (
    [
      v.indicateur,
      v.territoireType,
      v.territoireCode,
      v.periode,
      v.periodeDebut,
      v.periodeFin,
      x.nature,
      x.nature === 'exacte' ? x.valeur : null,
      x.nature === 'intervalle' ? x.borneInf : null,
      x.nature === 'intervalle' ? x.borneSup : null,
      x.nature === 'intervalle' ? x.infIncluse : null,
      x.nature === 'intervalle' ? x.supIncluse : null,
      v.numerateur,
      v.denominateur,
      v.textePublie,
      v.source,
      tiret,
      importId,
    ]
      .map(champ)
      .join('\t') + '\n'
  );
}

const COLONNES_COPY = `indicateur_code, territoire_type, territoire_code, periode, periode_debut, periode_fin, nature, valeur, borne_inf, borne_sup,
  inf_incluse, sup_incluse, numerateur, denominateur, texte_publie, source, tiret, import_id`;

/**
 * Streams the values into a temporary table with COPY, then merges them into `valeurs` in one statement: a value
 * already there (same indicator, territory, period and source) is updated only if it changed, so a file imported
 * twice adds nothing.
 */
export async function appliquerValeurs(
  tx: Queryable & { query: Queryable['query'] },
  valeurs: Iterable<ValeurImportee>,
  importId: string,
  tiret: string,
): Promise<{ creees: number; modifiees: number }> {
  await tx.query('drop table if exists valeurs_a_importer'); // a transaction may import several files (the demo does)
  await tx.query(`create temp table valeurs_a_importer (like valeurs including defaults) on commit drop`);
  await tx.query('alter table valeurs_a_importer drop column id');
  const flux = (tx as unknown as { query: (q: unknown) => NodeJS.WritableStream }).query(copyFrom(`copy valeurs_a_importer (${COLONNES_COPY}) from stdin`));
  await pipeline(
    Readable.from(
      (function* () {
        let paquet = '';
        for (const v of valeurs) {
          paquet += ligneCopy(v, importId, tiret);
          if (paquet.length > 1 << 16) {
            yield paquet;
            paquet = '';
          }
        }
        if (paquet) yield paquet;
      })(),
    ),
    flux,
  );
  const { rows } = await tx.query(
    `with fusion as (
       insert into valeurs (${COLONNES_COPY})
       select distinct on (indicateur_code, territoire_type, territoire_code, periode, source) ${COLONNES_COPY} from valeurs_a_importer
       on conflict (indicateur_code, territoire_type, territoire_code, periode, source) do update set
         nature = excluded.nature, valeur = excluded.valeur, borne_inf = excluded.borne_inf, borne_sup = excluded.borne_sup,
         inf_incluse = excluded.inf_incluse, sup_incluse = excluded.sup_incluse, numerateur = excluded.numerateur,
         denominateur = excluded.denominateur, texte_publie = excluded.texte_publie, tiret = excluded.tiret, import_id = excluded.import_id
       where (valeurs.nature, valeurs.valeur, valeurs.borne_inf, valeurs.borne_sup, valeurs.numerateur, valeurs.denominateur, valeurs.texte_publie, valeurs.tiret)
         is distinct from (excluded.nature, excluded.valeur, excluded.borne_inf, excluded.borne_sup, excluded.numerateur, excluded.denominateur, excluded.texte_publie, excluded.tiret)
       returning (xmax = 0) as creee)
     select count(*) filter (where creee)::int as creees, count(*) filter (where not creee)::int as modifiees from fusion`,
  );
  return rows[0];
}

export interface ValeurLigne {
  indicateur: string;
  territoireType: string;
  territoireCode: string;
  periode: string;
  periodeFin: number;
  valeur: Valeur;
  textePublie: string | null;
  source: string;
  tiret: string | null;
  numerateur: number | null;
  denominateur: number | null;
}

const SELECT_VALEUR = `select indicateur_code as indicateur, territoire_type as "territoireType", territoire_code as "territoireCode", periode,
  periode_fin as "periodeFin", texte_publie as "textePublie", source, tiret, numerateur, denominateur,
  case nature
    when 'exacte' then json_build_object('nature', nature, 'valeur', valeur)
    when 'intervalle' then json_build_object('nature', nature, 'borneInf', borne_inf, 'borneSup', borne_sup, 'infIncluse', inf_incluse, 'supIncluse', sup_incluse)
    else json_build_object('nature', nature) end as valeur
  from valeurs`;

/** Values of some indicators on some territories (every period), in one query. */
export async function valeursDe(db: Queryable, indicateurs: string[] | null, territoires: { type: string; code: string }[]): Promise<ValeurLigne[]> {
  if (!territoires.length) return [];
  const { rows } = await db.query(
    `${SELECT_VALEUR} where ($1::text[] is null or indicateur_code = any($1))
       and (territoire_type, territoire_code) in (select * from unnest($2::text[], $3::text[]))
     order by indicateur_code, periode_fin, periode, source`,
    [indicateurs, territoires.map((t) => t.type), territoires.map((t) => t.code)],
  );
  return rows;
}

/** Commune values of one indicator on a set of communes. */
export async function valeursCommunales(db: Queryable, indicateur: string, communes: string[]): Promise<ValeurLigne[]> {
  const { rows } = await db.query(`${SELECT_VALEUR} where indicateur_code = $1 and territoire_type = 'commune' and territoire_code = any($2) order by periode_fin`, [indicateur, communes]);
  return rows;
}

/** Indicators that have at least one value on these territories or communes. */
export async function indicateursPresents(db: Queryable, territoires: { type: string; code: string }[], communes: string[]): Promise<string[]> {
  const { rows } = await db.query(
    `select distinct indicateur_code as code from valeurs
     where (territoire_type = 'commune' and territoire_code = any($3))
        or (territoire_type, territoire_code) in (select * from unnest($1::text[], $2::text[]))`,
    [territoires.map((t) => t.type), territoires.map((t) => t.code), communes],
  );
  return rows.map((r) => r.code);
}
