import { delaiHeures } from './regles';

/**
 * Follow-up of a support team (issue 18 item 6): the case load of each case manager against a threshold (« une
 * trentaine de cas par gestionnaire », seed 004) and the delays request → first contact → evaluation → plan.
 * Pure rules: the server gives dates and counts.
 */

/** Cases per manager past which the load is flagged, unless the team or the deployment says otherwise. */
export const SEUIL_CHARGE_DEFAUT = 30;
export const SEUIL_CHARGE_MIN = 1;
export const SEUIL_CHARGE_MAX = 500;

export interface Charge {
  situationsOuvertes: number;
  seuil: number;
  /** Past the threshold (strictly: at 30 of 30 the load is full, not over). */
  alerte: boolean;
  message: string | null;
}

export function chargeGestionnaire(situationsOuvertes: number, seuil: number): Charge {
  const alerte = situationsOuvertes > seuil;
  return {
    situationsOuvertes,
    seuil,
    alerte,
    message: alerte
      ? `${situationsOuvertes} situations ouvertes pour un seuil de ${seuil} : au-delà de la charge prévue par gestionnaire.`
      : null,
  };
}

/** The milestones of a case, as ISO timestamps; a missing one is not reached yet. */
export interface Jalons {
  demandeLe: string;
  premierContactLe: string | null;
  evaluationLe: string | null;
  planLe: string | null;
}

export const ETAPES_DELAI = {
  premier_contact: 'Demande → premier contact',
  evaluation: 'Premier contact → évaluation',
  plan: 'Évaluation → plan personnalisé',
  total: 'Demande → plan personnalisé',
} as const;
export type EtapeDelai = keyof typeof ETAPES_DELAI;

/** Hours between two instants, one decimal; a later entry dated before the earlier one counts as no delay. */
function heures(de: string | null, a: string | null): number | null {
  const h = delaiHeures(de, a);
  return h === null || Number.isNaN(h) ? null : Math.max(0, h);
}

/** Each step's delay in hours; null while the step is not reached (or its start is missing). */
export function delaisSituation(j: Jalons): Record<EtapeDelai, number | null> {
  return {
    premier_contact: heures(j.demandeLe, j.premierContactLe),
    evaluation: heures(j.premierContactLe ?? j.demandeLe, j.evaluationLe),
    plan: heures(j.evaluationLe, j.planLe),
    total: heures(j.demandeLe, j.planLe),
  };
}

export interface SyntheseDelai {
  etape: EtapeDelai;
  libelle: string;
  /** Cases that reached the step. */
  nombre: number;
  /** Cases still waiting for it, and for how long the oldest has waited (hours). */
  enAttente: number;
  attenteMax: number | null;
  medianeHeures: number | null;
  quatreVingtDixiemeHeures: number | null;
}

/** Nearest-rank percentile of sorted values. */
function centile(tries: number[], p: number): number | null {
  if (!tries.length) return null;
  return tries[Math.max(0, Math.ceil((p / 100) * tries.length) - 1)]!;
}

/**
 * The team's delays: median and 90th percentile of each step over the cases that reached it, and the cases still
 * waiting at `maintenant` (a closed case waits for nothing: pass `clos`).
 */
export function syntheseDelais(situations: readonly (Jalons & { clos?: boolean })[], maintenant: string): SyntheseDelai[] {
  const debut: Record<EtapeDelai, (j: Jalons) => string | null> = {
    premier_contact: (j) => j.demandeLe,
    evaluation: (j) => j.premierContactLe ?? j.demandeLe,
    plan: (j) => j.evaluationLe,
    total: (j) => j.demandeLe,
  };
  const fin: Record<EtapeDelai, (j: Jalons) => string | null> = {
    premier_contact: (j) => j.premierContactLe,
    evaluation: (j) => j.evaluationLe,
    plan: (j) => j.planLe,
    total: (j) => j.planLe,
  };
  return (Object.keys(ETAPES_DELAI) as EtapeDelai[]).map((etape) => {
    const valeurs = situations
      .map((s) => delaisSituation(s)[etape])
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
    const attentes = situations
      .filter((s) => !s.clos && debut[etape](s) && !fin[etape](s))
      .map((s) => heures(debut[etape](s), maintenant)!)
      .sort((a, b) => a - b);
    return {
      etape,
      libelle: ETAPES_DELAI[etape],
      nombre: valeurs.length,
      enAttente: attentes.length,
      attenteMax: attentes.at(-1) ?? null,
      medianeHeures: centile(valeurs, 50),
      quatreVingtDixiemeHeures: centile(valeurs, 90),
    };
  });
}
