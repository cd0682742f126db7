import { z } from 'zod';

/**
 * Two things seed 003 asks of a CLS before and around its signature: an evaluation planned jointly by the
 * signatories « avant la signature du contrat », and its articulation with the territory's other schemes
 * (ASV, CLSM, contrat de ville, CPTS, PTSM…), which it « n’a pas vocation à se substituer ».
 */

const date = (libelle: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${libelle} : date attendue au format AAAA-MM-JJ`);
const texte = (max: number) => z.string().trim().max(max, `Au plus ${max} caractères`);

// ---------- Plan d'évaluation

/** The same two types as the evaluation report (suivi), so that a planned evaluation maps to its report. */
export const TYPES_EVALUATION_PREVUE = { intermediaire: 'Évaluation intermédiaire', finale: 'Évaluation finale' } as const;
export type TypeEvaluationPrevue = keyof typeof TYPES_EVALUATION_PREVUE;
export const EVALUATEURS = {
  interne: 'En interne (par les signataires ou l’équipe du CLS)',
  externe: 'Par un évaluateur externe',
} as const;
export type Evaluateur = keyof typeof EVALUATEURS;

export const evaluationPrevueSchema = z
  .object({
    type: z.enum(Object.keys(TYPES_EVALUATION_PREVUE) as [TypeEvaluationPrevue], { error: 'Type d’évaluation : intermédiaire ou finale' }),
    echeance: date('Échéance').nullish().describe('Date à laquelle l’évaluation doit être rendue'),
    moment: texte(300).nullish().describe('Le calendrier dit en mots (« à mi-parcours », « avant le CLS 2 »)'),
    evaluateurType: z.enum(Object.keys(EVALUATEURS) as [Evaluateur], { error: 'Évaluateur : interne ou externe' }),
    evaluateurNom: texte(300).nullish().describe('Qui évalue : équipe, service, cabinet (vide : à désigner)'),
    questions: z.array(texte(1000).min(1, 'Question vide')).max(30, 'Au plus 30 questions évaluatives').default([]),
  })
  // Either field answers "when": without both, the error names both, so each form field and API client sees it.
  .superRefine((e, ctx) => {
    if (e.echeance || e.moment?.trim()) return;
    for (const champ of ['echeance', 'moment'])
      ctx.addIssue({ code: 'custom', message: 'Indiquez quand l’évaluation aura lieu (échéance ou calendrier en mots)', path: [champ] });
  });
export type EvaluationPrevueSaisie = z.infer<typeof evaluationPrevueSchema>;

/** What the signature warning needs of the plan. */
export interface PlanPourSignature {
  evaluationsPrevues: readonly { questions: readonly string[] }[];
}

/**
 * Warnings the signatories must acknowledge before signing; they never block (seed 003 says the evaluation
 * « devra être prévue », a recommendation of method, not a legal condition of the contract).
 */
export function avertissementsSignature(plan: PlanPourSignature): string[] {
  if (!plan.evaluationsPrevues.length)
    return [
      'Aucune évaluation n’est prévue : l’évaluation devrait être prévue conjointement par les signataires avant la signature (type, calendrier, évaluateur, questions évaluatives).',
    ];
  if (plan.evaluationsPrevues.every((e) => !e.questions.length))
    return ['Le plan d’évaluation ne formule encore aucune question évaluative.'];
  return [];
}

// ---------- Articulation avec les dispositifs territoriaux

export const TYPES_DISPOSITIF_TERRITORIAL = {
  asv: 'Atelier santé ville (ASV)',
  clsm: 'Conseil local de santé mentale (CLSM)',
  contrat_ville: 'Contrat de ville',
  cpts: 'Communauté professionnelle territoriale de santé (CPTS)',
  ptsm: 'Projet territorial de santé mentale (PTSM)',
  autre: 'Autre dispositif',
} as const;
export type TypeDispositifTerritorial = keyof typeof TYPES_DISPOSITIF_TERRITORIAL;

export const dispositifTerritorialSchema = z
  .object({
    type: z.enum(Object.keys(TYPES_DISPOSITIF_TERRITORIAL) as [TypeDispositifTerritorial], {
      error: 'Type de dispositif inconnu (ASV, CLSM, contrat de ville, CPTS, PTSM ou autre)',
    }),
    nom: texte(300).min(2, 'Nommez le dispositif (au moins 2 caractères)'),
    territoire: texte(300).nullish().describe('Le territoire qu’il couvre, en mots'),
    debut: date('Début').nullish(),
    fin: date('Fin').nullish(),
    lien: z
      .url({ protocol: /^https?$/, error: 'Lien : adresse web attendue (https://…)' })
      .max(1000, 'Au plus 1000 caractères')
      .nullish()
      .describe('Page du dispositif'),
  })
  .refine((d) => !d.debut || !d.fin || d.fin >= d.debut, { message: 'La fin précède le début', path: ['fin'] });
export type DispositifTerritorialSaisie = z.infer<typeof dispositifTerritorialSchema>;

export const liensDispositifsSchema = z.object({
  dispositifIds: z
    .array(z.uuid('Dispositif inconnu'))
    .max(50, 'Au plus 50 dispositifs')
    .describe('Les dispositifs du contrat auxquels la fiche se rattache (liste complète)'),
});
