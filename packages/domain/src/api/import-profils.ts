/** Options and proposals of the value import for Santé publique France (Odissé) and INSEE files (décision 0040). */
import { z } from 'zod';

const entete = z.string().trim().min(1, 'En-tête de colonne requis').max(200);
const codeIndicateur = z.string().trim().min(1, 'Code d’indicateur requis').max(60);
const periode = z.string().trim().min(1, 'Période requise').max(20).describe('2021, ou 2011-2015');

/** An Odissé CSV: one row per territory and period; the value columns (or one indicator column and one value column). */
export const optionsOdisse = z.object({
  territoire: entete.describe('Colonne du code du territoire (« Département Code », « Code EPCI »…)'),
  /** Absent: each code's shape says; a département or région column says it in its header. */
  territoireType: z.enum(['commune', 'epci', 'departement', 'region']).optional(),
  periode: entete.describe('Colonne de la période (« Année »)'),
  /** Value columns → indicator codes ("Taux de notification" → taux_…). */
  colonnes: z.record(z.string().max(200), codeIndicateur).default({}).describe('Colonne de valeurs → code d’indicateur'),
  /** Or: a column naming the indicator on each row, its texts mapped to codes, and the column of the value. */
  indicateur: entete.optional().describe('Colonne qui nomme l’indicateur de chaque ligne'),
  indicateurs: z.record(z.string().max(200), codeIndicateur).default({}).describe('Texte de la colonne indicateur → code'),
  valeur: entete.optional().describe('Colonne de la valeur, avec la colonne indicateur'),
});
export type OptionsOdisse = z.infer<typeof optionsOdisse>;

/** An INSEE wide file: one row per commune (CODGEO), chosen variable columns → an indicator and a period each. */
export const optionsInsee = z.object({
  territoire: entete.default('CODGEO').describe('Colonne du code géographique'),
  territoireType: z.enum(['commune', 'epci', 'departement', 'region']).default('commune'),
  colonnes: z
    .record(z.string().max(200), z.object({ indicateur: codeIndicateur, periode }))
    .refine((c) => Object.keys(c).length > 0, 'Associez au moins une colonne à un indicateur')
    .describe('Variable (P21_POP) → indicateur et période'),
});
export type OptionsInsee = z.infer<typeof optionsInsee>;

/** What the preview proposes for such a file, for the mapping step to show and the user to correct. */
export const propositionProfil = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('odisse'),
    territoire: z.string().nullable(),
    territoireType: z.string().nullable(),
    periode: z.string().nullable(),
    indicateur: z.string().nullable(),
    valeur: z.string().nullable(),
    /** Other columns that hold numbers in the first rows: candidates for values. */
    colonnesValeurs: z.array(z.object({ entete: z.string(), indicateur: z.string().nullable() })),
  }),
  z.object({
    type: z.literal('insee'),
    territoire: z.string(),
    /** Each variable column, its year read from the prefix (P21 → 2021) and the indicator proposed, if any. */
    variables: z.array(z.object({ entete: z.string(), periode: z.string(), indicateur: z.string().nullable() })),
  }),
]);
export type PropositionProfil = z.infer<typeof propositionProfil>;
