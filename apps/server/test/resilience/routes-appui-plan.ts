import type { EntreeRoute, Outils } from './regles';

/**
 * Plan, concertations, follow-up, closure and access right of the appui module (issue 18 items 4–6, 8). Only a support
 * team's staff open them, and none of the suite's subjects (admin, ARS, CLS roles, anonymous) is: every one must be
 * refused. The URL is built on the demo team's real case, person and team (`victime` resolves it at call time), so
 * the refusal is tested on content that exists; the leak matrix of item 9 covers the team's own roles.
 */

const ligne = async (o: Outils, sql: string) => (await o.serveur.ctx.db.query(sql)).rows[0].id as string;
const situation = (suite: string) => async (o: Outils) =>
  `/api/appui/situations/${await ligne(o, `select id from appui_situations where statut = 'ouverte' order by numero limit 1`)}${suite}`;
const equipe = (suite: string) => async (o: Outils) =>
  `/api/appui/equipes/${await ligne(o, 'select organisation_id id from appui_equipes order by cree_le limit 1')}${suite}`;
const personne = (suite: string) => async (o: Outils) =>
  `/api/appui/personnes/${await ligne(o, 'select id from appui_personnes order by cree_le limit 1')}${suite}`;

const refuse = () => false;
const contenuPlan = { referent: 'Référent de la matrice' };

export const ROUTES_APPUI_PLAN: Record<string, EntreeRoute> = {
  'GET /api/appui/situations/:id/plan': { attendu: refuse, portee: 'global', victime: situation('/plan') },
  'PUT /api/appui/situations/:id/plan': {
    attendu: refuse,
    portee: 'global',
    victime: situation('/plan'),
    corps: () => ({ version: 0, contenu: contenuPlan }),
  },
  'GET /api/appui/situations/:id/plan/versions/:version': { attendu: refuse, portee: 'global', victime: situation('/plan/versions/1') },
  'GET /api/appui/situations/:id/plan.pdf': { attendu: refuse, portee: 'global', victime: situation('/plan.pdf') },
  'GET /api/appui/situations/:id/concertations': { attendu: refuse, portee: 'global', victime: situation('/concertations') },
  'POST /api/appui/situations/:id/concertations': {
    attendu: refuse,
    portee: 'global',
    victime: situation('/concertations'),
    corps: () => ({ date: '2025-03-10', participants: [{ categorie: 'professionnel', nom: 'Matrice' }], decisions: 'Aucune' }),
  },
  'GET /api/appui/situations/:id/delais': { attendu: refuse, portee: 'global', victime: situation('/delais') },
  'GET /api/appui/situations/:id/cloture': { attendu: refuse, portee: 'global', victime: situation('/cloture') },
  'POST /api/appui/situations/:id/cloture': {
    attendu: refuse,
    portee: 'global',
    victime: situation('/cloture'),
    corps: () => ({ motif: 'objectifs_atteints', version: 1 }),
  },
  'GET /api/appui/situations/:id/courrier-cloture.pdf': { attendu: refuse, portee: 'global', victime: situation('/courrier-cloture.pdf') },
  'GET /api/appui/equipes/:id/charge': { attendu: refuse, portee: 'global', victime: equipe('/charge') },
  'GET /api/appui/equipes/:id/delais': { attendu: refuse, portee: 'global', victime: equipe('/delais') },
  'GET /api/appui/equipes/:id/reglages': { attendu: refuse, portee: 'global', victime: equipe('/reglages') },
  'PUT /api/appui/equipes/:id/reglages': {
    attendu: refuse,
    portee: 'global',
    victime: equipe('/reglages'),
    corps: () => ({ seuilCharge: 2, conservationMois: 1 }),
  },
  'GET /api/appui/personnes/:id/donnees.json': { attendu: refuse, portee: 'global', victime: personne('/donnees.json') },
  'GET /api/appui/personnes/:id/donnees.pdf': { attendu: refuse, portee: 'global', victime: personne('/donnees.pdf') },
};
