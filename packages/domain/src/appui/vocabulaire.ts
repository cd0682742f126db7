import { z } from 'zod';

/**
 * The words of the fonctions d'appui à la coordination (DAC, issue 18, seed 004): who asks the guichet unique, how
 * urgent, the graded answer (« de l'information et l'orientation à la gestion de cas »), the staff roles of a team.
 */

/** The staff roles of a support team (a team is an organisation; decision 0031). */
export const ROLES_APPUI = { coordinateur_appui: 'Coordinateur·rice d’appui', gestionnaire_cas: 'Gestionnaire de cas' } as const;
export type RoleAppui = keyof typeof ROLES_APPUI;
export const roleAppuiSchema = z.enum(Object.keys(ROLES_APPUI) as [RoleAppui, ...RoleAppui[]], {
  error: 'Rôle inconnu : coordinateur_appui ou gestionnaire_cas',
});

/** Who asks: first of all the médecin traitant; any professional, an establishment, the person or a carer. */
export const ORIGINES_DEMANDE = {
  medecin_traitant: 'Médecin traitant',
  professionnel_sante: 'Autre professionnel de santé',
  professionnel_social: 'Professionnel du social ou du médico-social',
  etablissement: 'Établissement',
  personne: 'La personne elle-même',
  aidant: 'Un aidant ou un proche',
  autre: 'Autre',
} as const;
export type OrigineDemande = keyof typeof ORIGINES_DEMANDE;
export const origineDemandeSchema = z.enum(Object.keys(ORIGINES_DEMANDE) as [OrigineDemande, ...OrigineDemande[]], {
  error: 'Origine inconnue : medecin_traitant, professionnel_sante, professionnel_social, etablissement, personne, aidant ou autre',
});

export const CANAUX_DEMANDE = { formulaire: 'Formulaire en ligne', telephone: 'Appel téléphonique' } as const;
export type CanalDemande = keyof typeof CANAUX_DEMANDE;

export const URGENCES = { normale: 'Normale', rapide: 'Rapide (sous 72 h)', immediate: 'Immédiate (sous 24 h)' } as const;
export type Urgence = keyof typeof URGENCES;
export const urgenceSchema = z.enum(Object.keys(URGENCES) as [Urgence, ...Urgence[]], {
  error: 'Urgence inconnue : normale, rapide ou immediate',
});

/** The graded answer, from the lightest to the most intensive. */
export const NIVEAUX_REPONSE = {
  information_orientation: 'Information et orientation',
  appui_ponctuel: 'Appui ponctuel',
  coordination: 'Coordination (appui soutenu)',
  gestion_de_cas: 'Gestion de cas (intensif)',
} as const;
export type NiveauReponse = keyof typeof NIVEAUX_REPONSE;
export const ORDRE_NIVEAUX = Object.keys(NIVEAUX_REPONSE) as NiveauReponse[];
export const niveauReponseSchema = z.enum(ORDRE_NIVEAUX as [NiveauReponse, ...NiveauReponse[]]);

/** The five dimensions of complexity of the evaluation grid. */
export const DIMENSIONS_EVALUATION = {
  medicale: 'Médicale',
  psychologique: 'Psychologique',
  sociale: 'Sociale',
  environnementale: 'Environnementale (cadre de vie)',
  fonctionnelle: 'Fonctionnelle (autonomie)',
} as const;
export type DimensionEvaluation = keyof typeof DIMENSIONS_EVALUATION;

/** A dimension's score: 0 no difficulty, 1 light, 2 moderate, 3 severe. */
export const COTATIONS = { 0: 'Aucune difficulté', 1: 'Difficulté légère', 2: 'Difficulté modérée', 3: 'Difficulté sévère' } as const;
export const cotationSchema = z
  .number({ error: 'Cotation attendue : un entier de 0 (aucune difficulté) à 3 (difficulté sévère)' })
  .int('Cotation attendue : un entier de 0 à 3')
  .min(0, 'Cotation attendue : un entier de 0 à 3')
  .max(3, 'Cotation attendue : un entier de 0 à 3');

export const ISSUES_ORIENTATION = { en_attente: 'En attente', acceptee: 'Acceptée', refusee: 'Refusée' } as const;
export type IssueOrientation = keyof typeof ISSUES_ORIENTATION;
export const issueOrientationSchema = z.enum(Object.keys(ISSUES_ORIENTATION) as [IssueOrientation, ...IssueOrientation[]], {
  error: 'Issue inconnue : en_attente, acceptee ou refusee',
});

export const STATUTS_DEMANDE = { recue: 'Reçue', situation_ouverte: 'Situation ouverte', sans_suite: 'Sans suite' } as const;
export type StatutDemande = keyof typeof STATUTS_DEMANDE;
export const STATUTS_SITUATION = { ouverte: 'Ouverte', close: 'Clôturée' } as const;
export type StatutSituation = keyof typeof STATUTS_SITUATION;

export const MOTIFS_CLOTURE = {
  objectifs_atteints: 'Objectifs atteints',
  relais_pris: 'Relais pris par un autre acteur',
  refus_personne: 'Refus de la personne',
  demenagement: 'Déménagement hors du territoire',
  entree_etablissement: 'Entrée en établissement',
  deces: 'Décès',
  autre: 'Autre',
} as const;
export type MotifCloture = keyof typeof MOTIFS_CLOTURE;

export const SEXES = { F: 'Féminin', M: 'Masculin', I: 'Indéterminé' } as const;
export type Sexe = keyof typeof SEXES;
