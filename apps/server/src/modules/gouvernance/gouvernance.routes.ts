import {
  compteRenduSchema,
  courrielMembreSchema,
  decisionSchema,
  instanceSchema,
  membreInstanceSchema,
  posteCoordinationSchema,
  presencesSchema,
  seanceSchema,
} from '@maillage/domain';
import * as api from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { erreurs, id, lu } from './gouvernance.routes-communs';
import { alertesDuContrat, changerPreferencesCourriel, envoyerSynthesesMaintenant, preferencesCourriel } from './alertes.service';
import { creerPoste, listerPostes, modifierPoste } from './coordination.service';
import { prendreDecision } from './decisions.service';
import * as instances from './instances.service';
import { routesMoyensEtFinancements } from './moyens.routes';
import * as seances from './seances.service';

export function routesGouvernance(app: FastifyInstance, ctx: Contexte) {
  routesInstances(app, ctx);
  routesSeances(app, ctx);
  routesCoordination(app, ctx);
  routesMoyensEtFinancements(app, ctx);
}

/** Instances */
function routesInstances(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Gouvernance'];
  r.get('/api/contrats/:id/instances', {
    schema: {
      tags: t,
      summary: 'Les instances du contrat (COPIL, COTECH, coordination, groupes de travail…) et leurs membres',
      params: id,
      response: { 200: z.array(api.instance), ...erreurs },
    },
    handler: (req) => lu<api.Instance[]>(instances.listerInstances(ctx, req.utilisateur, req.params.id)),
  });
  r.post('/api/contrats/:id/instances', {
    schema: { tags: t, summary: 'Créer une instance', params: id, body: instanceSchema, response: { 201: api.idCree, ...erreurs } },
    handler: async (req, rep) =>
      rep.code(201).send(await instances.creerInstance(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/instances/:instanceId', {
    schema: {
      tags: t,
      summary: 'Modifier une instance',
      params: api.cheminInstance,
      body: instanceSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await instances.modifierInstance(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.instanceId, req.body);
      return rep.code(204).send(null);
    },
  });
  r.delete('/api/contrats/:id/instances/:instanceId', {
    schema: {
      tags: t,
      summary: 'Supprimer une instance et ses séances',
      params: api.cheminInstance,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await instances.supprimerInstance(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.instanceId);
      return rep.code(204).send(null);
    },
  });
  r.post('/api/contrats/:id/instances/:instanceId/membres', {
    schema: {
      tags: t,
      summary: 'Ajouter un membre (organisation ou personne, rôle, présidence, dates)',
      params: api.cheminInstance,
      body: membreInstanceSchema,
      response: { 201: api.idCree, ...erreurs },
    },
    handler: async (req, rep) =>
      rep
        .code(201)
        .send(await instances.ajouterMembre(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.instanceId, req.body)),
  });
  r.delete('/api/contrats/:id/instances/:instanceId/membres/:membreId', {
    schema: { tags: t, summary: 'Retirer un membre', params: api.cheminMembre, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await instances.retirerMembre(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.instanceId, req.params.membreId);
      return rep.code(204).send(null);
    },
  });
  r.put('/api/contrats/:id/instances/:instanceId/membres/:membreId/courriel', {
    schema: {
      tags: t,
      summary:
        'Donner (ou retirer, `null`) l’adresse à laquelle les invitations d’un membre partent aussi : un membre sans compte peut être invité',
      params: api.cheminMembre,
      body: courrielMembreSchema,
      response: { 200: api.courrielMembreChange, ...erreurs },
    },
    handler: (req) =>
      instances.changerCourrielMembre(
        ctx,
        exigerConnecte(req.utilisateur),
        req.params.id,
        req.params.instanceId,
        req.params.membreId,
        req.body,
      ),
  });
  r.put('/api/contrats/:id/instances/:instanceId/membres/:membreId/qualite', {
    schema: {
      tags: t,
      summary:
        'Dire ce qu’est un membre (institution, élu, représentant des usagers…) : les représentants des usagers sont comptés aux séances',
      params: api.cheminMembre,
      body: api.qualiteMembreChange,
      response: { 200: api.qualiteMembreChange, ...erreurs },
    },
    handler: (req) =>
      instances.changerQualiteMembre(
        ctx,
        exigerConnecte(req.utilisateur),
        req.params.id,
        req.params.instanceId,
        req.params.membreId,
        req.body.qualite,
      ),
  });
  r.get('/api/contrats/:id/instances/:instanceId/calendrier', {
    schema: {
      tags: t,
      summary: 'Le lien secret du calendrier (ICS) d’une instance, à ajouter dans un agenda',
      params: api.cheminInstance,
      response: { 200: api.lienCalendrier, ...erreurs },
    },
    handler: (req) => instances.lienCalendrier(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.instanceId),
  });
  r.get('/api/calendriers/:jeton.ics', {
    schema: {
      tags: t,
      summary: 'Flux de calendrier d’une instance (ICS), lu avec son jeton secret',
      security: [],
      params: z.object({ jeton: z.string().max(100) }),
      produces: ['text/calendar'],
      response: { 200: z.any(), 404: probleme },
    },
    handler: async (req, rep) => rep.type('text/calendar; charset=utf-8').send(await seances.fluxCalendrier(ctx, req.params.jeton)),
  });
}

/** Séances */
function routesSeances(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Gouvernance'];
  r.get('/api/contrats/:id/seances', {
    schema: {
      tags: t,
      summary: 'Les séances du contrat : ordre du jour, présences, compte rendu, décisions',
      params: id,
      response: { 200: z.array(api.seance), ...erreurs },
    },
    handler: (req) => lu<api.Seance[]>(seances.listerSeances(ctx, req.utilisateur, req.params.id)),
  });
  r.post('/api/contrats/:id/seances', {
    schema: {
      tags: t,
      summary: 'Planifier une séance, avec son ordre du jour',
      params: id,
      body: seanceSchema,
      response: { 201: api.idCree, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await seances.planifierSeance(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.get('/api/seances/:id', {
    schema: { tags: t, summary: 'Une séance', params: id, response: { 200: api.seance, ...erreurs } },
    handler: (req) => lu<api.Seance>(seances.obtenirSeance(ctx, req.utilisateur, req.params.id)),
  });
  r.put('/api/seances/:id', {
    schema: {
      tags: t,
      summary: 'Modifier une séance (version attendue)',
      params: id,
      body: api.modificationSeance,
      response: { 200: api.seance, ...erreurs },
    },
    handler: (req) =>
      lu<api.Seance>(
        seances.modifierSeance(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.version, seanceSchema.parse(req.body)),
      ),
  });
  r.get('/api/seances/:id.ics', {
    schema: {
      tags: t,
      summary: 'La séance au format iCalendar',
      params: id,
      produces: ['text/calendar'],
      response: { 200: z.any(), ...erreurs },
    },
    handler: async (req, rep) =>
      rep
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="seance.ics"')
        .send(await seances.icsSeance(ctx, req.utilisateur, req.params.id)),
  });
  r.post('/api/seances/:id/invitations', {
    schema: {
      tags: t,
      summary: 'Envoyer les invitations par courriel, avec le fichier ICS',
      params: id,
      response: { 200: api.invitationsEnvoyees, ...erreurs },
    },
    handler: (req) => seances.inviter(ctx, exigerConnecte(req.utilisateur), req.params.id),
  });
  r.put('/api/seances/:id/presences', {
    schema: {
      tags: t,
      summary: 'Enregistrer les présences (présent, excusé, absent, représenté par)',
      params: id,
      body: presencesSchema,
      response: { 200: api.seance, ...erreurs },
    },
    handler: (req) => lu<api.Seance>(seances.enregistrerPresences(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/seances/:id/compte-rendu', {
    schema: {
      tags: t,
      summary: 'Enregistrer le compte rendu (texte riche, assaini par le serveur)',
      params: id,
      body: compteRenduSchema,
      response: { 200: api.seance, ...erreurs },
    },
    handler: (req) =>
      lu<api.Seance>(
        seances.enregistrerCompteRendu(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.compteRendu, req.body.version),
      ),
  });
  r.post('/api/seances/:id/decisions', {
    schema: {
      tags: t,
      summary:
        'Ajouter une décision au relevé ; une décision sur une fiche (valider, changer son statut ou un financement) est appliquée et tracée',
      params: id,
      description: 'Une séance à venir n’a pas encore décidé : 422, sauf `confirmerSeanceFuture: true`.',
      body: api.priseDeDecision,
      response: { 201: api.decisionPrise, ...erreurs, 422: probleme },
    },
    handler: async (req, rep) => {
      const { confirmerSeanceFuture, ...decision } = req.body;
      return rep.code(201).send(
        await prendreDecision(ctx, exigerConnecte(req.utilisateur), req.params.id, decisionSchema.parse(decision), {
          confirmerSeanceFuture,
        }),
      );
    },
  });
}

/** Coordination, alertes */
function routesCoordination(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Gouvernance'];
  r.get('/api/contrats/:id/coordination', {
    schema: {
      tags: t,
      summary: 'Les postes de coordination (personne, employeur, ETP, cofinancements, vacance, passation)',
      params: id,
      response: { 200: z.array(api.posteCoordination), ...erreurs },
    },
    handler: (req) => lu<api.PosteCoordination[]>(listerPostes(ctx, req.utilisateur, req.params.id)),
  });
  r.post('/api/contrats/:id/coordination', {
    schema: {
      tags: t,
      summary: 'Ajouter un poste de coordination',
      params: id,
      body: posteCoordinationSchema,
      response: { 201: api.idCree, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await creerPoste(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/coordination/:posteId', {
    schema: {
      tags: t,
      summary: 'Modifier un poste de coordination (version attendue)',
      params: api.cheminPoste,
      body: api.modificationPoste,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await modifierPoste(
        ctx,
        exigerConnecte(req.utilisateur),
        req.params.id,
        req.params.posteId,
        req.body.version,
        posteCoordinationSchema.parse(req.body),
      );
      return rep.code(204).send(null);
    },
  });
  r.get('/api/contrats/:id/alertes', {
    schema: {
      tags: t,
      summary: 'Les alertes du contrat (COPIL, coordination, élaboration, fiches sans pilote)',
      params: id,
      response: { 200: z.array(api.alerte), ...erreurs },
    },
    handler: (req) => alertesDuContrat(ctx, req.utilisateur, req.params.id),
  });
  r.get('/api/moi/preferences', {
    schema: { tags: ['Profil'], summary: 'Ses préférences de courriel', response: { 200: api.preferencesCourriel, 401: probleme } },
    handler: (req) => preferencesCourriel(ctx, exigerConnecte(req.utilisateur)),
  });
  r.put('/api/moi/preferences', {
    schema: {
      tags: ['Profil'],
      summary: 'Recevoir ou non la synthèse hebdomadaire',
      body: api.preferencesCourriel,
      response: { 200: api.preferencesCourriel, ...erreurs },
    },
    handler: (req) => changerPreferencesCourriel(ctx, exigerConnecte(req.utilisateur), req.body.syntheseHebdomadaire),
  });
  r.post('/api/administration/syntheses', {
    schema: {
      tags: ['Administration'],
      summary: 'Envoyer maintenant la synthèse hebdomadaire aux coordonnateurs',
      response: { 200: api.synthesesEnvoyees, ...erreurs },
    },
    handler: async (req) => {
      return { envoyes: await envoyerSynthesesMaintenant(ctx, exigerConnecte(req.utilisateur)) };
    },
  });
}
