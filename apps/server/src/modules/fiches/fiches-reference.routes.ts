import type { FastifyInstance } from 'fastify';
import type { Contexte } from '../../platform/contexte';
import { exigerSurContratAvecAxes } from '../contrats/acces';
import * as repository from './fiches.repository';

/**
 * The bench's reference for a contract's fiche list (MAILLAGE_BENCH=1 only, kept out of OpenAPI): the same session
 * lookup (the auth hook), the same SQL with the same pool as GET /api/contrats/:id/fiches, the rows as plain
 * JSON.stringify and the same compression.
 */
export function routesReferenceFiches(app: FastifyInstance, ctx: Contexte) {
  app.get<{ Params: { id: string } }>('/api/bench/sql/contrats/:id/fiches', { schema: { hide: true } }, async (req, reponse) => {
    const filtre = {
      axeId: null,
      statut: null,
      piloteId: null,
      thematique: null,
      financeurId: null,
      public: null,
      q: null,
      tri: 'ordre' as const,
    };
    const [{ axes }, fiches] = await Promise.all([
      exigerSurContratAvecAxes(ctx.db, req.utilisateur, 'lire', req.params.id),
      repository.listerFichesListees(ctx.db, req.params.id, filtre),
    ]);
    return reponse.type('application/json; charset=utf-8').send(JSON.stringify({ fiches, axes }));
  });
}
