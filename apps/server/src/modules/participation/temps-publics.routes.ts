import * as api from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import * as service from './temps-publics.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };

/** Temps publics of a contract and their verbatims (issue 20, point 2). */
export function routesTempsPublics(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Participation'];
  r.get('/api/contrats/:id/temps-publics', {
    schema: {
      tags: t,
      summary: 'Les temps publics du contrat (réunions publiques, forums, journées santé), du plus récent au plus ancien',
      params: api.cheminId,
      response: { 200: z.array(api.tempsPublic), ...erreurs },
    },
    handler: (req) => service.listerTempsPublics(ctx, req.utilisateur, req.params.id),
  });
  r.post('/api/contrats/:id/temps-publics', {
    schema: {
      tags: t,
      summary: 'Enregistrer un temps public : date, lieu, public (nombre, publics touchés), intervenants et synthèse',
      params: api.cheminId,
      body: api.saisieTempsPublic,
      response: { 201: api.tempsPublic, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await service.creerTempsPublic(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.get('/api/contrats/:id/temps-publics/:tempsPublicId', {
    schema: { tags: t, summary: 'Un temps public', params: api.cheminTempsPublic, response: { 200: api.tempsPublic, ...erreurs } },
    handler: (req) => service.lireTempsPublic(ctx, req.utilisateur, req.params.id, req.params.tempsPublicId),
  });
  r.put('/api/contrats/:id/temps-publics/:tempsPublicId', {
    schema: {
      tags: t,
      summary: 'Modifier un temps public (avec la version lue : 409 et l’état courant si quelqu’un l’a modifié entre-temps)',
      params: api.cheminTempsPublic,
      body: api.modificationTempsPublic,
      response: { 200: api.tempsPublic, ...erreurs },
    },
    handler: (req) => {
      const { version, ...saisie } = req.body;
      return service.modifierTempsPublic(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.tempsPublicId, version, saisie);
    },
  });
  r.delete('/api/contrats/:id/temps-publics/:tempsPublicId', {
    schema: {
      tags: t,
      summary: 'Supprimer un temps public (ses verbatims restent au diagnostic)',
      params: api.cheminTempsPublic,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await service.supprimerTempsPublic(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.tempsPublicId);
      return rep.code(204).send(null);
    },
  });
  r.post('/api/contrats/:id/temps-publics/:tempsPublicId/verbatims', {
    schema: {
      tags: t,
      summary: 'Verser des extraits d’un temps public au diagnostic : chacun devient un verbatim qui a ce temps public pour source',
      params: api.cheminTempsPublic,
      body: api.extraitsTempsPublic,
      response: { 201: api.extraitsVerses, ...erreurs },
    },
    handler: async (req, rep) =>
      rep
        .code(201)
        .send(await service.verserExtraits(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.tempsPublicId, req.body)),
  });
}
