import { perimetreSchema, typeTerritoireSchema, TYPES_TERRITOIRE } from '@maillage/domain';
import { collectiviteVue, perimetreResolu, territoireDetail, territoireVue } from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import * as service from './territoires.service';

export function routesTerritoires(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/territoires', {
    schema: {
      tags: ['Territoires'],
      summary: 'Rechercher un territoire',
      description:
        'Recherche par préfixe de n’importe quel mot du nom, sans tenir compte des accents ni de la casse, ou par début de code INSEE/SIREN.',
      querystring: z.object({
        q: z.string().max(100).optional(),
        type: z.enum(TYPES_TERRITOIRE, { error: `Type attendu : ${TYPES_TERRITOIRE.join(', ')}` }).optional(),
        limite: z.coerce.number().int().min(1).max(200).default(20),
      }),
      response: { 200: z.array(territoireVue), 400: probleme },
    },
    handler: (req) => service.rechercherTerritoires(ctx, req.utilisateur, req.query),
  });

  r.get('/api/territoires/collectivites', {
    schema: {
      tags: ['Territoires'],
      summary: 'Chercher une collectivité (commune, EPCI, département) à créer comme organisation',
      description:
        'Par début des mots du nom, ou par début du code INSEE ou du SIREN. Chaque collectivité vient avec l’organisation ' +
        'qui la représente, prête à créer : nom (« Commune de Redon », « Conseil départemental du Morbihan »), type, SIREN ' +
        '(communes et EPCI ; le référentiel n’a pas celui des départements), région, département et code du territoire.',
      querystring: z.object({
        q: z.string().max(100).default(''),
        limite: z.coerce.number().int().min(1).max(50).default(10),
      }),
      response: {
        200: z.array(collectiviteVue),
        400: probleme,
      },
    },
    handler: (req) => service.rechercherCollectivites(ctx, req.utilisateur, req.query),
  });

  r.get('/api/territoires/:type/:code', {
    schema: {
      tags: ['Territoires'],
      summary: 'Un territoire, avec sa population et, pour un EPCI, ses communes membres',
      params: z.object({ type: typeTerritoireSchema, code: z.string().max(20) }),
      response: {
        200: territoireDetail,
        404: probleme,
      },
    },
    handler: (req) => service.obtenirTerritoire(ctx, req.utilisateur, req.params.type, req.params.code),
  });

  r.post('/api/territoires/perimetre', {
    schema: {
      tags: ['Territoires'],
      summary: 'Résoudre un périmètre (EPCI et/ou communes) en communes, départements, régions et population',
      body: perimetreSchema,
      response: {
        200: perimetreResolu,
        400: probleme,
      },
    },
    handler: (req) => service.resoudreUnPerimetre(ctx, req.utilisateur, req.body),
  });
}
