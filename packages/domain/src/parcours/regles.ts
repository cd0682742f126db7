import type { RoleCooperation, StatutRupture } from './vocabulaire';
import { ROLES_COOPERATION } from './vocabulaire';

/**
 * Pure rules of the parcours (issue 17 items 4–6): the order of the steps and the life of a rupture.
 */

/**
 * Where a rupture may go from each status. Forward one step at a time, closing from anywhere (a rupture found not to be
 * one, or settled without a fiche), back one step when a treatment did not hold, and a closed one may be reopened.
 */
export const TRANSITIONS_RUPTURE: Record<StatutRupture, readonly StatutRupture[]> = {
  signalee: ['analysee', 'close'],
  analysee: ['traitee', 'signalee', 'close'],
  traitee: ['close', 'analysee'],
  close: ['signalee'],
};

/** An open rupture is any not closed: the parcours shows them at a glance. */
export const ruptureOuverte = (statut: StatutRupture) => statut !== 'close';

/**
 * Whether a rupture may pass from `de` to `vers`; the French reason when not. "Traitée" says a fiche-action treats it,
 * so it needs that fiche.
 */
export function transitionRupture(
  de: StatutRupture,
  vers: StatutRupture,
  ficheId: string | null,
): { ok: true } | { ok: false; raison: string } {
  if (de === vers) return { ok: false, raison: `La rupture est déjà « ${libelleStatut(vers)} ».` };
  if (!TRANSITIONS_RUPTURE[de].includes(vers))
    return {
      ok: false,
      raison: `Une rupture « ${libelleStatut(de)} » ne peut passer à « ${libelleStatut(vers)} » (possible : ${TRANSITIONS_RUPTURE[de]
        .map(libelleStatut)
        .join(', ')}).`,
    };
  if (vers === 'traitee' && !ficheId)
    return { ok: false, raison: 'Une rupture traitée l’est par une fiche-action : choisissez la fiche qui la traite.' };
  return { ok: true };
}

const LIBELLES: Record<StatutRupture, string> = { signalee: 'signalée', analysee: 'analysée', traitee: 'traitée', close: 'close' };
const libelleStatut = (s: StatutRupture) => LIBELLES[s];

/**
 * Moves one item of an ordered list to a 1-based position (clamped to the list), the others keeping their order.
 * Returns the ids in their new order.
 */
export function deplacerDansOrdre(ids: readonly string[], id: string, position: number): string[] {
  const depart = ids.indexOf(id);
  if (depart < 0) return [...ids];
  const reste = ids.filter((x) => x !== id);
  const cible = Math.min(Math.max(Math.trunc(position), 1), ids.length) - 1;
  reste.splice(cible, 0, id);
  return reste;
}

/** A cell's roles without duplicates, in the grid's order (repère → coordonne), so that equal sets compare equal. */
export function normaliserRoles(roles: readonly RoleCooperation[]): RoleCooperation[] {
  const ordre = Object.keys(ROLES_COOPERATION) as RoleCooperation[];
  return ordre.filter((r) => roles.includes(r));
}
