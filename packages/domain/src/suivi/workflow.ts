/**
 * The update workflow of follow-up values and fiche reports (the rule Akvo RSR enforces): a pilote drafts and
 * submits, a validator sends back for correction or validates; a validated period is locked, and only validated
 * values count in progress and reports.
 */

export const ETATS_SUIVI = ['brouillon', 'soumis', 'a_corriger', 'valide'] as const;
export type EtatSuivi = (typeof ETATS_SUIVI)[number];
export const LIBELLES_ETAT_SUIVI: Record<EtatSuivi, string> = {
  brouillon: 'Brouillon',
  soumis: 'Soumis',
  a_corriger: 'Renvoyé pour correction',
  valide: 'Validé',
};

export const ACTIONS_SUIVI = ['soumettre', 'renvoyer', 'valider', 'rouvrir'] as const;
export type ActionSuivi = (typeof ACTIONS_SUIVI)[number];
export const LIBELLES_ACTION_SUIVI: Record<ActionSuivi | 'saisir', string> = {
  saisir: 'Saisie',
  soumettre: 'Soumission',
  renvoyer: 'Renvoi pour correction',
  valider: 'Validation',
  rouvrir: 'Réouverture',
};

/**
 * What the person acting may do on this fiche: enter (pilote, its organisation's referent, editor), validate
 * (coordination, ARS) and reopen a validated value (the contract's ARS referent, the ARS of its region).
 */
export interface DroitsSuivi {
  saisir: boolean;
  valider: boolean;
  rouvrir?: boolean;
}

/** Who acts and who last submitted: validation is by someone else when four eyes are required (decision 0014). */
export interface QuatreYeux {
  exige: boolean;
  acteurId: string;
  /** Who made the last submission of this value or report (null: unknown, e.g. entered before steps were kept). */
  soumisPar: string | null;
}

/** `interdit`: the person may not take this step (403); otherwise the state forbids it (409). */
export type ResultatTransition = { ok: true; etat: EtatSuivi } | { ok: false; raison: string; interdit?: boolean };

const refus = (raison: string, interdit = false): ResultatTransition =>
  interdit ? { ok: false, raison, interdit } : { ok: false, raison };

export const RAISON_QUATRE_YEUX =
  'Vous avez soumis cette saisie : une autre personne doit la valider (validation à quatre yeux). Demandez à la coordination ou à l’ARS de la valider.';

/** May the value (or report) be edited in this state? Validated is locked; submitted waits for the validator. */
export function saisiePossible(etat: EtatSuivi | null, droits: DroitsSuivi): ResultatTransition {
  if (!droits.saisir) return refus('Vous ne pouvez pas saisir le suivi de cette fiche.');
  if (etat === 'valide') return refus('Cette période est validée : elle est verrouillée.');
  if (etat === 'soumis')
    return refus('Cette saisie est soumise et attend sa validation : elle ne peut plus être modifiée, sauf si elle vous est renvoyée.');
  // A correction stays "à corriger" until it is submitted again, so the validator sees it is not yet back.
  return { ok: true, etat: etat ?? 'brouillon' };
}

export function transition(
  etat: EtatSuivi,
  action: ActionSuivi,
  droits: DroitsSuivi,
  commentaire?: string | null,
  yeux?: QuatreYeux,
): ResultatTransition {
  if (action === 'rouvrir') {
    // The way back from a validated value: it returns to the pilote as a correction, then follows the cycle again.
    if (!droits.rouvrir) return refus('Seuls le référent ARS du contrat et l’ARS de sa région peuvent rouvrir une saisie validée.', true);
    if (etat !== 'valide') return refus('Seule une saisie validée peut être rouverte ; une saisie soumise se renvoie pour correction.');
    if (!commentaire?.trim()) return refus('Dites pourquoi vous rouvrez cette saisie : le motif est obligatoire.');
    return { ok: true, etat: 'a_corriger' };
  }
  if (etat === 'valide')
    return refus('Cette période est validée : elle est verrouillée. Le référent ARS peut la rouvrir en donnant un motif.');
  switch (action) {
    case 'soumettre':
      if (!droits.saisir) return refus('Seuls les pilotes de la fiche et la coordination peuvent soumettre ce suivi.');
      if (etat === 'soumis') return refus('Cette saisie est déjà soumise.');
      return { ok: true, etat: 'soumis' };
    case 'renvoyer':
      if (!droits.valider) return refus('Seules la coordination et l’ARS peuvent renvoyer une saisie pour correction.');
      if (etat !== 'soumis') return refus('Seule une saisie soumise peut être renvoyée pour correction.');
      if (!commentaire?.trim()) return refus('Dites ce qui est à corriger : le commentaire est obligatoire pour un renvoi.');
      return { ok: true, etat: 'a_corriger' };
    case 'valider':
      if (!droits.valider) return refus('Seules la coordination et l’ARS peuvent valider le suivi.');
      if (etat !== 'soumis') return refus('Seule une saisie soumise peut être validée.');
      if (yeux?.exige && yeux.soumisPar === yeux.acteurId) return refus(RAISON_QUATRE_YEUX, true);
      return { ok: true, etat: 'valide' };
  }
}

/** Periods are a year ("2024"), a half ("2024-S1") or a quarter ("2024-T3"). */
export const FORMAT_PERIODE_SUIVI = /^(\d{4})(?:-(S[12]|T[1-4]))?$/;

export function libellePeriodeSuivi(periode: string): string {
  const m = FORMAT_PERIODE_SUIVI.exec(periode);
  if (!m) return periode;
  if (!m[2]) return m[1];
  const n = Number(m[2].slice(1));
  return m[2][0] === 'S' ? `${n === 1 ? '1er' : '2e'} semestre ${m[1]}` : `${n === 1 ? '1er' : `${n}e`} trimestre ${m[1]}`;
}

/** Chronological order of periods: a year sorts after its own halves and quarters (it closes them). */
export function comparerPeriodes(a: string, b: string): number {
  const cle = (p: string) => {
    const m = FORMAT_PERIODE_SUIVI.exec(p);
    if (!m) return [0, 0];
    const annee = Number(m[1]);
    if (!m[2]) return [annee, 13];
    const n = Number(m[2].slice(1));
    return [annee, m[2][0] === 'S' ? n * 6 : n * 3];
  };
  const [a1, a2] = cle(a);
  const [b1, b2] = cle(b);
  return a1 - b1 || a2 - b2;
}
