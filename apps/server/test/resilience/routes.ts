import { can, type Action, type Ressource, type Sujet } from '@maillage/domain';
import { referenceContrat } from '../../src/modules/contrats/acces';
import { etatActuel } from '../../src/modules/contrats/versions.service';
import type { ClientHttp, ServeurDeTest } from '../harness';
import { DEMO } from '../harness';
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
  /** Not audited, and why: reads sent as POST, authentication, previews. */
  sansAudit?: string;
}

const refContrat = async (e: Evaluation) => referenceContrat(e.serveur.ctx.db, e.fixture!.id);
async function refFiche(e: Evaluation, ficheId = e.fixture!.ficheId) {
  const contrat = await refContrat(e);
  const { rows } = await e.serveur.ctx.db.query(
    `select coalesce(array_agg(p.organisation_id) filter (where p.organisation_id is not null), '{}') as pilotes,
       coalesce((select array_agg(x ->> 'organisationId') from fiches f, jsonb_array_elements(f.contenu -> 'partenaires') x where f.id = $1 and x ->> 'organisationId' is not null), '{}') as partenaires
     from fiche_pilotes p where p.fiche_id = $1`,
    [ficheId],
  );
  return { type: 'fiche' as const, contrat, piloteOrganisationIds: rows[0].pilotes, partenaireOrganisationIds: rows[0].partenaires };
}

const contrat = (action: Action) => async (e: Evaluation) => can(e.sujet, action, { type: 'contrat', contrat: await refContrat(e) });
const fiche = (action: Action) => async (e: Evaluation) => can(e.sujet, action, await refFiche(e));
const regle = (ressource: Ressource, action: Action) => (e: Evaluation) => can(e.sujet, action, ressource);
const publique = () => true;
const connecte = (e: Evaluation) => e.sujet !== null;
/** Routes that need a session even when the rule would let an anonymous visitor read (forms, own data). */
const connecteEt = (f: (e: Evaluation) => boolean | Promise<boolean>) => async (e: Evaluation) => e.sujet !== null && (await f(e));

const pdf = () => ({ nom: 'note.pdf', contenu: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 1)]) });
const sansCorps = undefined;

async function creer(o: Outils, chemin: string, corps: unknown): Promise<string> {
  const r = await o.admin.post(chemin, corps);
  if (r.status !== 201) throw new Error(`Victime ${chemin} : ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}
async function lire(o: Outils, chemin: string) {
  const r = await o.admin.get(chemin);
  if (r.status !== 200) throw new Error(`Lecture ${chemin} : ${r.status}`);
  return r.body;
}
/** A minimal contract in the case's region, with the own case's roles, to be deleted. */
let periodeLibre = 3000;
async function contratVictime(o: Outils, f: ContratFixture, statut = 'elaboration'): Promise<string> {
  const { rows } = await o.serveur.ctx.db.query(
    `insert into contrats (intitule, perimetre, regions, departements, publie, statut, periode_debut, periode_fin)
     select 'Victime ' || $2, perimetre, regions, departements, publie, $3, periode_debut, periode_fin from contrats where id = $1 returning id`,
    [f.id, o.unique(), statut],
  );
  await o.serveur.ctx.db.query(`insert into habilitations (utilisateur_id, role, contrat_id) select utilisateur_id, role, $2 from habilitations where contrat_id = $1`, [f.id, rows[0].id]);
  await o.serveur.ctx.db.query(`insert into contrat_organisations (contrat_id, organisation_id, qualite) select $2, organisation_id, qualite from contrat_organisations where contrat_id = $1`, [f.id, rows[0].id]);
  return rows[0].id;
}

const c = (f: ContratFixture | null, chemin = '') => `/api/contrats/${f!.id}${chemin}`;

export const ROUTES: Record<string, EntreeRoute> = {
  // Authentication and the user's own things.
  'POST /api/auth/login': { attendu: publique, portee: 'global', corps: () => ({ email: DEMO.lecteur, password: 'maillage-demo-2026' }), sessionJetable: true, sansAudit: 'une connexion ouvre une session, tracée dans la table des sessions' },
  'POST /api/auth/logout': { attendu: publique, portee: 'global', sessionJetable: true, sansAudit: 'une déconnexion ferme une session' },
  'POST /api/auth/mot-de-passe/demande': { attendu: publique, portee: 'global', corps: () => ({ email: 'personne@exemple.fr' }), sansAudit: 'la demande envoie un courriel, elle ne change rien' },
  'POST /api/auth/mot-de-passe/reinitialisation': { attendu: publique, portee: 'global', corps: () => ({ token: 'a'.repeat(43), password: 'un-mot-de-passe-solide-2026' }), sansAudit: 'un jeton inconnu ne change rien' },
  'GET /api/auth/session': { attendu: connecte, portee: 'global' },
  'GET /api/moi/jetons': { attendu: connecte, portee: 'global' },
  'POST /api/moi/jetons': { attendu: connecte, portee: 'global', corps: (o) => ({ libelle: `Jeton ${o.unique()}` }) },
  'DELETE /api/moi/jetons/:id': {
    attendu: connecte,
    portee: 'global',
    // Each subject deletes a token of its own (an anonymous visitor, the admin's).
    victime: async (o, _f, sujet) => {
      const { rows } = await o.serveur.ctx.db.query(`insert into jetons_api (utilisateur_id, libelle, prefixe, token_hash) values ($1, 'victime', 'mlg_vict', $2) returning id`, [
        sujet?.userId ?? (await o.serveur.ctx.db.query(`select id from utilisateurs where email = $1`, [DEMO.admin])).rows[0].id,
        Buffer.from(o.unique().padEnd(32, 'x')),
      ]);
      return `/api/moi/jetons/${rows[0].id}`;
    },
  },
  'POST /api/moi/mot-de-passe': { attendu: connecte, portee: 'global', corps: () => ({ ancien: 'maillage-demo-2026', nouveau: 'maillage-demo-2026' }), sessionJetable: true },
  'GET /api/moi/preferences': { attendu: connecte, portee: 'global' },
  'PUT /api/moi/preferences': { attendu: connecte, portee: 'global', corps: () => ({ syntheseHebdomadaire: true }) },
  'POST /api/administration/syntheses': { attendu: regle({ type: 'plateforme' }, 'administrer'), portee: 'global' },

  'GET /api/health': { attendu: publique, portee: 'global' },
  'GET /api/audit': { attendu: regle({ type: 'audit' }, 'lire'), portee: 'global' },
  'GET /api/contrats/:id/historique': { attendu: contrat('lire'), portee: 'contrat' },

  // The regional portfolio: the ARS of the region and the admins.
  'GET /api/portefeuille': { attendu: regle({ type: 'portefeuille', regionCode: '53' }, 'lire'), portee: 'global', chemin: () => '/api/portefeuille?region=53' },
  'GET /api/portefeuille.xlsx': { attendu: regle({ type: 'portefeuille', regionCode: '53' }, 'lire'), portee: 'global', chemin: () => '/api/portefeuille.xlsx?region=53' },
  'GET /api/portefeuille.csv': { attendu: regle({ type: 'portefeuille', regionCode: '53' }, 'lire'), portee: 'global', chemin: () => '/api/portefeuille.csv?region=53' },

  // The library: every logged-in user searches what they may read; a reuse needs to read the source and to create
  // fiches in the destination (the own contract).
  'GET /api/bibliotheque': { attendu: connecte, portee: 'global', chemin: () => '/api/bibliotheque?q=vaccination' },
  'GET /api/bibliotheque/destinations': { attendu: connecte, portee: 'global' },
  'POST /api/bibliotheque/:ficheId/reprendre': {
    attendu: async (e) => {
      if (!e.sujet) return false;
      const destination = { ...e, fixture: e.monde.contrats.propre };
      return (await fiche('lire')(e)) && can(e.sujet, 'creer', { ...(await refFiche(destination, destination.fixture.ficheId)), piloteOrganisationIds: [], partenaireOrganisationIds: [] });
    },
    portee: 'contrat',
    corps: (o) => ({ contratId: o.monde.contrats.propre.id }),
  },

  // Public pages and open data: published contracts only, no login.
  'GET /api/public/contrats': { attendu: publique, portee: 'global' },
  'GET /api/public/contrats.csv': { attendu: publique, portee: 'global' },
  'GET /api/public/contrats/:id': { attendu: (e) => e.cas === 'publie', portee: 'contrat', chemin: (_m, f) => `/api/public/contrats/${f!.id}` },

  // Référentiel.
  'GET /api/territoires': { attendu: regle({ type: 'referentiel' }, 'lire'), portee: 'global', chemin: () => '/api/territoires?q=redon' },
  'GET /api/territoires/:type/:code': { attendu: regle({ type: 'referentiel' }, 'lire'), portee: 'global', chemin: () => '/api/territoires/epci/243500741' },
  'POST /api/territoires/perimetre': { attendu: regle({ type: 'referentiel' }, 'lire'), portee: 'global', corps: () => ({ epci: ['243500741'], communes: [] }), sansAudit: 'une lecture envoyée en POST' },

  // Organisations, people, users.
  'GET /api/organisations': { attendu: regle({ type: 'organisation', id: null }, 'lire'), portee: 'global' },
  'POST /api/organisations': { attendu: regle({ type: 'organisation', id: null }, 'creer'), portee: 'global', corps: (o) => ({ nom: `Association ${o.unique()}`, type: 'association' }) },
  'POST /api/organisations/import': {
    attendu: regle({ type: 'organisation', id: null }, 'administrer'),
    portee: 'global',
    chemin: () => '/api/organisations/import?dryRun=true',
    multipart: () => ({ fichier: { nom: 'organisations.csv', contenu: 'nom;type\nAssociation importée;association\n' } }),
    sansAudit: 'un essai (dryRun) n’écrit rien',
  },
  'GET /api/organisations/:id': { attendu: (e) => can(e.sujet, 'lire', { type: 'organisation', id: e.monde.organisations.cpam }), portee: 'global', chemin: (m) => `/api/organisations/${m.organisations.cpam}` },
  'PUT /api/organisations/:id': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'organisation', id: e.monde.organisations.cpam }),
    portee: 'global',
    chemin: (m) => `/api/organisations/${m.organisations.cpam}`,
    corps: async (o) => lire(o, `/api/organisations/${o.monde.organisations.cpam}`),
  },
  'DELETE /api/organisations/:id': {
    attendu: regle({ type: 'organisation', id: null }, 'supprimer'),
    portee: 'global',
    victime: async (o) => `/api/organisations/${await creer(o, '/api/organisations', { nom: `Victime ${o.unique()}`, type: 'association' })}`,
  },
  'POST /api/organisations/:id/fusion': {
    attendu: regle({ type: 'organisation', id: null }, 'administrer'),
    portee: 'global',
    victime: async (o) => `/api/organisations/${await creer(o, '/api/organisations', { nom: `Doublon ${o.unique()}`, type: 'association' })}/fusion`,
    corps: (o) => ({ dansId: o.monde.organisations.autre }),
  },
  'GET /api/organisations/:id/engagements': { attendu: regle({ type: 'organisation', id: null }, 'lire'), portee: 'global', chemin: (m) => `/api/organisations/${m.organisations.cpam}/engagements` },
  'GET /api/organisations/:id/engagements.xlsx': { attendu: regle({ type: 'organisation', id: null }, 'lire'), portee: 'global', chemin: (m) => `/api/organisations/${m.organisations.cpam}/engagements.xlsx` },
  'GET /api/organisations/:id/services': { attendu: (e) => can(e.sujet, 'lire', { type: 'organisation', id: e.monde.organisations.cpam }), portee: 'global', chemin: (m) => `/api/organisations/${m.organisations.cpam}/services` },
  'POST /api/organisations/:id/services': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'organisation', id: e.monde.organisations.cpam }),
    portee: 'global',
    chemin: (m) => `/api/organisations/${m.organisations.cpam}/services`,
    corps: (o) => ({ nom: `Service ${o.unique()}` }),
  },
  'POST /api/organisations/:id/offres': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'organisation', id: e.monde.organisations.cpam }),
    portee: 'global',
    chemin: (m) => `/api/organisations/${m.organisations.cpam}/offres`,
    corps: (o) => ({ intitule: `Offre ${o.unique()}`, description: 'Prévention' }),
  },
  'GET /api/personnes': { attendu: regle({ type: 'organisation', id: null }, 'lire'), portee: 'global' },
  'POST /api/personnes': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'organisation', id: e.monde.organisations.cpam }),
    portee: 'global',
    corps: (o) => ({ prenom: 'Pia', nom: `Personne ${o.unique()}`, organisationId: o.monde.organisations.cpam }),
  },
  'PUT /api/personnes/:id': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'organisation', id: e.monde.organisations.autre }),
    portee: 'global',
    chemin: (m) => `/api/personnes/${m.personneId}`,
    corps: async (o) => {
      const { rows } = await o.serveur.ctx.db.query('select prenom, nom, organisation_id as "organisationId", version from personnes where id = $1', [o.monde.personneId]);
      return rows[0];
    },
  },
  'GET /api/utilisateurs': { attendu: regle({ type: 'utilisateur', id: null }, 'administrer'), portee: 'global' },
  'POST /api/utilisateurs': { attendu: regle({ type: 'utilisateur', id: null }, 'creer'), portee: 'global', corps: (o) => ({ email: `compte.${o.unique()}@exemple.fr`, prenom: 'Nouveau', nom: 'Compte' }) },
  'GET /api/utilisateurs/:id': { attendu: (e) => can(e.sujet, 'lire', { type: 'utilisateur', id: e.monde.utilisateurVictime }), portee: 'global', chemin: (m) => `/api/utilisateurs/${m.utilisateurVictime}` },
  'PUT /api/utilisateurs/:id': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'utilisateur', id: e.monde.utilisateurVictime }),
    portee: 'global',
    chemin: (m) => `/api/utilisateurs/${m.utilisateurVictime}`,
    corps: async (o) => {
      const u = await lire(o, `/api/utilisateurs/${o.monde.utilisateurVictime}`);
      return { prenom: u.prenom, nom: u.nom, organisationId: u.organisationId, actif: true, habilitations: u.habilitations ?? [], version: u.version };
    },
  },

  // Doctrine, catalogue, diagnostics shared by every contract.
  'GET /api/doctrines/:regionCode': { attendu: regle({ type: 'doctrine', regionCode: '53' }, 'lire'), portee: 'global', chemin: () => '/api/doctrines/53' },
  'PUT /api/doctrines/:regionCode': {
    attendu: regle({ type: 'doctrine', regionCode: '53' }, 'modifier'),
    portee: 'global',
    chemin: () => '/api/doctrines/53',
    corps: async (o) => {
      const d = await lire(o, '/api/doctrines/53');
      return { ...d.regles, version: d.version };
    },
  },
  'GET /api/indicateurs': { attendu: regle({ type: 'catalogue' }, 'lire'), portee: 'global' },
  'POST /api/indicateurs': {
    attendu: regle({ type: 'catalogue' }, 'creer'),
    portee: 'global',
    corps: (o) => ({ code: `test_${o.unique()}`, libelle: 'Indicateur de test', famille: 'Démographie', unite: '%', facteur: 100, polarite: 'neutre', methodeAgregation: 'ratio' }),
  },
  'GET /api/indicateurs/:code': { attendu: regle({ type: 'catalogue' }, 'lire'), portee: 'global', chemin: (m) => `/api/indicateurs/${m.codeIndicateur}` },
  'PUT /api/indicateurs/:code': {
    attendu: regle({ type: 'catalogue' }, 'modifier'),
    portee: 'global',
    chemin: (m) => `/api/indicateurs/${m.codeIndicateur}`,
    corps: async (o) => lire(o, `/api/indicateurs/${o.monde.codeIndicateur}`),
  },
  'DELETE /api/indicateurs/:code': {
    attendu: regle({ type: 'catalogue' }, 'supprimer'),
    portee: 'global',
    victime: async (o) => {
      const code = `victime_${o.unique()}`;
      await o.admin.post('/api/indicateurs', { code, libelle: 'Victime', famille: 'Démographie', unite: '%', facteur: 100, polarite: 'neutre', methodeAgregation: 'ratio' });
      return `/api/indicateurs/${code}`;
    },
  },
  // An import's follow-up is for the data roles who import.
  'GET /api/indicateurs/imports/:id': {
    attendu: regle({ type: 'catalogue' }, 'creer'),
    portee: 'global',
    chemin: () => '/api/indicateurs/imports/00000000-0000-4000-8000-000000000000',
    absentPossible: true,
  },
  'POST /api/indicateurs/valeurs/apercu': {
    attendu: regle({ type: 'catalogue' }, 'creer'),
    portee: 'global',
    multipart: () => ({ fichier: { nom: 'valeurs.csv', contenu: 'indicateur;territoire_type;territoire_code;periode;valeur\ndensite_mg_liberaux;epci;243500741;2030;7,5\n' } }),
    sansAudit: 'un aperçu n’écrit rien',
  },
  'POST /api/indicateurs/valeurs/import': {
    attendu: regle({ type: 'catalogue' }, 'creer'),
    portee: 'global',
    multipart: () => ({ fichier: { nom: 'valeurs.csv', contenu: 'indicateur;territoire_type;territoire_code;periode;valeur\ndensite_mg_liberaux;epci;243500741;2030;7,5\n' } }),
  },
  'GET /api/diagnostics/agregat': { attendu: regle({ type: 'catalogue' }, 'lire'), portee: 'global', chemin: () => '/api/diagnostics/agregat?indicateur=densite_mg_liberaux&territoires=epci:243500741' },
  'GET /api/diagnostics/series': { attendu: regle({ type: 'catalogue' }, 'lire'), portee: 'global', chemin: () => '/api/diagnostics/series?territoires=epci:243500741' },
  'GET /api/diagnostics/communes': { attendu: regle({ type: 'catalogue' }, 'lire'), portee: 'global', chemin: () => '/api/diagnostics/communes?indicateur=effectif_mg&territoires=epci:243500741' },
  'GET /api/vulnerabilite': { attendu: regle({ type: 'catalogue' }, 'lire'), portee: 'global', chemin: () => '/api/vulnerabilite?region=24&indicateurs=densite_mg_liberaux' },
  // Commune outlines are public geography (IGN), drawn on public pages too.
  'GET /api/contours': { attendu: publique, portee: 'global', chemin: () => '/api/contours?type=commune&codes=35236,35001' },
  'POST /api/contours/import': {
    attendu: regle({ type: 'catalogue' }, 'creer'),
    portee: 'global',
    multipart: () => ({ fichier: { nom: 'contours.geojson', contenu: JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '35236' }, geometry: { type: 'Polygon', coordinates: [[[-2.1, 47.6], [-2.0, 47.6], [-2.0, 47.7], [-2.1, 47.6]]] } }] }) } }),
  },

  // Contracts.
  // Anonymous visitors get the published contracts: the list is what each may read.
  'GET /api/contrats': { attendu: publique, portee: 'global' },
  'POST /api/contrats': {
    attendu: regle({ type: 'contrat', contrat: null, regionCode: '53' }, 'creer'),
    portee: 'global',
    corps: (o) => ({ ...o.monde.saisieContrat, intitule: `Contrat créé ${o.unique()}` }),
  },
  'GET /api/contrats/:id': { attendu: contrat('lire'), portee: 'contrat' },
  'PUT /api/contrats/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ ...f!.saisie, version: (await lire(o, c(f))).version }),
  },
  'DELETE /api/contrats/:id': { attendu: contrat('supprimer'), portee: 'contrat', victime: async (o, f) => c({ id: await contratVictime(o, f!, 'preparation') } as ContratFixture) },
  'POST /api/contrats/:id/statut': { attendu: contrat('modifier'), portee: 'contrat', corps: async (o, f) => ({ statut: 'diagnostic', version: (await lire(o, c(f))).version }) },
  'GET /api/contrats/:id/version': { attendu: contrat('lire'), portee: 'contrat', absentPossible: true },
  'GET /api/contrats/:id/alertes': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/avancement': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/diagnostic': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/diagnostic.docx': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/diagnostic.pdf': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/document.docx': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/document.pdf': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/plan.csv': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/plan.xlsx': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/plan/import': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    chemin: (_m, f) => c(f, '/plan/import?dryRun=true'),
    multipart: () => ({ fichier: { nom: 'plan.csv', contenu: 'Numéro;Intitulé\n90;Action importée\n' } }),
    sansAudit: 'un essai (dryRun) n’écrit rien',
  },
  'POST /api/contrats/:id/renouvellement': { attendu: contrat('modifier'), portee: 'contrat', victime: async (o, f) => c({ id: await contratVictime(o, f!, 'echu') } as ContratFixture, '/renouvellement'), corps: () => ({ ficheIds: [] }) },
  'GET /api/contrats/:id/avenants': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/avenants': { attendu: contrat('modifier'), portee: 'contrat', victime: async (o, f) => c({ id: await contratVictime(o, f!, 'signe') } as ContratFixture, '/avenants'), corps: () => ({ objet: 'Un avenant' }) },
  'POST /api/contrats/:id/avenants/:avenantId/signature': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => {
      const id = await contratVictime(o, f!, 'signe');
      // The signed state an avenant is compared with, as the signature would have kept it.
      await o.serveur.ctx.db.query(`insert into contrat_versions (contrat_id, date_effet, etat) values ($1, '2025-01-01', $2)`, [id, await etatActuel(o.serveur.ctx.db, id)]);
      const avenant = await creer(o, `/api/contrats/${id}/avenants`, { objet: 'Victime' });
      await creer(o, `/api/contrats/${id}/axes`, { intitule: 'Axe ajouté par avenant' });
      return c({ id } as ContratFixture, `/avenants/${avenant}/signature`);
    },
    corps: () => ({ dateAvenant: '2028-03-01' }),
  },
  'POST /api/contrats/:id/axes': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ intitule: 'Un axe de plus' }) },
  'PUT /api/contrats/:id/axes/:axeId': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ intitule: 'Accès aux soins' }) },
  'DELETE /api/contrats/:id/axes/:axeId': { attendu: contrat('modifier'), portee: 'contrat', victime: async (o, f) => c(f, `/axes/${await creer(o, c(f, '/axes'), { intitule: 'Victime' })}`) },
  'PUT /api/contrats/:id/axes/ordre': { attendu: contrat('modifier'), portee: 'contrat', corps: async (o, f) => ({ ids: (await lire(o, c(f))).axes.map((a: { id: string }) => a.id) }) },
  'POST /api/contrats/:id/axes/:axeId/objectifs': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ intitule: 'Un objectif de plus', objectifsOperationnels: [] }) },
  'PUT /api/contrats/:id/axes/:axeId/objectifs/ordre': { attendu: contrat('modifier'), portee: 'contrat', corps: async (o, f) => ({ ids: (await lire(o, c(f))).axes.find((a: { id: string }) => a.id === f!.axeId).objectifs.map((x: { id: string }) => x.id) }) },
  'PUT /api/contrats/:id/objectifs/:objectifId': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ intitule: 'Attirer des médecins', objectifsOperationnels: [] }) },
  'DELETE /api/contrats/:id/objectifs/:objectifId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c(f, `/objectifs/${await creer(o, c(f, `/axes/${f!.axeId}/objectifs`), { intitule: 'Victime', objectifsOperationnels: [] })}`),
  },
  'POST /api/contrats/:id/signataires': { attendu: contrat('modifier'), portee: 'contrat', corps: (o) => ({ organisationId: o.monde.organisations.redon }) },
  'PUT /api/contrats/:id/signataires/:signataireId': { attendu: contrat('modifier'), portee: 'contrat', corps: (_o, f) => ({ organisationId: (f!.saisie.arsIds as string[])[0], representant: 'La directrice', qualite: 'Directrice générale' }) },
  'DELETE /api/contrats/:id/signataires/:signataireId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c(f, `/signataires/${await creer(o, c(f, '/signataires'), { organisationId: await creer(o, '/api/organisations', { nom: `Signataire ${o.unique()}`, type: 'association' }) })}`),
  },
  'POST /api/contrats/:id/partenaires': { attendu: contrat('modifier'), portee: 'contrat', corps: (o) => ({ organisationId: o.monde.organisations.redon, role: 'porteur' }) },
  'DELETE /api/contrats/:id/partenaires/:partenaireId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c(f, `/partenaires/${await creer(o, c(f, '/partenaires'), { organisationId: await creer(o, '/api/organisations', { nom: `Partenaire ${o.unique()}`, type: 'association' }) })}`),
  },

  // Fiches.
  'GET /api/contrats/:id/fiches': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/fiches': { attendu: async (e) => can(e.sujet, 'creer', { ...(await refFiche(e)), piloteOrganisationIds: [], partenaireOrganisationIds: [] }), portee: 'contrat', corps: () => ({ intitule: 'Une fiche de plus' }) },
  'PUT /api/contrats/:id/fiches/ordre': { attendu: contrat('modifier'), portee: 'contrat', corps: async (o, f) => ({ ids: (await lire(o, c(f, '/fiches'))).map((x: { id: string }) => x.id) }) },
  'GET /api/fiches/:id': { attendu: fiche('lire'), portee: 'contrat' },
  'PUT /api/fiches/:id': { attendu: fiche('modifier'), portee: 'contrat', corps: async (o, f) => lire(o, `/api/fiches/${f!.ficheId}`) },
  'DELETE /api/fiches/:id': {
    attendu: fiche('supprimer'),
    portee: 'contrat',
    victime: async (o, f) => `/api/fiches/${await creer(o, c(f, '/fiches'), { intitule: 'Victime', pilotes: [{ organisationId: (await lire(o, `/api/fiches/${f!.ficheId}`)).pilotes[0].organisationId }] })}`,
  },
  'PUT /api/fiches/:id/offres/:offreId': { attendu: contrat('modifier'), portee: 'contrat' },
  'DELETE /api/fiches/:id/offres/:offreId': { attendu: contrat('modifier'), portee: 'contrat' },

  // Diagnostic of a contract.
  ...Object.fromEntries(
    (
      [
        ['verbatims', 'verbatimId', () => ({ texte: 'Trois mois pour un rendez-vous.', locuteur: 'habitant' })],
        ['rencontres', 'rencontreId', () => ({ type: 'entretien', titre: 'Entretien avec la MSP' })],
        ['constats', 'constatId', () => ({ intitule: 'Peu de médecins' })],
        ['besoins', 'besoinId', () => ({ intitule: 'Attirer des médecins' })],
        ['priorites', 'prioriteId', () => ({ intitule: 'Premier recours' })],
      ] as const
    ).flatMap(([chemin, champ, corps]) => [
      [`POST /api/contrats/:id/${chemin}`, { attendu: contrat('modifier'), portee: 'contrat', corps } satisfies EntreeRoute],
      [`PUT /api/contrats/:id/${chemin}/:elementId`, { attendu: contrat('modifier'), portee: 'contrat', chemin: (_m: Monde, f: ContratFixture | null) => c(f, `/${chemin}/${f![champ]}`), corps } satisfies EntreeRoute],
      [`DELETE /api/contrats/:id/${chemin}/:elementId`, { attendu: contrat('modifier'), portee: 'contrat', victime: async (o: Outils, f: ContratFixture | null) => c(f, `/${chemin}/${await creer(o, c(f, `/${chemin}`), corps())}`) } satisfies EntreeRoute],
    ]),
  ),

  // Governance.
  'GET /api/contrats/:id/instances': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/instances': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ type: 'cotech', nom: 'COTECH' }) },
  'PUT /api/contrats/:id/instances/:instanceId': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ type: 'copil', nom: 'COPIL', frequenceParAn: 2 }) },
  'DELETE /api/contrats/:id/instances/:instanceId': { attendu: contrat('modifier'), portee: 'contrat', victime: async (o, f) => c(f, `/instances/${await creer(o, c(f, '/instances'), { type: 'autre', nom: 'Victime' })}`) },
  'GET /api/contrats/:id/instances/:instanceId/calendrier': { attendu: contrat('modifier'), portee: 'contrat' },
  'POST /api/contrats/:id/instances/:instanceId/membres': { attendu: contrat('modifier'), portee: 'contrat', corps: (o) => ({ organisationId: o.monde.organisations.cpam, role: 'membre' }) },
  'DELETE /api/contrats/:id/instances/:instanceId/membres/:membreId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) =>
      c(f, `/instances/${f!.instanceId}/membres/${await creer(o, c(f, `/instances/${f!.instanceId}/membres`), { organisationId: await creer(o, '/api/organisations', { nom: `Membre ${o.unique()}`, type: 'association' }) })}`),
  },
  'GET /api/calendriers/:jeton.ics': { attendu: publique, portee: 'contrat', chemin: (_m, f) => `/api/calendriers/${f!.jetonCalendrier}.ics` },
  'GET /api/contrats/:id/seances': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/seances': { attendu: contrat('modifier'), portee: 'contrat', corps: (_o, f) => ({ instanceId: f!.instanceId, debut: '2031-07-01T14:00:00Z', fin: '2031-07-01T16:00:00Z' }) },
  'GET /api/seances/:id': { attendu: contrat('lire'), portee: 'contrat' },
  'PUT /api/seances/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => {
      const s = await lire(o, `/api/seances/${f!.seanceId}`);
      return { instanceId: s.instanceId, debut: s.debut, fin: s.fin, lieu: s.lieu, ordreDuJour: s.ordreDuJour?.map((p: { intitule: string }) => ({ intitule: p.intitule })) ?? [], version: s.version };
    },
  },
  'GET /api/seances/:id.ics': { attendu: contrat('lire'), portee: 'contrat' },
  'PUT /api/seances/:id/compte-rendu': { attendu: contrat('modifier'), portee: 'contrat', corps: async (o, f) => ({ compteRendu: '<p>Relevé</p>', version: (await lire(o, `/api/seances/${f!.seanceId}`)).version }) },
  'POST /api/seances/:id/decisions': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ action: 'aucune', texte: 'Le COPIL prend acte.' }) },
  'POST /api/seances/:id/invitations': { attendu: contrat('modifier'), portee: 'contrat' },
  'PUT /api/seances/:id/presences': { attendu: contrat('modifier'), portee: 'contrat', corps: (_o, f) => ({ presences: [{ membreId: f!.membreId, etat: 'present' }] }) },
  'GET /api/seances/:id/fichiers': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/seances/:id/fichiers': { attendu: contrat('modifier'), portee: 'contrat', multipart: () => ({ fichier: pdf() }) },
  'GET /api/contrats/:id/coordination': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/coordination': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ personne: 'Alex Coordination', etp: 0.5, cofinancements: [], debut: '2026-01-01' }) },
  'PUT /api/contrats/:id/coordination/:posteId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => (await lire(o, c(f, '/coordination'))).find((p: { id: string }) => p.id === f!.posteId),
  },
  'GET /api/contrats/:id/financements': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/financements.xlsx': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/financements': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ objet: 'animation', financeurLibelle: 'Commune', dispositif: 'Fonds propres', annee: 2027, montantCentimes: 100, nature: 'fonctionnement', statut: 'prevu' }),
  },
  'DELETE /api/contrats/:id/financements/:ligneId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c(f, `/financements/${await creer(o, c(f, '/financements'), { objet: 'autre', financeurLibelle: 'Victime', dispositif: 'Fonds propres', annee: 2027, montantCentimes: 1, nature: 'fonctionnement', statut: 'prevu' })}`),
  },

  // Files.
  'GET /api/contrats/:id/fichiers': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/fichiers': { attendu: contrat('modifier'), portee: 'contrat', multipart: () => ({ fichier: pdf() }) },
  'GET /api/fichiers/:id': { attendu: contrat('lire'), portee: 'contrat' },
  'DELETE /api/fichiers/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => {
      const r = await o.admin.multipart(c(f, '/fichiers'), { fichier: pdf() });
      return `/api/fichiers/${r.body.id}`;
    },
  },

  // Follow-up and evaluation.
  'GET /api/fiches/:id/suivi': { attendu: fiche('lire'), portee: 'contrat' },
  'POST /api/fiches/:id/indicateurs-suivi': { attendu: fiche('modifier'), portee: 'contrat', corps: () => ({ libelle: 'Participants', type: 'activite' }) },
  'PUT /api/indicateurs-suivi/:id': { attendu: fiche('modifier'), portee: 'contrat', corps: async (o, f) => ({ libelle: 'Ateliers tenus', type: 'activite', cibles: [{ periode: '2025', valeur: 10 }], version: (await o.serveur.ctx.db.query('select version from indicateurs_suivi where id = $1', [f!.indicateurSuiviId])).rows[0].version }) },
  'DELETE /api/indicateurs-suivi/:id': {
    attendu: fiche('modifier'),
    portee: 'contrat',
    victime: async (o, f) => `/api/indicateurs-suivi/${await creer(o, `/api/fiches/${f!.ficheId}/indicateurs-suivi`, { libelle: 'Victime', type: 'processus' })}`,
  },
  'PUT /api/indicateurs-suivi/:id/valeurs/:periode': { attendu: connecteEt(fiche('saisir_suivi')), portee: 'contrat', chemin: (_m, f) => `/api/indicateurs-suivi/${f!.indicateurSuiviId}/valeurs/2026`, corps: () => ({ valeur: 3, recit: 'Trois ateliers' }) },
  'POST /api/valeurs-suivi/:id/transitions': { attendu: connecteEt(fiche('saisir_suivi')), portee: 'contrat', corps: () => ({ action: 'soumettre' }) },
  'PUT /api/fiches/:id/bilans/:periode': { attendu: connecteEt(fiche('saisir_suivi')), portee: 'contrat', chemin: (_m, f) => `/api/fiches/${f!.ficheId}/bilans/2026`, corps: () => ({ recit: 'Bilan 2026' }) },
  'POST /api/fiches/:id/suivi/:periode/transitions': { attendu: connecteEt(fiche('saisir_suivi')), portee: 'contrat', chemin: (_m, f) => `/api/fiches/${f!.ficheId}/suivi/2026/transitions`, corps: () => ({ action: 'soumettre' }) },
  'GET /api/contrats/:id/campagnes': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/campagnes': { attendu: contrat('modifier'), portee: 'contrat', victime: async (o, f) => c({ id: await contratVictime(o, f!) } as ContratFixture, '/campagnes'), corps: () => ({ periode: '2031', echeance: '2032-01-31' }) },
  'GET /api/campagnes/:id': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/campagnes/:id/saisie': { attendu: connecteEt(contrat('lire')), portee: 'contrat' },
  'GET /api/campagnes/:id/bilan.docx': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/campagnes/:id/bilan.pdf': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/campagnes/:id/relances': { attendu: contrat('modifier'), portee: 'contrat' },
  'POST /api/campagnes/:id/cloture': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => {
      const { rows } = await o.serveur.ctx.db.query(`insert into campagnes_suivi (contrat_id, periode, echeance, ouverte_par) values ($1, $2, '2040-01-31', 'Monde') returning id`, [f!.id, String(periodeLibre++)]);
      return `/api/campagnes/${rows[0].id}/cloture`;
    },
  },
  'GET /api/contrats/:id/evaluations': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/evaluations': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ type: 'intermediaire', intitule: 'Évaluation de plus' }) },
  'GET /api/evaluations/:id': { attendu: contrat('lire'), portee: 'contrat' },
  'PUT /api/evaluations/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => {
      const e = await lire(o, `/api/evaluations/${f!.evaluationId}`);
      return { type: e.type, intitule: e.intitule, questions: e.questions, recommandations: e.recommandations, participants: e.participants, version: e.version };
    },
  },
  'DELETE /api/evaluations/:id': { attendu: contrat('modifier'), portee: 'contrat', victime: async (o, f) => `/api/evaluations/${await creer(o, c(f, '/evaluations'), { type: 'finale', intitule: 'Victime' })}` },
  'GET /api/evaluations/:id/rapport.docx': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/evaluations/:id/rapport.pdf': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/evaluations/:id/renouvellement': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => {
      const id = await contratVictime(o, f!, 'echu');
      return `/api/evaluations/${await creer(o, `/api/contrats/${id}/evaluations`, { type: 'finale', intitule: 'Victime' })}/renouvellement`;
    },
  },
};

/** Path parameters filled from the fixture by the route's prefix and the parameter's name. */
export function cheminPar(defaut: string, m: Monde, f: ContratFixture | null): string {
  const ressourceDeId: Record<string, keyof ContratFixture> = {
    contrats: 'id',
    fiches: 'ficheId',
    seances: 'seanceId',
    campagnes: 'campagneId',
    evaluations: 'evaluationId',
    'indicateurs-suivi': 'indicateurSuiviId',
    'valeurs-suivi': 'valeurId',
    fichiers: 'fichierId',
  };
  const segment = defaut.split('/')[2];
  return defaut.replace(/:([A-Za-z]+)/g, (_t, nom: string) => {
    if (nom === 'id') return String(f![ressourceDeId[segment]]);
    if (nom === 'periode') return '2025';
    if (nom === 'avenantId') return '00000000-0000-4000-8000-000000000000';
    const valeur = f?.[nom as keyof ContratFixture];
    if (valeur === undefined) throw new Error(`Paramètre « ${nom} » sans valeur pour ${defaut} (m=${Object.keys(m).length})`);
    return String(valeur);
  });
}
