import * as api from '@maillage/domain/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { interdit } from '../../platform/errors';
import { probleme } from '../../platform/openapi';
import * as acces from './acces-appui';
import * as demandes from './demandes.service';
import * as suivi from './demandes-suivi.service';
import * as equipes from './equipes.service';
import * as evaluations from './evaluations.service';
import * as edition from './situations-edition.service';
import * as situations from './situations.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };

/**
 * Health data are read in a person's session, never with an API token (a token is for scripts and exports, and an
 * aggregate is all they may take from this module: decision 0031).
 */
function personnel(req: FastifyRequest) {
  const u = exigerConnecte(req.utilisateur);
  if (req.authentification && req.authentification.sessionId === null)
    throw interdit('Les données des situations ne se consultent pas avec un jeton d’API : connectez-vous.');
  return u;
}

/** The appui module (issue 18 items 1–3 and 8): teams, the guichet unique, cases, evaluations, orientations, read log. */
export function routesAppui(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Appui'];

  r.get('/api/appui/equipes', {
    schema: {
      tags: t,
      summary: 'Les équipes d’appui à la coordination (et mon rôle dans chacune)',
      response: { 200: api.listeEquipesAppui, ...erreurs },
    },
    handler: (req) => equipes.listerEquipes(ctx, exigerConnecte(req.utilisateur)),
  });
  r.post('/api/appui/equipes', {
    schema: {
      tags: t,
      summary: 'Déclarer une organisation comme équipe d’appui (administrateur)',
      body: api.equipeAppuiCorps,
      response: { 201: api.equipeAppui, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await equipes.creerEquipe(ctx, personnel(req), req.body)),
  });
  r.get('/api/appui/equipes/:id/membres', {
    schema: {
      tags: t,
      summary: 'Les membres d’une équipe d’appui',
      params: api.cheminAppui,
      response: { 200: api.listeMembresAppui, ...erreurs },
    },
    handler: (req) => equipes.listerMembres(ctx, personnel(req), req.params.id),
  });
  r.put('/api/appui/equipes/:id/membres/:utilisateurId', {
    schema: {
      tags: t,
      summary: 'Ajouter un membre à l’équipe ou changer son rôle (coordination de l’équipe, administrateur)',
      params: api.cheminMembreAppui,
      body: api.membreAppuiCorps,
      response: { 200: api.listeMembresAppui, ...erreurs },
    },
    handler: (req) => equipes.definirMembre(ctx, personnel(req), req.params.id, req.params.utilisateurId, req.body.role),
  });
  r.delete('/api/appui/equipes/:id/membres/:utilisateurId', {
    schema: { tags: t, summary: 'Retirer un membre de l’équipe', params: api.cheminMembreAppui, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await equipes.retirerMembre(ctx, personnel(req), req.params.id, req.params.utilisateurId);
      return rep.code(204).send(null);
    },
  });

  // ---------- Guichet unique
  r.post('/api/appui/demandes', {
    schema: {
      tags: t,
      summary: 'Adresser une demande au guichet unique (tout professionnel connecté ; l’équipe pour un appel)',
      body: api.demandeCorps,
      response: { 201: api.accuseReception, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await demandes.soumettreDemande(ctx, personnel(req), req.body)),
  });
  r.get('/api/appui/mes-demandes', {
    schema: { tags: t, summary: 'Les demandes que j’ai adressées, et où elles en sont', response: { 200: api.mesDemandes, ...erreurs } },
    handler: (req) => demandes.mesDemandes(ctx, personnel(req)),
  });
  r.get('/api/appui/demandes', {
    schema: {
      tags: t,
      summary: 'La boîte de réception de l’équipe',
      querystring: api.filtreEquipe,
      response: { 200: api.listeDemandes, ...erreurs },
    },
    handler: (req) => demandes.listerDemandes(ctx, personnel(req), req.query.equipe, req.query.statut ?? null),
  });
  r.get('/api/appui/demandes/:id', {
    schema: {
      tags: t,
      summary: 'Une demande (lecture journalisée)',
      params: api.cheminAppui,
      response: { 200: api.demandeVue, ...erreurs },
    },
    handler: (req) => demandes.lireDemande(ctx, personnel(req), req.params.id),
  });
  r.post('/api/appui/demandes/:id/referent', {
    schema: {
      tags: t,
      summary: 'Désigner le référent de la demande',
      params: api.cheminAppui,
      body: api.referentCorps,
      response: { 200: api.demandeEnregistree, ...erreurs },
    },
    handler: (req) => suivi.designerReferent(ctx, personnel(req), req.params.id, req.body.referentId, req.body.version),
  });
  r.post('/api/appui/demandes/:id/premier-contact', {
    schema: {
      tags: t,
      summary: 'Noter le premier contact (le délai depuis la réception est mesuré)',
      params: api.cheminAppui,
      body: api.premierContactCorps,
      response: { 200: api.demandeEnregistree, ...erreurs },
    },
    handler: (req) => suivi.noterPremierContact(ctx, personnel(req), req.params.id, req.body.le, req.body.version),
  });
  r.post('/api/appui/demandes/:id/sans-suite', {
    schema: {
      tags: t,
      summary: 'Classer une demande sans suite',
      params: api.cheminAppui,
      body: api.sansSuiteCorps,
      response: { 200: api.demandeEnregistree, ...erreurs },
    },
    handler: (req) => suivi.classerSansSuite(ctx, personnel(req), req.params.id, req.body.version),
  });
  r.post('/api/appui/demandes/:id/situation', {
    schema: {
      tags: t,
      summary: 'Ouvrir la situation de la demande (le médecin traitant en est averti, sans détail de santé)',
      params: api.cheminAppui,
      body: api.ouvertureSituationCorps,
      response: { 201: api.situationEnregistree, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await situations.ouvrirSituation(ctx, personnel(req), req.params.id, req.body)),
  });

  // ---------- Cases
  r.get('/api/appui/situations', {
    schema: {
      tags: t,
      summary: 'Les situations de l’équipe',
      querystring: api.filtreEquipe,
      response: { 200: api.listeSituations, ...erreurs },
    },
    handler: (req) => situations.listerSituations(ctx, personnel(req), req.query.equipe, req.query.statut ?? null),
  });
  r.get('/api/appui/situations/:id', {
    schema: {
      tags: t,
      summary: 'Une situation : entière (lecture journalisée) pour qui la suit, son existence pour le reste de l’équipe',
      params: api.cheminAppui,
      response: { 200: api.situationVue, ...erreurs },
    },
    handler: (req) => situations.lireSituation(ctx, personnel(req), req.params.id),
  });
  r.post('/api/appui/situations/:id/motif-acces', {
    schema: {
      tags: t,
      summary: 'Déclarer le motif de son accès à une situation que l’on ne suit pas (journalisé)',
      params: api.cheminAppui,
      body: api.motifAccesCorps,
      response: { 201: api.motifAccesEnregistre, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await acces.declarerMotif(ctx, personnel(req), req.params.id, req.body.motif)),
  });
  r.get('/api/appui/situations/:id/journal-acces', {
    schema: {
      tags: t,
      summary: 'Le journal des accès à la situation (son référent, la coordination)',
      params: api.cheminAppui,
      response: { 200: api.journalAcces, ...erreurs },
    },
    handler: (req) => acces.lireJournalAcces(ctx, personnel(req), req.params.id),
  });
  r.put('/api/appui/situations/:id/personne', {
    schema: {
      tags: t,
      summary: 'Corriger l’identité de la personne',
      params: api.cheminAppui,
      body: api.personneModification,
      response: { 200: api.situationEnregistree, ...erreurs },
    },
    handler: (req) => edition.modifierPersonne(ctx, personnel(req), req.params.id, req.body.identite, req.body.version),
  });
  r.put('/api/appui/situations/:id/information', {
    schema: {
      tags: t,
      summary: 'Noter l’information de la personne et son éventuelle opposition, avec leurs dates',
      params: api.cheminAppui,
      body: api.informationCorps,
      response: { 200: api.situationEnregistree, ...erreurs },
    },
    handler: (req) => edition.noterInformation(ctx, personnel(req), req.params.id, req.body),
  });
  r.put('/api/appui/situations/:id/medecin-traitant', {
    schema: {
      tags: t,
      summary: 'Lier le médecin traitant (du répertoire, ou nom et RPPS)',
      params: api.cheminAppui,
      body: api.medecinModification,
      response: { 200: api.situationEnregistree, ...erreurs },
    },
    handler: (req) => edition.changerMedecin(ctx, personnel(req), req.params.id, req.body.medecinTraitant, req.body.version),
  });
  r.put('/api/appui/situations/:id/intervenants', {
    schema: {
      tags: t,
      summary: 'Changer le référent et les intervenants de la situation',
      params: api.cheminAppui,
      body: api.intervenantsCorps,
      response: { 200: api.situationEnregistree, ...erreurs },
    },
    handler: (req) => edition.affecter(ctx, personnel(req), req.params.id, req.body),
  });
  r.post('/api/appui/situations/:id/evaluations', {
    schema: {
      tags: t,
      summary: 'Évaluer la complexité (cinq dimensions et urgence) : le niveau de réponse en découle',
      params: api.cheminAppui,
      body: api.evaluationCorps,
      response: { 201: api.evaluationEnregistree, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await evaluations.evaluer(ctx, personnel(req), req.params.id, req.body)),
  });
  r.post('/api/appui/situations/:id/orientations', {
    schema: {
      tags: t,
      summary: 'Orienter vers une ressource du répertoire',
      params: api.cheminAppui,
      body: api.orientationCorps,
      response: { 201: api.orientationEnregistree, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await evaluations.orienter(ctx, personnel(req), req.params.id, req.body)),
  });
  r.patch('/api/appui/situations/:id/orientations/:orientationId', {
    schema: {
      tags: t,
      summary: 'Noter l’issue d’une orientation : acceptée, refusée, en attente',
      params: api.cheminOrientation,
      body: api.orientationIssueCorps,
      response: { 200: api.orientationEnregistree, ...erreurs },
    },
    handler: (req) => evaluations.changerIssueOrientation(ctx, personnel(req), req.params.id, req.params.orientationId, req.body),
  });
}
