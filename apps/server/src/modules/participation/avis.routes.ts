import * as api from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import * as service from './avis.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };

/** Avis des habitants: sent and read without an account; moderated by the contract's coordination (issue 20, point 3). */
export function routesAvis(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Participation'];
  r.get('/api/public/contrats/:id/avis', {
    schema: {
      tags: t,
      summary: 'Les avis publiés sur un contrat publié (ou sur une de ses fiches-action), avec la réponse publique de la coordination',
      description: 'Sans authentification. Seuls les avis publiés par la coordination ; jamais le contact laissé par l’habitant.',
      security: [],
      params: api.cheminId,
      querystring: z.object({ ficheId: z.uuid('Identifiant invalide').optional() }),
      response: { 200: z.array(api.avisPublic), 400: probleme, 404: probleme },
    },
    handler: (req) => service.avisPublics(ctx, req.params.id, req.query.ficheId ?? null),
  });
  r.post('/api/public/contrats/:id/avis', {
    schema: {
      tags: t,
      summary: 'Donner un avis ou une suggestion sur un contrat publié ou une de ses fiches-action',
      description:
        'Sans authentification. L’avis n’est publié qu’après modération. Aucune adresse de l’expéditeur n’est gardée avec l’avis ; ' +
        'un nombre limité d’avis par heure et par connexion (429 avec Retry-After au-delà). Le champ `siteWeb` doit rester vide.',
      security: [],
      params: api.cheminId,
      body: api.depotAvis,
      response: { 202: api.avisRecu, 400: probleme, 404: probleme, 429: probleme },
    },
    handler: async (req, rep) => rep.code(202).send(await service.deposerAvis(ctx, req.params.id, req.body, { ip: req.ip })),
  });
  r.get('/api/contrats/:id/avis', {
    schema: {
      tags: t,
      summary: 'Les avis des habitants sur le contrat, à modérer d’abord (coordination et ARS du contrat)',
      params: api.cheminId,
      querystring: api.filtreAvis,
      response: { 200: z.array(api.avisAModerer), ...erreurs },
    },
    handler: (req) => service.avisAModerer(ctx, exigerConnecte(req.utilisateur), req.params.id, req.query.statut ?? null),
  });
  r.put('/api/contrats/:id/avis/:avisId/moderation', {
    schema: {
      tags: t,
      summary: 'Publier un avis (avec, si l’on veut, une réponse publique) ou le rejeter avec un motif',
      params: api.cheminAvis,
      body: api.moderationAvis,
      response: { 200: api.avisAModerer, ...erreurs },
    },
    handler: (req) => service.modererAvis(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.avisId, req.body),
  });
}
