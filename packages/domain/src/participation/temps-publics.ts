/** Temps publics of a contract (issue 20, point 2): public meetings, forums, health days, and what they produce. */
import { z } from 'zod';
import { PUBLICS } from '../contrats/taxonomies';
import { LOCUTEURS } from '../diagnostics/qualitatif';
import { codeCommuneInseeSchema } from '../territoires';

export const TYPES_TEMPS_PUBLIC = {
  reunion_publique: 'Réunion publique',
  forum: 'Forum',
  journee_sante: 'Journée santé',
  autre: 'Autre temps public',
} as const;
export type TypeTempsPublic = keyof typeof TYPES_TEMPS_PUBLIC;

/** The publics a temps public reached: the fiche's publics, plus those the politique de la ville names. */
export const PUBLICS_TEMPS_PUBLIC: { code: string; libelle: string }[] = [
  ...PUBLICS.map(({ code, libelle }) => ({ code, libelle })),
  { code: 'habitants_qpv', libelle: 'Habitants des quartiers prioritaires (QPV)' },
  { code: 'usagers', libelle: 'Usagers du système de santé' },
];
export const libellePublicTempsPublic = (code: string) => PUBLICS_TEMPS_PUBLIC.find((p) => p.code === code)?.libelle ?? code;

const date = z.string({ error: 'Date attendue' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ');
const ligne = (max: number) => z.string().trim().min(1, 'Ligne vide').max(max, `Au plus ${max} caractères par ligne`);

export const tempsPublicSchema = z.object({
  type: z.enum(Object.keys(TYPES_TEMPS_PUBLIC) as [TypeTempsPublic], {
    error: 'Type : réunion publique, forum, journée santé ou autre temps public',
  }),
  intitule: z
    .string({ error: 'L’intitulé est obligatoire' })
    .trim()
    .min(3, 'L’intitulé doit compter au moins 3 caractères')
    .max(300, 'Au plus 300 caractères'),
  dateTenue: date,
  lieu: z.string().trim().max(300, 'Au plus 300 caractères').nullish(),
  communeCode: codeCommuneInseeSchema.nullish(),
  nombreParticipants: z
    .number({ error: 'Nombre de participants : un nombre entier' })
    .int('Nombre de participants : un nombre entier')
    .min(0, 'Le nombre de participants ne peut pas être négatif')
    .max(1_000_000, 'Nombre de participants trop grand')
    .nullish(),
  publics: z
    .array(z.enum(PUBLICS_TEMPS_PUBLIC.map((p) => p.code) as [string], { error: 'Public inconnu' }))
    .max(20)
    .default([]),
  intervenants: z.array(ligne(300)).max(50, 'Au plus 50 intervenants').default([]),
  synthese: z.string().trim().max(20000, 'Au plus 20 000 caractères').nullish(),
});
export type TempsPublicSaisi = z.infer<typeof tempsPublicSchema>;

/** Extracts of a temps public that become verbatims of the diagnostic, with the temps public as source. */
export const extraitsTempsPublicSchema = z.object({
  extraits: z
    .array(
      z.object({
        texte: z.string().trim().min(3, 'Un extrait doit compter au moins 3 caractères').max(5000, 'Au plus 5 000 caractères'),
        locuteur: z.enum(LOCUTEURS, { error: 'Locuteur : habitant, acteur du territoire, élu, professionnel, usager ou autre' }),
      }),
    )
    .min(1, 'Donnez au moins un extrait')
    .max(100, 'Au plus 100 extraits à la fois'),
});
export type ExtraitsTempsPublic = z.infer<typeof extraitsTempsPublicSchema>;

/** The source a verbatim drawn from a temps public carries: "Forum santé des jeunes (forum, 12/03/2026)". */
export function sourceVerbatimTempsPublic(t: { type: TypeTempsPublic; intitule: string; dateTenue: string }): string {
  const [a, m, j] = t.dateTenue.split('-');
  return `${t.intitule} (${TYPES_TEMPS_PUBLIC[t.type].toLowerCase()}, ${j}/${m}/${a})`.slice(0, 300);
}
