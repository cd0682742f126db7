/** Avis des habitants on a published contract or fiche (issue 20, point 3): submission, moderation, what is public. */
import { z } from 'zod';

export const NATURES_AVIS = { avis: 'Avis', suggestion: 'Suggestion' } as const;
export type NatureAvis = keyof typeof NATURES_AVIS;
export const STATUTS_AVIS = { en_attente: 'À modérer', publie: 'Publié', rejete: 'Rejeté' } as const;
export type StatutAvis = keyof typeof STATUTS_AVIS;

/** Submissions per client address and per hour; beyond, 429. */
export const DEPOTS_AVIS_PAR_HEURE = 5;
/** The honeypot's name: a field hidden from people that only robots fill. */
export const CHAMP_PIEGE_AVIS = 'siteWeb';

const vide = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * What an inhabitant sends. The same schema checks the JSON route and the form sent without JavaScript (where every
 * field arrives as text, an empty one as "").
 */
export const depotAvisSchema = z.object({
  nature: z.enum(Object.keys(NATURES_AVIS) as [NatureAvis], { error: 'Choisissez : avis ou suggestion' }).default('avis'),
  texte: z
    .string({ error: 'Écrivez votre avis' })
    .trim()
    .min(10, 'Votre avis doit compter au moins 10 caractères')
    .max(3000, 'Votre avis ne doit pas dépasser 3 000 caractères'),
  contact: z.preprocess(
    vide,
    z
      .string()
      .trim()
      .max(200, 'Le contact ne doit pas dépasser 200 caractères')
      .refine((c) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c) || /^\+?[\d\s.-]{10,20}$/.test(c), {
        message: 'Contact : une adresse électronique (nom@exemple.fr) ou un numéro de téléphone',
      })
      .optional(),
  ),
  ficheId: z.preprocess(vide, z.uuid('Action inconnue').optional()),
  [CHAMP_PIEGE_AVIS]: z.string().max(500).optional(),
});
export type DepotAvis = z.infer<typeof depotAvisSchema>;

/** A robot filled the hidden field: the submission is answered as accepted and dropped (opinions and consultation answers). */
export const estPiege = (d: { [CHAMP_PIEGE_AVIS]?: string | null }) => !!d[CHAMP_PIEGE_AVIS]?.trim();

export const moderationAvisSchema = z
  .object({
    decision: z.enum(['publier', 'rejeter'], { error: 'Décision : publier ou rejeter' }),
    motif: z.string().trim().max(1000, 'Au plus 1 000 caractères').nullish(),
    reponse: z.string().trim().max(3000, 'La réponse ne doit pas dépasser 3 000 caractères').nullish(),
    version: z.number({ error: 'Version attendue' }).int(),
  })
  .refine((m) => m.decision !== 'rejeter' || !!m.motif, { message: 'Donnez le motif du rejet', path: ['motif'] })
  .refine((m) => m.decision !== 'rejeter' || !m.reponse, {
    message: 'Un avis rejeté n’est pas publié : sa réponse ne le serait pas non plus',
    path: ['reponse'],
  });
export type ModerationAvis = z.infer<typeof moderationAvisSchema>;

/** Only a published opinion is public; its answer with it. Nothing else of an opinion ever is (no contact). */
export const estPublic = (a: { statut: StatutAvis }) => a.statut === 'publie';
