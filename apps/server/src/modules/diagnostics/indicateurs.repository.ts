import type { IndicateurSaisie } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

export interface IndicateurLigne extends IndicateurSaisie {
  version: number;
  nombreValeurs?: number;
}

const COLONNES = `code, libelle, famille, unite, facteur, numerateur, denominateur, standardisation, polarite,
  methode_agregation as "methodeAgregation", source, millesime, regle_secret as "regleSecret", denombrement, version`;

/** The count of values reads every value of the indicator (millions at national scale): only the catalogue pages ask for it. */
const NOMBRE_VALEURS = `, (select count(*)::int from valeurs v where v.indicateur_code = i.code) as "nombreValeurs"`;

export async function listerIndicateurs(db: Queryable, avecNombres = true): Promise<IndicateurLigne[]> {
  const { rows } = await db.query(`select ${COLONNES}${avecNombres ? NOMBRE_VALEURS : ''} from indicateurs i order by famille, libelle`);
  return rows;
}

export async function obtenirIndicateur(db: Queryable, code: string, avecNombre = true): Promise<IndicateurLigne | null> {
  const { rows } = await db.query(`select ${COLONNES}${avecNombre ? NOMBRE_VALEURS : ''} from indicateurs i where code = $1`, [code]);
  return rows[0] ?? null;
}

export async function codesIndicateurs(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query('select code from indicateurs');
  return new Set(rows.map((r) => r.code));
}

const valeursDe = (i: IndicateurSaisie) => [
  i.code,
  i.libelle,
  i.famille,
  i.unite,
  i.facteur,
  i.numerateur ?? null,
  i.denominateur ?? null,
  i.standardisation ?? null,
  i.polarite,
  i.methodeAgregation,
  i.source ?? null,
  i.millesime ?? null,
  i.regleSecret ?? null,
  i.denombrement ?? false,
];

export async function creerIndicateur(db: Queryable, i: IndicateurSaisie): Promise<void> {
  await db.query(
    `insert into indicateurs (code, libelle, famille, unite, facteur, numerateur, denominateur, standardisation, polarite,
       methode_agregation, source, millesime, regle_secret, denombrement) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    valeursDe(i),
  );
}

export async function modifierIndicateur(db: Queryable, codeActuel: string, version: number, i: IndicateurSaisie): Promise<boolean> {
  const { rowCount } = await db.query(
    `update indicateurs set code = $1, libelle = $2, famille = $3, unite = $4, facteur = $5, numerateur = $6, denominateur = $7,
       standardisation = $8, polarite = $9, methode_agregation = $10, source = $11, millesime = $12, regle_secret = $13,
       denombrement = $14, version = version + 1, modifie_le = now()
     where code = $15 and version = $16`,
    [...valeursDe(i), codeActuel, version],
  );
  return rowCount === 1;
}

/** Decimal values of an indicator: how many, and the first of them (for a count, they are errors). */
export async function valeursDecimales(db: Queryable, code: string): Promise<{ nombre: number; exemple: number | null }> {
  const { rows } = await db.query(
    `select count(*)::int as nombre, min(coalesce(case when valeur <> trunc(valeur) then valeur end, case when borne_inf <> trunc(borne_inf) then borne_inf end, borne_sup)) as exemple
     from valeurs where indicateur_code = $1 and (valeur <> trunc(valeur) or borne_inf <> trunc(borne_inf) or borne_sup <> trunc(borne_sup))`,
    [code],
  );
  return rows[0];
}

export async function supprimerIndicateur(db: Queryable, code: string): Promise<void> {
  await db.query('delete from valeurs where indicateur_code = $1', [code]);
  await db.query('delete from indicateurs where code = $1', [code]);
}
