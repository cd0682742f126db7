import { z } from 'zod';
import { STATUTS_FICHE, TYPES_INDICATEUR_SUIVI } from '../contrats/taxonomies';
import { FORMAT_PERIODE_SUIVI } from './workflow';

const date = (libelle: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${libelle} : date attendue au format AAAA-MM-JJ`);
const texte = (max: number) => z.string().trim().max(max, `Au plus ${max} caractères`);
const nombre = (libelle: string) => z.number({ error: `${libelle} : nombre attendu` }).finite(`${libelle} : nombre attendu`);
export const periodeSuiviSchema = z
  .string({ error: 'Période attendue' })
  .regex(FORMAT_PERIODE_SUIVI, 'Période attendue : une année (2024), un semestre (2024-S1) ou un trimestre (2024-T3)');

/** A measured value: a number, or for a percentage its numerator and denominator (kept, so the rate can be checked). */
const mesure = z.object({
  valeur: nombre('Valeur').nullish(),
  numerateur: nombre('Numérateur').min(0, 'Le numérateur ne peut être négatif').nullish(),
  denominateur: nombre('Dénominateur').positive('Le dénominateur doit être positif').nullish(),
});

export const cibleSuiviSchema = mesure.extend({ periode: periodeSuiviSchema });
export const referenceSuiviSchema = mesure.extend({ date: date('Date de la valeur de référence').nullish() });

export const indicateurSuiviSchema = z
  .object({
    libelle: texte(500).min(1, 'Le libellé de l’indicateur est obligatoire'),
    type: z.enum(TYPES_INDICATEUR_SUIVI, { error: 'Type d’indicateur inconnu (processus, activité ou résultat)' }),
    unite: texte(100).nullish(),
    methode: texte(2000).nullish(),
    source: texte(500).nullish(),
    cible: texte(200).nullish().describe('La cible telle que la fiche l’énonce (« 6 par an ») ; les cibles mesurées sont dans `cibles`'),
    pourcentage: z.boolean().default(false),
    poids: nombre('Poids').positive('Le poids doit être positif').max(100, 'Poids au plus 100').default(1),
    reference: referenceSuiviSchema.nullish(),
    cibles: z.array(cibleSuiviSchema).max(40, 'Au plus 40 cibles').default([]),
    indicateurDiagnostic: texte(100).nullish().describe('Code d’un indicateur du catalogue du diagnostic'),
  })
  .superRefine((i, ctx) => {
    const periodes = new Set<string>();
    i.cibles.forEach((c, n) => {
      if (periodes.has(c.periode))
        ctx.addIssue({ code: 'custom', message: `Deux cibles pour la période ${c.periode}`, path: ['cibles', n, 'periode'] });
      periodes.add(c.periode);
      verifierMesure(c, i.pourcentage, ctx, ['cibles', n], true);
    });
    if (i.reference) verifierMesure(i.reference, i.pourcentage, ctx, ['reference'], false);
  });
export type IndicateurSuiviSaisie = z.infer<typeof indicateurSuiviSchema>;

/** A percentage is entered as numerator and denominator; any other indicator as a value. */
function verifierMesure(
  m: z.infer<typeof mesure>,
  pourcentage: boolean,
  ctx: z.RefinementCtx,
  chemin: (string | number)[],
  obligatoire: boolean,
) {
  if (pourcentage) {
    const vide = m.numerateur == null && m.denominateur == null;
    if (vide && !obligatoire && m.valeur == null) return;
    if (m.numerateur == null)
      ctx.addIssue({ code: 'custom', message: 'Numérateur attendu pour un pourcentage', path: [...chemin, 'numerateur'] });
    if (m.denominateur == null)
      ctx.addIssue({ code: 'custom', message: 'Dénominateur attendu pour un pourcentage', path: [...chemin, 'denominateur'] });
  } else if (m.valeur == null && obligatoire) ctx.addIssue({ code: 'custom', message: 'Valeur attendue', path: [...chemin, 'valeur'] });
}

/** The number a measure stands for: the rate in % for a percentage. */
export function valeurDeMesure(
  m: { valeur?: number | null; numerateur?: number | null; denominateur?: number | null },
  pourcentage: boolean,
): number | null {
  if (pourcentage) return m.numerateur != null && m.denominateur ? (m.numerateur / m.denominateur) * 100 : null;
  return m.valeur ?? null;
}

export const valeurSuiviSchema = mesure.extend({
  recit: texte(5000).nullish().describe('Ce qui a été fait, ce qui explique la valeur'),
  version: z.number().int().optional().describe('Version lue, pour refuser une saisie concurrente'),
});
export type ValeurSuiviSaisie = z.infer<typeof valeurSuiviSchema>;

export const bilanFicheSchema = z.object({
  recit: texte(10000).nullish().describe('Ce qui a été réalisé sur la période'),
  difficultes: texte(5000).nullish(),
  perspectives: texte(5000).nullish(),
  statutPropose: z.enum(STATUTS_FICHE, { error: 'Statut de fiche inconnu' }).nullish(),
  version: z.number().int().optional(),
});
export type BilanFicheSaisie = z.infer<typeof bilanFicheSchema>;

export const transitionSuiviSchema = z.object({
  action: z.enum(['soumettre', 'renvoyer', 'valider', 'rouvrir'], { error: 'Action attendue : soumettre, renvoyer, valider ou rouvrir' }),
  commentaire: texte(2000).nullish().describe('Obligatoire pour renvoyer ou rouvrir : ce qui est à corriger'),
});

export const campagneSchema = z.object({
  periode: periodeSuiviSchema,
  echeance: date('Échéance'),
  message: texte(5000).nullish().describe('Mot de la coordination ajouté au courriel des pilotes'),
});
export type CampagneSaisie = z.infer<typeof campagneSchema>;

export const CRITERES_EVALUATION = {
  pertinence: 'Pertinence',
  coherence: 'Cohérence',
  efficacite: 'Efficacité',
  efficience: 'Efficience',
  impact: 'Impact',
} as const;
export type CritereEvaluation = keyof typeof CRITERES_EVALUATION;

export const APPRECIATIONS = {
  satisfaisant: 'Satisfaisant',
  plutot_satisfaisant: 'Plutôt satisfaisant',
  peu_satisfaisant: 'Peu satisfaisant',
  insatisfaisant: 'Insatisfaisant',
  non_evaluable: 'Non évaluable',
} as const;

export const TYPES_EVALUATION = { intermediaire: 'Évaluation intermédiaire', finale: 'Évaluation finale' } as const;

/** Evidence behind a judgement: a validated follow-up value, a verbatim of the diagnostic, or an uploaded document. */
export const preuveSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('valeur'), id: z.uuid('Valeur inconnue') }),
    z.object({ type: z.literal('verbatim'), id: z.uuid('Verbatim inconnu') }),
    z.object({ type: z.literal('document'), id: z.uuid('Document inconnu') }),
  ],
  { error: 'Type de preuve inconnu (valeur, verbatim ou document)' },
);

export const questionEvaluativeSchema = z.object({
  critere: z.enum(Object.keys(CRITERES_EVALUATION) as [CritereEvaluation], { error: 'Critère inconnu' }),
  question: texte(1000).min(1, 'La question est obligatoire'),
  jugement: texte(10000).nullish(),
  appreciation: z.enum(Object.keys(APPRECIATIONS) as [keyof typeof APPRECIATIONS], { error: 'Appréciation inconnue' }).nullish(),
  preuves: z.array(preuveSchema).max(50, 'Au plus 50 preuves par question').default([]),
});

export const evaluationSchema = z.object({
  type: z.enum(Object.keys(TYPES_EVALUATION) as ['intermediaire', 'finale'], { error: 'Type d’évaluation inconnu' }),
  intitule: texte(300).min(2, 'L’intitulé doit compter au moins 2 caractères'),
  evaluateur: texte(300).nullish().describe('Qui évalue : équipe interne, cabinet…'),
  dateRapport: date('Date du rapport').nullish(),
  methode: texte(10000).nullish(),
  synthese: texte(20000).nullish(),
  questions: z.array(questionEvaluativeSchema).max(60, 'Au plus 60 questions').default([]),
  recommandations: z
    .array(z.object({ texte: texte(3000).min(1, 'Recommandation vide'), priorite: z.enum(['haute', 'moyenne', 'basse']).nullish() }))
    .max(60)
    .default([]),
  participants: z
    .array(
      z.object({
        nom: texte(200).min(1, 'Nom du participant obligatoire'),
        organisation: texte(300).nullish(),
        role: texte(200).nullish(),
      }),
    )
    .max(300)
    .default([]),
  terminee: z.boolean().default(false),
});
export type EvaluationSaisie = z.infer<typeof evaluationSchema>;
