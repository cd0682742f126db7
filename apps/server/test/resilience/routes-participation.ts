import type { ContratFixture } from './monde';
import { c, contrat, creer, publique, type EntreeRoute, type Outils } from './regles';

/**
 * The consultation routes (issue 20 item 1): read by the contract's readers, built, opened and closed by who edits its
 * diagnostic; the two public ones answer anybody while the consultation is open. Each state change gets a fresh
 * consultation in the state it needs (victime), so that an allowed call succeeds rather than meeting a 409.
 */
const version = async (o: Outils, id: string) =>
  Number((await o.serveur.ctx.db.query('select version from consultations where id = $1', [id])).rows[0]?.version ?? 1);
const k = (f: ContratFixture | null, chemin = '') => `/api/consultations/${f!.consultationId}${chemin}`;
const QUESTIONNAIRE = { sections: [{ titre: 'Vous', questions: [{ type: 'texte_court', libelle: 'Votre quartier ?' }] }] };

/** A fresh draft (version 1), with a questionnaire (version 2), opened (version 3), on the case's contract. */
async function consultationVictime(o: Outils, f: ContratFixture | null, etat: 'brouillon' | 'prete' | 'ouverte') {
  const id = await creer(o, c(f, '/consultations'), { titre: `Victime ${o.unique()}` });
  if (etat === 'brouillon') return id;
  const r = await o.admin.put(`/api/consultations/${id}/questionnaire`, { ...QUESTIONNAIRE, version: 1 });
  if (r.status !== 200) throw new Error(`Victime questionnaire : ${r.status} ${JSON.stringify(r.body)}`);
  if (etat === 'prete') return id;
  const o2 = await o.admin.post(`/api/consultations/${id}/ouverture`, { debut: '2024-01-01', fin: '2099-12-31', version: 2 });
  if (o2.status !== 200) throw new Error(`Victime ouverture : ${o2.status} ${JSON.stringify(o2.body)}`);
  return id;
}

export const ROUTES_PARTICIPATION: Record<string, EntreeRoute> = {
  'GET /api/contrats/:id/consultations': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/consultations': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: (o) => ({ titre: `Consultation ${o.unique()}` }),
  },
  'GET /api/consultations/:id': { attendu: contrat('lire'), portee: 'contrat', chemin: (_m, f) => k(f) },
  'PATCH /api/consultations/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    chemin: (_m, f) => k(f),
    corps: async (o, f) => ({ titre: `Consultation revue ${o.unique()}`, version: await version(o, f!.consultationId) }),
  },
  'DELETE /api/consultations/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => `/api/consultations/${await consultationVictime(o, f, 'brouillon')}?version=1`,
  },
  'PUT /api/consultations/:id/questionnaire': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => `/api/consultations/${await consultationVictime(o, f, 'brouillon')}/questionnaire`,
    corps: () => ({ ...QUESTIONNAIRE, version: 1 }),
  },
  'GET /api/consultations/:id/apercu': { attendu: contrat('modifier'), portee: 'contrat', chemin: (_m, f) => k(f, '/apercu') },
  'POST /api/consultations/:id/ouverture': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => `/api/consultations/${await consultationVictime(o, f, 'prete')}/ouverture`,
    corps: () => ({ debut: '2024-01-01', fin: '2099-12-31', version: 2 }),
  },
  'POST /api/consultations/:id/cloture': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => `/api/consultations/${await consultationVictime(o, f, 'ouverte')}/cloture`,
    corps: () => ({ version: 3 }),
  },
  'POST /api/consultations/:id/codes': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    chemin: (_m, f) => k(f, '/codes'),
    corps: () => ({ nombre: 3 }),
  },
  'GET /api/consultations/:id/qrcode': { attendu: contrat('lire'), portee: 'contrat', chemin: (_m, f) => k(f, '/qrcode') },
  'GET /api/consultations/:id/resultats': { attendu: contrat('lire'), portee: 'contrat', chemin: (_m, f) => k(f, '/resultats') },
  'GET /api/consultations/:id/resultats/export': {
    attendu: contrat('lire'),
    portee: 'contrat',
    chemin: (_m, f) => k(f, '/resultats/export?format=csv'),
  },
  'POST /api/consultations/:id/verbatims': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    chemin: (_m, f) => k(f, '/verbatims'),
    corps: async (o, f) => {
      const { rows } = await o.serveur.ctx.db.query('select id from consultation_questions where consultation_id = $1', [
        f!.consultationId,
      ]);
      return { questionId: rows[0].id };
    },
  },
  // Public: anybody while the consultation is open.
  'GET /api/public/consultations/:id': {
    attendu: publique,
    portee: 'contrat',
    chemin: (_m, f) => `/api/public/consultations/${f!.consultationId}`,
  },
  'POST /api/public/consultations/:id/reponses': {
    attendu: publique,
    portee: 'contrat',
    chemin: (_m, f) => `/api/public/consultations/${f!.consultationId}/reponses`,
    sansAudit: 'réponse anonyme : un événement la daterait à la seconde (décision 0041)',
    corps: async (o, f) => {
      const { rows } = await o.serveur.ctx.db.query('select id from consultation_questions where consultation_id = $1', [
        f!.consultationId,
      ]);
      return { reponses: { [rows[0].id]: `Réponse ${o.unique()}` } };
    },
  },
};
