import { TYPES_ORGANISATION, ROLES_CONTRAT } from '@maillage/domain';
import { z } from 'zod';
import { probleme } from '../../platform/openapi';

export const habilitation = z.union([
  z.object({ role: z.literal('admin') }),
  z.object({ role: z.literal('ars_regional'), regionCode: z.string() }),
  z.object({ role: z.literal('referent_organisation'), organisationId: z.string(), organisationNom: z.string().optional() }),
  z.object({ role: z.enum(ROLES_CONTRAT), contratId: z.string(), contratIntitule: z.string().optional() }),
]);

export const organisation = z.object({
  id: z.uuid(),
  nom: z.string(),
  sigle: z.string().nullable(),
  type: z.enum(Object.keys(TYPES_ORGANISATION) as [string, ...string[]]),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  finess: z.string().nullable(),
  regionCode: z.string().nullable(),
  departementCode: z.string().nullable(),
  territoireCode: z.string().nullable(),
  version: z.number().int(),
  modifieLe: z.string(),
});

/** 409 on creation: the organisations that may already be the one to create. */
export const problemeDoublons = probleme.extend({
  doublons: z
    .array(
      organisation.extend({
        motifs: z.array(z.enum(['siret', 'finess', 'siren', 'nom_identique', 'nom_proche'])),
        bloquant: z.boolean().describe('Certainement la même organisation : la création est refusée'),
      }),
    )
    .optional(),
  creationPossible: z.boolean().optional().describe('Aucun doublon bloquant : la création peut être confirmée'),
});

export const utilisateur = z.object({
  id: z.uuid(),
  email: z.string(),
  prenom: z.string(),
  nom: z.string(),
  organisationId: z.string().nullable(),
  organisationNom: z.string().nullable(),
  organisationType: z.string().nullable(),
  actif: z.boolean(),
  version: z.number().int(),
  derniereConnexion: z.string().nullable(),
  habilitations: z.array(habilitation),
});

export const session = z.object({
  utilisateur: z.object({ id: z.uuid(), email: z.string(), prenom: z.string(), nom: z.string() }),
  organisation: z.object({ id: z.uuid(), nom: z.string(), type: z.string() }).nullable(),
  roles: z.array(habilitation),
  csrfToken: z.string().nullable().describe('À renvoyer dans l’en-tête X-CSRF-Token (null pour un jeton d’API)'),
});

export const jeton = z.object({
  id: z.uuid(),
  libelle: z.string(),
  prefixe: z.string(),
  creeLe: z.string(),
  dernierUsage: z.string().nullable(),
});

export const pagination = z.object({
  page: z.coerce.number().int().min(1).default(1),
  parPage: z.coerce.number().int().min(1).max(200).default(50),
});

export const page = <T extends z.ZodType>(element: T) => z.object({ total: z.number().int(), elements: z.array(element) });
