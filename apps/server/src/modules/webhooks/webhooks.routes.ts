import {
  abonnementCorps,
  abonnementCree,
  abonnementModification,
  abonnementVue,
  cheminAbonnement,
  cheminLivraison,
  filtreAbonnements,
  filtreLivraisons,
  listeLivraisons,
} from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import * as service from './abonnements.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };

/** An organisation's webhook subscriptions and their deliveries (issue 19 item 4, decision 0039). */
export function routesWebhooks(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Webhooks'];

  r.get('/api/webhooks', {
    schema: {
      tags: t,
      summary: 'Les abonnements webhook des organisations que vous gérez (référents, administrateurs)',
      querystring: filtreAbonnements,
      response: { 200: z.array(abonnementVue), ...erreurs },
    },
    handler: (req) => service.listerAbonnements(ctx, exigerConnecte(req.utilisateur), req.query),
  });
  r.post('/api/webhooks', {
    schema: {
      tags: t,
      summary: 'Abonner une adresse https:// à des événements ; la réponse donne le secret de signature, une seule fois',
      body: abonnementCorps,
      response: { 201: abonnementCree, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await service.creerAbonnement(ctx, exigerConnecte(req.utilisateur), req.body)),
  });
  r.get('/api/webhooks/:id', {
    schema: { tags: t, summary: 'Un abonnement webhook', params: cheminAbonnement, response: { 200: abonnementVue, ...erreurs } },
    handler: (req) => service.obtenirAbonnement(ctx, exigerConnecte(req.utilisateur), req.params.id),
  });
  r.patch('/api/webhooks/:id', {
    schema: {
      tags: t,
      summary: 'Mettre en pause, reprendre ou modifier un abonnement (avec la version lue)',
      params: cheminAbonnement,
      body: abonnementModification,
      response: { 200: abonnementVue, ...erreurs },
    },
    handler: (req) => service.modifierAbonnement(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body),
  });
  r.delete('/api/webhooks/:id', {
    schema: {
      tags: t,
      summary: 'Supprimer un abonnement et ses livraisons',
      params: cheminAbonnement,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await service.supprimerAbonnement(ctx, exigerConnecte(req.utilisateur), req.params.id);
      return rep.code(204).send(null);
    },
  });
  r.get('/api/webhooks/:id/livraisons', {
    schema: {
      tags: t,
      summary: 'Les livraisons d’un abonnement, les plus récentes d’abord, avec chaque tentative',
      params: cheminAbonnement,
      querystring: filtreLivraisons,
      response: { 200: listeLivraisons, ...erreurs },
    },
    handler: (req) => service.listerLivraisons(ctx, exigerConnecte(req.utilisateur), req.params.id, req.query),
  });
  r.post('/api/webhooks/:id/livraisons/:livraisonId/rejeu', {
    schema: {
      tags: t,
      summary: 'Relancer une livraison : le même corps, signé à nouveau, en une nouvelle livraison',
      params: cheminLivraison,
      response: { 202: z.object({ id: z.uuid() }), ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(202).send(await service.rejouerLivraison(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.livraisonId)),
  });
}
