import {
  bilanFicheSchema,
  campagneSchema,
  evaluationSchema,
  indicateurSuiviSchema,
  transitionSuiviSchema,
  valeurSuiviSchema,
} from '@maillage/domain';
import * as api from '@maillage/domain/api';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import type { Format } from '../documents/documents.service';
import { avancementDuContrat } from './avancement.service';
import * as campagnes from './campagnes.service';
import * as evaluations from './evaluations.service';
import * as suivi from './suivi-fiche.service';
import { exporterSuiviDhis2 } from './dhis2-export.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
const id = api.cheminId;
const idPeriode = api.cheminIdPeriode;
const etat = api.etatRetour;
const MIME: Record<Format, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * The services of these read models still type some parts loosely (steps as unknown[], states as string): the schema,
 * checked when the response is serialised, is the contract. Remove once their repositories return the domain's types.
 */
const lu = <T>(resultat: Promise<unknown>) => resultat as Promise<T>;

function envoyerFichier(reponse: FastifyReply, fichier: { contenu: Buffer; typeMime: string; nom: string }) {
  return reponse
    .type(fichier.typeMime)
    .header('content-disposition', `attachment; filename="${fichier.nom}"`)
    .header('cache-control', 'no-store')
    .send(fichier.contenu);
}

export function routesSuivi(app: FastifyInstance, ctx: Contexte) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/contrats/:id/suivi.dhis2.json', {
    schema: {
      tags: ['Suivi et évaluation'],
      summary: 'Les valeurs validées du suivi en dataValueSet DHIS2, par la correspondance DHIS2 de la région',
      description:
        'Qui lit le contrat peut exporter. `nonExportees` liste ce que la correspondance ne sait pas écrire (DHIS2 ignore ce champ). ' +
        '`region` choisit la correspondance quand le contrat couvre plusieurs régions (par défaut la première).',
      params: id,
      querystring: z.object({
        region: z
          .string()
          .regex(/^\d{2,3}$/, 'Code de région INSEE attendu (53, 84…)')
          .optional(),
      }),
      response: { 200: api.dataValueSetDhis2, ...erreurs },
    },
    handler: (req) => exporterSuiviDhis2(ctx, req.utilisateur, req.params.id, req.query.region),
  });
  routesSuiviFiches(app, ctx);
  routesCampagnes(app, ctx);
  routesEvaluations(app, ctx);
}

/** Suivi des fiches : indicateurs, valeurs, bilans */
function routesSuiviFiches(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Suivi et évaluation'];
  r.get('/api/contrats/:id/avancement', {
    schema: {
      tags: t,
      summary: 'L’avancement du contrat : fiche → objectif → axe → contrat, pondéré, avec l’historique des statuts',
      params: id,
      response: { 200: api.avancement, ...erreurs },
    },
    handler: (req) => avancementDuContrat(ctx, req.utilisateur, req.params.id),
  });

  r.get('/api/fiches/:id/suivi', {
    schema: {
      tags: t,
      summary: 'Le suivi d’une fiche : indicateurs, valeurs et leurs étapes, bilans par période, droits',
      params: id,
      response: { 200: api.suiviFiche, ...erreurs },
    },
    handler: (req) => lu<api.SuiviFiche>(suivi.suiviDeFiche(ctx, req.utilisateur, req.params.id)),
  });
  r.post('/api/fiches/:id/indicateurs-suivi', {
    schema: {
      tags: t,
      summary: 'Ajouter un indicateur de suivi (type, unité, méthode, source, référence, cibles, lien au diagnostic)',
      params: id,
      body: indicateurSuiviSchema,
      response: { 201: api.idCree, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await suivi.creerIndicateur(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/indicateurs-suivi/:id', {
    schema: {
      tags: t,
      summary: 'Modifier un indicateur de suivi (version attendue)',
      params: id,
      body: api.modificationIndicateurSuivi,
      response: { 200: api.versionModifiee, ...erreurs },
    },
    handler: (req) => {
      const { version, ...saisie } = req.body;
      return suivi.modifierIndicateur(ctx, exigerConnecte(req.utilisateur), req.params.id, version, indicateurSuiviSchema.parse(saisie));
    },
  });
  r.delete('/api/indicateurs-suivi/:id', {
    schema: {
      tags: t,
      summary: 'Supprimer un indicateur de suivi sans valeur validée',
      params: id,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await suivi.supprimerIndicateur(ctx, exigerConnecte(req.utilisateur), req.params.id);
      return rep.code(204).send(null);
    },
  });
  r.put('/api/indicateurs-suivi/:id/valeurs/:periode', {
    schema: {
      tags: t,
      summary: 'Saisir la valeur d’une période avec son récit (un pourcentage : numérateur et dénominateur) ; refusé si soumise ou validée',
      params: idPeriode,
      body: valeurSuiviSchema,
      response: { 200: etat, ...erreurs },
    },
    handler: (req) => suivi.saisirValeur(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.periode, req.body),
  });
  r.post('/api/valeurs-suivi/:id/transitions', {
    schema: {
      tags: t,
      summary: 'Soumettre, renvoyer pour correction (commentaire obligatoire) ou valider une valeur',
      params: id,
      body: transitionSuiviSchema,
      response: { 200: etat, ...erreurs },
    },
    handler: (req) => suivi.changerEtatValeur(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.action, req.body.commentaire),
  });
  r.put('/api/fiches/:id/bilans/:periode', {
    schema: {
      tags: t,
      summary: 'Saisir le bilan d’une fiche pour une période (réalisations, difficultés, perspectives, statut proposé)',
      params: idPeriode,
      body: bilanFicheSchema,
      response: { 200: etat, ...erreurs },
    },
    handler: (req) => suivi.saisirBilan(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.periode, req.body),
  });
  r.post('/api/fiches/:id/suivi/:periode/transitions', {
    schema: {
      tags: t,
      summary:
        'Soumettre, renvoyer ou valider d’un coup le bilan et les valeurs d’une fiche pour une période (la validation applique le statut proposé)',
      params: idPeriode,
      body: transitionSuiviSchema,
      response: { 200: etat, ...erreurs },
    },
    handler: (req) =>
      suivi.changerEtatFiche(
        ctx,
        exigerConnecte(req.utilisateur),
        req.params.id,
        req.params.periode,
        req.body.action,
        req.body.commentaire,
      ),
  });
}

/** Campagnes de suivi */
function routesCampagnes(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Suivi et évaluation'];
  r.get('/api/contrats/:id/campagnes', {
    schema: {
      tags: t,
      summary: 'Les campagnes de suivi du contrat et leur taux de réponse',
      params: id,
      response: { 200: z.array(api.campagneResume), ...erreurs },
    },
    handler: (req) => campagnes.listerCampagnes(ctx, req.utilisateur, req.params.id),
  });
  r.post('/api/contrats/:id/campagnes', {
    schema: {
      tags: t,
      summary: 'Ouvrir la campagne de suivi d’une période : chaque pilote reçoit un courriel avec le lien vers ses fiches',
      params: id,
      body: campagneSchema,
      response: { 201: api.campagneOuverte, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await campagnes.ouvrirCampagne(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.get('/api/campagnes/:id', {
    schema: {
      tags: t,
      summary: 'Le tableau de bord d’une campagne : état de chaque fiche, par pilote, courriels envoyés',
      params: id,
      response: { 200: api.tableauCampagne, ...erreurs },
    },
    handler: (req) => lu<api.TableauCampagne>(campagnes.tableauCampagne(ctx, req.utilisateur, req.params.id)),
  });
  r.get('/api/campagnes/:id/saisie', {
    schema: {
      tags: t,
      summary: 'Le formulaire du pilote : ses fiches, leurs indicateurs, valeurs et bilan de la période',
      params: id,
      response: { 200: api.saisieCampagne, ...erreurs },
    },
    handler: (req) => lu<api.SaisieCampagne>(campagnes.saisieCampagne(ctx, exigerConnecte(req.utilisateur), req.params.id)),
  });
  r.post('/api/campagnes/:id/relances', {
    schema: {
      tags: t,
      summary: 'Relancer maintenant les pilotes dont les fiches ne sont pas complètes',
      params: id,
      response: { 200: api.relanceCampagne, ...erreurs },
    },
    handler: (req) => campagnes.relancerCampagne(ctx, exigerConnecte(req.utilisateur), req.params.id),
  });
  r.post('/api/campagnes/:id/cloture', {
    schema: { tags: t, summary: 'Clore la campagne', params: id, response: { 200: api.campagneClose, ...erreurs } },
    handler: (req) => campagnes.cloreCampagne(ctx, exigerConnecte(req.utilisateur), req.params.id),
  });
}

/** Évaluations */
function routesEvaluations(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Suivi et évaluation'];
  r.get('/api/contrats/:id/evaluations', {
    schema: {
      tags: t,
      summary: 'Les évaluations (intermédiaire, finale) du contrat',
      params: id,
      response: { 200: z.array(api.evaluation), ...erreurs },
    },
    handler: (req) => evaluations.listerEvaluations(ctx, req.utilisateur, req.params.id),
  });
  r.post('/api/contrats/:id/evaluations', {
    schema: { tags: t, summary: 'Commencer une évaluation', params: id, body: evaluationSchema, response: { 201: api.idCree, ...erreurs } },
    handler: async (req, rep) =>
      rep.code(201).send(await evaluations.creerEvaluation(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.get('/api/evaluations/:id', {
    schema: {
      tags: t,
      summary: 'Une évaluation : questions par critère, jugements, preuves, recommandations, participants',
      params: id,
      response: { 200: api.evaluation, ...erreurs },
    },
    handler: (req) => evaluations.obtenirEvaluation(ctx, req.utilisateur, req.params.id),
  });
  r.put('/api/evaluations/:id', {
    schema: {
      tags: t,
      summary: 'Modifier une évaluation (version attendue)',
      params: id,
      body: api.modificationEvaluation,
      response: { 200: api.versionModifiee, ...erreurs },
    },
    handler: (req) => {
      const { version, ...saisie } = req.body;
      return evaluations.modifierEvaluation(ctx, exigerConnecte(req.utilisateur), req.params.id, version, evaluationSchema.parse(saisie));
    },
  });
  r.delete('/api/evaluations/:id', {
    schema: { tags: t, summary: 'Supprimer une évaluation', params: id, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await evaluations.supprimerEvaluation(ctx, exigerConnecte(req.utilisateur), req.params.id);
      return rep.code(204).send(null);
    },
  });
  r.post('/api/evaluations/:id/renouvellement', {
    schema: {
      tags: t,
      summary: 'Préparer le renouvellement : la génération suivante en brouillon, avec les fiches choisies et les recommandations',
      params: id,
      body: api.renouvellementEvaluation,
      response: { 201: api.generationCreee, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await evaluations.preparerRenouvellement(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });

  for (const format of ['docx', 'pdf'] as Format[]) {
    r.get(`/api/campagnes/:id/bilan.${format}`, {
      schema: {
        tags: t,
        summary: `Le bilan annuel en ${format.toUpperCase()}, prêt pour le COPIL`,
        params: id,
        produces: [MIME[format]],
        response: { 200: z.any().describe('Le fichier'), ...erreurs },
      },
      handler: async (req, rep) => envoyerFichier(rep, await campagnes.bilanAnnuel(ctx, req.utilisateur, req.params.id, format)),
    });
    r.get(`/api/evaluations/:id/rapport.${format}`, {
      schema: {
        tags: t,
        summary: `Le rapport d’évaluation en ${format.toUpperCase()}`,
        params: id,
        produces: [MIME[format]],
        response: { 200: z.any().describe('Le fichier'), ...erreurs },
      },
      handler: async (req, rep) => envoyerFichier(rep, await evaluations.rapportEvaluation(ctx, req.utilisateur, req.params.id, format)),
    });
  }
}
