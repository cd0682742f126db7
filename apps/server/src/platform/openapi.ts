import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** RFC 9457 problem, as every error of the API is sent. */
export const probleme = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('Explication en français'),
    instance: z.string().optional(),
    erreurs: z
      .array(z.object({ champ: z.string(), message: z.string() }))
      .optional()
      .describe('Erreurs de validation, champ par champ'),
    courant: z.unknown().optional().describe('Pour un conflit (409) : l’état actuel de la ressource'),
    limite: z
      .string()
      .optional()
      .describe('Pour un fichier refusé (413, 422) : la limite dépassée, voir « Limites des fichiers importés »'),
  })
  .describe('Problème (RFC 9457), servi en application/problem+json');

export async function installerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'API Maillage',
        version: '0.1.0',
        description:
          'API de Maillage, la plateforme des contrats locaux de santé. Authentification par cookie de session ' +
          '(avec l’en-tête X-CSRF-Token pour toute requête qui modifie) ou par jeton personnel (Authorization: Bearer).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'maillage_session' },
          jeton: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { jeton: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
