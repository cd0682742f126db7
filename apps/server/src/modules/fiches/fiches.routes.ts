import { ficheSaisieSchema, liensDispositifsSchema, PRIORITES, reordonnancementSchema, STATUTS_FICHE } from '@maillage/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { lierDispositifs } from './dispositifs-fiche.service';
import * as service from './fiches.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
const id = z.object({ id: z.uuid('Identifiant invalide') });

const pilote = z.object({ organisationId: z.string().nullable(), organisationNom: z.string().nullable(), organisationSigle: z.string().nullable(), service: z.string().nullable(), libelle: z.string() });
const financement = z.object({
  id: z.string(),
  financeurId: z.string().nullable(),
  financeurNom: z.string().nullable(),
  financeurLibelle: z.string().nullable(),
  dispositif: z.string(),
  annee: z.number(),
  montantCentimes: z.number(),
  nature: z.string(),
  statut: z.string(),
  valorisationNature: z.string().nullable(),
});
/** A fiche in a list: the fields the contract names (numero, ordre, intitule, statut, axe, pilotes) and those lists need. */
const ficheResume = z.looseObject({
  id: z.uuid(),
  contratId: z.uuid(),
  numero: z.number().int(),
  ordre: z.number().int(),
  intitule: z.string(),
  statut: z.enum(STATUTS_FICHE),
  statutLibelle: z.string(),
  priorite: z.enum(PRIORITES).nullable(),
  axe: z.object({ id: z.string(), numero: z.number(), intitule: z.string() }).nullable(),
  objectif: z.object({ id: z.string(), numero: z.string(), intitule: z.string() }).nullable(),
  pilotes: z.array(pilote),
  debut: z.string().nullable(),
  fin: z.string().nullable(),
  thematiques: z.array(z.string()),
  publics: z.array(z.string()),
  financements: z.array(financement),
  dispositifsTerritoriaux: z.array(z.object({ id: z.string(), type: z.string(), nom: z.string() })).describe('Dispositifs du territoire auxquels la fiche se rattache'),
  totalFinancementCentimes: z.number(),
  version: z.number().int(),
  modifieLe: z.string(),
});

export function routesFiches(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Fiches-action'];

  r.get('/api/contrats/:id/fiches', {
    schema: {
      tags: t,
      summary: 'Les fiches-action d’un contrat, filtrées et triées',
      description: 'Chaque fiche porte tous les champs du modèle de fiche ; `numero` est son identifiant, `ordre` sa place dans la liste.',
      params: id,
      querystring: z.object({
        axe: z.uuid().optional(),
        statut: z.enum(STATUTS_FICHE).optional(),
        pilote: z.uuid().optional(),
        thematique: z.string().max(50).optional(),
        financeur: z.uuid().optional(),
        public: z.string().max(50).optional(),
        q: z.string().max(200).optional(),
        tri: z.enum(['ordre', 'numero', 'intitule', 'statut', 'debut']).default('ordre'),
      }),
      response: { 200: z.array(ficheResume), ...erreurs },
    },
    handler: (req) =>
      service.listerFiches(ctx, req.utilisateur, req.params.id, {
        axeId: req.query.axe,
        statut: req.query.statut,
        piloteId: req.query.pilote,
        thematique: req.query.thematique,
        financeurId: req.query.financeur,
        public: req.query.public,
        q: req.query.q,
        tri: req.query.tri,
      }),
  });

  r.post('/api/contrats/:id/fiches', {
    schema: {
      tags: t,
      summary: 'Créer une fiche-action (numéro suivant jamais attribué, ou `numero` choisi ; en fin de liste ou à `position`)',
      params: id,
      body: ficheSaisieSchema.and(z.object({ numero: z.number().int().min(1).optional(), position: z.number().int().min(1).optional() })),
      response: { 201: z.object({ id: z.uuid(), numero: z.number().int() }), ...erreurs },
    },
    handler: async (req, rep) => {
      const { numero, position, ...saisie } = req.body;
      return rep.code(201).send(await service.creerFiche(ctx, exigerConnecte(req.utilisateur), req.params.id, ficheSaisieSchema.parse(saisie), { numero, position }));
    },
  });

  r.put('/api/contrats/:id/fiches/ordre', {
    schema: { tags: t, summary: 'Réordonner les fiches (liste complète des identifiants)', params: id, body: reordonnancementSchema, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await service.ordonnerFiches(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.ids);
      return rep.code(204).send(null);
    },
  });

  r.get('/api/fiches/:id', {
    schema: { tags: t, summary: 'Une fiche-action complète, avec l’historique de son statut', params: id, response: { 200: ficheResume.extend({ historiqueStatuts: z.array(z.object({ statut: z.string(), le: z.string(), par: z.string() })), modifiable: z.boolean(), verrou: z.string().nullable().describe('Pourquoi seul le statut peut changer (contrat signé sans avenant ouvert, ou clos)') }), ...erreurs } },
    handler: (req) => service.obtenirFiche(ctx, req.utilisateur, req.params.id),
  });

  r.put('/api/fiches/:id', {
    schema: { tags: t, summary: 'Modifier une fiche (version attendue ; 409 avec l’état courant si périmée)', params: id, body: ficheSaisieSchema.and(z.object({ version: z.number().int() })), response: { 200: ficheResume, ...erreurs } },
    handler: (req) => {
      const { version, ...saisie } = req.body;
      return service.modifierFiche(ctx, exigerConnecte(req.utilisateur), req.params.id, version, ficheSaisieSchema.parse(saisie));
    },
  });

  r.put('/api/fiches/:id/dispositifs-territoriaux', {
    schema: {
      tags: t,
      summary: 'Rattacher la fiche aux dispositifs du territoire déclarés sur son contrat (liste complète ; sans avenant)',
      params: id,
      body: liensDispositifsSchema,
      response: { 200: z.object({ dispositifsTerritoriaux: z.array(z.object({ id: z.string(), nom: z.string() })) }), ...erreurs, 422: probleme },
    },
    handler: (req) => lierDispositifs(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.dispositifIds),
  });

  r.delete('/api/fiches/:id', {
    schema: { tags: t, summary: 'Supprimer une fiche (son numéro ne sera jamais réattribué)', params: id, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await service.supprimerFiche(ctx, exigerConnecte(req.utilisateur), req.params.id);
      return rep.code(204).send(null);
    },
  });
}
