import { contratOuvertSchema } from '@maillage/domain';
import { contratPublicVue } from '@maillage/domain/api';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { exigerConnecte } from '../../platform/auth';
import { routesDonneesOuvertes } from './donnees-ouvertes.routes';
import { apercuContratPublic, contratPublic, contratsPublies, contratsPubliesCsv } from './public.service';

const CSV = 'text/csv; charset=utf-8';
const DESCRIPTION_CSV =
  'CSV RFC 4180 : séparateur virgule, UTF-8 sans BOM, une ligne d’en-tête avec les noms de champs du JSON, listes jointes par « ; », ' +
  'dates AAAA-MM-JJ, cellule vide pour une valeur absente. Schéma : GET /api/public/schemas/contrats.json (docs/api.md, « Données ouvertes »).';

/** The wanted format of the list: ?format=csv wins, then an Accept header that prefers CSV to JSON. */
function veutCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format) return format === 'csv';
  return !!accept && /\btext\/csv\b/.test(accept) && !/application\/json/.test(accept);
}

async function envoyerCsv(ctx: Contexte, rep: FastifyReply) {
  return rep
    .type(CSV)
    .header('content-disposition', 'attachment; filename="contrats-locaux-de-sante-publies.csv"')
    .send(await contratsPubliesCsv(ctx));
}

/** Pages and open data of published contracts: no login, nothing but what their publication makes public. */
export function routesPublic(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Données ouvertes'];

  r.get('/api/public/contrats', {
    schema: {
      tags: t,
      summary: 'Les contrats locaux de santé publiés, en données ouvertes (JSON, ou CSV avec ?format=csv ou Accept: text/csv)',
      description: `Sans authentification. Un enregistrement par contrat publié. ${DESCRIPTION_CSV}`,
      security: [],
      querystring: z.object({ format: z.enum(['json', 'csv']).optional() }),
      produces: ['application/json', 'text/csv'],
      response: { 200: z.array(contratOuvertSchema).describe('En JSON ; le CSV porte les mêmes champs, dans cet ordre'), 400: probleme },
    },
    handler: async (req, rep) => (veutCsv(req.query.format, req.headers.accept) ? envoyerCsv(ctx, rep) : contratsPublies(ctx)),
  });

  r.get('/api/public/contrats.csv', {
    schema: {
      tags: t,
      summary: 'Les contrats publiés en CSV (mêmes champs que le JSON)',
      description: DESCRIPTION_CSV,
      security: [],
      produces: ['text/csv'],
      response: { 200: z.unknown().describe('Fichier CSV') },
    },
    handler: (_req, rep) => envoyerCsv(ctx, rep),
  });

  r.get('/api/public/contrats/:id', {
    schema: {
      tags: t,
      summary: 'Un contrat publié : territoire, signataires, axes, objectifs et fiches-action avec leur statut',
      description:
        'Sans authentification. Ni personne, ni note interne, ni ligne de financement. 404 pour un contrat inconnu ou non publié.',
      security: [],
      params: z.object({ id: z.string().max(100) }),
      response: { 200: contratPublicVue, 404: probleme },
    },
    handler: (req) => contratPublic(ctx, req.params.id),
  });

  r.get('/api/contrats/:id/publication/apercu', {
    schema: {
      tags: ['Contrats'],
      summary: 'Aperçu de la page publique du contrat, publié ou non, pour ceux qui peuvent le publier',
      description: 'Le même contenu que GET /api/public/contrats/{id} : seules les parties qui ont confirmé leur rôle y figurent.',
      params: z.object({ id: z.uuid('Identifiant invalide') }),
      response: { 200: contratPublicVue, 401: probleme, 403: probleme, 404: probleme },
    },
    handler: (req) => apercuContratPublic(ctx, exigerConnecte(req.utilisateur), req.params.id),
  });

  routesDonneesOuvertes(app, ctx);
}
