import {
  dispositifTerritorialSchema,
  evaluationPrevueSchema,
  EVALUATEURS,
  TYPES_DISPOSITIF_TERRITORIAL,
  TYPES_EVALUATION_PREVUE,
  axeSaisieSchema,
  changementStatutSchema,
  contratSaisieSchema,
  doctrineSchema,
  objectifSaisieSchema,
  partenaireSaisieSchema,
  reordonnancementSchema,
  signataireSaisieSchema,
  STATUTS_CONFIRMATION,
  STATUTS_CONTRAT,
} from '@maillage/domain';
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
const id = z.object({ id: z.uuid('Identifiant invalide') });
const idEt = (cle: string) => z.object({ id: z.uuid('Identifiant invalide'), [cle]: z.uuid('Identifiant invalide') });
const cree = z.object({ id: z.uuid() });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ');

const organisationCourte = z.object({ id: z.string(), nom: z.string(), type: z.string(), sigle: z.string().nullable() });
const confirmation = z
  .object({ id: z.string().nullable(), statut: z.enum(STATUTS_CONFIRMATION), libelle: z.string(), motif: z.string().nullable() })
  .describe('Si l’organisation a confirmé ce rôle (« à confirmer » tant qu’elle n’a pas répondu, « refusé » avec son motif)');
const partie = organisationCourte.extend({ confirmation });
const periode = z.object({ debut: z.string().nullable(), fin: z.string().nullable() });
const contratResume = z.object({
  id: z.uuid(),
  intitule: z.string(),
  statut: z.enum(STATUTS_CONTRAT),
  statutLibelle: z.string(),
  generation: z.number().int(),
  periode,
  regions: z.array(z.string()),
  departements: z.array(z.string()),
  population: z.number().int(),
  nombreFiches: z.number().int(),
  publie: z.boolean(),
  role: z.string().nullable().describe('Rôle de l’utilisateur sur ce contrat, le cas échéant'),
});
const codeNom = z.object({ code: z.string(), nom: z.string() });
const objectif = z.object({ id: z.string(), numero: z.string(), intitule: z.string(), objectifsOperationnels: z.array(z.string()) });
const axe = z.object({ id: z.string(), numero: z.number().int(), intitule: z.string(), axePrs: z.string().nullable(), description: z.string().nullable(), objectifs: z.array(objectif) });
const evaluationPrevue = z.object({
  id: z.string(),
  type: z.enum(Object.keys(TYPES_EVALUATION_PREVUE) as ['intermediaire', 'finale']),
  echeance: z.string().nullable(),
  moment: z.string().nullable(),
  evaluateurType: z.enum(Object.keys(EVALUATEURS) as ['interne', 'externe']),
  evaluateurNom: z.string().nullable(),
  questions: z.array(z.string()),
});
const dispositifTerritorial = z.object({
  id: z.string(),
  type: z.enum(Object.keys(TYPES_DISPOSITIF_TERRITORIAL) as [keyof typeof TYPES_DISPOSITIF_TERRITORIAL]),
  nom: z.string(),
  territoire: z.string().nullable(),
  debut: z.string().nullable(),
  fin: z.string().nullable(),
  lien: z.string().nullable(),
  nombreFiches: z.number().int().describe('Fiches-action rattachées à ce dispositif'),
});
const contratDetail = contratResume.omit({ nombreFiches: true, role: true }).extend({
  perimetre: z.object({ epci: z.array(z.string()), communes: z.array(z.string()) }),
  predecesseurId: z.string().nullable(),
  origine: z.string().nullable(),
  debutElaboration: z.string().nullable(),
  dateSignature: z.string().nullable(),
  insulaire: z.boolean(),
  contexte: z.string().nullable(),
  nombreCommunes: z.number().int(),
  version: z.number().int(),
  creeLe: z.string(),
  modifieLe: z.string(),
  territoire: z.object({ population: z.number(), nombreCommunes: z.number(), regions: z.array(codeNom), departements: z.array(codeNom), epci: z.array(codeNom) }),
  ars: z.array(partie),
  porteurs: z.array(partie),
  signataires: z.array(z.object({ id: z.string(), organisation: organisationCourte, representant: z.string().nullable(), qualite: z.string().nullable(), dateSignature: z.string().nullable(), confirmation })),
  publication: z.object({ empechements: z.array(z.string()) }).describe('Pourquoi le contrat ne peut pas être publié (vide : il peut l’être)'),
  partenaires: z.array(z.object({ id: z.string(), organisation: organisationCourte, role: z.string().nullable() })),
  axes: z.array(axe),
  nombreFiches: z.number().int(),
  predecesseur: z.object({ id: z.string(), intitule: z.string(), generation: z.number() }).nullable(),
  successeurs: z.array(z.object({ id: z.string(), intitule: z.string(), generation: z.number() })),
  ecartsDoctrine: z.array(z.object({ regle: z.string(), message: z.string(), region: z.string() })),
  transitions: z.array(
    z.object({
      statut: z.enum(STATUTS_CONTRAT),
      libelle: z.string(),
      empechements: z.array(z.string()),
      avertissements: z.array(z.string()).describe('À confirmer avant ce passage (confirmerAvertissements), sans l’empêcher'),
    }),
  ),
  planEvaluation: z.array(evaluationPrevue).describe('Les évaluations prévues (à convenir avant la signature)'),
  dispositifsTerritoriaux: z.array(dispositifTerritorial).describe('Les dispositifs du territoire avec lesquels le contrat s’articule'),
  avenantOuvert: z.object({ id: z.string(), numero: z.number() }).nullable(),
  verrou: z.string().nullable().describe('Pourquoi le texte du contrat ne peut pas être modifié maintenant (contrat clos, ou signé sans avenant ouvert)'),
  role: z.string().nullable().describe('Rôle de l’utilisateur sur ce contrat'),
  droits: z.object({
    modifier: z.boolean().describe('Modifier le contrat : jamais quand il est clos (échu, renouvelé, abandonné)'),
    completer: z.boolean().describe('Ajouter ce que son état reçoit encore (séances, suivi, évaluation, fichiers ; pour un contrat clos, ce que « verrou » dit possible)'),
    valider: z.boolean(),
    supprimer: z.boolean(),
    creerFiche: z.boolean().describe('Créer une fiche-action : seulement quand le texte est ouvert (pas de verrou)'),
    publier: z.boolean().describe('Publier ou retirer le contrat'),
    voirAcces: z.boolean().describe('Voir la liste des personnes du contrat'),
    gererAcces: z.boolean().describe('Inviter des personnes et changer leurs rôles'),
  }),
});

export function routesContrats(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Contrats'];

  r.get('/api/contrats', {
    schema: {
      tags: t,
      summary: 'Les contrats que l’utilisateur peut voir',
      querystring: z.object({
        region: z.string().max(3).optional(),
        departement: z.string().max(3).optional(),
        statut: z.enum(STATUTS_CONTRAT).optional(),
        generation: z.coerce.number().int().min(1).optional(),
        q: z.string().max(200).optional(),
      }),
      response: { 200: z.array(contratResume), 400: probleme },
    },
    handler: (req) => contrats.listerContrats(ctx, req.utilisateur, req.query),
  });

  r.post('/api/contrats', {
    schema: { tags: t, summary: 'Créer un contrat (son créateur en devient coordonnateur)', body: contratSaisieSchema, response: { 201: cree, ...erreurs } },
    handler: async (req, rep) => rep.code(201).send({ id: await contrats.creerContrat(ctx, exigerConnecte(req.utilisateur), req.body) }),
  });

  r.get('/api/contrats/:id', {
    schema: { tags: t, summary: 'Un contrat : territoire, parties, stratégie, écarts à la doctrine, transitions possibles', params: id, response: { 200: contratDetail, ...erreurs } },
    handler: (req) => contrats.obtenirContrat(ctx, req.utilisateur, req.params.id),
  });

  r.put('/api/contrats/:id', {
    schema: { tags: t, summary: 'Modifier un contrat (version attendue ; 409 si périmée)', params: id, body: contratSaisieSchema.extend({ version: z.number().int() }), response: { 204: z.null(), ...erreurs } },
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
    schema: { tags: t, summary: 'Faire avancer le contrat dans son cycle de vie (la signature a des conditions)', params: id, body: changementStatutSchema, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await contrats.changerStatut(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.version, req.body.statut, req.body.confirmerAvertissements);
      return rep.code(204).send(null);
    },
  });

  r.post('/api/contrats/:id/renouvellement', {
    schema: {
      tags: t,
      summary: 'Créer la génération suivante, avec les fiches choisies',
      params: id,
      body: z.object({ ficheIds: z.array(z.uuid()).default([]), intitule: z.string().max(300).nullish() }),
      response: { 201: z.object({ id: z.uuid(), generation: z.number() }), ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await renouveler(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });

  // ---------- Signataires, partenaires
  r.post('/api/contrats/:id/signataires', {
    schema: { tags: t, summary: 'Ajouter un signataire', params: id, body: signataireSaisieSchema, response: { 201: cree, ...erreurs } },
    handler: async (req, rep) => rep.code(201).send(await parties.ajouterSignataire(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/signataires/:signataireId', {
    schema: { tags: t, summary: 'Modifier un signataire (représentant, date de signature)', params: idEt('signataireId'), body: signataireSaisieSchema, response: { 204: z.null(), ...erreurs } },
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
    schema: { tags: t, summary: 'Ajouter un partenaire (non signataire)', params: id, body: partenaireSaisieSchema, response: { 201: cree, ...erreurs } },
    handler: async (req, rep) => rep.code(201).send(await parties.ajouterPartenaire(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
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
    schema: { tags: te, summary: 'Prévoir une évaluation (type, calendrier, évaluateur, questions) ; après la signature, par avenant', params: id, body: evaluationPrevueSchema, response: { 201: cree, ...erreurs } },
    handler: async (req, rep) => rep.code(201).send(await articulation.ajouterEvaluationPrevue(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/evaluations-prevues/:evaluationPrevueId', {
    schema: { tags: te, summary: 'Modifier une évaluation prévue', params: idEt('evaluationPrevueId'), body: evaluationPrevueSchema, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await articulation.modifierEvaluationPrevue(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.evaluationPrevueId as string, req.body);
      return rep.code(204).send(null);
    },
  });
  r.delete('/api/contrats/:id/evaluations-prevues/:evaluationPrevueId', {
    schema: { tags: te, summary: 'Retirer une évaluation prévue', params: idEt('evaluationPrevueId'), response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await articulation.supprimerEvaluationPrevue(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.evaluationPrevueId as string);
      return rep.code(204).send(null);
    },
  });
  r.post('/api/contrats/:id/dispositifs-territoriaux', {
    schema: { tags: te, summary: 'Articuler le contrat avec un dispositif du territoire (ASV, CLSM, contrat de ville, CPTS, PTSM, autre)', params: id, body: dispositifTerritorialSchema, response: { 201: cree, ...erreurs } },
    handler: async (req, rep) => rep.code(201).send(await articulation.ajouterDispositif(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/dispositifs-territoriaux/:dispositifId', {
    schema: { tags: te, summary: 'Modifier un dispositif du territoire', params: idEt('dispositifId'), body: dispositifTerritorialSchema, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await articulation.modifierDispositif(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.dispositifId as string, req.body);
      return rep.code(204).send(null);
    },
  });
  r.delete('/api/contrats/:id/dispositifs-territoriaux/:dispositifId', {
    schema: { tags: te, summary: 'Retirer un dispositif (ses liens avec les fiches aussi)', params: idEt('dispositifId'), response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await articulation.supprimerDispositif(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.dispositifId as string);
      return rep.code(204).send(null);
    },
  });

  // ---------- Stratégie
  const ts = ['Stratégie'];
  r.post('/api/contrats/:id/axes', {
    schema: { tags: ts, summary: 'Ajouter un axe stratégique (en fin de liste)', params: id, body: axeSaisieSchema, response: { 201: cree, ...erreurs } },
    handler: async (req, rep) => rep.code(201).send(await parties.creerAxe(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/axes/ordre', {
    schema: { tags: ts, summary: 'Réordonner les axes (liste complète des identifiants)', params: id, body: reordonnancementSchema, response: { 204: z.null(), ...erreurs } },
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
    schema: { tags: ts, summary: 'Ajouter un objectif stratégique à un axe', params: idEt('axeId'), body: objectifSaisieSchema, response: { 201: cree, ...erreurs } },
    handler: async (req, rep) => rep.code(201).send(await parties.creerObjectif(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.axeId as string, req.body)),
  });
  r.put('/api/contrats/:id/axes/:axeId/objectifs/ordre', {
    schema: { tags: ts, summary: 'Réordonner les objectifs d’un axe', params: idEt('axeId'), body: reordonnancementSchema, response: { 204: z.null(), ...erreurs } },
    handler: async (req, rep) => {
      await parties.ordonnerObjectifs(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.axeId as string, req.body.ids);
      return rep.code(204).send(null);
    },
  });
  r.put('/api/contrats/:id/objectifs/:objectifId', {
    schema: { tags: ts, summary: 'Modifier un objectif et ses objectifs opérationnels', params: idEt('objectifId'), body: objectifSaisieSchema, response: { 204: z.null(), ...erreurs } },
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
      response: {
        200: z.object({
          versions: z.array(z.object({ id: z.string(), dateEffet: z.string(), avenantNumero: z.number().nullable(), avenantObjet: z.string().nullable() })),
          avenants: z.array(z.object({ id: z.string(), numero: z.number(), objet: z.string(), dateAvenant: z.string().nullable(), etat: z.enum(['brouillon', 'signe']), changements: z.array(z.object({ type: z.string(), libelle: z.string() })), creeLe: z.string() })),
        }),
        ...erreurs,
      },
    },
    handler: (req) => versions.listerVersions(ctx, req.utilisateur, req.params.id),
  });
  r.post('/api/contrats/:id/avenants', {
    schema: { tags: ta, summary: 'Ouvrir un avenant (le contrat signé redevient modifiable jusqu’à sa signature)', params: id, body: z.object({ objet: z.string().trim().min(3, 'Décrivez l’objet de l’avenant').max(500) }), response: { 201: z.object({ id: z.string(), numero: z.number() }), ...erreurs } },
    handler: async (req, rep) => rep.code(201).send(await versions.ouvrirAvenant(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.objet)),
  });
  r.post('/api/contrats/:id/avenants/:avenantId/signature', {
    schema: { tags: ta, summary: 'Signer l’avenant : la liste des changements est calculée et la version consolidée enregistrée', params: idEt('avenantId'), body: z.object({ dateAvenant: date }), response: { 200: z.object({ numero: z.number(), changements: z.array(z.object({ type: z.string(), libelle: z.string() })) }), ...erreurs } },
    handler: (req) => versions.signerAvenant(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.avenantId as string, req.body.dateAvenant),
  });
  r.get('/api/contrats/:id/version', {
    schema: {
      tags: ta,
      summary: 'Le contrat tel que signé (?signe=true) ou consolidé à une date (?date=AAAA-MM-JJ)',
      params: id,
      querystring: z.object({ date: date.optional(), signe: z.enum(['true', 'false']).optional() }),
      response: { 200: z.object({ dateEffet: z.string(), etat: z.record(z.string(), z.unknown()) }), ...erreurs },
    },
    handler: (req) => versions.versionDuContrat(ctx, req.utilisateur, req.params.id, { date: req.query.date, signe: req.query.signe === 'true' }),
  });

  // ---------- Doctrine régionale
  const td = ['Doctrine régionale'];
  const doctrineVue = z.object({ regionCode: z.string(), regionNom: z.string(), regles: doctrineSchema, version: z.number().int(), modifieLe: z.string().nullable(), modifiable: z.boolean() });
  r.get('/api/doctrines/:regionCode', {
    schema: { tags: td, summary: 'La doctrine CLS d’une région', params: z.object({ regionCode: z.string().regex(/^\d{2,3}$/, 'Code de région INSEE attendu (53, 84…)') }), response: { 200: doctrineVue, ...erreurs } },
    handler: (req) => contrats.obtenirDoctrine(ctx, req.utilisateur, req.params.regionCode),
  });
  r.put('/api/doctrines/:regionCode', {
    schema: { tags: td, summary: 'Modifier la doctrine (ARS de la région ; version attendue, 0 pour la première)', params: z.object({ regionCode: z.string().regex(/^\d{2,3}$/, 'Code de région INSEE attendu (53, 84…)') }), body: doctrineSchema.extend({ version: z.number().int() }), response: { 200: doctrineVue, ...erreurs } },
    handler: (req) => {
      const { version, ...regles } = req.body;
      return contrats.enregistrerDoctrine(ctx, exigerConnecte(req.utilisateur), req.params.regionCode, version, regles);
    },
  });

  routesConfirmations(app, ctx);
  routesAccesContrat(app, ctx);
}
