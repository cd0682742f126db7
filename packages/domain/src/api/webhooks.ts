/**
 * The contract of the webhook routes (tag Webhooks, issue 19 item 4, decision 0039): each request and answer once,
 * for the server's validation, the OpenAPI document and the web client.
 */
import { z } from 'zod';
import { RESULTATS_TENTATIVE, STATUTS_ABONNEMENT, STATUTS_LIVRAISON, TYPES_EVENEMENT } from '../webhooks';
import { pagination } from './comptes';

const uuid = z.uuid('Identifiant invalide');

export const typeEvenementSchema = z.enum(TYPES_EVENEMENT, { error: `Événement inconnu (${TYPES_EVENEMENT.join(', ')})` });

export const cheminAbonnement = z.object({ id: uuid });
export const cheminLivraison = z.object({ id: uuid, livraisonId: uuid });

export const filtreAbonnements = z.object({
  organisationId: uuid.optional().describe('Les abonnements de cette organisation (par défaut, toutes celles que vous gérez)'),
});

/** POST /api/webhooks */
export const abonnementCorps = z.object({
  organisationId: uuid.optional().describe('L’organisation abonnée ; facultatif quand vous êtes référent d’une seule organisation'),
  url: z
    .string({ error: 'Adresse de réception attendue' })
    .trim()
    .min(1, 'Adresse de réception attendue')
    .max(2000, 'Adresse trop longue (2 000 caractères au plus)')
    .describe('Adresse https:// qui reçoit les livraisons (POST JSON signé)'),
  evenements: z
    .array(typeEvenementSchema, { error: 'Liste d’événements attendue' })
    .min(1, 'Choisissez au moins un événement')
    .max(TYPES_EVENEMENT.length),
  description: z.string().trim().max(200, 'Description trop longue (200 caractères au plus)').nullish(),
});
export type AbonnementCorps = z.infer<typeof abonnementCorps>;

/** PATCH /api/webhooks/{id}: pause or resume, change the events or the URL; with the version read. */
export const abonnementModification = z.object({
  version: z.number({ error: 'Version attendue' }).int().min(1),
  statut: z.enum(STATUTS_ABONNEMENT, { error: 'Statut inconnu (actif, en_pause)' }).optional(),
  url: abonnementCorps.shape.url.optional(),
  evenements: abonnementCorps.shape.evenements.optional(),
  description: abonnementCorps.shape.description,
});
export type AbonnementModification = z.infer<typeof abonnementModification>;

export const abonnementVue = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationNom: z.string(),
  url: z.string(),
  evenements: z.array(typeEvenementSchema),
  description: z.string().nullable(),
  statut: z.enum(STATUTS_ABONNEMENT),
  motifPause: z.string().nullable(),
  echecsConsecutifs: z.number().int(),
  creeLe: z.string(),
  modifieLe: z.string(),
  version: z.number().int(),
});
export type AbonnementVue = z.infer<typeof abonnementVue>;

/** The answer to the creation: the only time the secret is shown. */
export const abonnementCree = abonnementVue.extend({
  secret: z.string().describe('Secret de signature (HMAC-SHA256) : affiché une seule fois, à conserver côté récepteur'),
});

export const tentativeVue = z.object({
  numero: z.number().int(),
  debut: z.string(),
  dureeMs: z.number().int(),
  resultat: z.enum(RESULTATS_TENTATIVE),
  codeHttp: z.number().int().nullable(),
  extrait: z.string().nullable().describe('Début de la réponse du récepteur, ou la raison de l’échec'),
});

export const livraisonVue = z.object({
  id: z.uuid(),
  evenementId: z.uuid(),
  type: typeEvenementSchema,
  statut: z.enum(STATUTS_LIVRAISON),
  tentatives: z.array(tentativeVue),
  prochaineTentative: z.string().nullable(),
  rejeuDe: z.uuid().nullable(),
  creeLe: z.string(),
  corps: z.string().describe('Le corps JSON exact envoyé'),
});
export type LivraisonVue = z.infer<typeof livraisonVue>;

/** GET /api/webhooks/{id}/livraisons: the platform's pagination. */
export const filtreLivraisons = pagination;
export const listeLivraisons = z.object({ total: z.number().int(), livraisons: z.array(livraisonVue) });
