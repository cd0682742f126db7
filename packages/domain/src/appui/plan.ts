import { z } from 'zod';

/**
 * The plan personnalisé de coordination en santé (PPCS, HAS 2019), the concertations that revise it and the closure of
 * a case (issue 18 items 4–6). Words and pure rules; the server encrypts what a plan says (decision 0032).
 */

/** Where an action of the plan stands. */
export const STATUTS_ACTION_PLAN = {
  a_faire: 'À faire',
  en_cours: 'En cours',
  realisee: 'Réalisée',
  abandonnee: 'Abandonnée',
} as const;
export type StatutActionPlan = keyof typeof STATUTS_ACTION_PLAN;
export const statutActionPlanSchema = z.enum(Object.keys(STATUTS_ACTION_PLAN) as [StatutActionPlan, ...StatutActionPlan[]], {
  error: `Statut d’action inconnu (possible : ${Object.keys(STATUTS_ACTION_PLAN).join(', ')})`,
});

/** Who sits at a concertation: professionals, the person, carers (aidants). */
export const CATEGORIES_PARTICIPANT = {
  professionnel: 'Professionnel',
  personne: 'La personne',
  aidant: 'Aidant',
} as const;
export type CategorieParticipant = keyof typeof CATEGORIES_PARTICIPANT;
export const categorieParticipantSchema = z.enum(
  Object.keys(CATEGORIES_PARTICIPANT) as [CategorieParticipant, ...CategorieParticipant[]],
  { error: 'Catégorie de participant inconnue (professionnel, personne, aidant)' },
);

/** A concertation is pluriprofessional, hence remunerable, with at least two professionals around the person's case. */
export const PROFESSIONNELS_MIN_REMUNERABLE = 2;

export function verifierConcertation(c: {
  remunerable: boolean;
  participants: { categorie: CategorieParticipant }[];
}): { ok: true } | { ok: false; champ: string; raison: string } {
  const professionnels = c.participants.filter((p) => p.categorie === 'professionnel').length;
  if (c.remunerable && professionnels < PROFESSIONNELS_MIN_REMUNERABLE)
    return {
      ok: false,
      champ: 'remunerable',
      raison: `Une concertation pluriprofessionnelle rémunérable réunit au moins ${PROFESSIONNELS_MIN_REMUNERABLE} professionnels (${professionnels} indiqué${professionnels > 1 ? 's' : ''}).`,
    };
  return { ok: true };
}

/** The shape of an action for the rules below (the API's schema is richer). */
export interface ActionDePlan {
  id: string;
  libelle: string;
  porteur: string;
  echeance: string | null;
  statut: StatutActionPlan;
}
export interface ModificationAction {
  id: string;
  statut?: StatutActionPlan;
  echeance?: string | null;
  porteur?: string;
}

/**
 * The plan's actions after a concertation's decisions: changed ones keep their place, new ones come last. An unknown id
 * is an error (the plan moved since the concertation was written): the caller answers 409 or 400.
 */
export function appliquerDecisions<A extends ActionDePlan>(
  actions: readonly A[],
  modifications: readonly ModificationAction[],
  ajouts: readonly A[],
): { ok: true; actions: A[] } | { ok: false; inconnues: string[] } {
  const inconnues = modifications.filter((m) => !actions.some((a) => a.id === m.id)).map((m) => m.id);
  if (inconnues.length) return { ok: false, inconnues };
  const modifiees = actions.map((a) => {
    const m = modifications.find((x) => x.id === a.id);
    if (!m) return a;
    return {
      ...a,
      ...(m.statut !== undefined ? { statut: m.statut } : {}),
      ...(m.echeance !== undefined ? { echeance: m.echeance } : {}),
      ...(m.porteur !== undefined ? { porteur: m.porteur } : {}),
    };
  });
  return { ok: true, actions: [...modifiees, ...ajouts] };
}

/** The next revision date of a plan: the first planned one from `aujourdhui` on, else null. */
export function prochaineRevision(dates: readonly string[], aujourdhui: string): string | null {
  return [...dates].filter((d) => d >= aujourdhui).sort()[0] ?? null;
}
