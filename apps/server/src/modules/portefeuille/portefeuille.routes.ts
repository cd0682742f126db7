import { portefeuilleVue } from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { exporterPortefeuilleCsv, exporterPortefeuilleXlsx, portefeuille, regionDemandee } from './portefeuille.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme };
const requete = z.object({
  region: z
    .string()
    .regex(/^\d{2,3}$/, 'Code INSEE de région attendu (ex. 53)')
    .optional()
    .describe('Code INSEE de la région ; par défaut, celle de l’agent ARS'),
});
export function routesPortefeuille(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Portefeuille régional'];

  r.get('/api/portefeuille', {
    schema: {
      tags: t,
      summary:
        'Le portefeuille régional : contrats de la région (interrégionaux compris), couverture de la population, EPCI non couverts, thématiques, financements, alertes',
      description: 'Réservé à l’ARS de la région et aux administrateurs. Les montants sont en centimes.',
      querystring: requete,
      response: { 200: portefeuilleVue, ...erreurs },
    },
    handler: (req) => portefeuille(ctx, req.utilisateur, regionDemandee(req.utilisateur, req.query.region)),
  });

  for (const format of ['xlsx', 'csv'] as const) {
    r.get(`/api/portefeuille.${format}`, {
      schema: {
        tags: t,
        summary:
          format === 'xlsx'
            ? 'Le portefeuille en classeur Excel (une feuille par section)'
            : 'Les contrats du portefeuille en CSV pour Excel (séparateur « ; », UTF-8 avec BOM)',
        querystring: requete,
        produces: [format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv'],
        response: { 200: z.unknown().describe('Fichier en pièce jointe'), ...erreurs },
      },
      handler: async (req, rep) => {
        const region = regionDemandee(req.utilisateur, req.query.region);
        const f =
          format === 'xlsx'
            ? await exporterPortefeuilleXlsx(ctx, req.utilisateur, region)
            : await exporterPortefeuilleCsv(ctx, req.utilisateur, region);
        return rep.type(f.type).header('content-disposition', `attachment; filename="${f.nom}"`).send(f.contenu);
      },
    });
  }
}
