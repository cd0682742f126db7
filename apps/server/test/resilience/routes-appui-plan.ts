import type { Monde } from './monde';
import type { EntreeRoute, Outils } from './regles';

/**
 * Plan, concertations, follow-up, closure and access right of the appui module (issue 18 items 4–6, 8). Only a support
 * team's staff open them, and none of the suite's subjects (admin, ARS, CLS roles, anonymous) is: every one must be
 * refused. The URL is built on the demo team's real case, person and team (the person's id is read at call time), so
 * the refusal is tested on content that exists; the leak matrix of item 9 covers the team's own roles.
 */

const situation = (suite: string) => (m: Monde) => `/api/appui/situations/${m.appui.situation}${suite}`;
const equipe = (suite: string) => (m: Monde) => `/api/appui/equipes/${m.appui.equipe}${suite}`;
/** The person of the demo's first case, read when the call is made. */
const personne = (suite: string) => async (o: Outils) => {
  const { rows } = await o.serveur.ctx.db.query('select personne_id from appui_situations where id = $1', [o.monde.appui.situation]);
  return `/api/appui/personnes/${rows[0].personne_id}${suite}`;
};

const refuse = () => false;
const contenuPlan = { referent: 'Référent de la matrice' };

export const ROUTES_APPUI_PLAN: Record<string, EntreeRoute> = {
  'GET /api/appui/situations/:id/plan': { attendu: refuse, portee: 'global', chemin: situation('/plan') },
  'PUT /api/appui/situations/:id/plan': {
    attendu: refuse,
    portee: 'global',
    chemin: situation('/plan'),
    corps: () => ({ version: 0, contenu: contenuPlan }),
  },
  'GET /api/appui/situations/:id/plan/versions/:version': { attendu: refuse, portee: 'global', chemin: situation('/plan/versions/1') },
  'GET /api/appui/situations/:id/plan.pdf': { attendu: refuse, portee: 'global', chemin: situation('/plan.pdf') },
  'GET /api/appui/situations/:id/concertations': { attendu: refuse, portee: 'global', chemin: situation('/concertations') },
  'POST /api/appui/situations/:id/concertations': {
    attendu: refuse,
    portee: 'global',
    chemin: situation('/concertations'),
    corps: () => ({ date: '2025-03-10', participants: [{ categorie: 'professionnel', nom: 'Matrice' }], decisions: 'Aucune' }),
  },
  'GET /api/appui/situations/:id/delais': { attendu: refuse, portee: 'global', chemin: situation('/delais') },
  'GET /api/appui/situations/:id/cloture': { attendu: refuse, portee: 'global', chemin: situation('/cloture') },
  'POST /api/appui/situations/:id/cloture': {
    attendu: refuse,
    portee: 'global',
    chemin: situation('/cloture'),
    corps: () => ({ motif: 'objectifs_atteints', version: 1 }),
  },
  'GET /api/appui/situations/:id/courrier-cloture.pdf': { attendu: refuse, portee: 'global', chemin: situation('/courrier-cloture.pdf') },
  'GET /api/appui/equipes/:id/charge': { attendu: refuse, portee: 'global', chemin: equipe('/charge') },
  'GET /api/appui/equipes/:id/delais': { attendu: refuse, portee: 'global', chemin: equipe('/delais') },
  'GET /api/appui/equipes/:id/reglages': { attendu: refuse, portee: 'global', chemin: equipe('/reglages') },
  'PUT /api/appui/equipes/:id/reglages': {
    attendu: refuse,
    portee: 'global',
    chemin: equipe('/reglages'),
    corps: () => ({ seuilCharge: 2, conservationMois: 1 }),
  },
  'GET /api/appui/personnes/:id/donnees.json': { attendu: refuse, portee: 'global', victime: personne('/donnees.json') },
  'GET /api/appui/personnes/:id/donnees.pdf': { attendu: refuse, portee: 'global', victime: personne('/donnees.pdf') },
};
