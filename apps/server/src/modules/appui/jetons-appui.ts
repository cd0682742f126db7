import type { FastifyInstance } from 'fastify';
import { interdit } from '../../platform/errors';

/**
 * Health data are read in a person's session, never with an API token (decision 0031): the rule holds for every
 * route of the module, those of each part and those added later, not only where a handler remembers it. A token may
 * take the aggregates and the list of teams, nothing nominative.
 */
const OUVERTES_AUX_JETONS = new Set(['GET /api/appui/activite', 'GET /api/appui/equipes']);

export function refuserJetonsSurLeModule(app: FastifyInstance) {
  app.addHook('preHandler', async (req) => {
    const route = req.routeOptions.url;
    if (!route?.startsWith('/api/appui/') || OUVERTES_AUX_JETONS.has(`${req.method} ${route}`)) return;
    if (req.authentification && req.authentification.sessionId === null)
      throw interdit('Les données des situations ne se consultent pas avec un jeton d’API : connectez-vous.');
  });
}
