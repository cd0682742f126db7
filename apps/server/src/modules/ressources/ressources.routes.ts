import multipart from '@fastify/multipart';
import {
  cheminRessource,
  cheminVue,
  couvertureRessources as couvertureVue,
  filtreCouverture,
  filtrePublicRessources,
  filtreRessources,
  filtreVue,
  listeRessources,
  listeRessourcesPubliques,
  rapportImportRessources,
  requeteImportRessources,
  ressourceCorps,
  ressourceEnregistree,
  ressourceModification,
  ressourceVue,
  typeRessource,
  typeRessourceSaisie,
  vueRessources as vueRessourcesSchema,
  zonesBlanches as zonesBlanchesSchema,
} from '@maillage/domain/api';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { invalide } from '../../platform/errors';
import { enMo, LIMITES, tropVolumineux } from '../../platform/limites-fichiers';
import { probleme } from '../../platform/openapi';
import { couvertureRessources, exporterVue, vueRessources, zonesBlanches } from './couverture.service';
import { importerRessources } from './import-ressources.service';
import * as service from './ressources.service';
import { modeleImport } from './tableur-ressources';

/** The upload's cap: the largest file the import reads (a 20 MB ROR Bundle, LIMITES.ressources). */
const FICHIER_MAX = LIMITES.ressources.jsonOctetsMax;
const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
const format = z.object({ format: z.enum(['csv', 'xlsx'], { error: 'Format inconnu (csv, xlsx)' }).default('csv') });

const envoyer = (rep: FastifyReply, f: { nom: string; type: string; contenu: Buffer }) =>
  rep.type(f.type).header('content-disposition', `attachment; filename="${f.nom}"`).send(f.contenu);

/** The resource directory (issue 17): resources, their kinds, imports, coverage and views, and the public directory. */
export function routesRessources(app: FastifyInstance, ctx: Contexte) {
  app.register(async (instance) => {
    await instance.register(multipart, { limits: { fileSize: FICHIER_MAX, files: 1, fields: 2 } });
    const r = instance.withTypeProvider<ZodTypeProvider>();
    const t = ['Ressources'];

    r.get('/api/ressources', {
      schema: {
        tags: t,
        summary: 'Le répertoire des ressources du territoire (dispositifs et services), filtré',
        querystring: filtreRessources,
        response: { 200: listeRessources, ...erreurs },
      },
      handler: (req) => service.listerRessources(ctx, req.utilisateur, req.query),
    });
    r.post('/api/ressources', {
      schema: {
        tags: t,
        summary: 'Ajouter une ressource (référents de l’organisation, ARS de la région, coordination d’un contrat du territoire)',
        body: ressourceCorps,
        response: { 201: ressourceEnregistree, ...erreurs },
      },
      handler: async (req, rep) => rep.code(201).send(await service.creerRessource(ctx, exigerConnecte(req.utilisateur), req.body)),
    });
    r.get('/api/ressources/types', {
      schema: {
        tags: t,
        summary: 'Les types de ressource (liste que les administrateurs complètent)',
        response: { 200: z.array(typeRessource), ...erreurs },
      },
      handler: (req) => service.listerTypes(ctx, req.utilisateur),
    });
    r.post('/api/ressources/types', {
      schema: {
        tags: t,
        summary: 'Ajouter un type de ressource (administrateurs)',
        body: typeRessourceSaisie,
        response: { 201: typeRessource, ...erreurs },
      },
      handler: async (req, rep) => rep.code(201).send(await service.ajouterType(ctx, exigerConnecte(req.utilisateur), req.body)),
    });
    r.post('/api/ressources/import', {
      schema: {
        tags: t,
        summary:
          'Importer des ressources : Bundle FHIR du ROR (JSON) ou modèle CSV/XLSX ; aperçu à blanc, rapport par entrée, tout ou rien',
        description:
          'Champ multipart « fichier ». Une offre du ROR déjà importée (même identifiant ROR) est mise à jour, jamais dupliquée.',
        querystring: requeteImportRessources,
        consumes: ['multipart/form-data'],
        response: {
          200: rapportImportRessources,
          ...erreurs,
          413: probleme,
          503: probleme,
          422: probleme.extend({ rapport: rapportImportRessources.optional() }),
        },
      },
      handler: async (req) => {
        if (!req.isMultipart()) throw invalide('Envoyez le fichier en multipart/form-data, dans le champ « fichier ».');
        const utilisateur = exigerConnecte(req.utilisateur);
        const partie = await req.file();
        if (!partie || partie.fieldname !== 'fichier')
          throw invalide('Aucun fichier reçu dans le champ « fichier ».', [{ champ: 'fichier', message: 'Fichier manquant' }]);
        // Past the cap, the multipart reader either throws or hands back the first 20 MB: either way, refused, never read.
        const refus = () =>
          tropVolumineux(
            `Le fichier dépasse ${enMo(FICHIER_MAX)} : la limite d’un import de ressources.`,
            `${enMo(FICHIER_MAX)} par fichier`,
          );
        const contenu = await partie.toBuffer().catch((e: { code?: string }) => {
          throw e?.code === 'FST_REQ_FILE_TOO_LARGE' ? refus() : e;
        });
        if (partie.file.truncated) throw refus();
        return importerRessources(
          ctx,
          utilisateur,
          { nom: partie.filename, contenu },
          { dryRun: req.query.dryRun === 'true', organisationId: req.query.organisationId },
        );
      },
    });
    r.get('/api/ressources/import/modele', {
      schema: {
        tags: t,
        summary: 'Le modèle d’import des ressources (CSV ou XLSX avec la liste des codes)',
        querystring: format,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.unknown().describe('Fichier'), ...erreurs },
      },
      handler: async (req, rep) => {
        exigerConnecte(req.utilisateur);
        return envoyer(rep, await modeleImport(req.query.format));
      },
    });
    r.get('/api/ressources/zones-blanches', {
      schema: {
        tags: t,
        summary: 'Zones blanches : les communes du périmètre qu’aucune ressource active n’atteint pour ce public et cette mission',
        querystring: filtreCouverture,
        response: { 200: zonesBlanchesSchema, ...erreurs },
      },
      handler: (req) => zonesBlanches(ctx, req.utilisateur, req.query),
    });
    r.get('/api/ressources/couverture', {
      schema: {
        tags: t,
        summary:
          'Pour chaque commune du périmètre, combien de ressources actives l’atteignent pour ce public et cette mission (carte choroplèthe)',
        querystring: filtreCouverture,
        response: { 200: couvertureVue, ...erreurs },
      },
      handler: (req) => couvertureRessources(ctx, req.utilisateur, req.query),
    });
    r.get('/api/ressources/vues/:vue', {
      schema: {
        tags: t,
        summary: 'Une des trois vues de la cartographie : par public, par niveau, qui sollicite',
        params: cheminVue,
        querystring: filtreVue,
        response: { 200: vueRessourcesSchema, ...erreurs },
      },
      handler: (req) => vueRessources(ctx, req.utilisateur, req.params.vue, req.query),
    });
    r.get('/api/ressources/vues/:vue/export', {
      schema: {
        tags: t,
        summary: 'Exporter une vue en CSV ou XLSX',
        params: cheminVue,
        querystring: filtreVue.extend(format.shape),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.unknown().describe('Fichier'), ...erreurs },
      },
      handler: async (req, rep) => {
        const { format: f, ...filtre } = req.query;
        return envoyer(rep, await exporterVue(ctx, req.utilisateur, req.params.vue, filtre, f));
      },
    });
    r.get('/api/ressources/:id', {
      schema: { tags: t, summary: 'Une ressource', params: cheminRessource, response: { 200: ressourceVue, ...erreurs } },
      handler: (req) => service.obtenirRessource(ctx, req.utilisateur, req.params.id),
    });
    r.put('/api/ressources/:id', {
      schema: {
        tags: t,
        summary: 'Modifier une ressource (version attendue : 409 si elle a changé entre-temps)',
        params: cheminRessource,
        body: ressourceModification,
        response: { 200: ressourceEnregistree, ...erreurs },
      },
      handler: (req) => {
        const { version, ...saisie } = req.body;
        return service.modifierRessource(ctx, exigerConnecte(req.utilisateur), req.params.id, version, saisie);
      },
    });
    r.get('/api/public/ressources', {
      schema: {
        tags: ['Données ouvertes'],
        summary: 'Les ressources publiées du territoire, par commune et par public, avec leurs contacts',
        description: 'Sans authentification. Seules les ressources publiées et non fermées y figurent.',
        security: [],
        querystring: filtrePublicRessources,
        response: { 200: listeRessourcesPubliques, 400: probleme },
      },
      handler: (req) => service.ressourcesPubliques(ctx, req.query),
    });
  });
}
