import multipart from '@fastify/multipart';
import * as api from '@maillage/domain/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { exigerConnecte } from '../../platform/auth';
import { invalide } from '../../platform/errors';
import { genererDocumentContrat, type Format } from './documents.service';
import * as fichiers from './fichiers.service';
import type { Bloc } from './modele-document';

const fichier = api.fichierContrat;
const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme };
const id = api.cheminId;

const choix = api.choixDocument;

/** Annexes other modules provide for the contract document (the parcours' grids), wired by app.ts. */
export type Annexes = Partial<Record<'grilles', (db: Contexte['db'], contratId: string) => Promise<Bloc[]>>>;

export function routesDocuments(app: FastifyInstance, ctx: Contexte, annexes: Annexes = {}) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const format of ['docx', 'pdf'] as Format[]) {
    r.get(`/api/contrats/:id/document.${format}`, {
      schema: {
        tags: ['Documents'],
        summary: `Le contrat en ${format.toUpperCase()} : couverture, parties, contexte, axes, gouvernance, signatures, fiches en annexe`,
        params: id,
        querystring: choix,
        produces: [format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: { 200: z.any().describe('Le fichier'), 400: probleme, 401: probleme, 404: probleme },
      },
      handler: async (req, reponse) => {
        const { annexes: annexe, ...version } = req.query;
        const fournisseur = annexe ? annexes[annexe] : undefined;
        const fichier = await genererDocumentContrat(ctx, req.utilisateur, req.params.id, format, version, fournisseur);
        return reponse
          .type(fichier.typeMime)
          .header('content-disposition', `attachment; filename="${fichier.nom}"`)
          .header('cache-control', 'no-store')
          .send(fichier.contenu);
      },
    });
  }
}

/** Files attached to a contract (signed scans, reports, minutes): stored in the database with the rest. */
export function routesFichiers(app: FastifyInstance, ctx: Contexte) {
  app.register(async (instance) => {
    await instance.register(multipart, { limits: { fileSize: fichiers.TAILLE_MAX, files: 1, fields: 2 } });
    const r = instance.withTypeProvider<ZodTypeProvider>();
    const t = ['Documents'];
    r.get('/api/contrats/:id/fichiers', {
      schema: { tags: t, summary: 'Les fichiers déposés sur un contrat', params: id, response: { 200: z.array(fichier), ...erreurs } },
      handler: (req) => fichiers.listerFichiers(ctx, req.utilisateur, req.params.id),
    });
    const lireDepot = async (req: FastifyRequest) => {
      if (!req.isMultipart()) throw invalide('Envoyez le fichier en multipart/form-data, dans le champ « fichier ».');
      let depot: { nom: string; contenu: Buffer } | null = null;
      let categorie: string | null = null;
      for await (const partie of req.parts()) {
        if (partie.type === 'file' && partie.fieldname === 'fichier') depot = { nom: partie.filename, contenu: await partie.toBuffer() };
        else if (partie.type === 'field' && partie.fieldname === 'categorie') categorie = String(partie.value).slice(0, 100) || null;
      }
      if (!depot) throw invalide('Aucun fichier reçu dans le champ « fichier ».', [{ champ: 'fichier', message: 'Fichier manquant' }]);
      return { ...depot, categorie };
    };
    r.get('/api/seances/:id/fichiers', {
      schema: {
        tags: t,
        summary: 'Les fichiers d’une séance (annexes, présentations, compte rendu signé)',
        params: id,
        response: { 200: z.array(fichier), ...erreurs },
      },
      handler: async (req) =>
        fichiers.listerFichiers(ctx, req.utilisateur, await fichiers.contratDeLaSeance(ctx, req.params.id), req.params.id),
    });
    r.post('/api/seances/:id/fichiers', {
      schema: {
        tags: t,
        summary: 'Déposer un fichier sur une séance (champ « fichier », et « categorie » facultatif)',
        params: id,
        consumes: ['multipart/form-data'],
        response: { 201: fichier, ...erreurs, 413: probleme },
      },
      handler: async (req, reponse) => {
        const contratId = await fichiers.contratDeLaSeance(ctx, req.params.id);
        return reponse
          .code(201)
          .send(await fichiers.deposerFichier(ctx, exigerConnecte(req.utilisateur), contratId, await lireDepot(req), req.params.id));
      },
    });
    r.post('/api/contrats/:id/fichiers', {
      schema: {
        tags: t,
        summary: 'Déposer un fichier (champ « fichier », et « categorie » facultatif ; 20 Mo au plus)',
        params: id,
        consumes: ['multipart/form-data'],
        response: { 201: fichier, ...erreurs, 413: probleme },
      },
      handler: async (req, reponse) =>
        reponse.code(201).send(await fichiers.deposerFichier(ctx, exigerConnecte(req.utilisateur), req.params.id, await lireDepot(req))),
    });
    r.get('/api/fichiers/:id', {
      schema: {
        tags: t,
        summary: 'Télécharger un fichier déposé',
        params: id,
        response: { 200: z.any().describe('Le fichier'), ...erreurs },
      },
      handler: async (req, reponse) => {
        const f = await fichiers.telechargerFichier(ctx, req.utilisateur, req.params.id);
        return reponse
          .type(f.typeMime)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.nom)}`)
          .header('x-content-type-options', 'nosniff')
          .send(f.contenu);
      },
    });
    r.delete('/api/fichiers/:id', {
      schema: { tags: t, summary: 'Supprimer un fichier déposé', params: id, response: { 204: z.null(), ...erreurs } },
      handler: async (req, reponse) => {
        await fichiers.supprimerFichier(ctx, exigerConnecte(req.utilisateur), req.params.id);
        return reponse.code(204).send(null);
      },
    });
  });
}
