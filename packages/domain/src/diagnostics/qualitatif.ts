import { z } from 'zod';
import { codeCommuneInseeSchema } from '../territoires';

export const LOCUTEURS = ['habitant', 'acteur du territoire', 'élu', 'professionnel', 'usager', 'autre'] as const;
export const TYPES_RENCONTRE = {
  entretien: 'Entretien',
  reunion_publique: 'Réunion publique',
  consultation: 'Consultation',
  atelier: 'Atelier',
} as const;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ');

export const verbatimSchema = z.object({
  texte: z.string().trim().min(3, 'Le verbatim doit compter au moins 3 caractères').max(5000),
  locuteur: z.enum(LOCUTEURS, { error: 'Locuteur : habitant, acteur du territoire, élu, professionnel, usager ou autre' }),
  communeCode: codeCommuneInseeSchema.nullish(),
  source: z.string().trim().max(300).nullish(),
  dateRecueil: date.nullish(),
});

export const rencontreSchema = z.object({
  type: z.enum(Object.keys(TYPES_RENCONTRE) as [keyof typeof TYPES_RENCONTRE], { error: 'Type de rencontre inconnu' }),
  titre: z.string().trim().min(3, 'Le titre doit compter au moins 3 caractères').max(300),
  dateRencontre: date.nullish(),
  participants: z.string().trim().max(5000).nullish(),
  synthese: z.string().trim().max(20000).nullish(),
});

export const constatSchema = z.object({
  intitule: z.string().trim().min(3, 'L’intitulé doit compter au moins 3 caractères').max(500),
  description: z.string().trim().max(5000).nullish(),
  indicateurs: z.array(z.string()).default([]),
  verbatims: z.array(z.uuid()).default([]),
});

export const besoinSchema = z.object({
  intitule: z.string().trim().min(3, 'L’intitulé doit compter au moins 3 caractères').max(500),
  description: z.string().trim().max(5000).nullish(),
  constats: z.array(z.uuid()).default([]),
});

export const prioriteSchema = z.object({
  intitule: z.string().trim().min(3, 'L’intitulé doit compter au moins 3 caractères').max(500),
  description: z.string().trim().max(5000).nullish(),
  besoins: z.array(z.uuid()).default([]),
  axes: z.array(z.uuid()).default([]),
});
