import type { Monde } from './monde';
import { connecte, regle, type EntreeRoute, type Evaluation, type Outils } from './regles';

/**
 * The appui routes (issue 18, decision 0031). No subject of the matrix belongs to the demo's support team: every
 * nominative route refuses them all (403, 401 anonymous); a professional may only send a request, and an
 * administrator manages teams without reading any case. The team's own staff are tested in the module's tests.
 */
const a = (m: Monde) => m.appui;
const personne = { nom: 'Matrice', prenoms: 'Test' };
const equipeAdmin = regle({ type: 'plateforme' }, 'administrer');
const refuse = () => false;
/** A member to remove: the victim account joins the team first. */
async function membreVictime(o: Outils) {
  const r = await o.admin.put(`/api/appui/equipes/${o.monde.appui.equipe}/membres/${o.monde.utilisateurVictime}`, {
    role: 'gestionnaire_cas',
  });
  if (r.status !== 200) throw new Error(`Victime membre : ${r.status} ${JSON.stringify(r.body)}`);
  return `/api/appui/equipes/${o.monde.appui.equipe}/membres/${o.monde.utilisateurVictime}`;
}
const nominatif = (chemin: (m: Monde) => string, corps?: EntreeRoute['corps']): EntreeRoute => ({
  attendu: refuse,
  portee: 'global',
  chemin,
  ...(corps
    ? {
        corps,
        // Never a success here, so never an audit to check: the team's staff succeed, and are audited, in appui.test.ts.
        sansAudit: 'aucun sujet de la matrice n’est membre de l’équipe d’appui (réussites et audit : modules/appui/appui.test.ts)',
      }
    : {}),
});
const version = { version: 1 };

export const ROUTES_APPUI: Record<string, EntreeRoute> = {
  'GET /api/appui/equipes': { attendu: connecte, portee: 'global' },
  'POST /api/appui/equipes': {
    attendu: equipeAdmin,
    portee: 'global',
    corps: (o) => ({ organisationId: o.monde.organisations.autre }),
  },
  'GET /api/appui/equipes/:id/membres': {
    attendu: equipeAdmin,
    portee: 'global',
    chemin: (m) => `/api/appui/equipes/${a(m).equipe}/membres`,
  },
  'PUT /api/appui/equipes/:id/membres/:utilisateurId': {
    attendu: equipeAdmin,
    portee: 'global',
    chemin: (m) => `/api/appui/equipes/${a(m).equipe}/membres/${m.utilisateurVictime}`,
    corps: () => ({ role: 'gestionnaire_cas' }),
  },
  'DELETE /api/appui/equipes/:id/membres/:utilisateurId': { attendu: equipeAdmin, portee: 'global', victime: membreVictime },
  'POST /api/appui/demandes': {
    attendu: (e: Evaluation) => e.sujet !== null,
    portee: 'global',
    corps: (o) => ({ equipeId: o.monde.appui.equipe, origine: 'professionnel_sante', personne, motif: 'Matrice', urgence: 'normale' }),
  },
  'GET /api/appui/mes-demandes': { attendu: connecte, portee: 'global' },
  'GET /api/appui/demandes': nominatif((m) => `/api/appui/demandes?equipe=${a(m).equipe}`),
  'GET /api/appui/demandes/:id': nominatif((m) => `/api/appui/demandes/${a(m).demande}`),
  'POST /api/appui/demandes/:id/referent': nominatif(
    (m) => `/api/appui/demandes/${a(m).demande}/referent`,
    (o) => ({ referentId: o.monde.appui.membre, ...version }),
  ),
  'POST /api/appui/demandes/:id/premier-contact': nominatif(
    (m) => `/api/appui/demandes/${a(m).demande}/premier-contact`,
    () => version,
  ),
  'POST /api/appui/demandes/:id/sans-suite': nominatif(
    (m) => `/api/appui/demandes/${a(m).demande}/sans-suite`,
    () => version,
  ),
  'POST /api/appui/demandes/:id/situation': nominatif(
    (m) => `/api/appui/demandes/${a(m).demande}/situation`,
    () => version,
  ),
  'GET /api/appui/situations': nominatif((m) => `/api/appui/situations?equipe=${a(m).equipe}`),
  'GET /api/appui/situations/:id': nominatif((m) => `/api/appui/situations/${a(m).situation}`),
  'POST /api/appui/situations/:id/motif-acces': nominatif(
    (m) => `/api/appui/situations/${a(m).situation}/motif-acces`,
    () => ({ motif: 'Motif déclaré par la matrice' }),
  ),
  'GET /api/appui/situations/:id/journal-acces': nominatif((m) => `/api/appui/situations/${a(m).situation}/journal-acces`),
  'PUT /api/appui/situations/:id/personne': nominatif(
    (m) => `/api/appui/situations/${a(m).situation}/personne`,
    () => ({ identite: personne, ...version }),
  ),
  'PUT /api/appui/situations/:id/information': nominatif(
    (m) => `/api/appui/situations/${a(m).situation}/information`,
    () => version,
  ),
  'PUT /api/appui/situations/:id/medecin-traitant': nominatif(
    (m) => `/api/appui/situations/${a(m).situation}/medecin-traitant`,
    () => ({ medecinTraitant: { nom: 'Docteur Matrice' }, ...version }),
  ),
  'PUT /api/appui/situations/:id/intervenants': nominatif(
    (m) => `/api/appui/situations/${a(m).situation}/intervenants`,
    () => ({ intervenants: [], ...version }),
  ),
  'POST /api/appui/situations/:id/evaluations': nominatif(
    (m) => `/api/appui/situations/${a(m).situation}/evaluations`,
    () => ({ medicale: 1, psychologique: 1, sociale: 1, environnementale: 1, fonctionnelle: 1, urgence: 'normale' }),
  ),
  'POST /api/appui/situations/:id/orientations': nominatif(
    (m) => `/api/appui/situations/${a(m).situation}/orientations`,
    () => ({ ressourceId: '00000000-0000-4000-8000-000000000000' }),
  ),
  'PATCH /api/appui/situations/:id/orientations/:orientationId': nominatif(
    (m) => `/api/appui/situations/${a(m).situation}/orientations/${a(m).orientation}`,
    () => ({ issue: 'acceptee', ...version }),
  ),
};
