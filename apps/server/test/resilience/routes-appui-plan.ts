import {
  coordinateurDeLaPersonne,
  membre,
  situationComplete,
  situationDemo,
  situationVictime,
  versionSituation,
  victimeCourante,
} from './appui-regles';
import type { Monde } from './monde';
import type { EntreeRoute, Outils } from './regles';

/**
 * Plan, concertations, follow-up, closure and access right of the appui module (issue 18 items 4–6, 8), on the demo
 * team's real case, person and team (the person's id is read at call time). The case's référent and a member who
 * declared a reason open them; the team's figures are for its members, its settings and the access right's export
 * for its coordinators; every platform role and the other team are refused (appui-regles.ts). Closing works on a
 * fresh case each call, so that the demo case stays open for the other routes.
 */

const situation = (suite: string) => (m: Monde) => `/api/appui/situations/${m.appui.situation}${suite}`;
const equipe = (suite: string) => (m: Monde) => `/api/appui/equipes/${m.appui.equipe}${suite}`;
/** The person of the demo's first case, read when the call is made. */
const personne = (suite: string) => async (o: Outils) => {
  const { rows } = await o.serveur.ctx.db.query('select personne_id from appui_situations where id = $1', [o.monde.appui.situation]);
  return `/api/appui/personnes/${rows[0].personne_id}${suite}`;
};

const complet = situationComplete(situationDemo);
const deLEquipe = membre((m) => m.appui.equipe);
const contenuPlan = { referent: 'Référent de la matrice' };
const lecture = (suite: string, absentPossible = false): EntreeRoute => ({
  attendu: complet,
  portee: 'global',
  chemin: situation(suite),
  ...(absentPossible ? { absentPossible } : {}),
});

export const ROUTES_APPUI_PLAN: Record<string, EntreeRoute> = {
  'GET /api/appui/situations/:id/plan': lecture('/plan', true),
  'PUT /api/appui/situations/:id/plan': {
    attendu: complet,
    portee: 'global',
    chemin: situation('/plan'),
    corps: async (o) => ({
      version: Number(
        (
          await o.serveur.ctx.db.query('select coalesce(max(version), 0) as v from appui_plans where situation_id = $1', [
            o.monde.appui.situation,
          ])
        ).rows[0].v,
      ),
      contenu: contenuPlan,
    }),
  },
  'GET /api/appui/situations/:id/plan/versions/:version': lecture('/plan/versions/1', true),
  'GET /api/appui/situations/:id/plan.pdf': lecture('/plan.pdf', true),
  'GET /api/appui/situations/:id/concertations': lecture('/concertations'),
  'POST /api/appui/situations/:id/concertations': {
    attendu: complet,
    portee: 'global',
    chemin: situation('/concertations'),
    corps: () => ({ date: '2025-03-10', participants: [{ categorie: 'professionnel', nom: 'Matrice' }], decisions: 'Aucune' }),
  },
  'GET /api/appui/situations/:id/delais': lecture('/delais'),
  'GET /api/appui/situations/:id/cloture': lecture('/cloture'),
  'POST /api/appui/situations/:id/cloture': {
    attendu: situationComplete(victimeCourante),
    portee: 'global',
    victime: async (o) => `/api/appui/situations/${await situationVictime(o)}/cloture`,
    corps: async (o) => ({ motif: 'objectifs_atteints', version: await versionSituation(o, victimeCourante(o.monde)) }),
  },
  'GET /api/appui/situations/:id/courrier-cloture.pdf': lecture('/courrier-cloture.pdf'),
  'GET /api/appui/equipes/:id/charge': { attendu: deLEquipe, portee: 'global', chemin: equipe('/charge') },
  'GET /api/appui/equipes/:id/delais': { attendu: deLEquipe, portee: 'global', chemin: equipe('/delais') },
  'GET /api/appui/equipes/:id/reglages': { attendu: deLEquipe, portee: 'global', chemin: equipe('/reglages') },
  // Values that change nothing for the run (a short retention would let the purge job take the demo's closed cases).
  'PUT /api/appui/equipes/:id/reglages': {
    attendu: coordinateurDeLaPersonne,
    portee: 'global',
    chemin: equipe('/reglages'),
    corps: () => ({ seuilCharge: 30, conservationMois: 36 }),
  },
  'GET /api/appui/personnes/:id/donnees.json': { attendu: coordinateurDeLaPersonne, portee: 'global', victime: personne('/donnees.json') },
  'GET /api/appui/personnes/:id/donnees.pdf': { attendu: coordinateurDeLaPersonne, portee: 'global', victime: personne('/donnees.pdf') },
};
