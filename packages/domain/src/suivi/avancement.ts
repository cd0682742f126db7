import type { StatutFiche } from '../contrats/taxonomies';
import { comparerPeriodes } from './workflow';

/**
 * Progress, from the validated values up: indicator → fiche → objectif → axe → contrat, each level a weighted mean
 * of the level below. Abandoned fiches leave the computation (they are neither done nor to do).
 */

export interface Mesure {
  /** Value for the period; a percentage is numerator ÷ denominator × 100. */
  valeur: number;
  periode: string;
}

export interface IndicateurPourAvancement {
  poids: number;
  reference: number | null;
  /** Targets by period; the target of the latest validated period counts, else the last target set. */
  cibles: { periode: string; valeur: number }[];
  /** Validated values only: the workflow guarantees nothing else counts. */
  valeursValidees: Mesure[];
}

/** Share of the way from the baseline to the target, between 0 and 1, or null when it cannot be measured. */
export function atteinte(i: IndicateurPourAvancement): number | null {
  if (!i.valeursValidees.length || !i.cibles.length) return null;
  const derniere = [...i.valeursValidees].sort((a, b) => comparerPeriodes(a.periode, b.periode)).at(-1)!;
  const cibles = [...i.cibles].sort((a, b) => comparerPeriodes(a.periode, b.periode));
  const cible = cibles.find((c) => c.periode === derniere.periode) ?? cibles.at(-1)!;
  const depart = i.reference ?? 0;
  if (cible.valeur === depart) return derniere.valeur === cible.valeur ? 1 : 0;
  const part = (derniere.valeur - depart) / (cible.valeur - depart);
  return Math.min(1, Math.max(0, part));
}

/** Without a measure, the statut says where the action stands: done is 1, not started 0, anything else halfway. */
export const AVANCEMENT_PAR_STATUT: Record<Exclude<StatutFiche, 'abandonnee'>, number> = {
  a_venir: 0,
  en_cours: 0.5,
  en_retard: 0.5,
  en_pause: 0.5,
  realisee: 1,
};

export type SourceAvancement = 'indicateurs' | 'statut' | 'exclue';

export interface AvancementFiche {
  avancement: number | null;
  source: SourceAvancement;
  indicateursMesures: number;
}

export function avancementFiche(statut: StatutFiche, indicateurs: IndicateurPourAvancement[]): AvancementFiche {
  if (statut === 'abandonnee') return { avancement: null, source: 'exclue', indicateursMesures: 0 };
  // A fiche declared done is done, whatever its indicators still say.
  if (statut === 'realisee') return { avancement: 1, source: 'statut', indicateursMesures: 0 };
  const mesures = indicateurs.flatMap((i) => {
    const a = atteinte(i);
    return a === null ? [] : [{ a, poids: i.poids }];
  });
  if (!mesures.length) return { avancement: AVANCEMENT_PAR_STATUT[statut], source: 'statut', indicateursMesures: 0 };
  return {
    avancement: moyennePonderee(mesures.map((m) => ({ valeur: m.a, poids: m.poids })))!,
    source: 'indicateurs',
    indicateursMesures: mesures.length,
  };
}

export function moyennePonderee(elements: { valeur: number | null; poids: number }[]): number | null {
  let somme = 0;
  let poids = 0;
  for (const e of elements) {
    if (e.valeur === null || !(e.poids > 0)) continue;
    somme += e.valeur * e.poids;
    poids += e.poids;
  }
  return poids > 0 ? somme / poids : null;
}

export interface FichePourCumul {
  id: string;
  axeId: string | null;
  objectifId: string | null;
  poids: number;
  avancement: number | null;
}

export interface Cumul {
  avancement: number | null;
  poids: number;
  fiches: number;
}

/**
 * Rolls fiches up: each objectif is the weighted mean of its fiches; each axe of its objectifs (weighted by the sum
 * of their fiches' weights, plus its fiches without objectif), which equals the weighted mean of all its fiches;
 * the contract likewise. Weighting by fiche keeps an objectif with one small fiche from weighing like one with ten.
 */
export function cumulerAvancement(fiches: FichePourCumul[]) {
  const cumul = (liste: FichePourCumul[]): Cumul => {
    const comptees = liste.filter((f) => f.avancement !== null);
    return {
      avancement: moyennePonderee(comptees.map((f) => ({ valeur: f.avancement, poids: f.poids }))),
      poids: comptees.reduce((t, f) => t + f.poids, 0),
      fiches: liste.length,
    };
  };
  const grouper = (cle: (f: FichePourCumul) => string | null) => {
    const groupes = new Map<string, FichePourCumul[]>();
    for (const f of fiches) {
      const k = cle(f);
      if (k === null) continue;
      groupes.set(k, [...(groupes.get(k) ?? []), f]);
    }
    return new Map([...groupes].map(([k, l]) => [k, cumul(l)]));
  };
  return {
    contrat: cumul(fiches),
    parAxe: grouper((f) => f.axeId),
    parObjectif: grouper((f) => f.objectifId),
  };
}
