import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { genererDocumentContrat, type Format } from './documents.service';

const choix = z.object({
  version: z.enum(['actuelle', 'signee']).default('actuelle').describe('« signee » : le contrat tel que signé'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ').optional().describe('Version consolidée à cette date'),
});

export function routesDocuments(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const format of ['docx', 'pdf'] as Format[]) {
    r.get(`/api/contrats/:id/document.${format}`, {
      schema: {
        tags: ['Documents'],
        summary: `Le contrat en ${format.toUpperCase()} : couverture, parties, contexte, axes, gouvernance, signatures, fiches en annexe`,
        params: z.object({ id: z.uuid('Identifiant invalide') }),
        querystring: choix,
        produces: [format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: { 200: z.any().describe('Le fichier'), 400: probleme, 401: probleme, 404: probleme },
      },
      handler: async (req, reponse) => {
        const fichier = await genererDocumentContrat(ctx, req.utilisateur, req.params.id, format, req.query);
        return reponse
          .type(fichier.typeMime)
          .header('content-disposition', `attachment; filename="${fichier.nom}"`)
          .header('cache-control', 'no-store')
          .send(fichier.contenu);
      },
    });
  }
}
