import type {
  EtapeSuggeree,
  GraviteRupture,
  Perimetre,
  PreuveRupture,
  PublicRessource,
  RoleCooperation,
  StatutRupture,
  TypeActeurGrille,
} from '@maillage/domain';
import type { Queryable } from '../../platform/database';

/**
 * Reads of the parcours (issue 17 items 4–6). Read-only SQL that may join the resource directory, the organisations
 * and the contract's fiches (decision 0022: a module's reads may join other modules' tables, never write them).
 */

export interface ParcoursLu {
  id: string;
  contratId: string;
  titre: string;
  description: string | null;
  publics: PublicRessource[];
  perimetre: Perimetre | null;
  version: number;
}

export async function lireParcours(db: Queryable, id: string, verrouiller = false): Promise<ParcoursLu | null> {
  const { rows } = await db.query(
    `select id, contrat_id as "contratId", titre, description, publics, perimetre, version from parcours where id = $1
     ${verrouiller ? 'for update' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export interface EtapeLue {
  id: string;
  parcoursId: string;
  position: number;
  code: EtapeSuggeree | null;
  libelle: string;
  description: string | null;
  version: number;
  ressources: {
    id: string;
    nom: string;
    typeLibelle: string;
    organisationId: string;
    organisationNom: string;
    communeNom: string | null;
    statut: string;
  }[];
  fiches: { id: string; numero: number; intitule: string }[];
}

const COLONNES_ETAPE = `e.id, e.parcours_id as "parcoursId", e.position, e.code, e.libelle, e.description, e.version,
  coalesce((select json_agg(json_build_object('id', r.id, 'nom', r.nom, 'typeLibelle', t.libelle, 'organisationId', r.organisation_id,
      'organisationNom', coalesce(o.sigle, o.nom), 'communeNom', c.nom, 'statut', r.statut) order by r.nom, r.id)
    from parcours_etape_ressources er join ressources r on r.id = er.ressource_id join organisations o on o.id = r.organisation_id
    join types_ressource t on t.code = r.type_code left join territoires c on c.type = 'commune' and c.code = r.commune_code
    where er.etape_id = e.id), '[]') as ressources,
  coalesce((select json_agg(json_build_object('id', f.id, 'numero', f.numero, 'intitule', f.intitule) order by f.numero)
    from parcours_etape_fiches ef join fiches f on f.id = ef.fiche_id where ef.etape_id = e.id), '[]') as fiches`;

export async function etapesDuParcours(db: Queryable, parcoursId: string): Promise<EtapeLue[]> {
  const { rows } = await db.query(`select ${COLONNES_ETAPE} from parcours_etapes e where e.parcours_id = $1 order by e.position`, [
    parcoursId,
  ]);
  return rows;
}

export async function lireEtape(db: Queryable, parcoursId: string, etapeId: string): Promise<EtapeLue | null> {
  const { rows } = await db.query(`select ${COLONNES_ETAPE} from parcours_etapes e where e.parcours_id = $1 and e.id = $2`, [
    parcoursId,
    etapeId,
  ]);
  return rows[0] ?? null;
}

export interface RuptureLue {
  id: string;
  parcoursId: string;
  etapeId: string;
  versEtapeId: string | null;
  description: string;
  preuves: PreuveRupture[];
  publics: PublicRessource[];
  gravite: GraviteRupture;
  statut: StatutRupture;
  ficheId: string | null;
  fiche: { id: string; numero: number; intitule: string } | null;
  creeLe: string;
  modifieLe: string;
  version: number;
}

const COLONNES_RUPTURE = `r.id, r.parcours_id as "parcoursId", r.etape_id as "etapeId", r.vers_etape_id as "versEtapeId", r.description,
  r.preuves, r.publics, r.gravite, r.statut, r.fiche_id as "ficheId",
  case when f.id is null then null else json_build_object('id', f.id, 'numero', f.numero, 'intitule', f.intitule) end as fiche,
  to_char(r.cree_le at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "creeLe",
  to_char(r.modifie_le at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "modifieLe", r.version`;

export async function rupturesDuParcours(db: Queryable, parcoursId: string, statut?: StatutRupture): Promise<RuptureLue[]> {
  const { rows } = await db.query(
    `select ${COLONNES_RUPTURE} from parcours_ruptures r left join fiches f on f.id = r.fiche_id
     where r.parcours_id = $1 and ($2::text is null or r.statut = $2) order by r.cree_le, r.id`,
    [parcoursId, statut ?? null],
  );
  return rows;
}

export async function lireRupture(db: Queryable, parcoursId: string, id: string, verrouiller = false): Promise<RuptureLue | null> {
  const { rows } = await db.query(
    `select ${COLONNES_RUPTURE} from parcours_ruptures r left join fiches f on f.id = r.fiche_id
     where r.parcours_id = $1 and r.id = $2 ${verrouiller ? 'for update of r' : ''}`,
    [parcoursId, id],
  );
  return rows[0] ?? null;
}

/** The contract's parcours, each with its steps' labels and its count of open ruptures. */
export async function parcoursDuContrat(db: Queryable, contratId: string) {
  const { rows } = await db.query(
    `select p.id, p.contrat_id as "contratId", p.titre, p.publics, p.version,
       coalesce((select json_agg(json_build_object('id', e.id, 'position', e.position, 'libelle', e.libelle) order by e.position)
         from parcours_etapes e where e.parcours_id = p.id), '[]') as etapes,
       (select count(*)::int from parcours_ruptures r where r.parcours_id = p.id and r.statut <> 'close') as "rupturesOuvertes"
     from parcours p where p.contrat_id = $1 order by p.titre, p.id`,
    [contratId],
  );
  return rows as {
    id: string;
    contratId: string;
    titre: string;
    publics: PublicRessource[];
    version: number;
    etapes: { id: string; position: number; libelle: string }[];
    rupturesOuvertes: number;
  }[];
}

/** The parcours a fiche serves (by its steps) or whose ruptures it treats. */
export async function parcoursDeFiche(db: Queryable, ficheId: string) {
  const { rows } = await db.query(
    `select p.id, p.titre,
       coalesce((select json_agg(json_build_object('id', e.id, 'position', e.position, 'libelle', e.libelle) order by e.position)
         from parcours_etapes e join parcours_etape_fiches ef on ef.etape_id = e.id where e.parcours_id = p.id and ef.fiche_id = $1), '[]') as etapes,
       coalesce((select json_agg(json_build_object('id', r.id, 'description', r.description, 'statut', r.statut) order by r.cree_le, r.id)
         from parcours_ruptures r where r.parcours_id = p.id and r.fiche_id = $1), '[]') as ruptures
     from parcours p
     where exists (select 1 from parcours_etapes e join parcours_etape_fiches ef on ef.etape_id = e.id where e.parcours_id = p.id and ef.fiche_id = $1)
        or exists (select 1 from parcours_ruptures r where r.parcours_id = p.id and r.fiche_id = $1)
     order by p.titre, p.id`,
    [ficheId],
  );
  return rows as {
    id: string;
    titre: string;
    etapes: { id: string; position: number; libelle: string }[];
    ruptures: { id: string; description: string; statut: StatutRupture }[];
  }[];
}

export interface CelluleLue {
  acteurType: TypeActeurGrille;
  acteurId: string;
  etapeId: string;
  roles: RoleCooperation[];
  version: number;
}

export async function cellulesDuParcours(db: Queryable, parcoursId: string): Promise<CelluleLue[]> {
  const { rows } = await db.query(
    `select c.acteur_type as "acteurType", c.acteur_id as "acteurId", c.etape_id as "etapeId", c.roles, c.version
     from parcours_cellules c join parcours_etapes e on e.id = c.etape_id where e.parcours_id = $1 and cardinality(c.roles) > 0`,
    [parcoursId],
  );
  return rows;
}

export async function lireCellule(db: Queryable, etapeId: string, acteurType: TypeActeurGrille, acteurId: string) {
  const { rows } = await db.query(
    `select roles, version from parcours_cellules where etape_id = $1 and acteur_type = $2 and acteur_id = $3 for update`,
    [etapeId, acteurType, acteurId],
  );
  return (rows[0] as { roles: RoleCooperation[]; version: number } | undefined) ?? null;
}

/** The names of the grid's actors, organisations and resources, by id. */
export async function nomsActeurs(db: Queryable, organisations: string[], ressources: string[]) {
  const { rows } = await db.query(
    `select 'organisation' as type, o.id, o.nom, null as "organisationNom" from organisations o where o.id = any($1::uuid[])
     union all
     select 'ressource', r.id, r.nom, coalesce(o.sigle, o.nom) from ressources r join organisations o on o.id = r.organisation_id
     where r.id = any($2::uuid[])`,
    [organisations, ressources],
  );
  return rows as { type: TypeActeurGrille; id: string; nom: string; organisationNom: string | null }[];
}

export async function ressourcesExistantes(db: Queryable, ids: string[]): Promise<string[]> {
  const { rows } = await db.query('select id from ressources where id = any($1::uuid[])', [ids]);
  return rows.map((r) => r.id);
}

/** Fiches among `ids` that belong to the contract. */
export async function fichesDuContrat(db: Queryable, contratId: string, ids: string[]): Promise<string[]> {
  const { rows } = await db.query('select id from fiches where contrat_id = $1 and id = any($2::uuid[])', [contratId, ids]);
  return rows.map((r) => r.id);
}
