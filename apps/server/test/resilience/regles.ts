import { can, type Action, type Ressource, type Sujet } from '@maillage/domain';
import { referenceContrat } from '../../src/modules/contrats/acces';

import type { ClientHttp, ServeurDeTest } from '../harness';

import type { Cas, ContratFixture, Monde } from './monde';

/**
 * Every API route, classified: the permission rule it must follow, how to address one of its resources, a valid
 * body, and for deletions how to make a fresh victim. The permissions matrix, the audit check and the fuzzer all
 * read this table; a route the server registers and this table does not know fails them until it is classified.
 */

/** What the expected decision is computed from, at call time: the subject, the case and the resource's live state. */
export interface Evaluation {
  sujet: Sujet | null;
  cas: Cas | null;
  monde: Monde;
  fixture: ContratFixture | null;
  serveur: ServeurDeTest;
}

export interface Outils {
  serveur: ServeurDeTest;
  admin: ClientHttp;
  monde: Monde;
  /** A unique suffix per call, for names that must not collide. */
  unique: () => string;
}

export interface EntreeRoute {
  /** Whether this subject may do it: the permission rule the route must follow, as `can` decides it. */
  attendu: (e: Evaluation) => boolean | Promise<boolean>;
  /** « contrat »: run on the own, other and published contracts; « global »: once. */
  portee: 'contrat' | 'global';
  /** The URL, when the default substitution of path parameters does not fit. */
  chemin?: (m: Monde, f: ContratFixture | null) => string;
  corps?: (o: Outils, f: ContratFixture | null) => unknown | Promise<unknown>;
  multipart?: (o: Outils, f: ContratFixture | null) => Record<string, string | { nom: string; contenu: Buffer | string }>;
  /** For destructive routes: creates a fresh target and returns its URL, so that each call has something to destroy. */
  victime?: (o: Outils, f: ContratFixture | null, sujet: Sujet | null) => Promise<string>;
  /** The call may legitimately find nothing (404) even when allowed. */
  absentPossible?: boolean;
  /** Run with a throwaway session: the call ends or changes the session (logout, login, password). */
  sessionJetable?: boolean;
  /** A success closes the subject's other sessions (password change): its usual client logs in again afterwards. */
  fermeLesAutresSessions?: boolean;
  /** Not audited, and why: reads sent as POST, authentication, previews. */
  sansAudit?: string;
  /**
   * Only accounts outside the matrix's subjects may succeed, and why: the matrix checks that every subject is refused;
   * it expects no success, and the fuzzer, with no one to get past the permission check, leaves it to the route's own
   * tests. A last resort: no route needs it since the support team's staff are subjects (appui-regles.ts).
   */
  reserveA?: string;
}

export const refContrat = async (e: Evaluation) => referenceContrat(e.serveur.ctx.db, e.fixture!.id);
export async function refFiche(e: Evaluation, ficheId = e.fixture!.ficheId) {
  const contrat = await refContrat(e);
  const { rows } = await e.serveur.ctx.db.query(
    `select coalesce(array_agg(p.organisation_id) filter (where p.organisation_id is not null), '{}') as pilotes,
       coalesce((select array_agg(x ->> 'organisationId') from fiches f, jsonb_array_elements(f.contenu -> 'partenaires') x where f.id = $1 and x ->> 'organisationId' is not null), '{}') as partenaires
     from fiche_pilotes p where p.fiche_id = $1`,
    [ficheId],
  );
  return { type: 'fiche' as const, contrat, piloteOrganisationIds: rows[0].pilotes, partenaireOrganisationIds: rows[0].partenaires };
}

export const contrat = (action: Action) => async (e: Evaluation) => can(e.sujet, action, { type: 'contrat', contrat: await refContrat(e) });
export const fiche = (action: Action) => async (e: Evaluation) => can(e.sujet, action, await refFiche(e));
export const regle = (ressource: Ressource, action: Action) => (e: Evaluation) => can(e.sujet, action, ressource);
export const publique = () => true;
export const connecte = (e: Evaluation) => e.sujet !== null;
/** Routes that need a session even when the rule would let an anonymous visitor read (forms, own data). */
export const connecteEt = (f: (e: Evaluation) => boolean | Promise<boolean>) => async (e: Evaluation) => e.sujet !== null && (await f(e));

export const pdf = () => ({ nom: 'note.pdf', contenu: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 1)]) });

export async function creer(o: Outils, chemin: string, corps: unknown): Promise<string> {
  const r = await o.admin.post(chemin, corps);
  if (r.status !== 201) throw new Error(`Victime ${chemin} : ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}
export async function lire(o: Outils, chemin: string) {
  const r = await o.admin.get(chemin);
  if (r.status !== 200) throw new Error(`Lecture ${chemin} : ${r.status}`);
  return r.body;
}
/** A minimal contract in the case's region, with the own case's roles, to be deleted. */
let prochainePeriode = 3000;
/** A period no campaign of the contract uses yet. */
export const periodeLibre = () => String(prochainePeriode++);
export async function contratVictime(o: Outils, f: ContratFixture, statut = 'elaboration'): Promise<string> {
  const { rows } = await o.serveur.ctx.db.query(
    `insert into contrats (intitule, perimetre, regions, departements, publie, statut, periode_debut, periode_fin)
     select 'Victime ' || $2, perimetre, regions, departements, publie, $3, periode_debut, periode_fin from contrats where id = $1 returning id`,
    [f.id, o.unique(), statut],
  );
  await o.serveur.ctx.db.query(
    `insert into habilitations (utilisateur_id, role, contrat_id) select utilisateur_id, role, $2 from habilitations where contrat_id = $1`,
    [f.id, rows[0].id],
  );
  await o.serveur.ctx.db.query(
    `insert into contrat_organisations (contrat_id, organisation_id, qualite) select $2, organisation_id, qualite from contrat_organisations where contrat_id = $1`,
    [f.id, rows[0].id],
  );
  return rows[0].id;
}

export const c = (f: ContratFixture | null, chemin = '') => `/api/contrats/${f!.id}${chemin}`;
