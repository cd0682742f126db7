import * as api from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import * as confirmations from './confirmations.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
const id = api.cheminId;

/** Requests to confirm a role in a contract, answered by those who speak for the organisation named. */
export function routesConfirmations(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Confirmations des parties'];

  r.get('/api/confirmations', {
    schema: {
      tags: t,
      summary:
        'Les demandes de confirmation adressées aux organisations pour lesquelles l’utilisateur parle (agents, référents, ARS de la région)',
      querystring: api.filtreConfirmations,
      response: { 200: z.array(api.demandeConfirmation), ...erreurs },
    },
    handler: (req) =>
      confirmations.listerDemandes(ctx, exigerConnecte(req.utilisateur), req.query.statut === 'toutes' ? null : req.query.statut),
  });

  r.post('/api/confirmations/:id/acceptation', {
    schema: {
      tags: t,
      summary: 'Confirmer, pour son organisation, le rôle qu’un contrat lui donne',
      params: id,
      response: { 200: api.reponseConfirmation, ...erreurs },
    },
    handler: (req) => confirmations.repondreDemande(ctx, exigerConnecte(req.utilisateur), req.params.id, 'acceptation', null),
  });

  r.post('/api/confirmations/:id/refus', {
    schema: {
      tags: t,
      summary:
        'Refuser, pour son organisation, le rôle qu’un contrat lui donne (motif facultatif) ; un contrat publié perd sa publication si son ARS refuse',
      params: id,
      body: api.refusConfirmation,
      response: { 200: api.reponseConfirmation, ...erreurs },
    },
    handler: (req) => confirmations.repondreDemande(ctx, exigerConnecte(req.utilisateur), req.params.id, 'refus', req.body.motif ?? null),
  });
}
