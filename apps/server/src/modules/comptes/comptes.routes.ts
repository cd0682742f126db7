import {
  changementMotDePasseSchema,
  connexionSchema,
  demandeReinitialisationSchema,
  jetonCreationSchema,
  organisationSaisieSchema,
  reinitialisationSchema,
  utilisateurCreationSchema,
  utilisateurModificationSchema,
} from '@maillage/domain';
import {
  doublonOrganisation,
  jetonApi,
  jetonApiCree,
  messageVue,
  organisationVue,
  page,
  pagination,
  sessionVue,
  utilisateurVue,
} from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { effacerCookieSession, exigerConnecte, poserCookieSession } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { nonAuthentifie } from '../../platform/errors';
import { probleme } from '../../platform/openapi';
import * as auth from './auth.service';
import type { UtilisateurLigne } from './comptes.repository';
import * as organisations from './organisations.service';
import * as utilisateurs from './utilisateurs.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
const idParam = z.object({ id: z.uuid('Identifiant invalide') });
/** 409 on creation: the organisations that may already be the one to create. */
const problemeDoublons = probleme.extend({
  doublons: z.array(doublonOrganisation).optional(),
  creationPossible: z.boolean().optional().describe('Aucun doublon bloquant : la création peut être confirmée'),
});

function vueSession(ligne: UtilisateurLigne, csrfToken: string | null) {
  return {
    utilisateur: { id: ligne.id, email: ligne.email, prenom: ligne.prenom, nom: ligne.nom },
    organisation: ligne.organisationId ? { id: ligne.organisationId, nom: ligne.organisationNom!, type: ligne.organisationType! } : null,
    roles: ligne.habilitations,
    csrfToken,
  };
}

export function routesComptes(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---------- Authentification
  r.post('/api/auth/login', {
    schema: {
      tags: ['Authentification'],
      summary: 'Se connecter (e-mail et mot de passe)',
      description:
        'Pose le cookie de session httpOnly ; le corps porte le jeton CSRF. 401 identique que le compte existe ou non. ' +
        'Après 5 échecs sur un compte (30 depuis une même adresse), chaque essai attend un délai croissant (30 s, 1 min, 2 min… jusqu’à 15 min) : ' +
        '429 avec Retry-After pendant ce délai. Une réinitialisation du mot de passe lève la restriction du compte.',
      security: [],
      body: connexionSchema,
      response: { 200: sessionVue, 400: probleme, 401: probleme, 429: probleme },
    },
    handler: async (req, reponse) => {
      const resultat = await auth.seConnecter(ctx, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      poserCookieSession(reponse, resultat.jeton, { securise: ctx.config.secureCookies, dureeHeures: auth.DUREE_SESSION_HEURES });
      return vueSession(resultat.utilisateur, resultat.csrfToken);
    },
  });

  r.get('/api/auth/session', {
    schema: {
      tags: ['Authentification'],
      summary: 'Utilisateur connecté, organisation, rôles et jeton CSRF',
      response: { 200: sessionVue, 401: probleme },
    },
    handler: async (req) => {
      if (!req.authentification) throw nonAuthentifie('Aucune session ouverte.');
      return vueSession(req.authentification.ligne, req.authentification.csrfToken);
    },
  });

  r.post('/api/auth/logout', {
    schema: { tags: ['Authentification'], summary: 'Se déconnecter', response: { 204: z.null(), 401: probleme, 403: probleme } },
    handler: async (req, reponse) => {
      const a = req.authentification;
      if (a?.sessionId) await auth.seDeconnecter(ctx, a.utilisateur, a.sessionId);
      effacerCookieSession(reponse);
      return reponse.code(204).send(null);
    },
  });

  r.post('/api/auth/mot-de-passe/demande', {
    schema: {
      tags: ['Authentification'],
      summary: 'Recevoir par e-mail un lien de réinitialisation',
      description:
        'Répond 202 dans le même temps que l’adresse ait un compte ou non, pour ne pas révéler lesquelles en ont un. ' +
        'Au plus 3 courriels par adresse et par heure ; au-delà de 10 demandes en 15 minutes depuis une même adresse IP, 429 avec Retry-After.',
      security: [],
      body: demandeReinitialisationSchema,
      response: { 202: messageVue, 400: probleme, 429: probleme },
    },
    handler: async (req, reponse) => {
      await auth.demanderReinitialisation(ctx, req.body.email, { ip: req.ip });
      return reponse
        .code(202)
        .send({ message: 'Si un compte existe pour cette adresse, un lien de réinitialisation vient d’y être envoyé.' });
    },
  });

  r.post('/api/auth/mot-de-passe/reinitialisation', {
    schema: {
      tags: ['Authentification'],
      summary: 'Choisir un nouveau mot de passe avec le lien reçu',
      description:
        'Refuse (400, raison en français) un mot de passe trop facile à deviner. Ferme toutes les sessions de la personne, ' +
        'révoque ses jetons d’API et lève les restrictions de connexion de son compte.',
      security: [],
      body: reinitialisationSchema,
      response: { 204: z.null(), 400: probleme },
    },
    handler: async (req, reponse) => {
      await auth.reinitialiserMotDePasse(ctx, req.body.token, req.body.password);
      return reponse.code(204).send(null);
    },
  });

  // ---------- Profil
  r.post('/api/moi/mot-de-passe', {
    schema: {
      tags: ['Profil'],
      summary: 'Changer son mot de passe',
      description:
        'Refuse (400, raison en français) un mot de passe trop facile à deviner. Ferme les autres sessions de la personne ; celle qui fait le changement reste ouverte.',
      body: changementMotDePasseSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, reponse) => {
      await auth.changerSonMotDePasse(
        ctx,
        exigerConnecte(req.utilisateur),
        req.authentification?.sessionId ?? null,
        req.body.ancien,
        req.body.nouveau,
      );
      return reponse.code(204).send(null);
    },
  });

  r.get('/api/moi/jetons', {
    schema: { tags: ['Profil'], summary: 'Ses jetons d’API personnels', response: { 200: z.array(jetonApi), 401: probleme } },
    handler: (req) => auth.listerSesJetons(ctx, exigerConnecte(req.utilisateur)),
  });

  r.post('/api/moi/jetons', {
    schema: {
      tags: ['Profil'],
      summary: 'Créer un jeton d’API personnel',
      description: 'Le jeton n’est montré qu’une fois, dans cette réponse. À envoyer dans Authorization: Bearer.',
      body: jetonCreationSchema,
      response: { 201: jetonApiCree, ...erreurs },
    },
    handler: async (req, reponse) =>
      reponse.code(201).send(await auth.creerSonJeton(ctx, exigerConnecte(req.utilisateur), req.body.libelle)),
  });

  r.delete('/api/moi/jetons/:id', {
    schema: { tags: ['Profil'], summary: 'Révoquer un de ses jetons', params: idParam, response: { 204: z.null(), ...erreurs } },
    handler: async (req, reponse) => {
      await auth.revoquerSonJeton(ctx, exigerConnecte(req.utilisateur), req.params.id);
      return reponse.code(204).send(null);
    },
  });

  // ---------- Organisations
  r.get('/api/organisations', {
    schema: {
      tags: ['Organisations'],
      summary: 'Lister les organisations',
      querystring: pagination.extend({
        q: z.string().max(100).optional(),
        type: z.string().max(400).optional().describe('un type ou plusieurs, séparés par des virgules'),
      }),
      response: { 200: page(organisationVue), 401: probleme },
    },
    handler: (req) => organisations.listerOrganisations(ctx, req.utilisateur, req.query),
  });

  r.get('/api/organisations/:id', {
    schema: { tags: ['Organisations'], summary: 'Une organisation', params: idParam, response: { 200: organisationVue, ...erreurs } },
    handler: (req) => organisations.obtenirOrganisation(ctx, req.utilisateur, req.params.id),
  });

  r.post('/api/organisations', {
    schema: {
      tags: ['Organisations'],
      summary: 'Créer une organisation',
      description:
        'Ouvert à l’administration, aux agents d’ARS, aux coordinations et référents ARS d’un contrat et à qui peut lancer un contrat. ' +
        'Les doublons possibles donnent 409 avec `doublons` (organisations existantes, motifs : même SIRET, FINESS ou SIREN, même nom, ' +
        'nom proche ; `bloquant`) et `creationPossible`. Un même SIRET, FINESS, nom, ou SIREN d’unité légale bloque toujours ; ' +
        'un autre établissement du même SIREN ou un nom proche peut être confirmé avec `accepterDoublonsProches: true`.',
      body: organisationSaisieSchema.extend({
        accepterDoublonsProches: z.boolean().optional().describe('Créer malgré un nom proche ou un autre établissement du même SIREN'),
      }),
      response: { 201: organisationVue, 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: problemeDoublons },
    },
    handler: async (req, reponse) =>
      reponse.code(201).send(
        await organisations.creerOrganisation(ctx, exigerConnecte(req.utilisateur), req.body, {
          accepterDoublonsProches: req.body.accepterDoublonsProches,
        }),
      ),
  });

  r.put('/api/organisations/:id', {
    schema: {
      tags: ['Organisations'],
      summary: 'Modifier une organisation',
      description: 'Le corps porte la version modifiée ; une version périmée donne 409 avec l’état courant.',
      params: idParam,
      body: organisationSaisieSchema.extend({ version: z.number().int() }),
      response: { 200: organisationVue, ...erreurs },
    },
    handler: (req) => organisations.modifierOrganisation(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.version, req.body),
  });

  r.delete('/api/organisations/:id', {
    schema: {
      tags: ['Organisations'],
      summary: 'Supprimer une organisation sans membres',
      params: idParam,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, reponse) => {
      await organisations.supprimerOrganisation(ctx, exigerConnecte(req.utilisateur), req.params.id);
      return reponse.code(204).send(null);
    },
  });

  // ---------- Utilisateurs (administration)
  r.get('/api/utilisateurs', {
    schema: {
      tags: ['Utilisateurs'],
      summary: 'Lister les comptes',
      querystring: pagination.extend({ q: z.string().max(100).optional() }),
      response: { 200: page(utilisateurVue), 401: probleme, 403: probleme },
    },
    handler: (req) => utilisateurs.listerUtilisateurs(ctx, req.utilisateur, req.query),
  });

  r.get('/api/utilisateurs/:id', {
    schema: { tags: ['Utilisateurs'], summary: 'Un compte', params: idParam, response: { 200: utilisateurVue, ...erreurs } },
    handler: (req) => utilisateurs.obtenirUtilisateur(ctx, req.utilisateur, req.params.id),
  });

  r.post('/api/utilisateurs', {
    schema: {
      tags: ['Utilisateurs'],
      summary: 'Créer un compte',
      description: 'Sans mot de passe, la personne reçoit par e-mail un lien pour choisir le sien.',
      body: utilisateurCreationSchema,
      response: { 201: utilisateurVue, ...erreurs },
    },
    handler: async (req, reponse) =>
      reponse.code(201).send(await utilisateurs.creerUtilisateur(ctx, exigerConnecte(req.utilisateur), req.body)),
  });

  r.put('/api/utilisateurs/:id', {
    schema: {
      tags: ['Utilisateurs'],
      summary: 'Modifier un compte, ses rôles, l’activer ou le désactiver',
      params: idParam,
      body: utilisateurModificationSchema,
      response: { 200: utilisateurVue, ...erreurs },
    },
    handler: (req) => utilisateurs.modifierUtilisateur(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body),
  });
}
