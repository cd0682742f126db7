import { pageAudit, pageHistorique, pagination } from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import * as service from './audit.service';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ');

export function routesAudit(app: FastifyInstance, ctx: Contexte) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/contrats/:id/historique', {
    schema: {
      tags: ['Contrats'],
      summary: 'Historique d’un contrat et de ses parties (journal d’audit)',
      params: z.object({ id: z.uuid('Identifiant invalide') }),
      querystring: pagination,
      response: { 200: pageHistorique, 400: probleme, 401: probleme, 404: probleme },
    },
    handler: (req) => service.historiqueContrat(ctx, req.utilisateur, req.params.id, req.query.page, req.query.parPage),
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    schema: {
      tags: ['Administration'],
      summary: 'Journal d’audit (administrateurs)',
      querystring: pagination.extend({
        entiteType: z.string().max(50).optional(),
        entiteId: z.string().max(100).optional(),
        acteur: z.string().max(100).optional(),
        action: z.string().max(50).optional(),
        depuis: date.optional(),
        jusqua: date.optional(),
      }),
      response: {
        200: pageAudit,
        400: probleme,
        401: probleme,
        403: probleme,
      },
    },
    handler: (req) => service.consulterJournal(ctx, req.utilisateur, req.query),
  });
}
