import * as api from '@maillage/domain/api';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import * as codes from './codes.service';
import * as service from './consultations.service';
import { pagesConsultation } from './pages-consultation';
import * as publiques from './reponses.service';
import * as resultats from './resultats.service';
import * as verbatims from './verbatims.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
const fichier = z.any().describe('Le fichier');

const envoyer = (rep: FastifyReply, f: { nom: string; typeMime: string; contenu: Buffer | string }) =>
  rep.type(f.typeMime).header('content-disposition', `attachment; filename="${f.nom}"`).header('cache-control', 'no-store').send(f.contenu);

/** Consultations of the inhabitants (issue 20 item 1): the coordination's routes and the two public ones. */
export function routesParticipation(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Participation'];

  r.get('/api/contrats/:id/consultations', {
    schema: {
      tags: t,
      summary: 'Les consultations des habitants du contrat',
      params: api.cheminId,
      response: { 200: api.listeConsultations, ...erreurs },
    },
    handler: (req) => service.listerConsultations(ctx, req.utilisateur, req.params.id),
  });
  r.post('/api/contrats/:id/consultations', {
    schema: {
      tags: t,
      summary: 'Préparer une consultation (brouillon ; qui peut modifier le diagnostic du contrat)',
      params: api.cheminId,
      body: api.consultationCorps,
      response: { 201: api.consultationVue, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await service.creerConsultation(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.get('/api/consultations/:id', {
    schema: {
      tags: t,
      summary: 'Une consultation : état, période, questionnaire, codes, lien public',
      params: api.cheminConsultation,
      response: { 200: api.consultationVue, ...erreurs },
    },
    handler: (req) => service.obtenirConsultation(ctx, req.utilisateur, req.params.id),
  });
  r.patch('/api/consultations/:id', {
    schema: {
      tags: t,
      summary: 'Modifier le titre, l’introduction, les codes (brouillon) ou la période (ouverte)',
      params: api.cheminConsultation,
      body: api.consultationModification,
      response: { 200: api.consultationVue, ...erreurs },
    },
    handler: (req) => service.modifierConsultation(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body),
  });
  r.delete('/api/consultations/:id', {
    schema: {
      tags: t,
      summary: 'Supprimer une consultation restée en brouillon',
      params: api.cheminConsultation,
      querystring: api.versionConsultation,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await service.supprimerConsultation(ctx, exigerConnecte(req.utilisateur), req.params.id, req.query.version);
      return rep.code(204).send(null);
    },
  });
  r.put('/api/consultations/:id/questionnaire', {
    schema: {
      tags: t,
      summary: 'Enregistrer le questionnaire : sections et questions dans l’ordre (brouillon seulement, 409 sinon)',
      params: api.cheminConsultation,
      body: api.questionnaireCorps,
      response: { 200: api.consultationVue, ...erreurs },
    },
    handler: (req) => service.enregistrerQuestionnaire(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body),
  });
  r.get('/api/consultations/:id/apercu', {
    schema: {
      tags: t,
      summary: 'Aperçu : la consultation telle que le public la verra, dans tout état (coordination du contrat)',
      params: api.cheminConsultation,
      response: { 200: api.consultationPublique, ...erreurs },
    },
    handler: (req) => service.apercuConsultation(ctx, req.utilisateur, req.params.id),
  });
  r.post('/api/consultations/:id/ouverture', {
    schema: {
      tags: t,
      summary: 'Ouvrir la consultation au public pour une période (brouillon → ouverte)',
      params: api.cheminConsultation,
      body: api.ouvertureConsultation,
      response: { 200: api.consultationVue, ...erreurs },
    },
    handler: (req) => service.ouvrirConsultation(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body),
  });
  r.post('/api/consultations/:id/cloture', {
    schema: {
      tags: t,
      summary: 'Clore la consultation (ouverte → close) : plus aucune réponse',
      params: api.cheminConsultation,
      body: api.clotureConsultation,
      response: { 200: api.consultationVue, ...erreurs },
    },
    handler: (req) => service.cloreConsultation(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body),
  });

  // ---------- Codes and QR code
  r.post('/api/consultations/:id/codes', {
    schema: {
      tags: t,
      summary: 'Générer des codes à usage unique à distribuer sur papier (JSON ou PDF imprimable ; affichés une seule fois)',
      params: api.cheminConsultation,
      querystring: api.formatCodes,
      body: api.generationCodes,
      response: { 201: api.codesGeneres.or(fichier), ...erreurs },
    },
    handler: async (req, rep) => {
      const genere = await codes.genererCodes(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.nombre, req.query.format);
      if ('contenu' in genere) return envoyer(rep.code(201), genere);
      return rep.code(201).send(genere);
    },
  });
  r.get('/api/consultations/:id/qrcode', {
    schema: {
      tags: t,
      summary: 'Le QR code du lien public (SVG ou PNG), pour une affiche ou un flyer',
      params: api.cheminConsultation,
      querystring: api.formatQr,
      response: { 200: fichier, ...erreurs },
    },
    handler: async (req, rep) => {
      const qr = await codes.qrCode(ctx, req.utilisateur, req.params.id, req.query.format);
      return rep.type(qr.typeMime).header('cache-control', 'no-store').send(qr.contenu);
    },
  });

  // ---------- Results
  r.get('/api/consultations/:id/resultats', {
    schema: {
      tags: t,
      summary: 'Résultats : par question, effectifs et pourcentages, moyenne et médiane des échelles, réponses libres',
      params: api.cheminConsultation,
      response: { 200: api.resultatsConsultation, ...erreurs },
    },
    handler: (req) => resultats.resultatsConsultation(ctx, req.utilisateur, req.params.id),
  });
  r.get('/api/consultations/:id/resultats/export', {
    schema: {
      tags: t,
      summary: 'Exporter les résultats (XLSX : une feuille de synthèse et une des réponses ; CSV : une ligne par réponse)',
      params: api.cheminConsultation,
      querystring: api.formatExportResultats,
      response: { 200: fichier, ...erreurs },
    },
    handler: async (req, rep) => envoyer(rep, await resultats.exporterResultats(ctx, req.utilisateur, req.params.id, req.query.format)),
  });
  r.post('/api/consultations/:id/verbatims', {
    schema: {
      tags: t,
      summary: 'Transformer des réponses libres en verbatims du diagnostic (une, plusieurs ou toutes celles d’une question)',
      params: api.cheminConsultation,
      body: api.conversionVerbatims,
      response: { 201: api.verbatimsCrees, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await verbatims.transformerEnVerbatims(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });

  // ---------- Public (no login)
  r.get('/api/public/consultations/:id', {
    schema: {
      tags: t,
      summary: 'Une consultation ouverte, pour y répondre (sans connexion ; 404 si elle n’est pas ouverte, 410 si elle est close)',
      security: [],
      params: api.cheminConsultation,
      response: { 200: api.consultationPublique, 404: probleme, 410: probleme },
    },
    handler: (req) => publiques.consultationOuverte(ctx, req.params.id),
  });
  r.post('/api/public/consultations/:id/reponses', {
    schema: {
      tags: t,
      summary: 'Répondre à une consultation ouverte (sans connexion, anonyme : ni compte ni adresse IP gardés)',
      security: [],
      params: api.cheminConsultation,
      body: api.reponseConsultationCorps,
      response: { 201: api.reponseEnregistree, 400: probleme, 404: probleme, 409: probleme, 410: probleme, 429: probleme },
    },
    handler: async (req, rep) => rep.code(201).send(await publiques.repondre(ctx, req.params.id, req.body, req.ip)),
  });

  // The server-rendered public page and its plain form (no JavaScript needed).
  pagesConsultation(app, ctx);
}
