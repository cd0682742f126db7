import { correspondanceDhis2, correspondanceDhis2Saisie, parametreRegion } from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { modifierCorrespondanceDhis2, obtenirCorrespondanceDhis2 } from './dhis2-correspondances.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };

/** A region's DHIS2 mapping (decision 0037): read and saved whole, by the region's ARS or a platform admin. */
export function routesDhis2(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Indicateurs'];
  r.get('/api/dhis2/correspondances/:regionCode', {
    schema: {
      tags: t,
      summary: 'La correspondance DHIS2 d’une région : dataElement (+ categoryOptionCombo) → indicateur, orgUnit → territoire',
      params: parametreRegion,
      response: { 200: correspondanceDhis2, ...erreurs },
    },
    handler: (req) => obtenirCorrespondanceDhis2(ctx, req.utilisateur, req.params.regionCode),
  });
  r.put('/api/dhis2/correspondances/:regionCode', {
    schema: {
      tags: t,
      summary: 'Enregistrer la correspondance DHIS2 d’une région (ARS de la région ; toute la table, version attendue, 0 pour la première)',
      params: parametreRegion,
      body: correspondanceDhis2Saisie,
      response: { 200: correspondanceDhis2, ...erreurs },
    },
    handler: (req) => modifierCorrespondanceDhis2(ctx, exigerConnecte(req.utilisateur), req.params.regionCode, req.body),
  });
}
