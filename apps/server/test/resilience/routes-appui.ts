import type { Monde } from './monde';
import {
  adminOu,
  coordinateur,
  demandeComplete,
  demandeDemo,
  demandeVictime,
  membre,
  referentOuCoordinateur,
  situationComplete,
  situationDemo,
  versionDemande,
  versionSituation,
  victimeCourante,
  voitSituation,
} from './appui-regles';
import { connecte, type EntreeRoute, type Evaluation, type Outils } from './regles';

/**
 * The appui routes (issue 18, decision 0031). The matrix holds the demo team's case manager (référent of its first
 * case), its coordinator (who sees that the case exists until she declares a reason, and triages requests) and the
 * coordinator of another team; each route expects what the domain's rules grant them on the live rows
 * (appui-regles.ts), and every platform role is refused. A professional may only send a request, and an
 * administrator manages teams without reading any case.
 */
const a = (m: Monde) => m.appui;
const personne = { nom: 'Matrice', prenoms: 'Test' };
const equipe = (m: Monde) => m.appui.equipe;
/** A member to remove: the victim account joins the team first. */
async function membreVictime(o: Outils) {
  const r = await o.admin.put(`/api/appui/equipes/${o.monde.appui.equipe}/membres/${o.monde.utilisateurVictime}`, {
    role: 'gestionnaire_cas',
  });
  if (r.status !== 200) throw new Error(`Victime membre : ${r.status} ${JSON.stringify(r.body)}`);
  return `/api/appui/equipes/${o.monde.appui.equipe}/membres/${o.monde.utilisateurVictime}`;
}
/** A write on the demo's first case, with its current version. */
const surSituation = (
  suite: string,
  attendu: EntreeRoute['attendu'],
  corps: (o: Outils) => Record<string, unknown> | Promise<Record<string, unknown>> = () => ({}),
): EntreeRoute => ({
  attendu,
  portee: 'global',
  chemin: (m) => `/api/appui/situations/${a(m).situation}${suite}`,
  corps: async (o) => ({ ...(await corps(o)), version: await versionSituation(o, o.monde.appui.situation) }),
});
const surDemande = (suite: string, corps: (o: Outils) => Record<string, unknown> = () => ({})): EntreeRoute => ({
  attendu: demandeComplete(demandeDemo),
  portee: 'global',
  chemin: (m) => `/api/appui/demandes/${a(m).demande}${suite}`,
  corps: async (o) => ({ ...corps(o), version: await versionDemande(o, o.monde.appui.demande) }),
});
const complet = situationComplete(situationDemo);

export const ROUTES_APPUI: Record<string, EntreeRoute> = {
  'GET /api/appui/equipes': { attendu: connecte, portee: 'global' },
  'POST /api/appui/equipes': {
    attendu: adminOu(async () => false),
    portee: 'global',
    corps: (o) => ({ organisationId: o.monde.organisations.autre }),
  },
  'GET /api/appui/equipes/:id/membres': {
    attendu: adminOu(membre(equipe)),
    portee: 'global',
    chemin: (m) => `/api/appui/equipes/${a(m).equipe}/membres`,
  },
  'PUT /api/appui/equipes/:id/membres/:utilisateurId': {
    attendu: adminOu(coordinateur(equipe)),
    portee: 'global',
    chemin: (m) => `/api/appui/equipes/${a(m).equipe}/membres/${m.utilisateurVictime}`,
    corps: () => ({ role: 'gestionnaire_cas' }),
  },
  'DELETE /api/appui/equipes/:id/membres/:utilisateurId': {
    attendu: adminOu(coordinateur(equipe)),
    portee: 'global',
    victime: membreVictime,
  },
  'POST /api/appui/demandes': {
    attendu: (e: Evaluation) => e.sujet !== null,
    portee: 'global',
    corps: (o) => ({ equipeId: o.monde.appui.equipe, origine: 'professionnel_sante', personne, motif: 'Matrice', urgence: 'normale' }),
  },
  'GET /api/appui/mes-demandes': { attendu: connecte, portee: 'global' },
  'GET /api/appui/demandes': { attendu: membre(equipe), portee: 'global', chemin: (m) => `/api/appui/demandes?equipe=${a(m).equipe}` },
  'GET /api/appui/demandes/:id': {
    attendu: demandeComplete(demandeDemo),
    portee: 'global',
    chemin: (m) => `/api/appui/demandes/${a(m).demande}`,
  },
  // The coordination names the référent: the demo request keeps its own (the case manager).
  'POST /api/appui/demandes/:id/referent': {
    ...surDemande('/referent', (o) => ({ referentId: o.monde.appui.gestionnaire })),
    attendu: coordinateur(equipe),
  },
  'POST /api/appui/demandes/:id/premier-contact': surDemande('/premier-contact'),
  // Classing and opening happen once per request: each call has a fresh one (sent by the administrator, no référent).
  'POST /api/appui/demandes/:id/sans-suite': {
    attendu: demandeComplete(victimeCourante),
    portee: 'global',
    victime: async (o) => `/api/appui/demandes/${await demandeVictime(o)}/sans-suite`,
    corps: () => ({ version: 1 }),
  },
  'POST /api/appui/demandes/:id/situation': {
    attendu: demandeComplete(victimeCourante),
    portee: 'global',
    victime: async (o) => `/api/appui/demandes/${await demandeVictime(o)}/situation`,
    corps: () => ({ version: 1 }),
  },
  'GET /api/appui/situations': {
    attendu: membre(equipe),
    portee: 'global',
    chemin: (m) => `/api/appui/situations?equipe=${a(m).equipe}`,
  },
  'GET /api/appui/situations/:id': {
    attendu: voitSituation(situationDemo),
    portee: 'global',
    chemin: (m) => `/api/appui/situations/${a(m).situation}`,
  },
  // Logged in the case's read log (the référent reads it), not in the general audit log: it changes no data.
  'POST /api/appui/situations/:id/motif-acces': {
    attendu: voitSituation(situationDemo),
    portee: 'global',
    chemin: (m) => `/api/appui/situations/${a(m).situation}/motif-acces`,
    corps: () => ({ motif: 'Motif déclaré par la matrice' }),
    sansAudit: 'inscrit au journal des accès de la situation (appui_journal_acces), que lit son référent',
  },
  'GET /api/appui/situations/:id/journal-acces': {
    attendu: referentOuCoordinateur(situationDemo),
    portee: 'global',
    chemin: (m) => `/api/appui/situations/${a(m).situation}/journal-acces`,
  },
  'PUT /api/appui/situations/:id/personne': surSituation('/personne', complet, () => ({ identite: personne })),
  'PUT /api/appui/situations/:id/information': surSituation('/information', complet),
  'PUT /api/appui/situations/:id/medecin-traitant': surSituation('/medecin-traitant', complet, () => ({
    medecinTraitant: { nom: 'Docteur Matrice' },
  })),
  'PUT /api/appui/situations/:id/intervenants': surSituation('/intervenants', referentOuCoordinateur(situationDemo), async (o) => ({
    intervenants: (
      await o.serveur.ctx.db.query('select utilisateur_id from appui_intervenants where situation_id = $1', [o.monde.appui.situation])
    ).rows.map((r) => r.utilisateur_id),
  })),
  'POST /api/appui/situations/:id/evaluations': {
    attendu: complet,
    portee: 'global',
    chemin: (m) => `/api/appui/situations/${a(m).situation}/evaluations`,
    corps: () => ({ medicale: 1, psychologique: 1, sociale: 1, environnementale: 1, fonctionnelle: 1, urgence: 'normale' }),
  },
  'POST /api/appui/situations/:id/orientations': {
    attendu: complet,
    portee: 'global',
    chemin: (m) => `/api/appui/situations/${a(m).situation}/orientations`,
    corps: async (o) => ({
      ressourceId: (await o.serveur.ctx.db.query('select id from ressources order by nom limit 1')).rows[0].id,
    }),
  },
  'PATCH /api/appui/situations/:id/orientations/:orientationId': {
    attendu: complet,
    portee: 'global',
    chemin: (m) => `/api/appui/situations/${a(m).situation}/orientations/${a(m).orientation}`,
    corps: async (o) => ({
      issue: 'acceptee',
      version: Number(
        (await o.serveur.ctx.db.query('select version from appui_orientations where id = $1', [o.monde.appui.orientation])).rows[0].version,
      ),
    }),
  },
};
