import type {
  ContactRessource,
  MissionRessource,
  NiveauRessource,
  Perimetre,
  PublicRessource,
  SolliciteurRessource,
  StatutRessource,
} from '@maillage/domain';
import type { Queryable } from '../../platform/database';

/**
 * Read-only SQL of the resource directory that reaches other modules' tables: the organisation's name (comptes), the
 * communes, EPCI, départements and régions of the référentiel (territoires), the contracts' communes (contrats).
 */

export interface RessourceLue {
  id: string;
  organisationId: string;
  organisationNom: string;
  nom: string;
  typeCode: string;
  typeLibelle: string;
  publics: PublicRessource[];
  missions: MissionRessource[];
  niveau: NiveauRessource;
  sollicitablePar: SolliciteurRessource[];
  zone: Perimetre;
  communesAtteintes: number;
  adresse: string | null;
  communeCode: string | null;
  communeNom: string | null;
  horaires: string | null;
  contacts: ContactRessource[];
  criteresInclusion: string | null;
  capacite: string | null;
  delaiHabituel: string | null;
  statut: StatutRessource;
  statutDepuis: string | null;
  statutJusquAu: string | null;
  finess: string | null;
  siret: string | null;
  rorId: string | null;
  publie: boolean;
  version: number;
  /** What the permission rule needs: the régions of its communes, the contracts whose perimeter holds one. */
  regions: string[];
  contrats: string[];
}

/**
 * The contracts an organisation carries or signs (the ARS aside): their coordination records its resources too, even
 * those the directory does not place yet (a ROR offer without its Location).
 */
const CONTRATS_DE_L_ORGANISATION = `select co.contrat_id from contrat_organisations co where co.organisation_id = $2 and co.qualite = 'porteur'
    union select s.contrat_id from signataires s join organisations so on so.id = s.organisation_id where s.organisation_id = $2 and so.type <> 'ars'`;

const COLONNES = `r.id, r.organisation_id as "organisationId", coalesce(o.sigle, o.nom) as "organisationNom", r.nom, r.type_code as "typeCode",
  t.libelle as "typeLibelle", r.publics, r.missions, r.niveau, r.sollicitable_par as "sollicitablePar", r.zone,
  (select count(*)::int from ressource_communes rc where rc.ressource_id = r.id) as "communesAtteintes",
  r.adresse, r.commune_code as "communeCode", c.nom as "communeNom", r.horaires, r.contacts, r.criteres_inclusion as "criteresInclusion",
  r.capacite, r.delai_habituel as "delaiHabituel", r.statut, to_char(r.statut_depuis, 'YYYY-MM-DD') as "statutDepuis",
  to_char(r.statut_jusqu_au, 'YYYY-MM-DD') as "statutJusquAu", r.finess, r.siret, r.ror_id as "rorId", r.publie, r.version,
  coalesce((select array_agg(distinct p.region_code) from territoires p where p.type = 'commune' and p.region_code is not null
    and (p.code = r.commune_code or p.code in (select rc.commune_code from ressource_communes rc where rc.ressource_id = r.id))), '{}') as regions,
  coalesce((select array_agg(distinct x.contrat_id) from (
    select cc.contrat_id from contrat_communes cc
    where cc.commune_code = r.commune_code or cc.commune_code in (select rc.commune_code from ressource_communes rc where rc.ressource_id = r.id)
    union ${CONTRATS_DE_L_ORGANISATION.replaceAll('$2', 'r.organisation_id')}) x), '{}') as contrats`;
const DEPUIS = `from ressources r join organisations o on o.id = r.organisation_id join types_ressource t on t.code = r.type_code
  left join territoires c on c.type = 'commune' and c.code = r.commune_code`;

export interface CriteresRessources {
  q: string | null;
  public: PublicRessource | null;
  mission: MissionRessource | null;
  niveau: NiveauRessource | null;
  sollicitablePar: SolliciteurRessource | null;
  /** Resources reaching at least one of these communes (null: anywhere). */
  communes: string[] | null;
  statut: StatutRessource | null;
  organisationId: string | null;
  /** The public directory: published and active only (decision 0030), filtered here so that the page limit counts them. */
  publieSeulement: boolean;
}

function filtres(c: CriteresRessources) {
  const conditions: string[] = [];
  const valeurs: unknown[] = [];
  const p = (v: unknown) => {
    valeurs.push(v);
    return `$${valeurs.length}`;
  };
  // « Tous publics » serves every public (decision 0027).
  if (c.public) conditions.push(`(${p(c.public)} = any(r.publics) or 'tous_publics' = any(r.publics))`);
  if (c.mission) conditions.push(`${p(c.mission)} = any(r.missions)`);
  if (c.niveau) conditions.push(`r.niveau = ${p(c.niveau)}`);
  if (c.sollicitablePar) conditions.push(`${p(c.sollicitablePar)} = any(r.sollicitable_par)`);
  if (c.statut) conditions.push(`r.statut = ${p(c.statut)}`);
  if (c.organisationId) conditions.push(`r.organisation_id = ${p(c.organisationId)}`);
  if (c.publieSeulement) conditions.push(`r.publie and r.statut = 'active'`);
  if (c.communes)
    conditions.push(
      `exists (select 1 from ressource_communes rc where rc.ressource_id = r.id and rc.commune_code = any(${p(c.communes)}::text[]))`,
    );
  if (c.q) {
    const motif = p(`%${c.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    conditions.push(
      `(unaccent(r.nom) ilike unaccent(${motif}) or unaccent(o.nom) ilike unaccent(${motif}) or unaccent(t.libelle) ilike unaccent(${motif}) or unaccent(coalesce(o.sigle, '')) ilike unaccent(${motif}))`,
    );
  }
  return { where: conditions.length ? `where ${conditions.join(' and ')}` : '', valeurs };
}

export async function listerRessources(db: Queryable, c: CriteresRessources, page: { limite: number; decalage: number } | null) {
  const { where, valeurs } = filtres(c);
  const limite = page ? `limit ${Number(page.limite)} offset ${Number(page.decalage)}` : '';
  const { rows } = await db.query(
    `select ${COLONNES}, count(*) over ()::int as total ${DEPUIS} ${where} order by r.nom, r.id ${limite}`,
    valeurs,
  );
  const total =
    rows[0]?.total ?? (page && page.decalage > 0 ? (await db.query(`select count(*)::int n ${DEPUIS} ${where}`, valeurs)).rows[0].n : 0);
  return { total: total as number, elements: rows.map(({ total: _t, ...r }) => r as RessourceLue) };
}

export async function obtenirRessource(db: Queryable, id: string): Promise<RessourceLue | null> {
  const { rows } = await db.query(`select ${COLONNES} ${DEPUIS} where r.id = $1`, [id]);
  return rows[0] ?? null;
}

/**
 * The régions of these communes and the contracts whose perimeter holds one of them or that the organisation carries
 * or signs: what the permission rule needs.
 */
export async function porteeDesCommunes(
  db: Queryable,
  communes: string[],
  organisationId: string,
): Promise<{ regions: string[]; contrats: string[] }> {
  const { rows } = await db.query(
    `select coalesce((select array_agg(distinct region_code) from territoires where type = 'commune' and code = any($1::text[]) and region_code is not null), '{}') as regions,
            coalesce((select array_agg(distinct x.contrat_id) from (
              select contrat_id from contrat_communes where commune_code = any($1::text[])
              union ${CONTRATS_DE_L_ORGANISATION}) x), '{}') as contrats`,
    [communes, organisationId],
  );
  return rows[0];
}

export interface CommuneDuPerimetre {
  code: string;
  nom: string;
  population: number;
}

/** The communes of territories of any level (commune, EPCI, département, région), once each, with the codes not found. */
export async function communesDesTerritoires(
  db: Queryable,
  territoires: { type: string; code: string }[],
): Promise<{ communes: CommuneDuPerimetre[]; inconnus: string[] }> {
  const codes = (type: string) => territoires.filter((t) => t.type === type).map((t) => t.code);
  const { rows } = await db.query(
    `select c.code, c.nom, c.population from territoires c
     where c.type = 'commune' and (c.code = any($1::text[]) or c.departement_code = any($3::text[]) or c.region_code = any($4::text[])
       or c.code in (select commune_code from epci_membres where epci_code = any($2::text[])))
     order by c.code`,
    [codes('commune'), codes('epci'), codes('departement'), codes('region')],
  );
  const { rows: connus } = await db.query(
    `select type || ':' || code as cle from territoires where (type, code) in (select * from unnest($1::text[], $2::text[]))`,
    [territoires.map((t) => t.type), territoires.map((t) => t.code)],
  );
  const presents = new Set(connus.map((r) => r.cle));
  return { communes: rows, inconnus: territoires.map((t) => `${t.type}:${t.code}`).filter((cle) => !presents.has(cle)) };
}

/** For each commune, the active resources reaching it for a public (or « tous publics ») and a mission. */
export async function couvertureDesCommunes(db: Queryable, communes: string[], publicDemande: PublicRessource, mission: MissionRessource) {
  const { rows } = await db.query(
    `select c.code, c.nom, c.population, count(r.id)::int as ressources
     from territoires c
     left join ressource_communes rc on rc.commune_code = c.code
     left join ressources r on r.id = rc.ressource_id and r.statut = 'active' and ($2 = any(r.publics) or 'tous_publics' = any(r.publics)) and $3 = any(r.missions)
     where c.type = 'commune' and c.code = any($1::text[])
     group by c.code, c.nom, c.population order by c.code`,
    [communes, publicDemande, mission],
  );
  return rows as (CommuneDuPerimetre & { ressources: number })[];
}

export async function typesRessource(db: Queryable): Promise<{ code: string; libelle: string; ordre: number }[]> {
  const { rows } = await db.query('select code, libelle, ordre from types_ressource order by ordre, libelle');
  return rows;
}

/** The resources the ROR identifiers name, for an import to update rather than duplicate. */
export async function ressourcesParRorId(db: Queryable, ids: string[]): Promise<Map<string, RessourceLue>> {
  const { rows } = await db.query(`select ${COLONNES} ${DEPUIS} where r.ror_id = any($1::text[])`, [ids]);
  return new Map(rows.map((r) => [r.rorId, r]));
}

/** Resources by organisation and name, for a whole spreadsheet at once: key `organisationId|name as asked`. */
export async function ressourcesParNoms(db: Queryable, demandes: { organisationId: string; nom: string }[]) {
  const { rows } = await db.query(
    `select distinct on (d.org, d.nom) ${COLONNES}, d.org || '|' || d.nom as cle ${DEPUIS}
     join unnest($1::uuid[], $2::text[]) as d(org, nom) on r.organisation_id = d.org and lower(r.nom) = lower(d.nom)
     order by d.org, d.nom, r.cree_le, r.id`,
    [demandes.map((d) => d.organisationId), demandes.map((d) => d.nom)],
  );
  return new Map(rows.map(({ cle, ...r }) => [cle as string, r as RessourceLue]));
}
