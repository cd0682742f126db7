import {
  catalogueDcatVue,
  ficheOuverteSchema,
  paramJeuOuvert,
  ressourceOuverteSchema,
  tableSchemaVue,
  valeurSuiviOuverteSchema,
  type JeuOuvert,
} from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { catalogueDcat } from './catalogue.service';
import { csvDuJeu, fichesOuvertes, ressourcesOuvertes, schemaDuJeu, valeursSuiviOuvertes } from './donnees-ouvertes.service';

const CSV = 'CSV RFC 4180 : séparateur virgule, UTF-8 sans BOM, une ligne d’en-tête ; colonnes et types décrits par le schéma';
const FICHIERS: Record<Exclude<JeuOuvert, 'contrats'>, string> = {
  fiches: 'fiches-action-des-contrats-publies.csv',
  indicateurs: 'indicateurs-de-suivi-valeurs-validees.csv',
  ressources: 'ressources-publiees.csv',
};

/**
 * The open data beyond the contracts (issue 19, point 3): fiches, validated follow-up values and published resources
 * in JSON and CSV, the Table Schema of every dataset, and the DCAT catalogue that lists them. No login.
 */
export function routesDonneesOuvertes(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Données ouvertes'];
  const json = (chemin: string, summary: string, reponse: z.ZodType, lire: (ctx: Contexte) => Promise<unknown>) =>
    r.get(chemin, {
      schema: { tags, summary, description: 'Sans authentification.', security: [], response: { 200: reponse } },
      handler: () => lire(ctx),
    });
  const csv = (jeu: Exclude<JeuOuvert, 'contrats'>, summary: string) =>
    r.get(`/api/public/${jeu}.csv`, {
      schema: {
        tags,
        summary,
        description: `Sans authentification. ${CSV} (GET /api/public/schemas/${jeu}.json).`,
        security: [],
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('Fichier CSV') },
      },
      handler: async (_req, rep) =>
        rep
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${FICHIERS[jeu]}"`)
          .send(await csvDuJeu(ctx, jeu)),
    });

  json(
    '/api/public/fiches',
    'Les fiches-action des contrats publiés (statut, axe, calendrier, pilotes, avancement), en données ouvertes',
    z.array(ficheOuverteSchema),
    fichesOuvertes,
  );
  csv('fiches', 'Les fiches-action des contrats publiés, en CSV');
  json(
    '/api/public/indicateurs',
    'Les valeurs validées des indicateurs de suivi des contrats publiés, en données ouvertes',
    z.array(valeurSuiviOuverteSchema),
    valeursSuiviOuvertes,
  );
  csv('indicateurs', 'Les valeurs validées des indicateurs de suivi des contrats publiés, en CSV');
  json(
    '/api/public/ressources.json',
    'Toutes les ressources publiées et actives du répertoire, en données ouvertes (mêmes champs que le CSV)',
    z.array(ressourceOuverteSchema),
    ressourcesOuvertes,
  );
  csv('ressources', 'Toutes les ressources publiées et actives du répertoire, en CSV');

  r.get('/api/public/schemas/:jeu.json', {
    schema: {
      tags,
      summary: 'Le schéma (Table Schema, versionné) d’un jeu de données ouvert : contrats, fiches, indicateurs ou ressources',
      description:
        'Sans authentification. Le descripteur Table Schema (https://specs.frictionlessdata.io/table-schema/) du CSV du jeu : ' +
        'champs, types, formats, contraintes, clé primaire, valeurs manquantes. 404 pour un jeu inconnu.',
      security: [],
      params: paramJeuOuvert,
      response: { 200: tableSchemaVue, 404: probleme },
    },
    handler: (req) => schemaDuJeu(req.params.jeu),
  });

  r.get('/api/public/catalogue.jsonld', {
    schema: {
      tags,
      summary: 'Le catalogue DCAT (JSON-LD) des données ouvertes, moissonnable par data.gouv.fr',
      description:
        'Sans authentification. Un dcat:Catalog dont chaque dcat:Dataset a ses distributions CSV et JSON (adresses absolues, ' +
        'type de média, licence Etalab 2.0) ; le CSV est conforme (dct:conformsTo) au schéma du jeu.',
      security: [],
      produces: ['application/ld+json'],
      response: { 200: catalogueDcatVue },
    },
    handler: async (_req, rep) => rep.type('application/ld+json; charset=utf-8').send(await catalogueDcat(ctx)),
  });
}
