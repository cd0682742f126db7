import type { RessourceSaisie } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

/** Writes of the resource directory: its own tables only. */

const valeurs = (r: RessourceSaisie) => [
  r.organisationId,
  r.nom,
  r.typeCode,
  r.publics,
  r.missions,
  r.niveau,
  r.sollicitablePar,
  JSON.stringify(r.zone),
  r.adresse,
  r.communeCode,
  r.horaires,
  JSON.stringify(r.contacts),
  r.criteresInclusion,
  r.capacite,
  r.delaiHabituel,
  r.statut,
  r.statutDepuis,
  r.statutJusquAu,
  r.finess,
  r.siret,
  r.rorId,
  r.publie,
];

export async function creerRessource(tx: Queryable, r: RessourceSaisie): Promise<{ id: string; version: number }> {
  const { rows } = await tx.query(
    `insert into ressources (organisation_id, nom, type_code, publics, missions, niveau, sollicitable_par, zone, adresse, commune_code, horaires, contacts,
       criteres_inclusion, capacite, delai_habituel, statut, statut_depuis, statut_jusqu_au, finess, siret, ror_id, publie)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) returning id, version`,
    valeurs(r),
  );
  return rows[0];
}

/** Null when the version is not the stored one (someone saved in between). */
export async function modifierRessource(tx: Queryable, id: string, version: number, r: RessourceSaisie): Promise<number | null> {
  const { rows } = await tx.query(
    `update ressources set organisation_id = $1, nom = $2, type_code = $3, publics = $4, missions = $5, niveau = $6, sollicitable_par = $7, zone = $8,
       adresse = $9, commune_code = $10, horaires = $11, contacts = $12, criteres_inclusion = $13, capacite = $14, delai_habituel = $15, statut = $16,
       statut_depuis = $17, statut_jusqu_au = $18, finess = $19, siret = $20, ror_id = $21, publie = $22, version = version + 1, modifie_le = now()
     where id = $23 and version = $24 returning version`,
    [...valeurs(r), id, version],
  );
  return rows[0]?.version ?? null;
}

export async function remplacerCommunes(tx: Queryable, id: string, communes: string[]) {
  await tx.query('delete from ressource_communes where ressource_id = $1', [id]);
  if (communes.length)
    await tx.query('insert into ressource_communes (ressource_id, commune_code) select $1, unnest($2::text[])', [id, communes]);
}

export async function ajouterType(tx: Queryable, t: { code: string; libelle: string; ordre: number }): Promise<boolean> {
  const { rowCount } = await tx.query('insert into types_ressource (code, libelle, ordre) values ($1, $2, $3) on conflict do nothing', [
    t.code,
    t.libelle,
    t.ordre,
  ]);
  return rowCount === 1;
}

export async function typeExiste(tx: Queryable, code: string): Promise<boolean> {
  const { rowCount } = await tx.query('select 1 from types_ressource where code = $1', [code]);
  return rowCount === 1;
}
