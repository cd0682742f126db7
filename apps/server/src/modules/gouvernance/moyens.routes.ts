import { engagementMoyensSchema, ligneContratSchema } from '@maillage/domain';
import * as api from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { ajouterOffre, engagements, exporterEngagements, rattacherOffre } from './engagements.service';
import { ajouterLigneContrat, exporterFinancements, financementsDuContrat, supprimerLigneContrat } from './financements.service';
import { erreurs, id, lu, XLSX } from './gouvernance.routes-communs';
import { creerMoyen, modifierMoyen, moyensDuContrat, supprimerMoyen } from './moyens.service';

/** The means of a contract: funding lines, means engaged by the partners, and an organisation's offers and engagements. */
export function routesMoyensEtFinancements(app: FastifyInstance, ctx: Contexte) {
  routesFinancements(app, ctx);
  routesMoyens(app, ctx);
  routesEngagements(app, ctx);
}

/** Financements */
function routesFinancements(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tf = ['Financements'];
  r.get('/api/contrats/:id/financements', {
    schema: {
      tags: tf,
      summary: 'Les lignes de financement (fiches et contrat) et leurs synthèses par financeur, dispositif, année et axe',
      params: id,
      response: { 200: api.financementsContrat, ...erreurs },
    },
    handler: (req) => lu<api.FinancementsContrat>(financementsDuContrat(ctx, req.utilisateur, req.params.id)),
  });
  r.get('/api/contrats/:id/financements.xlsx', {
    schema: {
      tags: tf,
      summary: 'Les financements en classeur Excel',
      params: id,
      produces: [XLSX],
      response: { 200: z.any(), ...erreurs },
    },
    handler: async (req, rep) => {
      const f = await exporterFinancements(ctx, req.utilisateur, req.params.id);
      return rep.type(XLSX).header('content-disposition', `attachment; filename="${f.nom}"`).send(f.contenu);
    },
  });
  r.post('/api/contrats/:id/financements', {
    schema: {
      tags: tf,
      summary: 'Ajouter une ligne de financement du contrat lui-même (coordination, diagnostic, évaluation…)',
      params: id,
      body: ligneContratSchema,
      response: { 201: api.idCree, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await ajouterLigneContrat(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.delete('/api/contrats/:id/financements/:ligneId', {
    schema: {
      tags: tf,
      summary: 'Supprimer une ligne de financement du contrat',
      params: api.cheminLigneFinancement,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await supprimerLigneContrat(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.ligneId);
      return rep.code(204).send(null);
    },
  });
}

/** Moyens engagés par les organisations (temps, argent, nature), par contrat et par année */
function routesMoyens(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tf = ['Financements'];
  r.get('/api/contrats/:id/moyens', {
    schema: {
      tags: tf,
      summary:
        'Les moyens que chaque organisation engage dans le contrat (jours ou ETP, euros, apports en nature), avec leurs sommes par organisation et par année',
      params: id,
      response: { 200: api.moyensContrat, ...erreurs },
    },
    handler: (req) => lu<api.MoyensContrat>(moyensDuContrat(ctx, req.utilisateur, req.params.id)),
  });
  r.post('/api/contrats/:id/moyens', {
    schema: {
      tags: tf,
      summary: 'Enregistrer les moyens qu’une organisation engage pour une année (référents de l’organisation ou éditeurs du contrat)',
      description:
        'Temps de travail (`quantite` et `unite` : jours ou etp), financement (`montantCentimes`) ou apport en nature (`description`) ; lien facultatif aux objectifs propres de l’organisation (`objectifs`) ou à un indicateur (`indicateurCode` du catalogue, `indicateurSuiviId` d’une fiche du contrat).',
      params: id,
      body: engagementMoyensSchema,
      response: { 201: api.idCree, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await creerMoyen(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/moyens/:moyenId', {
    schema: {
      tags: tf,
      summary: 'Modifier un engagement de moyens (version attendue)',
      params: api.cheminMoyen,
      body: api.modificationMoyen,
      response: { 200: api.versionMoyen, ...erreurs },
    },
    handler: (req) =>
      modifierMoyen(
        ctx,
        exigerConnecte(req.utilisateur),
        req.params.id,
        req.params.moyenId,
        req.body.version,
        engagementMoyensSchema.parse(req.body),
      ),
  });
  r.delete('/api/contrats/:id/moyens/:moyenId', {
    schema: { tags: tf, summary: 'Supprimer un engagement de moyens', params: api.cheminMoyen, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await supprimerMoyen(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.moyenId);
      return rep.code(204).send(null);
    },
  });
}

/** Engagements d'une organisation */
function routesEngagements(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const to = ['Organisations'];
  r.get('/api/organisations/:id/engagements', {
    schema: {
      tags: to,
      summary:
        'Tout ce où l’organisation est engagée : contrats, fiches, rôles, financements, moyens engagés (sommés par contrat et par année), référents, offres de service',
      params: id,
      response: { 200: api.engagementsOrganisation, ...erreurs },
    },
    handler: (req) => lu<api.EngagementsOrganisation>(engagements(ctx, req.utilisateur, req.params.id)),
  });
  r.get('/api/organisations/:id/engagements.xlsx', {
    schema: {
      tags: to,
      summary: 'Les engagements de l’organisation en classeur Excel',
      params: id,
      produces: [XLSX],
      response: { 200: z.any(), ...erreurs },
    },
    handler: async (req, rep) => {
      const f = await exporterEngagements(ctx, req.utilisateur, req.params.id);
      return rep.type(XLSX).header('content-disposition', `attachment; filename="${f.nom}"`).send(f.contenu);
    },
  });
  r.post('/api/organisations/:id/offres', {
    schema: {
      tags: to,
      summary: 'Ajouter une offre de service au catalogue de l’organisation',
      params: id,
      body: api.offreSaisie,
      response: { 201: api.idCree, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await ajouterOffre(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/fiches/:id/offres/:offreId', {
    schema: {
      tags: to,
      summary: 'Rattacher une offre de service à une fiche',
      params: api.cheminFicheOffre,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await rattacherOffre(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.offreId, true);
      return rep.code(204).send(null);
    },
  });
  r.delete('/api/fiches/:id/offres/:offreId', {
    schema: {
      tags: to,
      summary: 'Détacher une offre de service d’une fiche',
      params: api.cheminFicheOffre,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await rattacherOffre(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.offreId, false);
      return rep.code(204).send(null);
    },
  });
}
