import { ficheSaisieSchema, liensDispositifsSchema, reordonnancementSchema } from '@maillage/domain';
import * as api from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { lierDispositifs } from './dispositifs-fiche.service';
import * as service from './fiches.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
const id = api.cheminId;

export function routesFiches(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Fiches-action'];

  r.get('/api/contrats/:id/fiches', {
    schema: {
      tags: t,
      summary: 'Les fiches-action d’un contrat, filtrées et triées',
      description:
        'Chaque fiche porte ce que montrent les listes (numéro, intitulé, statut, axe, pilotes, dates, financements, noms et dates des étapes) ; ' +
        'le reste du modèle de fiche, ses indicateurs et ses dispositifs se lisent avec la fiche (GET /api/fiches/{id}). `numero` est son identifiant, `ordre` sa place dans la liste.',
      params: id,
      querystring: api.filtresFiches,
      response: { 200: z.array(api.ficheListee), ...erreurs },
    },
    handler: (req) =>
      service.listerFiches(ctx, req.utilisateur, req.params.id, {
        axeId: req.query.axe,
        statut: req.query.statut,
        piloteId: req.query.pilote,
        thematique: req.query.thematique,
        financeurId: req.query.financeur,
        public: req.query.public,
        q: req.query.q,
        tri: req.query.tri,
      }),
  });

  r.post('/api/contrats/:id/fiches', {
    schema: {
      tags: t,
      summary: 'Créer une fiche-action (numéro suivant jamais attribué, ou `numero` choisi ; en fin de liste ou à `position`)',
      params: id,
      body: api.creationFiche,
      response: { 201: api.ficheCreee, ...erreurs },
    },
    handler: async (req, rep) => {
      const { numero, position, ...saisie } = req.body;
      return rep.code(201).send(
        await service.creerFiche(ctx, exigerConnecte(req.utilisateur), req.params.id, ficheSaisieSchema.parse(saisie), {
          numero,
          position,
        }),
      );
    },
  });

  r.put('/api/contrats/:id/fiches/ordre', {
    schema: {
      tags: t,
      summary: 'Réordonner les fiches (liste complète des identifiants)',
      params: id,
      body: reordonnancementSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await service.ordonnerFiches(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.ids);
      return rep.code(204).send(null);
    },
  });

  r.get('/api/fiches/:id', {
    schema: {
      tags: t,
      summary: 'Une fiche-action complète, avec l’historique de son statut',
      params: id,
      response: { 200: api.ficheDetail, ...erreurs },
    },
    handler: (req) => service.obtenirFiche(ctx, req.utilisateur, req.params.id),
  });

  r.put('/api/fiches/:id', {
    schema: {
      tags: t,
      summary: 'Modifier une fiche (version attendue ; 409 avec l’état courant si périmée)',
      params: id,
      body: api.modificationFiche,
      response: { 200: api.ficheResume, ...erreurs },
    },
    handler: (req) => {
      const { version, ...saisie } = req.body;
      return service.modifierFiche(ctx, exigerConnecte(req.utilisateur), req.params.id, version, ficheSaisieSchema.parse(saisie));
    },
  });

  r.put('/api/fiches/:id/dispositifs-territoriaux', {
    schema: {
      tags: t,
      summary: 'Rattacher la fiche aux dispositifs du territoire déclarés sur son contrat (liste complète ; sans avenant)',
      params: id,
      body: liensDispositifsSchema,
      response: { 200: api.dispositifsLies, ...erreurs, 422: probleme },
    },
    handler: (req) => lierDispositifs(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.dispositifIds),
  });

  r.delete('/api/fiches/:id', {
    schema: {
      tags: t,
      summary: 'Supprimer une fiche (son numéro ne sera jamais réattribué)',
      params: id,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await service.supprimerFiche(ctx, exigerConnecte(req.utilisateur), req.params.id);
      return rep.code(204).send(null);
    },
  });
}
