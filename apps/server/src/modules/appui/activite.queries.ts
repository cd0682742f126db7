import type { Queryable } from '../../platform/database';

/**
 * Read-only SQL of the appui activity (issue 18 item 7): counts over the module's tables, placed in a territory by the
 * person's commune (kept in clear for this) and in a period by the date of the event counted. Each query groups by
 * structure and by the whole (grouping sets), so that the sums the secret checks are the database's. Reaches the
 * référentiel (territoires, epci_membres), the contracts' communes and the directory's types of resource, read only.
 */

export interface TerritoireResolu {
  cle: string;
  nom: string;
  communes: string[];
  regions: string[];
}

/** "epci:243500741" and the like → its communes and régions; the keys the référentiel does not know are left out. */
export async function resoudreTerritoires(db: Queryable, demandes: { type: string; code: string }[]): Promise<TerritoireResolu[]> {
  const { rows } = await db.query<TerritoireResolu>(
    `with d(type, code, rang) as (select * from unnest($1::text[], $2::text[]) with ordinality)
     select d.type || ':' || d.code as cle, t.nom,
            coalesce(array_agg(c.code order by c.code) filter (where c.code is not null), '{}') as communes,
            coalesce(array_agg(distinct c.region_code) filter (where c.region_code is not null), '{}') as regions
       from d join territoires t on t.type = d.type and t.code = d.code
       left join territoires c on c.type = 'commune' and (
            (d.type = 'commune' and c.code = d.code) or (d.type = 'departement' and c.departement_code = d.code)
         or (d.type = 'region' and c.region_code = d.code)
         or (d.type = 'epci' and c.code in (select commune_code from epci_membres where epci_code = d.code)))
      group by d.type, d.code, d.rang, t.nom order by d.rang`,
    [demandes.map((d) => d.type), demandes.map((d) => d.code)],
  );
  return rows;
}

/** A contract's perimeter as one territory (its communes, its régions). */
export async function territoireDuContrat(db: Queryable, contratId: string): Promise<TerritoireResolu | null> {
  const { rows } = await db.query<TerritoireResolu>(
    `select 'contrat:' || k.id as cle, k.intitule as nom,
            coalesce(array_agg(cc.commune_code order by cc.commune_code) filter (where cc.commune_code is not null), '{}') as communes,
            coalesce(array_agg(distinct c.region_code) filter (where c.region_code is not null), '{}') as regions
       from contrats k left join contrat_communes cc on cc.contrat_id = k.id
       left join territoires c on c.type = 'commune' and c.code = cc.commune_code
      where k.id = $1 group by k.id, k.intitule`,
    [contratId],
  );
  return rows[0] ?? null;
}

/** The communes of the contracts the user coordinates (coordonnateur or référent ARS). */
export async function communesCoordonnees(db: Queryable, contratIds: string[]): Promise<Set<string>> {
  if (!contratIds.length) return new Set();
  const { rows } = await db.query<{ code: string }>(
    'select distinct commune_code as code from contrat_communes where contrat_id = any($1::uuid[])',
    [contratIds],
  );
  return new Set(rows.map((r) => r.code));
}

export interface Portee {
  territoires: { cle: string; communes: string[] }[];
  periodes: { code: string; debut: string; fin: string }[];
  /** null: every structure. */
  equipes: readonly string[] | null;
}

/** The CTEs every count starts from: (territory, commune) pairs and periods. */
const BASE = `t(cle, commune) as (select * from unnest($1::text[], $2::text[])),
  p(code, debut, fin) as (select * from unnest($3::text[], $4::date[], $5::date[]))`;
const dansPeriode = (colonne: string) =>
  `(${colonne} at time zone 'Europe/Paris')::date >= p.debut and (${colonne} at time zone 'Europe/Paris')::date < p.fin`;

function parametres(portee: Portee) {
  const paires = portee.territoires.flatMap((t) => t.communes.map((c) => [t.cle, c]));
  return [
    paires.map((x) => x[0]),
    paires.map((x) => x[1]),
    portee.periodes.map((p) => p.code),
    portee.periodes.map((p) => p.debut),
    portee.periodes.map((p) => p.fin),
    portee.equipes,
  ];
}

export interface Decompte {
  /** null on the row of every structure. */
  structure: string | null;
  cle: string;
  periode: string;
  code: string | null;
  nombre: number;
}

/** Grouped twice: by structure, and for every structure together (structure null). */
const GROUPES = (code: string) => `group by grouping sets ((e, cle, periode, ${code}), (cle, periode, ${code}))`;

/**
 * Requests received in the period, by origin and by the level of their case (null: no case yet, not evaluated, or
 * sans suite). A request counts in every territory asked for that holds its person's commune.
 */
export async function decomptesDemandes(db: Queryable, portee: Portee) {
  const requete = (code: string) => `with ${BASE}
    select e::text as structure, cle, periode, ${code}::text as code, count(*)::int as nombre from (
      select d.organisation_id as e, t.cle, p.code as periode, d.origine, s.niveau
        from appui_demandes d join appui_personnes pe on pe.id = d.personne_id
        join t on t.commune = pe.commune_code
        join p on ${dansPeriode('d.recue_le')}
        left join appui_situations s on s.demande_id = d.id
       where ($6::uuid[] is null or d.organisation_id = any($6::uuid[]))) x
    ${GROUPES(code)}`;
  const [origines, niveaux] = await Promise.all([
    db.query<Decompte>(requete('origine'), parametres(portee)),
    db.query<Decompte>(requete('niveau'), parametres(portee)),
  ]);
  return { origines: origines.rows, niveaux: niveaux.rows };
}

export interface Mediane {
  structure: string | null;
  cle: string;
  periode: string;
  etape: string;
  mediane: number | null;
  nombre: number;
}

/**
 * For the requests received in the period: median days to the first contact, to the first evaluation and to the
 * first plan. The plans are the plan part's table (migration 0029): counted once it is there.
 */
export async function medianesDelais(db: Queryable, portee: Portee) {
  const { rows: table } = await db.query<{ plans: boolean }>(`select to_regclass('appui_plans') is not null as plans`);
  const plan = table[0].plans
    ? `extract(epoch from (select min(pl.enregistre_le) from appui_plans pl where pl.situation_id = s.id) - d.recue_le) / 86400`
    : 'null::numeric';
  const { rows } = await db.query<Mediane>(
    `with ${BASE}, x as (
      select d.organisation_id as e, t.cle, p.code as periode,
             extract(epoch from d.premier_contact_le - d.recue_le) / 86400 as premier_contact,
             extract(epoch from (select min(ev.evaluee_le) from appui_evaluations ev where ev.situation_id = s.id) - d.recue_le) / 86400 as evaluation,
             ${plan} as plan
        from appui_demandes d join appui_personnes pe on pe.id = d.personne_id
        join t on t.commune = pe.commune_code
        join p on ${dansPeriode('d.recue_le')}
        left join appui_situations s on s.demande_id = d.id
       where ($6::uuid[] is null or d.organisation_id = any($6::uuid[])))
    select e::text as structure, cle, periode, etape, percentile_cont(0.5) within group (order by jours) as mediane, count(jours)::int as nombre
      from x cross join lateral (values ('premier_contact', premier_contact), ('evaluation', evaluation), ('plan', plan)) v(etape, jours)
     where jours is not null
     group by grouping sets ((e, cle, periode, etape), (cle, periode, etape))`,
    parametres(portee),
  );
  return rows;
}

/**
 * Cases of these structures the retention purge has deleted (it leaves one audit entry each, decision 0032): the
 * periods they were in now count fewer.
 */
export async function situationsPurgees(db: Queryable, equipes: readonly string[] | null): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from audit_evenements
      where entite_type = 'cloture_appui' and action = 'purge' and ($1::text[] is null or contexte ->> 'organisationId' = any($1::text[]))`,
    [equipes],
  );
  return rows[0].n;
}

/** Cases closed in the period, by reason. */
export async function decomptesClotures(db: Queryable, portee: Portee) {
  const { rows } = await db.query<Decompte>(
    `with ${BASE}
    select e::text as structure, cle, periode, motif_cloture as code, count(*)::int as nombre from (
      select s.organisation_id as e, t.cle, p.code as periode, s.motif_cloture
        from appui_situations s join appui_personnes pe on pe.id = s.personne_id
        join t on t.commune = pe.commune_code
        join p on ${dansPeriode('s.close_le')}
       where s.statut = 'close' and ($6::uuid[] is null or s.organisation_id = any($6::uuid[]))) x
    ${GROUPES('motif_cloture')}`,
    parametres(portee),
  );
  return rows;
}

/** Orientations made in the period, by the kind of the resource of the directory and by outcome. */
export async function decomptesOrientations(db: Queryable, portee: Portee) {
  const requete = (code: string) => `with ${BASE}
    select e::text as structure, cle, periode, ${code}::text as code, count(*)::int as nombre from (
      select s.organisation_id as e, t.cle, p.code as periode, r.type_code, o.issue
        from appui_orientations o join appui_situations s on s.id = o.situation_id
        join appui_personnes pe on pe.id = s.personne_id
        join ressources r on r.id = o.ressource_id
        join t on t.commune = pe.commune_code
        join p on ${dansPeriode('o.orientee_le')}
       where ($6::uuid[] is null or s.organisation_id = any($6::uuid[]))) x
    ${GROUPES(code)}`;
  const [types, issues] = await Promise.all([
    db.query<Decompte>(requete('type_code'), parametres(portee)),
    db.query<Decompte>(requete('issue'), parametres(portee)),
  ]);
  return { types: types.rows, issues: issues.rows };
}

/** Requests of the periods whose person has no commune: they fall in no territory (the answer says so). */
export async function demandesSansCommune(db: Queryable, portee: Portee): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `with ${BASE}
     select count(*)::int as n from appui_demandes d join appui_personnes pe on pe.id = d.personne_id
       join p on ${dansPeriode('d.recue_le')}
      where pe.commune_code is null and ($6::uuid[] is null or d.organisation_id = any($6::uuid[]))`,
    parametres(portee),
  );
  return rows[0].n;
}

export async function nomsStructures(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<{ id: string; nom: string }>('select id::text, nom from organisations where id = any($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.nom]));
}

export async function typesDeRessource(db: Queryable): Promise<Record<string, string>> {
  const { rows } = await db.query<{ code: string; libelle: string }>('select code, libelle from types_ressource order by ordre, libelle');
  return Object.fromEntries(rows.map((r) => [r.code, r.libelle]));
}

// ---------- The care team of a case (FHIR export)

export interface CercleBrut {
  identite: Buffer;
  communeCode: string | null;
  communeNom: string | null;
  equipeNom: string;
  equipeSiret: string | null;
  equipeFiness: string | null;
  origine: string;
  demandeur: Buffer | null;
  recueLe: string;
}

/** What the export reads of a case beyond its row: the person's sealed identity, the team, the request's asker. */
export async function cercleBrut(db: Queryable, situationId: string): Promise<CercleBrut | null> {
  const { rows } = await db.query<CercleBrut>(
    `select pe.identite_chiffree as identite, pe.commune_code as "communeCode", c.nom as "communeNom",
            o.nom as "equipeNom", o.siret as "equipeSiret", o.finess as "equipeFiness",
            d.origine, d.demandeur_chiffre as demandeur, d.recue_le as "recueLe"
       from appui_situations s join appui_personnes pe on pe.id = s.personne_id
       join appui_demandes d on d.id = s.demande_id
       join organisations o on o.id = s.organisation_id
       left join territoires c on c.type = 'commune' and c.code = pe.commune_code
      where s.id = $1`,
    [situationId],
  );
  return rows[0] ?? null;
}

/** Staff on the case, by account: names as the accounts hold them. */
export async function personnel(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  const { rows } = await db.query<{ id: string; prenom: string; nom: string }>(
    `select u.id::text, p.prenom, p.nom from utilisateurs u join personnes p on p.id = u.personne_id where u.id = any($1::uuid[])`,
    [ids],
  );
  return rows;
}

/** The structures of the directory that accepted an orientation of the case. */
export async function structuresAcceptees(db: Queryable, situationId: string) {
  const { rows } = await db.query<{
    id: string;
    nom: string;
    typeLibelle: string;
    adresse: string | null;
    communeNom: string | null;
    communeCode: string | null;
    depuis: string;
  }>(
    `select r.id::text, r.nom, t.libelle as "typeLibelle", r.adresse, c.nom as "communeNom", r.commune_code as "communeCode",
            coalesce(o.issue_le, o.orientee_le) as depuis
       from appui_orientations o join ressources r on r.id = o.ressource_id
       join types_ressource t on t.code = r.type_code
       left join territoires c on c.type = 'commune' and c.code = r.commune_code
      where o.situation_id = $1 and o.issue = 'acceptee' order by o.orientee_le`,
    [situationId],
  );
  return rows;
}
