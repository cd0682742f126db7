import type { EntreeRoute } from './regles';
import { c, connecteEt, contrat, creer, lire } from './regles';

const forum = { type: 'forum', intitule: 'Forum santé', dateTenue: '2026-03-12', publics: ['jeunes'], intervenants: ['Dr Martin'] };

/** Temps publics and avis des habitants (issue 20, points 2 and 3). */
export const ROUTES_PARTICIPATION_PUBLIC: Record<string, EntreeRoute> = {
  'GET /api/contrats/:id/temps-publics': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/temps-publics': { attendu: contrat('modifier'), portee: 'contrat', corps: () => forum },
  'GET /api/contrats/:id/temps-publics/:tempsPublicId': { attendu: contrat('lire'), portee: 'contrat' },
  'PUT /api/contrats/:id/temps-publics/:tempsPublicId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ ...forum, version: (await lire(o, c(f, `/temps-publics/${f!.tempsPublicId}`))).version }),
  },
  'DELETE /api/contrats/:id/temps-publics/:tempsPublicId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c(f, `/temps-publics/${await creer(o, c(f, '/temps-publics'), forum)}`),
  },
  'POST /api/contrats/:id/temps-publics/:tempsPublicId/verbatims': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ extraits: [{ texte: 'Six mois pour un psychologue.', locuteur: 'habitant' }] }),
  },
  'GET /api/public/contrats/:id/avis': {
    attendu: (e) => e.cas === 'publie',
    portee: 'contrat',
    chemin: (_m, f) => `/api/public/contrats/${f!.id}/avis`,
  },
  'POST /api/public/contrats/:id/avis': {
    attendu: (e) => e.cas === 'publie',
    portee: 'contrat',
    // The default path names a contract by the segment after /api/ (here « public »): give it the fixture's id.
    chemin: (_m, f) => `/api/public/contrats/${f!.id}/avis`,
    sansAudit: 'avis d’un habitant : tracé « Un habitant (sans compte) », jamais au nom d’un compte (décision 0042)',
    corps: async (o) => {
      // Every subject calls from the same address: the hourly limit (its own test, avis.test.ts) is lifted between calls.
      await o.serveur.ctx.db.query('delete from freins_participation');
      return { nature: 'suggestion', texte: 'Une navette vers la maison de santé le samedi.' };
    },
  },
  'GET /api/contrats/:id/avis': { attendu: connecteEt(contrat('publier')), portee: 'contrat' },
  'PUT /api/contrats/:id/avis/:avisId/moderation': {
    attendu: connecteEt(contrat('publier')),
    portee: 'contrat',
    corps: async (o, f) => ({
      decision: 'publier',
      reponse: 'Merci, c’est prévu.',
      version: (await o.serveur.ctx.db.query('select version from avis where id = $1', [f!.avisId])).rows[0].version,
    }),
  },
};
