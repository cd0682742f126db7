import type { SensDuTiret, TypeTerritoireValeur, Valeur } from '@maillage/domain';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Queryable } from '../../platform/database';
import type { ValeurImportee } from './import-valeurs';

const SPECIAUX = /[\\\t\n\r]/;

/** COPY text format: tabs and newlines escaped, \N for null. Most fields need no escaping: test before replacing (a million rows). */
const champ = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined
    ? '\\N'
    : typeof v !== 'string'
      ? String(v)
      : SPECIAUX.test(v)
        ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
        : v;

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
      v.tiret ?? tiret,
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
 * twice adds nothing. The values are unique (the import rejects duplicates): no sort to deduplicate them again.
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
  const flux = (tx as unknown as { query: (q: unknown) => NodeJS.WritableStream }).query(
    copyFrom(`copy valeurs_a_importer (${COLONNES_COPY}) from stdin`),
  );
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
       select ${COLONNES_COPY} from valeurs_a_importer
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

/**
 * Creations only: COPY straight into `valeurs` while the file is still being read, so that reading and writing overlap
 * (one core each). It holds only if none of the values exists yet — a new source or millésime, the usual case for a
 * large file. At the first one that does (or a duplicate in the file), the unique index refuses, the savepoint undoes
 * the attempt and null tells the caller to merge instead (appliquerValeurs).
 */
export async function copierSiNouvelles(
  tx: Queryable & { query: Queryable['query'] },
  valeurs: AsyncIterable<ValeurImportee>,
  importId: string,
  tiret: string,
): Promise<number | null> {
  await tx.query('savepoint copie_directe');
  let nombre = 0;
  try {
    const flux = (tx as unknown as { query: (q: unknown) => NodeJS.WritableStream }).query(
      copyFrom(`copy valeurs (${COLONNES_COPY}) from stdin`),
    );
    await pipeline(
      Readable.from(
        (async function* () {
          let paquet = '';
          for await (const v of valeurs) {
            paquet += ligneCopy(v, importId, tiret);
            nombre++;
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
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
    await tx.query('rollback to savepoint copie_directe');
    return null;
  }
  await tx.query('release savepoint copie_directe');
  return nombre;
}

export interface ValeurLigne {
  indicateur: string;
  territoireType: TypeTerritoireValeur;
  territoireCode: string;
  periode: string;
  periodeFin: number;
  valeur: Valeur;
  textePublie: string | null;
  source: string;
  tiret: SensDuTiret | null;
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

/** Commune values of one indicator on a set of communes. */
export async function valeursCommunales(db: Queryable, indicateur: string, communes: string[]): Promise<ValeurLigne[]> {
  const { rows } = await db.query(
    `${SELECT_VALEUR} where indicateur_code = $1 and territoire_type = 'commune' and territoire_code = any($2) order by periode_fin`,
    [indicateur, communes],
  );
  return rows;
}

const COLONNES_BRUTES = `v.indicateur_code, v.territoire_type, v.territoire_code, v.periode, v.periode_fin, v.nature, v.valeur, v.borne_inf, v.borne_sup,
  v.inf_incluse, v.sup_incluse, v.numerateur, v.denominateur, v.texte_publie, v.source, v.tiret`;

/** A row of raw columns as a value line: the value object is built here rather than as JSON in SQL (cheaper on many rows). */
function enLigne(r: Record<string, any>): ValeurLigne {
  const valeur: Valeur =
    r.nature === 'exacte'
      ? { nature: 'exacte', valeur: r.valeur }
      : r.nature === 'intervalle'
        ? { nature: 'intervalle', borneInf: r.borne_inf, borneSup: r.borne_sup, infIncluse: r.inf_incluse, supIncluse: r.sup_incluse }
        : { nature: r.nature };
  return {
    indicateur: r.indicateur_code,
    territoireType: r.territoire_type,
    territoireCode: r.territoire_code,
    periode: r.periode,
    periodeFin: r.periode_fin,
    valeur,
    textePublie: r.texte_publie,
    source: r.source,
    tiret: r.tiret,
    numerateur: r.numerateur,
    denominateur: r.denominateur,
  };
}

/** The communes of a perimeter ($2: its EPCIs, $3: its own communes), as a CTE. */
export const COMMUNES_DU_PERIMETRE = `communes as (
  select t.code, t.population from territoires t
  where t.type = 'commune' and t.code in (select commune_code from epci_membres where epci_code = any($2::text[]) union select unnest($3::text[])))`;

/**
 * One value per commune of the perimeter, indicator ($1, null: all) and period (the first source), as a CTE. Commune
 * by commune, the index on (territory, indicator, period, source) gives the rows in order: no sort.
 */
export const UNE_VALEUR_PAR_COMMUNE = `une as (
  select u.*, c.population from communes c cross join lateral (
    select distinct on (v.indicateur_code, v.periode) v.indicateur_code, v.periode, v.periode_fin, v.nature, v.numerateur, v.denominateur, v.source, v.tiret,
      case v.nature when 'exacte' then v.valeur when 'intervalle' then v.borne_inf end as inf,
      case v.nature when 'exacte' then v.valeur when 'intervalle' then v.borne_sup end as sup,
      case v.nature when 'exacte' then true when 'intervalle' then v.inf_incluse end as inf_incluse,
      case v.nature when 'exacte' then true when 'intervalle' then v.sup_incluse end as sup_incluse
    from valeurs v
    where v.territoire_type = 'commune' and v.territoire_code = c.code and ($1::text[] is null or v.indicateur_code = any($1::text[]))
    order by v.indicateur_code, v.periode, v.source) u)`;

/** Counts and sums by indicator and period over `une`: the columns of a SommesLigne. */
export const SOMMES_PAR_INDICATEUR_ET_PERIODE = `select indicateur_code as indicateur, periode, min(periode_fin) as "periodeFin",
  count(*) as lues, count(*) filter (where nature = 'masquee') as masquees, count(*) filter (where nature = 'manquante') as "manquantesLues",
  count(inf) as connues, coalesce(sum(population) filter (where inf is not null), 0) as "populationConnue",
  coalesce(sum(inf), 0) as inf, coalesce(sum(sup), 0) as sup,
  coalesce(sum(inf * population), 0) as "infPondere", coalesce(sum(sup * population), 0) as "supPondere",
  coalesce(sum((inf + sup) / 2 * population), 0) as "milieuPondere",
  coalesce(bool_and(inf_incluse), true) as "infIncluse", coalesce(bool_and(sup_incluse), true) as "supIncluse",
  count(*) filter (where numerateur is not null and denominateur is not null) as "avecTermes",
  coalesce(sum(numerateur) filter (where numerateur is not null and denominateur is not null), 0) as numerateur,
  coalesce(sum(denominateur) filter (where numerateur is not null and denominateur is not null), 0) as denominateur,
  min(nullif(source, '')) as "sourceMin", max(nullif(source, '')) as "sourceMax", min(tiret) as tiret
from une group by indicateur_code, periode`;

/**
 * The sums `agregerSommes` needs, for every indicator ($1, null: all) and period, over the communes of a perimeter:
 * one value per commune, indicator and period (the first source), then counts and sums by indicator and period.
 * The contract diagnostic and the one-indicator aggregate read it; the series of a perimeter read the same sums
 * with the catalogue and published values in one statement (series.repository.ts).
 */
export const SQL_SOMMES_PAR_PERIODE = `with ${COMMUNES_DU_PERIMETRE},
${UNE_VALEUR_PAR_COMMUNE}
${SOMMES_PAR_INDICATEUR_ET_PERIODE}`;

/** One row of SQL_SOMMES_PAR_PERIODE: an indicator and period on the perimeter's communes. */
export interface SommesLigne {
  indicateur: string;
  periode: string;
  periodeFin: number;
  /** Communes with a row; of them, masked, "manquante" and known (exact or interval). */
  lues: number;
  masquees: number;
  manquantesLues: number;
  connues: number;
  populationConnue: number;
  inf: number;
  sup: number;
  infPondere: number;
  supPondere: number;
  milieuPondere: number;
  infIncluse: boolean;
  supIncluse: boolean;
  avecTermes: number;
  numerateur: number;
  denominateur: number;
  /** The smallest and largest source of the values used (the same when there is one). */
  sourceMin: string | null;
  sourceMax: string | null;
  tiret: SensDuTiret | null;
}

export async function sommesParPeriode(
  db: Queryable,
  indicateurs: string[] | null,
  perimetre: { epci: string[]; communes: string[] },
): Promise<SommesLigne[]> {
  if (!perimetre.epci.length && !perimetre.communes.length) return [];
  const { rows } = await db.query(SQL_SOMMES_PAR_PERIODE, [indicateurs, perimetre.epci, perimetre.communes]);
  return rows;
}

/**
 * Published values (every period) of the territories asked for and, unless told otherwise, of the comparators: the
 * départements and regions of the perimeter's communes, France métropolitaine and France. One query for any number
 * of indicators.
 */
export async function valeursPubliees(
  db: Queryable,
  indicateurs: string[] | null,
  perimetre: { epci: string[]; communes: string[] },
  publies: { type: string; code: string }[],
  avecComparateurs = true,
): Promise<ValeurLigne[]> {
  if (!avecComparateurs) {
    if (!publies.length) return [];
    const { rows } = await db.query(
      `select ${COLONNES_BRUTES} from unnest($2::text[], $3::text[]) c (type, code) join valeurs v on v.territoire_type = c.type and v.territoire_code = c.code
       where $1::text[] is null or v.indicateur_code = any($1::text[])`,
      [indicateurs, publies.map((t) => t.type), publies.map((t) => t.code)],
    );
    return rows.map(enLigne);
  }
  const autres = [...publies, { type: 'france_metro', code: 'FRM' }, { type: 'france', code: 'FRA' }];
  const { rows } = await db.query(
    `with ${COMMUNES_DU_PERIMETRE},
     geo as (select t.departement_code, t.region_code from territoires t join communes c on t.type = 'commune' and t.code = c.code),
     cibles (type, code) as (
       select 'departement', departement_code from geo
       union select 'region', region_code from geo
       union select * from unnest($4::text[], $5::text[]))
     select ${COLONNES_BRUTES} from cibles c join valeurs v on v.territoire_type = c.type and v.territoire_code = c.code
     where $1::text[] is null or v.indicateur_code = any($1::text[])`,
    [indicateurs, perimetre.epci, perimetre.communes, autres.map((t) => t.type), autres.map((t) => t.code)],
  );
  return rows.map(enLigne);
}

/** A stored value with the names of its indicator and territory, for the lists of the indicator and territory pages. */
export interface ValeurListee extends ValeurLigne {
  libelle: string;
  unite: string;
  nom: string | null;
}

/**
 * Stored values of one indicator and/or one territory, a page at a time, with their total. In the order of the unique
 * index (indicator, territory type, code, period, source): a page of a national indicator is read without a sort.
 */
export async function listerValeurs(
  db: Queryable,
  filtre: { indicateur: string | null; territoire: { type: string; code: string } | null; type: string | null },
  limite: number,
  decalage: number,
): Promise<{ total: number; valeurs: ValeurListee[] }> {
  const conditions = `($1::text is null or v.indicateur_code = $1) and ($2::text is null or v.territoire_type = $2) and ($3::text is null or v.territoire_code = $3)`;
  const parametres = [filtre.indicateur, filtre.territoire?.type ?? filtre.type, filtre.territoire?.code ?? null];
  const [{ rows: compte }, { rows }] = await Promise.all([
    db.query(`select count(*)::int as total from valeurs v where ${conditions}`, parametres),
    db.query(
      `select ${COLONNES_BRUTES}, i.libelle, i.unite, t.nom from valeurs v
       join indicateurs i on i.code = v.indicateur_code
       left join territoires t on t.type = v.territoire_type and t.code = v.territoire_code
       where ${conditions}
       order by v.indicateur_code, v.territoire_type, v.territoire_code, v.periode_fin desc, v.periode, v.source
       limit $4 offset $5`,
      [...parametres, limite, decalage],
    ),
  ]);
  return { total: compte[0].total, valeurs: rows.map((r) => ({ ...enLigne(r), libelle: r.libelle, unite: r.unite, nom: r.nom })) };
}
