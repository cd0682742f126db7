import * as api from '@maillage/domain/api';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import * as cloture from './cloture.service';
import * as concertations from './concertations.service';
import * as droitAcces from './droit-acces.service';
import { rendreDroitAcces } from './droit-acces-document';
import { exporterPlanPdf } from './plan-document';
import * as plan from './plan.service';
import * as suivi from './suivi-appui.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
const fichier = { 200: z.any().describe('Le fichier PDF'), ...erreurs };

/** Nominative files are never cached, by the browser or a proxy. */
const envoyer = (rep: FastifyReply, f: { nom: string; typeMime: string; contenu: Buffer }) =>
  rep.type(f.typeMime).header('content-disposition', `attachment; filename="${f.nom}"`).header('cache-control', 'no-store').send(f.contenu);

/** Plan personnalisé, concertations, follow-up, closure and access right of the appui module (issue 18 items 4–6, 8). */
export function routesAppuiPlan(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Appui'];
  const s = '/api/appui/situations/:id';

  r.get(`${s}/plan`, {
    schema: { tags: t, summary: 'Le plan personnalisé de coordination en santé et la liste de ses versions', params: api.cheminPlanSituation, response: { 200: api.planSituation, ...erreurs } },
    handler: (req) => plan.lirePlan(ctx, req.utilisateur, req.params.id),
  });
  r.put(`${s}/plan`, {
    schema: {
      tags: t,
      summary: 'Enregistrer une nouvelle version du plan (409 si la version lue n’est plus la dernière)',
      params: api.cheminPlanSituation,
      body: api.planCorps,
      response: { 200: api.planVersionVue, ...erreurs },
    },
    handler: (req) => plan.enregistrerPlan(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body),
  });
  r.get(`${s}/plan/versions/:version`, {
    schema: { tags: t, summary: 'Une version passée du plan', params: api.cheminVersionPlan, response: { 200: api.planVersionVue, ...erreurs } },
    handler: (req) => plan.lireVersionPlan(ctx, req.utilisateur, req.params.id, req.params.version),
  });
  r.get(`${s}/plan.pdf`, {
    schema: {
      tags: t,
      summary: 'Le plan en PDF pour l’équipe de soins (la dernière version, ou ?version=)',
      params: api.cheminPlanSituation,
      querystring: api.choixVersionPlan,
      produces: ['application/pdf'],
      response: fichier,
    },
    handler: async (req, rep) => envoyer(rep, await exporterPlanPdf(ctx, req.utilisateur, req.params.id, req.query.version)),
  });

  r.get(`${s}/concertations`, {
    schema: { tags: t, summary: 'Les concertations de la situation', params: api.cheminPlanSituation, response: { 200: api.listeConcertations, ...erreurs } },
    handler: (req) => concertations.listerConcertations(ctx, req.utilisateur, req.params.id),
  });
  r.post(`${s}/concertations`, {
    schema: {
      tags: t,
      summary: 'Tracer une concertation ; ses décisions peuvent changer les actions du plan (nouvelle version)',
      params: api.cheminPlanSituation,
      body: api.concertationCorps,
      response: { 201: api.concertationEnregistree, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await concertations.creerConcertation(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });

  r.get(`${s}/delais`, {
    schema: { tags: t, summary: 'Les délais de la situation : demande → premier contact → évaluation → plan', params: api.cheminPlanSituation, response: { 200: api.delaisSituationVue, ...erreurs } },
    handler: (req) => suivi.delaisDeSituation(ctx, req.utilisateur, req.params.id),
  });
  r.get(`${s}/cloture`, {
    schema: { tags: t, summary: 'La clôture de la situation', params: api.cheminPlanSituation, response: { 200: api.clotureVue, ...erreurs } },
    handler: (req) => cloture.lireCloture(ctx, req.utilisateur, req.params.id),
  });
  r.post(`${s}/cloture`, {
    schema: {
      tags: t,
      summary: 'Clore la situation avec son motif ; le médecin traitant reçoit un courriel sans détail de santé',
      params: api.cheminPlanSituation,
      body: api.clotureCorps,
      response: { 200: api.clotureVue, ...erreurs },
    },
    handler: (req) => cloture.cloturerSituation(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body),
  });
  r.get(`${s}/courrier-cloture.pdf`, {
    schema: { tags: t, summary: 'Le courrier de retour au médecin traitant, en PDF', params: api.cheminPlanSituation, produces: ['application/pdf'], response: fichier },
    handler: async (req, rep) => envoyer(rep, await cloture.courrierCloture(ctx, req.utilisateur, req.params.id)),
  });

  const e = '/api/appui/equipes/:id';
  r.get(`${e}/charge`, {
    schema: { tags: t, summary: 'La charge de chaque gestionnaire : situations ouvertes dont il est référent, au regard du seuil', params: api.cheminEquipeAppui, response: { 200: api.chargeEquipe, ...erreurs } },
    handler: (req) => suivi.chargeEquipe(ctx, req.utilisateur, req.params.id),
  });
  r.get(`${e}/delais`, {
    schema: { tags: t, summary: 'Les délais de l’équipe sur une période (médiane, 90e centile, en attente)', params: api.cheminEquipeAppui, querystring: api.delaisEquipeFiltre, response: { 200: api.delaisEquipe, ...erreurs } },
    handler: (req) => suivi.delaisEquipe(ctx, req.utilisateur, req.params.id, req.query),
  });
  r.get(`${e}/reglages`, {
    schema: { tags: t, summary: 'Le seuil de charge et la durée de conservation des situations closes', params: api.cheminEquipeAppui, response: { 200: api.reglagesAppuiVue, ...erreurs } },
    handler: (req) => suivi.lireReglages(ctx, req.utilisateur, req.params.id),
  });
  r.put(`${e}/reglages`, {
    schema: { tags: t, summary: 'Changer le seuil de charge ou la durée de conservation (coordinateurs de l’équipe)', params: api.cheminEquipeAppui, body: api.reglagesAppuiCorps, response: { 200: api.reglagesAppuiVue, ...erreurs } },
    handler: (req) => suivi.modifierReglages(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body),
  });

  r.get('/api/appui/personnes/:id/donnees.json', {
    schema: { tags: t, summary: 'Droit d’accès : tout ce que l’équipe détient sur la personne (coordinateurs de l’équipe)', params: api.cheminPersonneAppui, response: { 200: api.droitAccesPersonne, ...erreurs } },
    handler: async (req, rep) => {
      rep.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="droit-acces-${req.params.id.slice(0, 8)}.json"`);
      return droitAcces.exporterDonneesPersonne(ctx, req.utilisateur, req.params.id, 'json');
    },
  });
  r.get('/api/appui/personnes/:id/donnees.pdf', {
    schema: { tags: t, summary: 'Droit d’accès en PDF', params: api.cheminPersonneAppui, produces: ['application/pdf'], response: fichier },
    handler: async (req, rep) => envoyer(rep, await rendreDroitAcces(await droitAcces.exporterDonneesPersonne(ctx, req.utilisateur, req.params.id, 'pdf'))),
  });
}
