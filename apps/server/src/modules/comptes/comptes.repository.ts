import type { Organisation } from '@maillage/domain/api';
import type { Habilitation, OrganisationSaisie } from '@maillage/domain';
import { preparee, type Queryable } from '../../platform/database';

// ---------- Organisations

/** An organisation as the API shows it (its contract lives in the domain). */
export type OrganisationLigne = Organisation;

const COLONNES_ORGANISATION = `id, nom, sigle, type, siren, siret, finess, region_code as "regionCode", departement_code as "departementCode",
  territoire_code as "territoireCode", version, modifie_le as "modifieLe"`;

export async function listerOrganisations(
  db: Queryable,
  filtre: { q: string | null; types: string[] | null; limite: number; decalage: number },
): Promise<{ total: number; elements: OrganisationLigne[] }> {
  const { rows } = await db.query(
    `select ${COLONNES_ORGANISATION}, count(*) over () as total from organisations
     where ($1::text is null or nom ilike '%' || $1 || '%' or sigle ilike '%' || $1 || '%')
       and ($2::text[] is null or type = any($2))
     order by nom limit $3 offset $4`,
    [filtre.q, filtre.types, filtre.limite, filtre.decalage],
  );
  return { total: rows[0]?.total ?? 0, elements: rows.map(({ total, ...o }) => o) };
}

export async function obtenirOrganisation(db: Queryable, id: string): Promise<OrganisationLigne | null> {
  const { rows } = await db.query(`select ${COLONNES_ORGANISATION} from organisations where id = $1`, [id]);
  return rows[0] ?? null;
}

export async function organisationParNom(db: Queryable, nom: string): Promise<OrganisationLigne | null> {
  const { rows } = await db.query(`select ${COLONNES_ORGANISATION} from organisations where lower(nom) = lower($1)`, [nom]);
  return rows[0] ?? null;
}

export async function creerOrganisation(db: Queryable, o: OrganisationSaisie): Promise<OrganisationLigne> {
  const { rows } = await db.query(
    `insert into organisations (nom, sigle, type, siret, finess, region_code, departement_code, territoire_code, siren)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLONNES_ORGANISATION}`,
    [
      o.nom,
      o.sigle ?? null,
      o.type,
      o.siret ?? null,
      o.finess ?? null,
      o.regionCode ?? null,
      o.departementCode ?? null,
      o.territoireCode ?? null,
      o.siren ?? o.siret?.slice(0, 9) ?? null,
    ],
  );
  return rows[0];
}

export type CandidatDoublon = OrganisationLigne & { similarite: number };

/**
 * Organisations that may be the one about to be created: same SIRET, FINESS or SIREN (the SIRET's first nine digits),
 * or a close name (trigram similarity of the names without accents, case or punctuation, served by a GIN index).
 * Serialised by an advisory lock, so that two people creating the same organisation at once do not both pass.
 */
export async function chercherDoublons(db: Queryable, o: OrganisationSaisie, seuil: number): Promise<CandidatDoublon[]> {
  await db.query(`select pg_advisory_xact_lock(hashtext('organisations:creation'))`);
  await db.query(`select set_config('pg_trgm.similarity_threshold', $1, true)`, [String(seuil)]);
  const { rows } = await db.query(
    `select ${COLONNES_ORGANISATION}, similarity(nom_compare(nom), nom_compare($1)) as similarite from organisations
     where fusionnee_dans is null
       and (nom_compare(nom) % nom_compare($1) or nom_compare(nom) = nom_compare($1) or siret = $2 or finess = $3 or siren = $4)
     order by similarite desc, nom limit 10`,
    [o.nom, o.siret ?? null, o.finess ?? null, o.siren ?? o.siret?.slice(0, 9) ?? null],
  );
  return rows;
}

/** Optimistic lock: updates only if the row still has the version the user edited. */
export async function modifierOrganisation(
  db: Queryable,
  id: string,
  version: number,
  o: OrganisationSaisie,
): Promise<OrganisationLigne | null> {
  const { rows } = await db.query(
    `update organisations set nom = $3, sigle = $4, type = $5, siret = $6, finess = $7, region_code = $8,
       departement_code = $9, territoire_code = $10, siren = $11, version = version + 1, modifie_le = now()
     where id = $1 and version = $2 returning ${COLONNES_ORGANISATION}`,
    [
      id,
      version,
      o.nom,
      o.sigle ?? null,
      o.type,
      o.siret ?? null,
      o.finess ?? null,
      o.regionCode ?? null,
      o.departementCode ?? null,
      o.territoireCode ?? null,
      o.siren ?? o.siret?.slice(0, 9) ?? null,
    ],
  );
  return rows[0] ?? null;
}

export async function supprimerOrganisation(db: Queryable, id: string): Promise<void> {
  await db.query('delete from organisations where id = $1', [id]);
}

export async function organisationUtilisee(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query(
    `select exists (select 1 from personnes where organisation_id = $1) or exists (select 1 from habilitations where organisation_id = $1)
       or exists (select 1 from contrat_organisations where organisation_id = $1) or exists (select 1 from signataires where organisation_id = $1)
       or exists (select 1 from partenaires where organisation_id = $1) or exists (select 1 from fiche_pilotes where organisation_id = $1)
       or exists (select 1 from financements where financeur_id = $1) or exists (select 1 from engagements_moyens where organisation_id = $1)
       or exists (select 1 from financements_territoire where financeur_id = $1) as utilisee`,
    [id],
  );
  return rows[0].utilisee;
}

// ---------- Utilisateurs

export interface UtilisateurLigne {
  id: string;
  email: string;
  prenom: string;
  nom: string;
  personneId: string;
  organisationId: string | null;
  organisationNom: string | null;
  organisationType: string | null;
  actif: boolean;
  version: number;
  derniereConnexion: string | null;
  habilitations: Habilitation[];
}

const SELECT_UTILISATEUR = `
  select u.id, u.email, p.prenom, p.nom, p.id as "personneId", p.organisation_id as "organisationId",
    o.nom as "organisationNom", o.type as "organisationType", u.actif, u.version, u.derniere_connexion as "derniereConnexion",
    coalesce((select json_agg(json_strip_nulls(json_build_object('role', h.role, 'regionCode', h.region_code,
        'organisationId', h.organisation_id, 'contratId', h.contrat_id,
        'organisationNom', (select nom from organisations where id = h.organisation_id),
        'contratIntitule', (select intitule from contrats where id = h.contrat_id))) order by h.role)
      from habilitations h where h.utilisateur_id = u.id), '[]') as habilitations
  from utilisateurs u join personnes p on p.id = u.personne_id left join organisations o on o.id = p.organisation_id`;

export async function obtenirUtilisateur(db: Queryable, id: string): Promise<UtilisateurLigne | null> {
  const { rows } = await db.query(`${SELECT_UTILISATEUR} where u.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function utilisateurParEmail(
  db: Queryable,
  email: string,
): Promise<(UtilisateurLigne & { passwordHash: string | null }) | null> {
  const { rows } = await db.query(
    `select x.*, (select password_hash from utilisateurs where id = x.id) as "passwordHash" from (${SELECT_UTILISATEUR} where u.email = $1) x`,
    [email],
  );
  return rows[0] ?? null;
}

export async function listerUtilisateurs(
  db: Queryable,
  filtre: { q: string | null; limite: number; decalage: number },
): Promise<{ total: number; elements: UtilisateurLigne[] }> {
  const { rows } = await db.query(
    `select x.*, count(*) over () as total from (${SELECT_UTILISATEUR}) x
     where ($1::text is null or x.email ilike '%' || $1 || '%' or x.nom ilike '%' || $1 || '%' or x.prenom ilike '%' || $1 || '%')
     order by x.nom, x.prenom limit $2 offset $3`,
    [filtre.q, filtre.limite, filtre.decalage],
  );
  return { total: rows[0]?.total ?? 0, elements: rows.map(({ total, ...u }) => u) };
}

export async function creerUtilisateur(
  db: Queryable,
  u: { email: string; prenom: string; nom: string; organisationId: string | null; passwordHash: string | null },
): Promise<string> {
  const personne = await db.query('insert into personnes (prenom, nom, email, organisation_id) values ($1, $2, $3, $4) returning id', [
    u.prenom,
    u.nom,
    u.email,
    u.organisationId,
  ]);
  const { rows } = await db.query('insert into utilisateurs (personne_id, email, password_hash) values ($1, $2, $3) returning id', [
    personne.rows[0].id,
    u.email,
    u.passwordHash,
  ]);
  return rows[0].id;
}

export async function modifierUtilisateur(
  db: Queryable,
  id: string,
  version: number,
  u: { prenom: string; nom: string; organisationId: string | null; actif: boolean },
): Promise<boolean> {
  const { rowCount } = await db.query(
    'update utilisateurs set actif = $3, version = version + 1, modifie_le = now() where id = $1 and version = $2',
    [id, version, u.actif],
  );
  if (!rowCount) return false;
  await db.query(
    `update personnes set prenom = $2, nom = $3, organisation_id = $4, version = version + 1, modifie_le = now()
     where id = (select personne_id from utilisateurs where id = $1)`,
    [id, u.prenom, u.nom, u.organisationId],
  );
  return true;
}

export async function remplacerHabilitations(db: Queryable, utilisateurId: string, habilitations: Habilitation[]): Promise<void> {
  await db.query('delete from habilitations where utilisateur_id = $1', [utilisateurId]);
  for (const h of habilitations) {
    await db.query(
      'insert into habilitations (utilisateur_id, role, region_code, organisation_id, contrat_id) values ($1, $2, $3, $4, $5) on conflict do nothing',
      [
        utilisateurId,
        h.role,
        'regionCode' in h ? h.regionCode : null,
        'organisationId' in h ? h.organisationId : null,
        'contratId' in h ? h.contratId : null,
      ],
    );
  }
}

export async function changerMotDePasse(db: Queryable, utilisateurId: string, passwordHash: string): Promise<void> {
  await db.query('update utilisateurs set password_hash = $2, version = version + 1, modifie_le = now() where id = $1', [
    utilisateurId,
    passwordHash,
  ]);
}

export async function noterConnexion(db: Queryable, utilisateurId: string): Promise<void> {
  await db.query('update utilisateurs set derniere_connexion = now() where id = $1', [utilisateurId]);
}

// ---------- Sessions, jetons, réinitialisations

export async function creerSession(
  db: Queryable,
  s: { utilisateurId: string; tokenHash: Buffer; csrfToken: string; dureeHeures: number; ip: string; userAgent: string | null },
): Promise<string> {
  const { rows } = await db.query(
    `insert into sessions (utilisateur_id, token_hash, csrf_token, expire_le, ip, user_agent)
     values ($1, $2, $3, now() + make_interval(hours => $4), $5, $6) returning id`,
    [s.utilisateurId, s.tokenHash, s.csrfToken, s.dureeHeures, s.ip, s.userAgent],
  );
  return rows[0].id;
}

// Prepared: every authenticated request runs it, and planning it cost more than running it.
const SESSION_ET_UTILISATEUR = preparee(
  `select s.id as "sessionId", s.csrf_token as "csrfToken", x.* from sessions s
   join (${SELECT_UTILISATEUR}) x on x.id = s.utilisateur_id
   where s.token_hash = $1 and s.expire_le > now() and x.actif`,
);

/** The session of a token and its user, in one query: every authenticated request starts with it. */
export async function sessionEtUtilisateur(
  db: Queryable,
  tokenHash: Buffer,
): Promise<{ sessionId: string; csrfToken: string; ligne: UtilisateurLigne } | null> {
  const { rows } = await db.query(SESSION_ET_UTILISATEUR([tokenHash]));
  if (!rows[0]) return null;
  const { sessionId, csrfToken, ...ligne } = rows[0];
  return { sessionId, csrfToken, ligne };
}

export async function supprimerSession(db: Queryable, id: string): Promise<void> {
  await db.query('delete from sessions where id = $1', [id]);
}

/** Closes the user's sessions, but the one given (the session that changes the password); returns how many. */
export async function supprimerSessionsUtilisateur(db: Queryable, utilisateurId: string, sauf: string | null = null): Promise<number> {
  const { rowCount } = await db.query('delete from sessions where utilisateur_id = $1 and id is distinct from $2', [utilisateurId, sauf]);
  return rowCount ?? 0;
}

export async function purgerSessionsExpirees(db: Queryable): Promise<void> {
  await db.query('delete from sessions where expire_le < now()');
  await db.query(`delete from freins where dernier_le < now() - interval '1 day' and prochain_essai < now()`);
}

export interface JetonLigne {
  id: string;
  libelle: string;
  prefixe: string;
  creeLe: string;
  dernierUsage: string | null;
}

export async function creerJeton(
  db: Queryable,
  j: { utilisateurId: string; libelle: string; prefixe: string; tokenHash: Buffer },
): Promise<JetonLigne> {
  const { rows } = await db.query(
    `insert into jetons_api (utilisateur_id, libelle, prefixe, token_hash) values ($1, $2, $3, $4)
     returning id, libelle, prefixe, cree_le as "creeLe", dernier_usage as "dernierUsage"`,
    [j.utilisateurId, j.libelle, j.prefixe, j.tokenHash],
  );
  return rows[0];
}

export async function listerJetons(db: Queryable, utilisateurId: string): Promise<JetonLigne[]> {
  const { rows } = await db.query(
    `select id, libelle, prefixe, cree_le as "creeLe", dernier_usage as "dernierUsage" from jetons_api
     where utilisateur_id = $1 and revoque_le is null order by cree_le desc`,
    [utilisateurId],
  );
  return rows;
}

export async function revoquerJeton(db: Queryable, utilisateurId: string, id: string): Promise<JetonLigne | null> {
  const { rows } = await db.query(
    `update jetons_api set revoque_le = now() where id = $1 and utilisateur_id = $2 and revoque_le is null
     returning id, libelle, prefixe, cree_le as "creeLe", dernier_usage as "dernierUsage"`,
    [id, utilisateurId],
  );
  return rows[0] ?? null;
}

export async function revoquerJetonsUtilisateur(db: Queryable, utilisateurId: string): Promise<number> {
  const { rowCount } = await db.query('update jetons_api set revoque_le = now() where utilisateur_id = $1 and revoque_le is null', [
    utilisateurId,
  ]);
  return rowCount ?? 0;
}

export async function utilisateurDuJeton(db: Queryable, tokenHash: Buffer): Promise<string | null> {
  const { rows } = await db.query(
    `update jetons_api j set dernier_usage = now() from utilisateurs u
     where j.token_hash = $1 and j.revoque_le is null and u.id = j.utilisateur_id and u.actif
     returning j.utilisateur_id as "utilisateurId"`,
    [tokenHash],
  );
  return rows[0]?.utilisateurId ?? null;
}

export async function creerReinitialisation(db: Queryable, utilisateurId: string, tokenHash: Buffer, dureeHeures: number): Promise<void> {
  await db.query(
    `insert into reinitialisations_mot_de_passe (utilisateur_id, token_hash, expire_le) values ($1, $2, now() + make_interval(hours => $3))`,
    [utilisateurId, tokenHash, dureeHeures],
  );
}

/** Consumes a reset token once: returns its user, or null if unknown, used or expired. */
export async function consommerReinitialisation(db: Queryable, tokenHash: Buffer): Promise<string | null> {
  const { rows } = await db.query(
    `update reinitialisations_mot_de_passe set utilise_le = now()
     where token_hash = $1 and utilise_le is null and expire_le > now() returning utilisateur_id as "utilisateurId"`,
    [tokenHash],
  );
  return rows[0]?.utilisateurId ?? null;
}

/** Organisations named by id, FINESS or SIRET (merged ones excluded: their references moved to the one kept). */
export async function organisationsParCles(
  db: Queryable,
  cles: { ids: string[]; finess: string[]; siret: string[] },
): Promise<{ id: string; nom: string; finess: string | null; siret: string | null }[]> {
  const { rows } = await db.query(
    `select id, nom, finess, siret from organisations
     where fusionnee_dans is null and (id = any($1::uuid[]) or finess = any($2::text[]) or siret = any($3::text[]))`,
    [cles.ids, cles.finess, cles.siret],
  );
  return rows;
}
