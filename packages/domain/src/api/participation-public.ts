/**
 * The contract of the participation routes of issue 20, points 2 and 3 (tag Participation): temps publics of a
 * contract and their verbatims; avis des habitants, their moderation and what the public sees of them.
 */
import { z } from 'zod';
import {
  depotAvisSchema,
  extraitsTempsPublicSchema,
  moderationAvisSchema,
  NATURES_AVIS,
  type NatureAvis,
  STATUTS_AVIS,
  type StatutAvis,
  tempsPublicSchema,
  TYPES_TEMPS_PUBLIC,
  type TypeTempsPublic,
} from '..';

const uuid = z.uuid('Identifiant invalide');
export const cheminTempsPublic = z.object({ id: uuid, tempsPublicId: uuid });
export const cheminAvis = z.object({ id: uuid, avisId: uuid });

export const tempsPublic = z.object({
  id: z.string(),
  type: z.enum(Object.keys(TYPES_TEMPS_PUBLIC) as [TypeTempsPublic]),
  intitule: z.string(),
  dateTenue: z.string(),
  lieu: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeNom: z.string().nullable(),
  nombreParticipants: z.number().nullable(),
  publics: z.array(z.string()),
  intervenants: z.array(z.string()),
  synthese: z.string().nullable(),
  version: z.number(),
  nombreVerbatims: z.number().describe('Verbatims du diagnostic tirés de ce temps public'),
});
export type TempsPublic = z.infer<typeof tempsPublic>;
export const saisieTempsPublic = tempsPublicSchema;
export const modificationTempsPublic = tempsPublicSchema.and(z.object({ version: z.number({ error: 'Version attendue' }).int() }));
export const extraitsTempsPublic = extraitsTempsPublicSchema;
export const extraitsVerses = z.object({ verbatims: z.array(z.string()).describe('Identifiants des verbatims créés') });
export type ExtraitsVerses = z.infer<typeof extraitsVerses>;

const nature = z.enum(Object.keys(NATURES_AVIS) as [NatureAvis]);
/** What the public sees of a published opinion: never its contact, never its moderation notes. */
export const avisPublic = z.object({
  id: z.string(),
  nature,
  texte: z.string(),
  ficheId: z.string().nullable(),
  ficheNumero: z.number().nullable(),
  ficheIntitule: z.string().nullable(),
  deposeLe: z.string(),
  reponse: z.string().nullable().describe('La réponse publique de la coordination'),
  reponseLe: z.string().nullable(),
});
export type AvisPublic = z.infer<typeof avisPublic>;
export const depotAvis = depotAvisSchema;
export const avisRecu = z.object({ message: z.string() });
export type AvisRecu = z.infer<typeof avisRecu>;

/** What the coordination sees to moderate: the contact too (to answer privately), never the sender's address. */
export const avisAModerer = avisPublic.extend({
  contact: z.string().nullable(),
  statut: z.enum(Object.keys(STATUTS_AVIS) as [StatutAvis]),
  motifRejet: z.string().nullable(),
  modereLe: z.string().nullable(),
  version: z.number(),
});
export type AvisAModerer = z.infer<typeof avisAModerer>;
export const moderationAvis = moderationAvisSchema;
export const filtreAvis = z.object({
  statut: z.enum(Object.keys(STATUTS_AVIS) as [StatutAvis], { error: 'Statut : en_attente, publie ou rejete' }).optional(),
});
