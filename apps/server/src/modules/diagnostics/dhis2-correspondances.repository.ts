/** SQL of the DHIS2 mappings (one per region): written here only, through dhis2-correspondances.service.ts. */
import type { TypeTerritoireDhis2 } from '@maillage/domain/api';
import type { Queryable } from '../../platform/database';

export interface LigneElement {
  dataElement: string;
  categoryOptionCombo: string | null;
  indicateur: string;
}
export interface LigneUnite {
  orgUnit: string;
  territoireType: TypeTerritoireDhis2;
  territoireCode: string;
}

export async function enteteCorrespondance(db: Queryable, regionCode: string) {
  const { rows } = await db.query<{ version: number; modifieLe: string; modifiePar: string | null }>(
    `select version, to_char(modifie_le at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "modifieLe", modifie_par as "modifiePar"
     from correspondances_dhis2 where region_code = $1`,
    [regionCode],
  );
  return rows[0] ?? null;
}

/** The lines, with the names a reader needs (indicator label, territory name), in the order they were saved. */
export async function lignesCorrespondance(db: Queryable, regionCode: string) {
  const elements = await db.query<LigneElement & { indicateurLibelle: string }>(
    `select e.data_element as "dataElement", nullif(e.categorie_option_combo, '') as "categoryOptionCombo",
       e.indicateur_code as indicateur, i.libelle as "indicateurLibelle"
     from dhis2_elements e join indicateurs i on i.code = e.indicateur_code where e.region_code = $1 order by e.rang`,
    [regionCode],
  );
  const unites = await db.query<LigneUnite & { territoireNom: string }>(
    `select u.org_unit as "orgUnit", u.territoire_type as "territoireType", u.territoire_code as "territoireCode",
       coalesce(t.nom, u.territoire_code) as "territoireNom"
     from dhis2_unites u left join territoires t on t.type = u.territoire_type and t.code = u.territoire_code
     where u.region_code = $1 order by u.rang`,
    [regionCode],
  );
  return { elements: elements.rows, unites: unites.rows };
}

/** Bumps the version (or creates the mapping at version 1); false when the version read is no longer the current one. */
export async function prendreVersion(tx: Queryable, regionCode: string, versionLue: number, par: string): Promise<boolean> {
  if (versionLue === 0) {
    const { rowCount } = await tx.query(
      `insert into correspondances_dhis2 (region_code, modifie_par) values ($1, $2) on conflict (region_code) do nothing`,
      [regionCode, par],
    );
    return rowCount === 1;
  }
  const { rowCount } = await tx.query(
    `update correspondances_dhis2 set version = version + 1, modifie_le = now(), modifie_par = $3 where region_code = $1 and version = $2`,
    [regionCode, versionLue, par],
  );
  return rowCount === 1;
}

export async function remplacerLignes(tx: Queryable, regionCode: string, elements: LigneElement[], unites: LigneUnite[]) {
  await tx.query('delete from dhis2_elements where region_code = $1', [regionCode]);
  await tx.query('delete from dhis2_unites where region_code = $1', [regionCode]);
  await tx.query(
    `insert into dhis2_elements (region_code, rang, data_element, categorie_option_combo, indicateur_code)
     select $1, n, e, c, i from unnest($2::text[], $3::text[], $4::text[]) with ordinality as x(e, c, i, n)`,
    [regionCode, elements.map((e) => e.dataElement), elements.map((e) => e.categoryOptionCombo ?? ''), elements.map((e) => e.indicateur)],
  );
  await tx.query(
    `insert into dhis2_unites (region_code, rang, org_unit, territoire_type, territoire_code)
     select $1, n, o, t, c from unnest($2::text[], $3::text[], $4::text[]) with ordinality as x(o, t, c, n)`,
    [regionCode, unites.map((u) => u.orgUnit), unites.map((u) => u.territoireType), unites.map((u) => u.territoireCode)],
  );
}

/** Which of these codes the catalogue does not have. */
export async function indicateursAbsents(db: Queryable, codes: string[]) {
  const { rows } = await db.query<{ code: string }>(
    'select c as code from unnest($1::text[]) c where not exists (select 1 from indicateurs i where i.code = c)',
    [codes],
  );
  return new Set(rows.map((r) => r.code));
}

/** Which of these "type:code" keys the référentiel does not have. */
export async function territoiresAbsents(db: Queryable, cles: string[]) {
  const { rows } = await db.query<{ cle: string }>(
    `select k as cle from unnest($1::text[]) k where not exists (select 1 from territoires t where t.type = split_part(k, ':', 1) and t.code = split_part(k, ':', 2))`,
    [cles],
  );
  return new Set(rows.map((r) => r.cle));
}

export async function regionExiste(db: Queryable, regionCode: string) {
  const { rowCount } = await db.query(`select 1 from territoires where type = 'region' and code = $1`, [regionCode]);
  return rowCount === 1;
}
