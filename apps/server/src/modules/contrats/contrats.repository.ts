import type { ContratSaisie, Doctrine, PerimetreResolu, StatutContrat } from '@maillage/domain';
import { preparee, type Queryable } from '../../platform/database';
import { DISPOSITIFS_JSON, type DispositifTerritorial, type EvaluationPrevue, EVALUATIONS_PREVUES_JSON } from './articulation.repository';
import type { ConfirmationLigne } from './confirmations.repository';

export interface ContratLigne {
  id: string;
  intitule: string;
  perimetre: { epci: string[]; communes: string[] };
  generation: number;
  predecesseurId: string | null;
  origine: string | null;
  periode: { debut: string | null; fin: string | null };
  debutElaboration: string | null;
  dateSignature: string | null;
  statut: StatutContrat;
  insulaire: boolean;
  contexte: string | null;
  publie: boolean;
  regions: string[];
  departements: string[];
  population: number;
  nombreCommunes: number;
  version: number;
  creeLe: string;
  modifieLe: string;
}

const COLONNES = `c.id, c.intitule, c.perimetre, c.generation, c.predecesseur_id as "predecesseurId", c.origine,
  json_build_object('debut', c.periode_debut, 'fin', c.periode_fin) as periode, c.debut_elaboration as "debutElaboration",
  c.date_signature as "dateSignature", c.statut, c.insulaire, c.contexte, c.publie, c.regions, c.departements, c.population,
  c.nombre_communes as "nombreCommunes", c.version, c.cree_le as "creeLe", c.modifie_le as "modifieLe"`;

/** Organisations engaged in a contract: ARS, porteurs, signataires, partenaires and pilotes of its fiches. */
export const ORGANISATIONS_ENGAGEES = `(
  select organisation_id from contrat_organisations where contrat_id = c.id
  union select organisation_id from signataires where contrat_id = c.id
  union select organisation_id from partenaires where contrat_id = c.id
  union select p.organisation_id from fiche_pilotes p join fiches f on f.id = p.fiche_id where f.contrat_id = c.id and p.organisation_id is not null)`;

export interface FiltreVisibilite {
  tout: boolean;
  regions: string[];
  contrats: string[];
  organisations: string[];
}

export interface ContratResume {
  id: string;
  intitule: string;
  statut: StatutContrat;
  generation: number;
  periode: { debut: string | null; fin: string | null };
  regions: string[];
  departements: string[];
  population: number;
  nombreFiches: number;
  publie: boolean;
  organisationsEngagees: string[];
}

/** The contracts a user may see, in one query (the service double-checks each with can()). */
export async function listerContrats(
  db: Queryable,
  visibilite: FiltreVisibilite,
  filtre: { region: string | null; departement: string | null; statut: string | null; generation: number | null; q: string | null },
): Promise<ContratResume[]> {
  const { rows } = await db.query(
    `select c.id, c.intitule, c.statut, c.generation, json_build_object('debut', c.periode_debut, 'fin', c.periode_fin) as periode,
       c.regions, c.departements, c.population, c.publie,
       (select count(*) from fiches f where f.contrat_id = c.id)::int as "nombreFiches",
       array(select distinct o.organisation_id::text from ${ORGANISATIONS_ENGAGEES} o(organisation_id)) as "organisationsEngagees"
     from contrats c
     where ($1 or c.publie or c.regions && $2 or c.id = any($3::uuid[])
            or exists (select 1 from ${ORGANISATIONS_ENGAGEES} o(organisation_id) where o.organisation_id = any($4::uuid[])))
       and ($5::text is null or $5 = any(c.regions)) and ($6::text is null or $6 = any(c.departements))
       and ($7::text is null or c.statut = $7) and ($8::int is null or c.generation = $8)
       and ($9::text is null or c.intitule ilike '%' || $9 || '%')
     order by c.intitule, c.generation`,
    [
      visibilite.tout,
      visibilite.regions,
      visibilite.contrats,
      visibilite.organisations,
      filtre.region,
      filtre.departement,
      filtre.statut,
      filtre.generation,
      filtre.q,
    ],
  );
  return rows;
}

export async function obtenirContrat(db: Queryable, id: string, verrouiller = false): Promise<ContratLigne | null> {
  const { rows } = await db.query(`select ${COLONNES} from contrats c where c.id = $1 ${verrouiller ? 'for update' : ''}`, [id]);
  return rows[0] ?? null;
}

/** The contract's axes with their objectives, in order, as a JSON array on a contract aliased `c` (as listerAxes). */
const AXES_JSON = `coalesce((select json_agg(json_build_object('id', a.id, 'ordre', a.ordre, 'intitule', a.intitule, 'axePrs', a.axe_prs,
    'description', a.description, 'objectifs', coalesce((select json_agg(json_build_object('id', o.id, 'axeId', o.axe_id, 'ordre', o.ordre,
      'intitule', o.intitule, 'objectifsOperationnels', o.objectifs_operationnels) order by o.ordre) from objectifs o where o.axe_id = a.id), '[]'))
    order by a.ordre) from axes a where a.contrat_id = c.id), '[]')`;

const COLONNES_REFERENCE = `c.id, c.regions, c.publie, c.statut, c.periode_fin::text as "periodeFin",
  array(select distinct o.organisation_id::text from ${ORGANISATIONS_ENGAGEES} o(organisation_id)) as "organisationsEngagees"`;

// Prepared, as the page's and the list's below: every request on a contract runs one of them (decision 0034).
const REFERENCE_CONTRAT = preparee(`select ${COLONNES_REFERENCE} from contrats c where c.id = $1`);
const REFERENCE_ET_AXES = preparee(`select ${COLONNES_REFERENCE}, ${AXES_JSON} as axes from contrats c where c.id = $1`);

export type ReferenceContratLigne = {
  id: string;
  regions: string[];
  publie: boolean;
  statut: string;
  periodeFin: string | null;
  organisationsEngagees: string[];
};

/** What the permission rules need of a contract, with the organisations engaged in it. */
export async function referenceContrat(db: Queryable, id: string): Promise<ReferenceContratLigne | null> {
  const { rows } = await db.query(REFERENCE_CONTRAT([id]));
  return rows[0] ?? null;
}

/** The same, with the contract's axes: a list of its fiches needs both, in one round trip. */
export async function referenceEtAxes(db: Queryable, id: string): Promise<(ReferenceContratLigne & { axes: AxeLigne[] }) | null> {
  const { rows } = await db.query(REFERENCE_ET_AXES([id]));
  return rows[0] ?? null;
}

const organisation = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'nom', ${alias}.nom, 'type', ${alias}.type, 'sigle', ${alias}.sigle)`;

// Prepared (decision 0034). A party's organisation is read by its key: a join let the planner hash the whole
// organisations table (902 rows in the bench, more in use) for five confirmations.
const PAGE_CONTRAT = preparee(
  `select ${COLONNES},
       array(select distinct o.organisation_id::text from ${ORGANISATIONS_ENGAGEES} o(organisation_id)) as "organisationsEngagees",
       coalesce((select json_agg(json_build_object('qualite', co.qualite, 'organisation', ${organisation('o')}) order by o.nom)
         from contrat_organisations co join organisations o on o.id = co.organisation_id where co.contrat_id = c.id), '[]') as organisations,
       coalesce((select json_agg(json_build_object('id', s.id, 'organisation', ${organisation('o')}, 'representant', s.representant, 'qualite', s.qualite,
         'dateSignature', s.date_signature) order by s.ordre, o.nom) from signataires s join organisations o on o.id = s.organisation_id where s.contrat_id = c.id), '[]') as signataires,
       coalesce((select json_agg(json_build_object('id', p.id, 'organisation', ${organisation('o')}, 'role', p.role) order by o.nom)
         from partenaires p join organisations o on o.id = p.organisation_id where p.contrat_id = c.id), '[]') as partenaires,
       ${AXES_JSON} as axes,
       (select coalesce(json_object_agg(t.type || ':' || t.code, t.nom), '{}') from territoires t
         where (t.type, t.code) in (select 'region', unnest(c.regions) union all select 'departement', unnest(c.departements)
                                    union all select 'epci', jsonb_array_elements_text(c.perimetre -> 'epci'))) as noms,
       array(select distinct t from fiches f cross join lateral unnest(f.thematiques) t where f.contrat_id = c.id) as thematiques,
       (select json_build_object('id', p.id, 'intitule', p.intitule, 'generation', p.generation) from contrats p where p.id = c.predecesseur_id) as predecesseur,
       coalesce((select json_agg(json_build_object('id', s.id, 'intitule', s.intitule, 'generation', s.generation) order by s.generation)
         from contrats s where s.predecesseur_id = c.id), '[]') as successeurs,
       (select json_build_object('id', a.id, 'numero', a.numero) from avenants a where a.contrat_id = c.id and a.etat = 'brouillon') as "avenantOuvert",
       (select count(*) from fiches f where f.contrat_id = c.id)::int as "nombreFiches",
       coalesce((select json_object_agg(d.region_code, d.regles) from doctrines d where d.region_code = any(c.regions)), '{}') as doctrines,
       coalesce((select json_agg(json_build_object('id', cp.id, 'role', cp.role, 'statut', cp.statut, 'motif', cp.motif,
         'organisation', (select json_build_object('id', o.id, 'nom', o.nom, 'type', o.type, 'regionCode', o.region_code)
                          from organisations o where o.id = cp.organisation_id)))
         from confirmations_parties cp where cp.contrat_id = c.id), '[]') as confirmations,
       ${EVALUATIONS_PREVUES_JSON} as "planEvaluation",
       ${DISPOSITIFS_JSON} as "dispositifsTerritoriaux"
     from contrats c where c.id = $1`,
);

/**
 * Everything the contract page shows, in one query: a page read under load is dominated by round trips, not by
 * the work of each (18 small queries made it five times slower than this one; its evaluation plan and schemes,
 * read beside it in two more queries, cost more in round trips than in work: decision 0034).
 */
export async function pageContrat(db: Queryable, id: string) {
  const { rows } = await db.query(PAGE_CONTRAT([id]));
  return (rows[0] ?? null) as
    | (ContratLigne & {
        organisationsEngagees: string[];
        organisations: { qualite: 'ars' | 'porteur'; organisation: OrganisationCourte }[];
        signataires: SignataireLigne[];
        partenaires: PartenaireLigne[];
        axes: AxeLigne[];
        noms: Record<string, string>;
        thematiques: string[];
        predecesseur: { id: string; intitule: string; generation: number } | null;
        successeurs: { id: string; intitule: string; generation: number }[];
        avenantOuvert: { id: string; numero: number } | null;
        nombreFiches: number;
        doctrines: Record<string, Doctrine>;
        confirmations: ConfirmationLigne[];
        planEvaluation: EvaluationPrevue[];
        dispositifsTerritoriaux: DispositifTerritorial[];
      })
    | null;
}

export async function organisationsEngagees(db: Queryable, contratId: string): Promise<string[]> {
  const { rows } = await db.query(
    `select distinct o.organisation_id::text as id from contrats c cross join lateral ${ORGANISATIONS_ENGAGEES} o(organisation_id) where c.id = $1`,
    [contratId],
  );
  return rows.map((r) => r.id);
}

function valeursContrat(saisie: ContratSaisie, territoire: PerimetreResolu) {
  return [
    saisie.intitule,
    JSON.stringify({ epci: saisie.perimetre.epci, communes: saisie.perimetre.communes }),
    saisie.generation,
    saisie.predecesseurId ?? null,
    saisie.origine ?? null,
    saisie.periode.debut ?? null,
    saisie.periode.fin ?? null,
    saisie.debutElaboration ?? null,
    saisie.insulaire,
    saisie.contexte ?? null,
    saisie.publie ?? null,
    territoire.regions,
    territoire.departements,
    territoire.population,
    territoire.communes.length,
  ];
}

export async function creerContrat(
  db: Queryable,
  saisie: ContratSaisie,
  territoire: PerimetreResolu,
  statut = 'preparation',
): Promise<string> {
  const { rows } = await db.query(
    `insert into contrats (intitule, perimetre, generation, predecesseur_id, origine, periode_debut, periode_fin, debut_elaboration,
       insulaire, contexte, publie, regions, departements, population, nombre_communes, statut)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, coalesce($11, false), $12, $13, $14, $15, $16) returning id`,
    [...valeursContrat(saisie, territoire), statut],
  );
  return rows[0].id;
}

export async function modifierContrat(
  db: Queryable,
  id: string,
  version: number,
  saisie: ContratSaisie,
  territoire: PerimetreResolu,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update contrats set intitule = $1, perimetre = $2, generation = $3, predecesseur_id = $4, origine = $5, periode_debut = $6,
       periode_fin = $7, debut_elaboration = $8, insulaire = $9, contexte = $10, publie = coalesce($11, publie), regions = $12, departements = $13,
       population = $14, nombre_communes = $15, version = version + 1, modifie_le = now()
     where id = $16 and version = $17`,
    [...valeursContrat(saisie, territoire), id, version],
  );
  return rowCount === 1;
}

export async function changerStatut(
  db: Queryable,
  id: string,
  version: number,
  statut: string,
  dateSignature: string | null,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update contrats set statut = $3, date_signature = coalesce($4, date_signature), version = version + 1, modifie_le = now()
     where id = $1 and version = $2`,
    [id, version, statut, dateSignature],
  );
  return rowCount === 1;
}

/** Any change to a part of the contract (axe, signataire…) bumps its version, so concurrent editors see it. */
/** `fois`: a plan import's many changes, counted as many (one update of the row, not one per fiche). */
export async function toucherContrat(db: Queryable, id: string, fois = 1): Promise<void> {
  await db.query('update contrats set version = version + $2, modifie_le = now() where id = $1', [id, fois]);
}

export async function supprimerContrat(db: Queryable, id: string): Promise<void> {
  await db.query('delete from contrats where id = $1', [id]);
}

export async function remplacerCommunes(db: Queryable, contratId: string, codes: string[]): Promise<void> {
  await db.query('delete from contrat_communes where contrat_id = $1', [contratId]);
  await db.query('insert into contrat_communes (contrat_id, commune_code) select $1, unnest($2::text[])', [contratId, codes]);
}

export async function remplacerOrganisations(db: Queryable, contratId: string, qualite: 'ars' | 'porteur', ids: string[]): Promise<void> {
  await db.query('delete from contrat_organisations where contrat_id = $1 and qualite = $2', [contratId, qualite]);
  await db.query('insert into contrat_organisations (contrat_id, organisation_id, qualite) select $1, unnest($2::uuid[]), $3', [
    contratId,
    ids,
    qualite,
  ]);
}

export interface OrganisationCourte {
  id: string;
  nom: string;
  type: string;
  sigle: string | null;
}

export async function organisationsDuContrat(
  db: Queryable,
  contratId: string,
): Promise<{ ars: OrganisationCourte[]; porteurs: OrganisationCourte[] }> {
  const { rows } = await db.query(
    `select co.qualite, o.id, o.nom, o.type, o.sigle from contrat_organisations co join organisations o on o.id = co.organisation_id
     where co.contrat_id = $1 order by o.nom`,
    [contratId],
  );
  const court = ({ qualite, ...o }: any) => o as OrganisationCourte;
  return { ars: rows.filter((r) => r.qualite === 'ars').map(court), porteurs: rows.filter((r) => r.qualite === 'porteur').map(court) };
}

export async function organisationsParIds(db: Queryable, ids: string[]): Promise<OrganisationCourte[]> {
  const { rows } = await db.query('select id, nom, type, sigle from organisations where id = any($1::uuid[])', [ids]);
  return rows;
}

// ---------- Signataires et partenaires

export interface SignataireLigne {
  id: string;
  organisation: OrganisationCourte;
  representant: string | null;
  qualite: string | null;
  dateSignature: string | null;
}

export async function listerSignataires(db: Queryable, contratId: string): Promise<SignataireLigne[]> {
  const { rows } = await db.query(
    `select s.id, json_build_object('id', o.id, 'nom', o.nom, 'type', o.type, 'sigle', o.sigle) as organisation,
       s.representant, s.qualite, s.date_signature as "dateSignature"
     from signataires s join organisations o on o.id = s.organisation_id where s.contrat_id = $1 order by s.ordre, o.nom`,
    [contratId],
  );
  return rows;
}

export async function ajouterSignataire(
  db: Queryable,
  contratId: string,
  s: { organisationId: string; representant?: string | null; qualite?: string | null; dateSignature?: string | null },
): Promise<string> {
  const { rows } = await db.query(
    `insert into signataires (contrat_id, organisation_id, representant, qualite, date_signature, ordre)
     values ($1, $2, $3, $4, $5, (select count(*) from signataires where contrat_id = $1)) returning id`,
    [contratId, s.organisationId, s.representant ?? null, s.qualite ?? null, s.dateSignature ?? null],
  );
  return rows[0].id;
}

export async function modifierSignataire(
  db: Queryable,
  contratId: string,
  id: string,
  s: { organisationId: string; representant?: string | null; qualite?: string | null; dateSignature?: string | null },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update signataires set organisation_id = $3, representant = $4, qualite = $5, date_signature = $6 where id = $2 and contrat_id = $1`,
    [contratId, id, s.organisationId, s.representant ?? null, s.qualite ?? null, s.dateSignature ?? null],
  );
  return rowCount === 1;
}

export async function supprimerSignataire(db: Queryable, contratId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from signataires where id = $2 and contrat_id = $1', [contratId, id]);
  return rowCount === 1;
}

export interface PartenaireLigne {
  id: string;
  organisation: OrganisationCourte;
  role: string | null;
}

export async function listerPartenaires(db: Queryable, contratId: string): Promise<PartenaireLigne[]> {
  const { rows } = await db.query(
    `select p.id, json_build_object('id', o.id, 'nom', o.nom, 'type', o.type, 'sigle', o.sigle) as organisation, p.role
     from partenaires p join organisations o on o.id = p.organisation_id where p.contrat_id = $1 order by o.nom`,
    [contratId],
  );
  return rows;
}

export async function ajouterPartenaire(
  db: Queryable,
  contratId: string,
  p: { organisationId: string; role?: string | null },
): Promise<string> {
  const { rows } = await db.query('insert into partenaires (contrat_id, organisation_id, role) values ($1, $2, $3) returning id', [
    contratId,
    p.organisationId,
    p.role ?? null,
  ]);
  return rows[0].id;
}

export async function supprimerPartenaire(db: Queryable, contratId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from partenaires where id = $2 and contrat_id = $1', [contratId, id]);
  return rowCount === 1;
}

// ---------- Axes et objectifs

export interface ObjectifLigne {
  id: string;
  axeId: string;
  ordre: number;
  intitule: string;
  objectifsOperationnels: string[];
}

export interface AxeLigne {
  id: string;
  ordre: number;
  intitule: string;
  axePrs: string | null;
  description: string | null;
  objectifs: ObjectifLigne[];
}

export async function listerAxes(db: Queryable, contratId: string): Promise<AxeLigne[]> {
  const { rows } = await db.query(
    `select a.id, a.ordre, a.intitule, a.axe_prs as "axePrs", a.description,
       coalesce((select json_agg(json_build_object('id', o.id, 'axeId', o.axe_id, 'ordre', o.ordre, 'intitule', o.intitule,
         'objectifsOperationnels', o.objectifs_operationnels) order by o.ordre) from objectifs o where o.axe_id = a.id), '[]') as objectifs
     from axes a where a.contrat_id = $1 order by a.ordre`,
    [contratId],
  );
  return rows;
}

export async function creerAxe(
  db: Queryable,
  contratId: string,
  a: { intitule: string; axePrs?: string | null; description?: string | null },
): Promise<string> {
  const { rows } = await db.query(
    `insert into axes (contrat_id, ordre, intitule, axe_prs, description)
     values ($1, (select coalesce(max(ordre), 0) + 1 from axes where contrat_id = $1), $2, $3, $4) returning id`,
    [contratId, a.intitule, a.axePrs ?? null, a.description ?? null],
  );
  return rows[0].id;
}

export async function modifierAxe(
  db: Queryable,
  contratId: string,
  id: string,
  a: { intitule: string; axePrs?: string | null; description?: string | null },
): Promise<boolean> {
  const { rowCount } = await db.query('update axes set intitule = $3, axe_prs = $4, description = $5 where id = $2 and contrat_id = $1', [
    contratId,
    id,
    a.intitule,
    a.axePrs ?? null,
    a.description ?? null,
  ]);
  return rowCount === 1;
}

export async function supprimerAxe(db: Queryable, contratId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from axes where id = $2 and contrat_id = $1', [contratId, id]);
  return rowCount === 1;
}

/** Rewrites the order of a contract's axes; the ids must be exactly its axes. */
export async function ordonnerAxes(db: Queryable, contratId: string, ids: string[]): Promise<boolean> {
  const { rowCount } = await db.query(
    `update axes a set ordre = n.ordre from unnest($2::uuid[]) with ordinality n(id, ordre) where a.id = n.id and a.contrat_id = $1`,
    [contratId, ids],
  );
  const { rows } = await db.query('select count(*)::int n from axes where contrat_id = $1', [contratId]);
  return rowCount === ids.length && rows[0].n === ids.length;
}

export async function axeDuContrat(db: Queryable, contratId: string, axeId: string): Promise<boolean> {
  const { rowCount } = await db.query('select 1 from axes where id = $2 and contrat_id = $1', [contratId, axeId]);
  return rowCount === 1;
}

export async function creerObjectif(
  db: Queryable,
  axeId: string,
  o: { intitule: string; objectifsOperationnels: string[] },
): Promise<string> {
  const { rows } = await db.query(
    `insert into objectifs (axe_id, ordre, intitule, objectifs_operationnels)
     values ($1, (select coalesce(max(ordre), 0) + 1 from objectifs where axe_id = $1), $2, $3) returning id`,
    [axeId, o.intitule, o.objectifsOperationnels],
  );
  return rows[0].id;
}

export async function objectifDuContrat(db: Queryable, contratId: string, objectifId: string): Promise<{ axeId: string } | null> {
  const { rows } = await db.query(
    'select o.axe_id as "axeId" from objectifs o join axes a on a.id = o.axe_id where o.id = $2 and a.contrat_id = $1',
    [contratId, objectifId],
  );
  return rows[0] ?? null;
}

export async function modifierObjectif(
  db: Queryable,
  id: string,
  o: { intitule: string; objectifsOperationnels: string[] },
): Promise<void> {
  await db.query('update objectifs set intitule = $2, objectifs_operationnels = $3 where id = $1', [
    id,
    o.intitule,
    o.objectifsOperationnels,
  ]);
}

export async function supprimerObjectif(db: Queryable, id: string): Promise<void> {
  await db.query('delete from objectifs where id = $1', [id]);
}

export async function ordonnerObjectifs(db: Queryable, axeId: string, ids: string[]): Promise<boolean> {
  const { rowCount } = await db.query(
    `update objectifs o set ordre = n.ordre from unnest($2::uuid[]) with ordinality n(id, ordre) where o.id = n.id and o.axe_id = $1`,
    [axeId, ids],
  );
  const { rows } = await db.query('select count(*)::int n from objectifs where axe_id = $1', [axeId]);
  return rowCount === ids.length && rows[0].n === ids.length;
}

// ---------- Doctrine

export async function obtenirDoctrine(
  db: Queryable,
  regionCode: string,
): Promise<{ regles: Doctrine; version: number; modifieLe: string } | null> {
  const { rows } = await db.query('select regles, version, modifie_le as "modifieLe" from doctrines where region_code = $1', [regionCode]);
  return rows[0] ?? null;
}

export async function enregistrerDoctrine(db: Queryable, regionCode: string, regles: Doctrine, version: number | null): Promise<boolean> {
  if (version === null) {
    const { rowCount } = await db.query('insert into doctrines (region_code, regles) values ($1, $2) on conflict do nothing', [
      regionCode,
      regles,
    ]);
    return rowCount === 1;
  }
  const { rowCount } = await db.query(
    'update doctrines set regles = $2, version = version + 1, modifie_le = now() where region_code = $1 and version = $3',
    [regionCode, regles, version],
  );
  return rowCount === 1;
}

// ---------- Habilitations sur un contrat

export async function accorderRole(db: Queryable, utilisateurId: string, contratId: string, role: string): Promise<void> {
  await db.query('insert into habilitations (utilisateur_id, role, contrat_id) values ($1, $2, $3) on conflict do nothing', [
    utilisateurId,
    role,
    contratId,
  ]);
}

export async function membresDuContrat(db: Queryable, contratId: string) {
  const { rows } = await db.query(
    `select h.id, h.role, u.id as "utilisateurId", p.prenom, p.nom, u.email, o.nom as "organisationNom"
     from habilitations h join utilisateurs u on u.id = h.utilisateur_id join personnes p on p.id = u.personne_id
     left join organisations o on o.id = p.organisation_id where h.contrat_id = $1 order by h.role, p.nom`,
    [contratId],
  );
  return rows;
}
