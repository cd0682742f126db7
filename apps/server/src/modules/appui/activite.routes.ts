import { activiteAppuiVue, bundleCercleDeSoins, cheminAppui, filtreActiviteAppui } from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { exporterCercleDeSoins, lireActiviteAppui as lireActivite } from './activite.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme };

/** The appui activity (aggregates under the statistical secret) and the FHIR export of a care team (issue 18 item 7). */
export function routesActiviteAppui(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Appui'];

  r.get('/api/appui/activite', {
    schema: {
      tags: t,
      summary: 'L’activité des équipes d’appui par structure, territoire et période, agrégée et sous secret statistique',
      description:
        'Aucune donnée nominative. Tout effectif de 1 à 4 est rendu « secret », ainsi que les chiffres qui permettraient de le recalculer ' +
        '(secret secondaire). Agents de l’ARS (leur région), coordination des contrats (leur périmètre), administrateurs ; ' +
        'les membres d’une équipe d’appui voient leurs seules structures.',
      querystring: filtreActiviteAppui,
      response: { 200: activiteAppuiVue, ...erreurs },
    },
    handler: (req) => lireActivite(ctx, req.utilisateur, req.query),
  });

  r.get('/api/appui/situations/:id/cercle-de-soins', {
    schema: {
      tags: t,
      summary: 'Le cercle de soins d’une situation en FHIR (Bundle transaction du guide Cercle de soins de l’ANS)',
      description:
        'Réservé au personnel de l’équipe qui a accès au contenu de la situation ; la lecture est inscrite au journal des accès. ' +
        'Servi en application/fhir+json.',
      params: cheminAppui,
      produces: ['application/fhir+json'],
      response: { 200: bundleCercleDeSoins, ...erreurs },
    },
    handler: async (req, rep) => {
      const bundle = await exporterCercleDeSoins(ctx, req.utilisateur, req.params.id);
      rep.header('cache-control', 'no-store').type('application/fhir+json; charset=utf-8');
      return bundle;
    },
  });
}
