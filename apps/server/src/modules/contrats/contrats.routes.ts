import {
  dispositifTerritorialSchema,
  evaluationPrevueSchema,
  axeSaisieSchema,
  changementStatutSchema,
  contratSaisieSchema,
  objectifSaisieSchema,
  partenaireSaisieSchema,
  reordonnancementSchema,
  signataireSaisieSchema,
} from '@maillage/domain';
import * as api from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { routesAccesContrat } from './acces-contrat.routes';
import * as articulation from './articulation.service';
import { routesConfirmations } from './confirmations.routes';
import * as contrats from './contrats.service';
import * as parties from './parties.service';
import { renouveler } from './renouvellement.service';
import * as versions from './versions.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme, 422: probleme };
const id = api.cheminId;
const idEt = api.cheminIdEt;
const cree = api.idCree;

export function routesContrats(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Contrats'];

  r.get('/api/contrats', {
    schema: {
      tags: t,
      summary: 'Les contrats que l’utilisateur peut voir',
      querystring: api.filtresContrats,
      response: { 200: z.array(api.contratResume), 400: probleme },
    },
    handler: (req) => contrats.listerContrats(ctx, req.utilisateur, req.query),
  });

  r.post('/api/contrats', {
    schema: {
      tags: t,
      summary: 'Créer un contrat (son créateur en devient coordonnateur)',
      body: contratSaisieSchema,
      response: { 201: cree, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send({ id: await contrats.creerContrat(ctx, exigerConnecte(req.utilisateur), req.body) }),
  });

  r.get('/api/contrats/:id', {
    schema: {
      tags: t,
      summary: 'Un contrat : territoire, parties, stratégie, écarts à la doctrine, transitions possibles',
      params: id,
      response: { 200: api.contratDetail, ...erreurs },
    },
    handler: (req) => contrats.obtenirContrat(ctx, req.utilisateur, req.params.id),
  });

  r.put('/api/contrats/:id', {
    schema: {
      tags: t,
      summary: 'Modifier un contrat (version attendue ; 409 si périmée)',
      params: id,
      body: api.modificationContrat,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await contrats.modifierContrat(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.version, req.body);
      return rep.code(204).send(null);
    },
  });

  r.delete('/api/contrats/:id', {
    schema: { tags: t, summary: 'Supprimer un contrat en préparation ou abandonné', params: id, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await contrats.supprimerContrat(ctx, exigerConnecte(req.utilisateur), req.params.id);
      return rep.code(204).send(null);
    },
  });

  r.post('/api/contrats/:id/statut', {
    schema: {
      tags: t,
      summary: 'Faire avancer le contrat dans son cycle de vie (la signature a des conditions)',
      params: id,
      body: changementStatutSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await contrats.changerStatut(
        ctx,
        exigerConnecte(req.utilisateur),
        req.params.id,
        req.body.version,
        req.body.statut,
        req.body.confirmerAvertissements,
      );
      return rep.code(204).send(null);
    },
  });

  r.post('/api/contrats/:id/renouvellement', {
    schema: {
      tags: t,
      summary: 'Créer la génération suivante, avec les fiches choisies',
      params: id,
      body: api.renouvellementContrat,
      response: { 201: api.generationCreee, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await renouveler(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });

  // ---------- Signataires, partenaires
  r.post('/api/contrats/:id/signataires', {
    schema: { tags: t, summary: 'Ajouter un signataire', params: id, body: signataireSaisieSchema, response: { 201: cree, ...erreurs } },
    handler: async (req, rep) =>
      rep.code(201).send(await parties.ajouterSignataire(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/signataires/:signataireId', {
    schema: {
      tags: t,
      summary: 'Modifier un signataire (représentant, date de signature)',
      params: idEt('signataireId'),
      body: signataireSaisieSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await parties.modifierSignataire(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.signataireId as string, req.body);
      return rep.code(204).send(null);
    },
  });
  r.delete('/api/contrats/:id/signataires/:signataireId', {
    schema: { tags: t, summary: 'Retirer un signataire', params: idEt('signataireId'), response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await parties.supprimerSignataire(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.signataireId as string);
      return rep.code(204).send(null);
    },
  });
  r.post('/api/contrats/:id/partenaires', {
    schema: {
      tags: t,
      summary: 'Ajouter un partenaire (non signataire)',
      params: id,
      body: partenaireSaisieSchema,
      response: { 201: cree, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await parties.ajouterPartenaire(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.delete('/api/contrats/:id/partenaires/:partenaireId', {
    schema: { tags: t, summary: 'Retirer un partenaire', params: idEt('partenaireId'), response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await parties.supprimerPartenaire(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.partenaireId as string);
      return rep.code(204).send(null);
    },
  });

  // ---------- Plan d'évaluation, dispositifs territoriaux
  const te = ['Plan d’évaluation et articulation'];
  r.post('/api/contrats/:id/evaluations-prevues', {
    schema: {
      tags: te,
      summary: 'Prévoir une évaluation (type, calendrier, évaluateur, questions) ; après la signature, par avenant',
      params: id,
      body: evaluationPrevueSchema,
      response: { 201: cree, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await articulation.ajouterEvaluationPrevue(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/evaluations-prevues/:evaluationPrevueId', {
    schema: {
      tags: te,
      summary: 'Modifier une évaluation prévue',
      params: idEt('evaluationPrevueId'),
      body: evaluationPrevueSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await articulation.modifierEvaluationPrevue(
        ctx,
        exigerConnecte(req.utilisateur),
        req.params.id,
        req.params.evaluationPrevueId as string,
        req.body,
      );
      return rep.code(204).send(null);
    },
  });
  r.delete('/api/contrats/:id/evaluations-prevues/:evaluationPrevueId', {
    schema: {
      tags: te,
      summary: 'Retirer une évaluation prévue',
      params: idEt('evaluationPrevueId'),
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await articulation.supprimerEvaluationPrevue(
        ctx,
        exigerConnecte(req.utilisateur),
        req.params.id,
        req.params.evaluationPrevueId as string,
      );
      return rep.code(204).send(null);
    },
  });
  r.post('/api/contrats/:id/dispositifs-territoriaux', {
    schema: {
      tags: te,
      summary: 'Articuler le contrat avec un dispositif du territoire (ASV, CLSM, contrat de ville, CPTS, PTSM, autre)',
      params: id,
      body: dispositifTerritorialSchema,
      response: { 201: cree, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await articulation.ajouterDispositif(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/dispositifs-territoriaux/:dispositifId', {
    schema: {
      tags: te,
      summary: 'Modifier un dispositif du territoire',
      params: idEt('dispositifId'),
      body: dispositifTerritorialSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await articulation.modifierDispositif(
        ctx,
        exigerConnecte(req.utilisateur),
        req.params.id,
        req.params.dispositifId as string,
        req.body,
      );
      return rep.code(204).send(null);
    },
  });
  r.delete('/api/contrats/:id/dispositifs-territoriaux/:dispositifId', {
    schema: {
      tags: te,
      summary: 'Retirer un dispositif (ses liens avec les fiches aussi)',
      params: idEt('dispositifId'),
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await articulation.supprimerDispositif(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.dispositifId as string);
      return rep.code(204).send(null);
    },
  });

  // ---------- Stratégie
  const ts = ['Stratégie'];
  r.post('/api/contrats/:id/axes', {
    schema: {
      tags: ts,
      summary: 'Ajouter un axe stratégique (en fin de liste)',
      params: id,
      body: axeSaisieSchema,
      response: { 201: cree, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await parties.creerAxe(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/axes/ordre', {
    schema: {
      tags: ts,
      summary: 'Réordonner les axes (liste complète des identifiants)',
      params: id,
      body: reordonnancementSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await parties.ordonnerAxes(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.ids);
      return rep.code(204).send(null);
    },
  });
  r.put('/api/contrats/:id/axes/:axeId', {
    schema: { tags: ts, summary: 'Modifier un axe', params: idEt('axeId'), body: axeSaisieSchema, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await parties.modifierAxe(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.axeId as string, req.body);
      return rep.code(204).send(null);
    },
  });
  r.delete('/api/contrats/:id/axes/:axeId', {
    schema: { tags: ts, summary: 'Supprimer un axe sans fiche', params: idEt('axeId'), response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await parties.supprimerAxe(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.axeId as string);
      return rep.code(204).send(null);
    },
  });
  r.post('/api/contrats/:id/axes/:axeId/objectifs', {
    schema: {
      tags: ts,
      summary: 'Ajouter un objectif stratégique à un axe',
      params: idEt('axeId'),
      body: objectifSaisieSchema,
      response: { 201: cree, ...erreurs },
    },
    handler: async (req, rep) =>
      rep
        .code(201)
        .send(await parties.creerObjectif(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.axeId as string, req.body)),
  });
  r.put('/api/contrats/:id/axes/:axeId/objectifs/ordre', {
    schema: {
      tags: ts,
      summary: 'Réordonner les objectifs d’un axe',
      params: idEt('axeId'),
      body: reordonnancementSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await parties.ordonnerObjectifs(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.axeId as string, req.body.ids);
      return rep.code(204).send(null);
    },
  });
  r.put('/api/contrats/:id/objectifs/:objectifId', {
    schema: {
      tags: ts,
      summary: 'Modifier un objectif et ses objectifs opérationnels',
      params: idEt('objectifId'),
      body: objectifSaisieSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await parties.modifierObjectif(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.objectifId as string, req.body);
      return rep.code(204).send(null);
    },
  });
  r.delete('/api/contrats/:id/objectifs/:objectifId', {
    schema: { tags: ts, summary: 'Supprimer un objectif', params: idEt('objectifId'), response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await parties.supprimerObjectif(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.objectifId as string);
      return rep.code(204).send(null);
    },
  });

  // ---------- Avenants et versions
  const ta = ['Avenants'];
  r.get('/api/contrats/:id/avenants', {
    schema: {
      tags: ta,
      summary: 'Avenants et versions signées du contrat',
      params: id,
      response: { 200: api.avenants, ...erreurs },
    },
    handler: (req) => versions.listerVersions(ctx, req.utilisateur, req.params.id),
  });
  r.post('/api/contrats/:id/avenants', {
    schema: {
      tags: ta,
      summary: 'Ouvrir un avenant (le contrat signé redevient modifiable jusqu’à sa signature)',
      params: id,
      body: api.ouvertureAvenant,
      response: { 201: api.avenantOuvert, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await versions.ouvrirAvenant(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.objet)),
  });
  r.post('/api/contrats/:id/avenants/:avenantId/signature', {
    schema: {
      tags: ta,
      summary: 'Signer l’avenant : la liste des changements est calculée et la version consolidée enregistrée',
      params: idEt('avenantId'),
      body: api.signatureAvenant,
      response: { 200: api.avenantSigne, ...erreurs },
    },
    handler: (req) =>
      versions.signerAvenant(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.avenantId as string, req.body.dateAvenant),
  });
  r.get('/api/contrats/:id/version', {
    schema: {
      tags: ta,
      summary: 'Le contrat tel que signé (?signe=true) ou consolidé à une date (?date=AAAA-MM-JJ)',
      params: id,
      querystring: api.choixVersion,
      response: { 200: api.versionContrat, ...erreurs },
    },
    handler: (req) =>
      versions.versionDuContrat(ctx, req.utilisateur, req.params.id, { date: req.query.date, signe: req.query.signe === 'true' }),
  });

  // ---------- Doctrine régionale
  const td = ['Doctrine régionale'];
  r.get('/api/doctrines/:regionCode', {
    schema: {
      tags: td,
      summary: 'La doctrine CLS d’une région',
      params: api.parametreRegion,
      response: { 200: api.doctrineRegion, ...erreurs },
    },
    handler: (req) => contrats.obtenirDoctrine(ctx, req.utilisateur, req.params.regionCode),
  });
  r.put('/api/doctrines/:regionCode', {
    schema: {
      tags: td,
      summary: 'Modifier la doctrine (ARS de la région ; version attendue, 0 pour la première)',
      params: api.parametreRegion,
      body: api.doctrineModifiee,
      response: { 200: api.doctrineRegion, ...erreurs },
    },
    handler: (req) => {
      const { version, ...regles } = req.body;
      return contrats.enregistrerDoctrine(ctx, exigerConnecte(req.utilisateur), req.params.regionCode, version, regles);
    },
  });

  routesConfirmations(app, ctx);
  routesAccesContrat(app, ctx);
}
