import multipart from '@fastify/multipart';
import {
  fusionOrganisations,
  identifiantVue,
  personneSaisie,
  personneVue,
  rapportImportAnnuaire,
  serviceOrganisation,
} from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { invalide } from '../../platform/errors';
import { probleme } from '../../platform/openapi';
import * as annuaire from './annuaire.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
const uuid = z.uuid('Identifiant invalide');

export function routesAnnuaire(app: FastifyInstance, ctx: Contexte) {
  app.register(async (instance) => {
    await instance.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
    const r = instance.withTypeProvider<ZodTypeProvider>();
    const t = ['Organisations'];
    r.post('/api/organisations/import', {
      schema: {
        tags: t,
        summary: 'Importer un annuaire d’organisations (CSV ou XLSX) : aperçu à blanc, rapport par ligne, tout ou rien',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        consumes: ['multipart/form-data'],
        response: {
          200: rapportImportAnnuaire,
          ...erreurs,
          413: probleme,
          503: probleme,
          422: probleme.extend({ rapport: rapportImportAnnuaire.optional() }),
        },
      },
      handler: async (req) => {
        if (!req.isMultipart()) throw invalide('Envoyez le fichier en multipart/form-data, dans le champ « fichier ».');
        const partie = await req.file();
        if (partie?.fieldname !== 'fichier')
          throw invalide('Aucun fichier reçu dans le champ « fichier ».', [{ champ: 'fichier', message: 'Fichier manquant' }]);
        return {
          ...(await annuaire.importerOrganisations(
            ctx,
            exigerConnecte(req.utilisateur),
            { nom: partie.filename, contenu: await partie.toBuffer() },
            req.query.dryRun === 'true',
          )),
        };
      },
    });
    r.get('/api/organisations/:id/services', {
      schema: {
        tags: t,
        summary: 'Les services (ou antennes) d’une organisation',
        params: z.object({ id: uuid }),
        response: { 200: z.array(serviceOrganisation), ...erreurs },
      },
      handler: (req) => annuaire.listerServices(ctx, req.utilisateur, req.params.id),
    });
    r.post('/api/organisations/:id/services', {
      schema: {
        tags: t,
        summary: 'Ajouter un service',
        params: z.object({ id: uuid }),
        body: z.object({ nom: z.string().trim().min(2, 'Nom trop court').max(200) }),
        response: { 201: identifiantVue, ...erreurs },
      },
      handler: async (req, rep) =>
        rep.code(201).send(await annuaire.ajouterService(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.nom)),
    });
    r.post('/api/organisations/:id/fusion', {
      schema: {
        tags: t,
        summary: 'Fusionner ce doublon dans une autre organisation (administrateurs) : tout ce qui le citait passe à l’autre',
        params: z.object({ id: uuid }),
        body: z.object({ dansId: uuid }),
        response: { 200: fusionOrganisations, ...erreurs },
      },
      handler: (req) => annuaire.fusionnerOrganisations(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.dansId),
    });
    r.get('/api/personnes', {
      schema: {
        tags: t,
        summary:
          'Les personnes de l’annuaire que vos rôles atteignent : adresse e-mail et téléphone pour qui organise (administration, ARS de la région, référent de l’organisation, coordination du contrat), le nom seul pour les pilotes, membres et lecteurs de leurs contrats',
        querystring: z.object({ q: z.string().max(100).optional(), organisationId: z.uuid().optional() }),
        response: { 200: z.array(personneVue), ...erreurs },
      },
      handler: (req) => annuaire.listerPersonnes(ctx, req.utilisateur, req.query),
    });
    r.post('/api/personnes', {
      schema: {
        tags: t,
        summary: 'Ajouter une personne à l’annuaire',
        body: personneSaisie,
        response: { 201: identifiantVue, ...erreurs },
      },
      handler: async (req, rep) => rep.code(201).send(await annuaire.enregistrerPersonne(ctx, exigerConnecte(req.utilisateur), req.body)),
    });
    r.put('/api/personnes/:id', {
      schema: {
        tags: t,
        summary: 'Modifier une personne (version attendue)',
        params: z.object({ id: uuid }),
        body: personneSaisie.extend({ version: z.number().int() }),
        response: { 200: identifiantVue, ...erreurs },
      },
      handler: (req) => annuaire.enregistrerPersonne(ctx, exigerConnecte(req.utilisateur), req.body, req.params.id, req.body.version),
    });
  });
}
