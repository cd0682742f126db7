import multipart from '@fastify/multipart';
import * as api from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { invalide } from '../../platform/errors';
import { probleme } from '../../platform/openapi';
import * as imports from './imports-plans.service';
import * as service from './plans.service';

const id = api.cheminId;
const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme };

const rapport = api.rapportImport;

const attachement = (nom: string) => `attachment; filename="${nom}"`;

export function routesPlans(app: FastifyInstance, ctx: Contexte) {
  // Multipart only for these routes: registered in their own encapsulated context.
  app.register(async (instance) => {
    await instance.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 2 } });
    const r = instance.withTypeProvider<ZodTypeProvider>();
    const t = ['Plan d’action'];

    r.get('/api/contrats/:id/plan.xlsx', {
      schema: {
        tags: t,
        summary: 'Le plan d’action en classeur Excel : au format de Maillage ou au format d’import de Territoires en Transitions',
        description:
          '`format=maillage` (par défaut) : une ligne par fiche, tous ses champs (listes jointes par « ; », listes structurées en JSON), ' +
          'et une feuille « Axes ». `format=tet` : la feuille « Fichier dimport » du modèle de Territoires en Transitions ' +
          '(ligne de groupes, ligne d’en-têtes, puis les fiches ; le numéro de la fiche en tête de son titre : « Fiche action 12. Titre »).',
        params: id,
        querystring: api.choixFormatPlan,
        produces: [service.TYPE_XLSX],
        // The file itself is sent as is (a Buffer is never serialised); the schema only documents it.
        response: { 200: z.unknown().describe('Classeur .xlsx, en pièce jointe'), ...erreurs },
      },
      handler: async (req, rep) => {
        const f = await service.exporterPlan(ctx, req.utilisateur, req.params.id, req.query.format, 'xlsx');
        return rep.type(f.type).header('content-disposition', attachement(f.nom)).send(f.contenu);
      },
    });

    r.get('/api/contrats/:id/plan.csv', {
      schema: {
        tags: t,
        summary: 'Le plan d’action au format de Maillage, en CSV pour Excel (séparateur « ; », UTF-8 avec BOM)',
        params: id,
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('Fichier .csv, en pièce jointe'), ...erreurs },
      },
      handler: async (req, rep) => {
        const f = await service.exporterPlan(ctx, req.utilisateur, req.params.id, 'maillage', 'csv');
        return rep.type(f.type).header('content-disposition', attachement(f.nom)).send(f.contenu);
      },
    });

    r.post('/api/contrats/:id/plan/import', {
      schema: {
        tags: t,
        summary: 'Importer un plan d’action (.xlsx ou .csv, champ « fichier ») : tout ou rien',
        description:
          'Le format (Maillage ou Territoires en Transitions) est reconnu par les en-têtes, où qu’ils soient. Les fiches sont ' +
          'retrouvées par leur numéro (au format TeT sans numéro : par leur titre) ; réimporter le même fichier ne crée rien. ' +
          'Axes, objectifs et organisations inconnus sont créés. Au format TeT, les lignes de sous-action deviennent les étapes ' +
          'de leur fiche, dans n’importe quel ordre. Avec `dryRun=true` rien n’est enregistré, le rapport est le même. ' +
          'Une seule ligne rejetée et rien n’est enregistré : 422 avec le rapport. 409 pour un contrat signé sans avenant ouvert. ' +
          `Au-delà de ${imports.SEUIL_TACHE} lignes, l’import (ou sa vérification) part en tâche de fond : 202 avec l’adresse de suivi, ` +
          'qui donne l’avancement puis le même rapport (un refus y est noté en échec, avec son rapport et sa raison).',
        consumes: ['multipart/form-data'],
        params: id,
        querystring: api.choixImportPlan,
        response: {
          200: rapport,
          202: api.importPlanEnFond,
          ...erreurs,
          409: probleme,
          413: probleme,
          503: probleme,
          422: probleme.extend({ rapport: rapport.optional() }),
        },
      },
      handler: async (req, rep) => {
        const utilisateur = exigerConnecte(req.utilisateur);
        if (!req.isMultipart()) throw invalide('Envoyez le fichier en multipart/form-data, dans le champ « fichier ».');
        const fichier = await req.file();
        if (fichier?.fieldname !== 'fichier')
          throw invalide('Aucun fichier reçu : envoyez-le dans le champ « fichier ».', [{ champ: 'fichier', message: 'Fichier manquant' }]);
        const contenu = await fichier.toBuffer();
        const resultat = await imports.importerPlan(
          ctx,
          utilisateur,
          req.params.id,
          { nom: fichier.filename, contenu },
          req.query.dryRun === 'true',
        );
        if (!resultat.arrierePlan) return resultat.rapport;
        return rep
          .code(202)
          .send({ importId: resultat.importId, suivi: `/api/contrats/${req.params.id}/plan/imports/${resultat.importId}` });
      },
    });

    r.get('/api/contrats/:id/plan/imports/:importId', {
      schema: {
        tags: t,
        summary: 'Suivi d’un import de plan en tâche de fond (avancement, puis rapport)',
        description:
          'Lu en base : n’importe quel processus du serveur répond. Interrogez-le toutes les secondes tant que `etat` vaut `en_cours`.',
        params: api.cheminImportPlan,
        response: { 200: api.etatImportPlan, ...erreurs },
      },
      handler: (req) => imports.etatImportPlan(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.importId),
    });
  });
}
