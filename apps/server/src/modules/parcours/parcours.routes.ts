import * as api from '@maillage/domain/api';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import * as etapes from './etapes.service';
import * as grille from './grille.service';
import * as service from './parcours.service';
import * as ruptures from './ruptures.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

const envoyer = (rep: FastifyReply, f: { nom: string; typeMime: string; contenu: Buffer }) =>
  rep.type(f.typeMime).header('content-disposition', `attachment; filename="${f.nom}"`).header('cache-control', 'no-store').send(f.contenu);

/** Parcours de santé of a contract, their steps, ruptures and grille de coopération locale (issue 17 items 4–6). */
export function routesParcours(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Parcours'];

  r.get('/api/contrats/:id/parcours', {
    schema: {
      tags: t,
      summary: 'Les parcours de santé du contrat',
      params: api.cheminId,
      response: { 200: api.listeParcours, ...erreurs },
    },
    handler: (req) => service.listerParcours(ctx, req.utilisateur, req.params.id),
  });
  r.post('/api/contrats/:id/parcours', {
    schema: {
      tags: t,
      summary: 'Décrire un parcours de santé du contrat (coordination du contrat)',
      params: api.cheminId,
      body: api.parcoursCorps,
      response: { 201: api.parcoursEnregistre, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await service.creerParcours(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.get('/api/parcours/:id', {
    schema: {
      tags: t,
      summary: 'Un parcours : ses étapes, leurs ressources, leurs fiches et leurs ruptures ouvertes',
      params: api.cheminParcours,
      response: { 200: api.parcoursVue, ...erreurs },
    },
    handler: (req) => service.obtenirParcours(ctx, req.utilisateur, req.params.id),
  });
  r.patch('/api/parcours/:id', {
    schema: {
      tags: t,
      summary: 'Modifier le titre, la description, les publics ou le territoire d’un parcours',
      params: api.cheminParcours,
      body: api.parcoursModification,
      response: { 200: api.parcoursEnregistre, ...erreurs },
    },
    handler: (req) => service.modifierParcours(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body),
  });
  r.delete('/api/parcours/:id', {
    schema: {
      tags: t,
      summary: 'Supprimer un parcours, ses étapes, ses ruptures et sa grille',
      params: api.cheminParcours,
      querystring: api.versionRequise,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await service.supprimerParcours(ctx, exigerConnecte(req.utilisateur), req.params.id, req.query.version);
      return rep.code(204).send(null);
    },
  });
  r.get('/api/fiches/:id/parcours', {
    schema: {
      tags: t,
      summary: 'Les parcours que la fiche-action sert (par ses étapes) ou dont elle traite une rupture',
      params: api.cheminId,
      response: { 200: api.parcoursDeFiche, ...erreurs },
    },
    handler: (req) => service.parcoursDeFiche(ctx, req.utilisateur, req.params.id),
  });

  // ---------- Steps
  r.post('/api/parcours/:id/etapes', {
    schema: {
      tags: t,
      summary: 'Ajouter une étape (suggérée ou libre), à la fin ou à une position',
      params: api.cheminParcours,
      body: api.etapeCorps,
      response: { 201: api.parcoursVue, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await etapes.ajouterEtape(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.patch('/api/parcours/:id/etapes/:etapeId', {
    schema: {
      tags: t,
      summary: 'Modifier une étape : libellé, description, ressources qui y agissent, fiches-action qui la servent',
      params: api.cheminEtape,
      body: api.etapeModification,
      response: { 200: api.parcoursVue, ...erreurs },
    },
    handler: (req) => etapes.modifierEtape(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.etapeId, req.body),
  });
  r.post('/api/parcours/:id/etapes/:etapeId/position', {
    schema: {
      tags: t,
      summary: 'Déplacer une étape (monter, descendre au clavier : position ± 1)',
      params: api.cheminEtape,
      body: api.deplacementEtape,
      response: { 200: api.parcoursVue, ...erreurs },
    },
    handler: (req) => etapes.deplacerEtape(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.etapeId, req.body),
  });
  r.delete('/api/parcours/:id/etapes/:etapeId', {
    schema: {
      tags: t,
      summary: 'Retirer une étape (refusé tant qu’elle porte des ruptures)',
      params: api.cheminEtape,
      querystring: api.versionRequise,
      response: { 200: api.parcoursVue, ...erreurs },
    },
    handler: (req) => etapes.supprimerEtape(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.etapeId, req.query.version),
  });

  // ---------- Ruptures
  r.get('/api/parcours/:id/ruptures', {
    schema: {
      tags: t,
      summary: 'Les ruptures du parcours, filtrées par statut',
      params: api.cheminParcours,
      querystring: api.filtreRuptures,
      response: { 200: api.listeRuptures, ...erreurs },
    },
    handler: (req) => ruptures.listerRuptures(ctx, req.utilisateur, req.params.id, req.query.statut),
  });
  r.post('/api/parcours/:id/ruptures', {
    schema: {
      tags: t,
      summary: 'Signaler une rupture sur une étape ou entre deux étapes, avec ses preuves',
      params: api.cheminParcours,
      body: api.ruptureCorps,
      response: { 201: api.ruptureVue, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await ruptures.creerRupture(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.patch('/api/parcours/:id/ruptures/:ruptureId', {
    schema: {
      tags: t,
      summary: 'Modifier une rupture : description, preuves, publics, gravité, étapes, fiche qui la traite',
      params: api.cheminRupture,
      body: api.ruptureModification,
      response: { 200: api.ruptureVue, ...erreurs },
    },
    handler: (req) => ruptures.modifierRupture(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.ruptureId, req.body),
  });
  r.post('/api/parcours/:id/ruptures/:ruptureId/statut', {
    schema: {
      tags: t,
      summary: 'Faire passer une rupture à un autre statut (signalée, analysée, traitée par une fiche, close)',
      params: api.cheminRupture,
      body: api.changementStatutRupture,
      response: { 200: api.ruptureVue, ...erreurs },
    },
    handler: (req) => ruptures.changerStatutRupture(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.ruptureId, req.body),
  });

  // ---------- Grille de coopération locale
  r.get('/api/parcours/:id/grille', {
    schema: {
      tags: t,
      summary: 'La grille de coopération locale : acteurs × étapes, les rôles de chaque acteur à chaque étape',
      params: api.cheminParcours,
      response: { 200: api.grilleCooperation, ...erreurs },
    },
    handler: (req) => grille.lireGrille(ctx, req.utilisateur, req.params.id),
  });
  r.put('/api/parcours/:id/grille/cellules', {
    schema: {
      tags: t,
      summary: 'Écrire une case de la grille : les rôles d’un acteur à une étape (aucun rôle la vide)',
      params: api.cheminParcours,
      body: api.celluleSaisie,
      response: { 200: api.grilleCooperation, ...erreurs },
    },
    handler: (req) => grille.modifierCellule(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body),
  });
  for (const format of ['xlsx', 'docx', 'pdf'] as const) {
    r.get(`/api/parcours/:id/grille.${format}`, {
      schema: {
        tags: t,
        summary: `La grille de coopération locale en ${format.toUpperCase()}`,
        params: api.cheminParcours,
        produces: [MIME[format]],
        response: { 200: z.any().describe('Le fichier'), ...erreurs },
      },
      handler: async (req, rep) => envoyer(rep, await grille.exporterGrille(ctx, req.utilisateur, req.params.id, format)),
    });
  }
}
