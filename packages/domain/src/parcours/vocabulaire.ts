import { z } from 'zod';

/**
 * The words of the parcours de santé (issue 17 items 4–6), from seed 001: successive steps "de l'information au
 * dépistage, du dépistage aux soins, des soins jusqu'au retour à domicile", the ruptures that harm the user, and the
 * "grille de coopération locale" saying who does what at each step.
 */

/** The steps the editor suggests; a step may also carry a free label (code null). */
export const ETAPES_SUGGEREES = {
  reperage: 'Repérage',
  information: 'Information',
  acces_droits: 'Accès aux droits',
  depistage: 'Dépistage',
  diagnostic: 'Diagnostic',
  soins: 'Soins',
  accompagnement: 'Accompagnement',
  retour_domicile: 'Retour à domicile',
} as const;
export type EtapeSuggeree = keyof typeof ETAPES_SUGGEREES;

/** What an actor does at a step, in the cells of the grille de coopération locale. */
export const ROLES_COOPERATION = {
  repere: 'Repère',
  informe: 'Informe',
  oriente: 'Oriente',
  evalue: 'Évalue',
  prend_en_charge: 'Prend en charge',
  coordonne: 'Coordonne',
} as const;
export type RoleCooperation = keyof typeof ROLES_COOPERATION;

/** The life of a rupture: signalée, analysée, traitée (a fiche-action treats it), close. */
export const STATUTS_RUPTURE = { signalee: 'Signalée', analysee: 'Analysée', traitee: 'Traitée', close: 'Close' } as const;
export type StatutRupture = keyof typeof STATUTS_RUPTURE;

export const GRAVITES_RUPTURE = { faible: 'Faible', moyenne: 'Moyenne', elevee: 'Élevée', critique: 'Critique' } as const;
export type GraviteRupture = keyof typeof GRAVITES_RUPTURE;

/** What a rupture rests on: a verbatim or a constat of the contract's diagnostic, a professional's report, an indicator. */
export const TYPES_PREUVE_RUPTURE = {
  verbatim: 'Verbatim du diagnostic',
  constat: 'Constat du diagnostic',
  signalement: 'Signalement d’un professionnel',
  indicateur: 'Indicateur',
} as const;
export type TypePreuveRupture = keyof typeof TYPES_PREUVE_RUPTURE;

/** An actor of the grid: an organisation, or a resource of the directory. */
export const TYPES_ACTEUR_GRILLE = { organisation: 'Organisation', ressource: 'Ressource' } as const;
export type TypeActeurGrille = keyof typeof TYPES_ACTEUR_GRILLE;

const cles = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const etapeSuggereeSchema = z.enum(cles(ETAPES_SUGGEREES), { error: 'Étape suggérée inconnue' });
export const roleCooperationSchema = z.enum(cles(ROLES_COOPERATION), {
  error: 'Rôle inconnu (repere, informe, oriente, evalue, prend_en_charge, coordonne)',
});
export const statutRuptureSchema = z.enum(cles(STATUTS_RUPTURE), { error: 'Statut inconnu (signalee, analysee, traitee, close)' });
export const graviteRuptureSchema = z.enum(cles(GRAVITES_RUPTURE), { error: 'Gravité inconnue (faible, moyenne, elevee, critique)' });
export const typeActeurGrilleSchema = z.enum(cles(TYPES_ACTEUR_GRILLE), { error: 'Acteur inconnu (organisation, ressource)' });

const uuid = z.uuid('Identifiant invalide');
const texte = (max: number, message: string) => z.string().trim().min(1, message).max(max, `${max} caractères au plus`);

/** One piece of evidence of a rupture; verbatims and constats are named by their id in the contract's diagnostic. */
export const preuveRuptureSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('verbatim'), verbatimId: uuid }),
    z.object({ type: z.literal('constat'), constatId: uuid }),
    z.object({
      type: z.literal('signalement'),
      texte: texte(4000, 'Le signalement est vide'),
      auteur: z
        .string()
        .trim()
        .max(200)
        .nullish()
        .transform((v) => v || null),
    }),
    z.object({
      type: z.literal('indicateur'),
      texte: texte(1000, 'Dites ce que l’indicateur montre'),
      indicateurCode: z
        .string()
        .trim()
        .max(100)
        .nullish()
        .transform((v) => v || null),
    }),
  ],
  { error: 'Preuve inconnue (verbatim, constat, signalement, indicateur)' },
);
export type PreuveRupture = z.infer<typeof preuveRuptureSchema>;
