import { can, type Action } from '@maillage/domain';
import { creer, type EntreeRoute, type Evaluation, type Outils } from './regles';

/** The webhook routes (issue 19 item 4, decision 0039): the CPAM's subscriptions, managed by its referents and the admins. */
const webhooks = (action: Action) => (e: Evaluation) =>
  can(e.sujet, action, { type: 'webhooks', organisationId: e.monde.organisations.cpam });

// Port 9 of the loopback refuses at once: a replay sent by the matrix fails fast and harms nothing.
const abonnementCpam = (o: Outils) => ({
  organisationId: o.monde.organisations.cpam,
  url: `https://127.0.0.1:9/maillage/${o.unique()}`,
  evenements: ['contrat.signe', 'seance.tenue'],
});
const abonnementVictime = async (o: Outils) => `/api/webhooks/${await creer(o, '/api/webhooks', abonnementCpam(o))}`;

async function livraisonVictime(o: Outils) {
  const chemin = await abonnementVictime(o);
  const { rows } = await o.serveur.ctx.db.query(
    `insert into webhooks_livraisons (abonnement_id, evenement_id, type, corps, statut, tentatives)
     values ($1, gen_random_uuid(), 'contrat.signe', '{}', 'echouee', 1) returning id`,
    [chemin.split('/').at(-1)],
  );
  return `${chemin}/livraisons/${rows[0].id}/rejeu`;
}

export const ROUTES_WEBHOOKS: Record<string, EntreeRoute> = {
  'GET /api/webhooks': {
    attendu: webhooks('lire'),
    portee: 'global',
    chemin: (m) => `/api/webhooks?organisationId=${m.organisations.cpam}`,
  },
  'POST /api/webhooks': { attendu: webhooks('creer'), portee: 'global', corps: (o) => abonnementCpam(o) },
  'GET /api/webhooks/:id': { attendu: webhooks('lire'), portee: 'global', victime: abonnementVictime },
  'PATCH /api/webhooks/:id': {
    attendu: webhooks('modifier'),
    portee: 'global',
    victime: abonnementVictime,
    corps: () => ({ version: 1, statut: 'en_pause' }),
  },
  'DELETE /api/webhooks/:id': { attendu: webhooks('supprimer'), portee: 'global', victime: abonnementVictime },
  'GET /api/webhooks/:id/livraisons': {
    attendu: webhooks('lire'),
    portee: 'global',
    victime: async (o) => `${await abonnementVictime(o)}/livraisons`,
  },
  'POST /api/webhooks/:id/livraisons/:livraisonId/rejeu': { attendu: webhooks('modifier'), portee: 'global', victime: livraisonVictime },
};
