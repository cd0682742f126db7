import type { FastifyInstance } from 'fastify';
import type { Contexte } from '../../platform/contexte';
import { verifierSurContrat } from './acces';
import * as repository from './contrats.repository';

/**
 * The bench's reference for a contract's home (MAILLAGE_BENCH=1 only, kept out of OpenAPI): the same session lookup
 * (the auth hook), the same SQL with the same pool as GET /api/contrats/:id, the rows as plain JSON.stringify and the
 * same compression — none of the work the real route adds (shaping, rules, schema). The read check stays: it is a
 * few comparisons in memory, and a route that reads a contract must not show it to anyone.
 */
export function routesReferenceContrat(app: FastifyInstance, ctx: Contexte) {
  app.get<{ Params: { id: string } }>('/api/bench/sql/contrats/:id', { schema: { hide: true } }, async (req, reponse) => {
    const page = await repository.pageContrat(ctx.db, req.params.id);
    if (!page) return reponse.code(404).type('application/json').send('null');
    verifierSurContrat(req.utilisateur, 'lire', {
      id: page.id,
      regions: page.regions,
      publie: page.publie,
      organisationsEngagees: page.organisationsEngagees,
    });
    return reponse.type('application/json; charset=utf-8').send(JSON.stringify({ page }));
  });
}
