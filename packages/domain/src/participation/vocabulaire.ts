import { z } from 'zod';

/** The kinds of question a consultation can ask (issue 20 item 1). */
export const TYPES_QUESTION = {
  choix_unique: 'Choix unique',
  choix_multiple: 'Choix multiple',
  echelle: 'Échelle',
  texte_court: 'Texte court',
  texte_long: 'Texte long',
  commune: 'Commune de résidence',
  tranche_age: 'Tranche d’âge',
} as const;
export type TypeQuestion = keyof typeof TYPES_QUESTION;
export const typeQuestionSchema = z.enum(Object.keys(TYPES_QUESTION) as [TypeQuestion, ...TypeQuestion[]], {
  error: 'Type de question inconnu (choix_unique, choix_multiple, echelle, texte_court, texte_long, commune, tranche_age)',
});

/** The questions whose answers are free text (the ones that can become verbatims). */
export const TYPES_TEXTE: readonly TypeQuestion[] = ['texte_court', 'texte_long'];
export const LONGUEUR_TEXTE: Record<'texte_court' | 'texte_long', number> = { texte_court: 300, texte_long: 4000 };

/** Age bands, as INSEE publishes population by age (so that answers can be compared with the population). */
export const TRANCHES_AGE = {
  moins_18: 'Moins de 18 ans',
  '18_24': '18 à 24 ans',
  '25_39': '25 à 39 ans',
  '40_54': '40 à 54 ans',
  '55_64': '55 à 64 ans',
  '65_74': '65 à 74 ans',
  '75_plus': '75 ans ou plus',
} as const;
export type TrancheAge = keyof typeof TRANCHES_AGE;

export const STATUTS_CONSULTATION = { brouillon: 'Brouillon', ouverte: 'Ouverte', close: 'Clôturée' } as const;
export type StatutConsultation = keyof typeof STATUTS_CONSULTATION;
export const statutConsultationSchema = z.enum(['brouillon', 'ouverte', 'close']);

/** brouillon → ouverte → close; never back (answers were given to that questionnaire). */
export const TRANSITIONS_CONSULTATION: Record<StatutConsultation, StatutConsultation[]> = {
  brouillon: ['ouverte'],
  ouverte: ['close'],
  close: [],
};
