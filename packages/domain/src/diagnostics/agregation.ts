import { nombreFr } from '../format';
import { pluriel } from '../texte';
import { arrondiInferieur, ecrireNombreExact, texteAuMoins } from './bornes';
import { ecrireValeur, type Valeur } from './valeurs';

export const METHODES_AGREGATION = {
  somme: 'Somme des effectifs',
  ratio: 'Ratio des sommes (numérateur / dénominateur)',
  moyenne_ponderee: 'Moyenne pondérée par la population',
  non_agregeable: 'Non agrégeable (valide seulement au niveau publié)',
} as const;
export type MethodeAgregation = keyof typeof METHODES_AGREGATION;

export const POLARITES = {
  defavorable: 'Une valeur élevée est défavorable',
  favorable: 'Une valeur élevée est favorable',
  neutre: 'Neutre',
} as const;
export type Polarite = keyof typeof POLARITES;

export interface ValeurCommune {
  code: string;
  population: number;
  valeur: Valeur;
  numerateur?: number | null;
  denominateur?: number | null;
}

export interface Couverture {
  communes: number;
  renseignees: number;
  masquees: number;
  manquantes: number;
  /** Share of the perimeter's population living in communes with a value, 0–1. */
  partPopulationRenseignee: number;
}

/**
 * What the communes with a value say when the perimeter's figure cannot be given exactly (a commune under secret, or
 * without value). Never the perimeter's value: kept apart from it, with its coverage.
 * - `au_moins`: a count summed over the communes with a value. Counts are never negative, so it is a floor of the
 *   perimeter's total, whatever the missing communes hold.
 * - `sur_renseignees`: a ratio (of the summed terms) or a population-weighted mean over the communes with a value
 *   only. It is the perimeter's figure only if the missing communes resemble the others: a comparison made with it
 *   is indicative.
 */
export interface FigurePartielle {
  portee: 'au_moins' | 'sur_renseignees';
  valeur: Extract<Valeur, { nature: 'exacte' | 'intervalle' }>;
  /** Communes with a value, of how many, and their share of the perimeter's population (0–1). */
  renseignees: number;
  communes: number;
  partPopulation: number;
}

export type Agregat =
  | { nature: 'exacte'; valeur: number; couverture: Couverture }
  | { nature: 'intervalle'; borneInf: number; borneSup: number; infIncluse: boolean; supIncluse: boolean; couverture: Couverture }
  | { nature: 'borne_inferieure'; valeur: number; couverture: Couverture; raison: string; partielle: FigurePartielle }
  | { nature: 'indisponible'; couverture: Couverture; raison: string; partielle?: FigurePartielle };

/**
 * Below this share of the population living in communes with a value, a partial ratio or mean is shown but not
 * compared: the missing communes could change its side of the comparator.
 */
export const PART_POPULATION_COMPARAISON_INDICATIVE = 0.8;

/** "36 communes sur 37, 97 % de la population": the share is rounded down too, never overstated. */
export function texteCouverture(p: Pick<FigurePartielle, 'renseignees' | 'communes' | 'partPopulation'>): string {
  const pluriel = p.renseignees > 1 ? 's' : '';
  return `${nombreFr(p.renseignees, 0, 0)} commune${pluriel} sur ${nombreFr(p.communes, 0, 0)}, ${nombreFr(arrondiInferieur(p.partPopulation * 100), 0, 0)} % de la population`;
}

/** "au moins 40" (rounded down), "6,6 sur les communes renseignées". */
export function texteFigurePartielle(p: FigurePartielle, decimales?: number): string {
  if (p.portee === 'au_moins') {
    return texteAuMoins(p.valeur.nature === 'exacte' ? p.valeur.valeur : p.valeur.borneInf, decimales);
  }
  return `${ecrireValeur(p.valeur, decimales)} sur les communes renseignées`;
}

/** An exact value is a degenerate closed interval: the maths below work on bounds only. */
function bornes(v: Valeur): { inf: number; sup: number; infIncluse: boolean; supIncluse: boolean } | null {
  if (v.nature === 'exacte') return { inf: v.valeur, sup: v.valeur, infIncluse: true, supIncluse: true };
  if (v.nature === 'intervalle') return { inf: v.borneInf, sup: v.borneSup, infIncluse: v.infIncluse, supIncluse: v.supIncluse };
  return null;
}

function couvertureDe(valeurs: readonly ValeurCommune[]): Couverture {
  const populationTotale = valeurs.reduce((t, v) => t + v.population, 0);
  const renseignees = valeurs.filter((v) => v.valeur.nature === 'exacte' || v.valeur.nature === 'intervalle');
  const populationRenseignee = renseignees.reduce((t, v) => t + v.population, 0);
  return {
    communes: valeurs.length,
    renseignees: renseignees.length,
    masquees: valeurs.filter((v) => v.valeur.nature === 'masquee').length,
    manquantes: valeurs.filter((v) => v.valeur.nature === 'manquante').length,
    partPopulationRenseignee: populationTotale > 0 ? populationRenseignee / populationTotale : 0,
  };
}

const fr = (n: number) => nombreFr(n, undefined, 2);

function resultat(inf: number, sup: number, infIncluse: boolean, supIncluse: boolean, couverture: Couverture): Agregat {
  if (inf === sup) return { nature: 'exacte', valeur: inf, couverture };
  return { nature: 'intervalle', borneInf: inf, borneSup: sup, infIncluse, supIncluse, couverture };
}

/**
 * What the aggregation needs of a perimeter's communes, summed. `sommer` computes it from commune values; SQL can
 * compute the same sums for every indicator and period at once (the diagnostic does), and `agregerSommes` then
 * applies the same rules: the rules stay here, whichever side does the adding up.
 */
export interface SommesCommunes {
  couverture: Couverture;
  /** Communes with a value (exact or interval), and their population. */
  connues: number;
  populationConnue: number;
  /** Sums over known communes of the lower and upper bounds, plain and weighted by population, and of the weighted midpoint. */
  inf: number;
  sup: number;
  infPondere: number;
  supPondere: number;
  milieuPondere: number;
  /** Whether every known commune's bound is included. */
  infIncluse: boolean;
  supIncluse: boolean;
  /** Communes publishing both terms of a ratio, and the sums of those terms. */
  avecTermes: number;
  numerateur: number;
  denominateur: number;
}

export function sommer(valeurs: readonly ValeurCommune[]): SommesCommunes {
  const connues = valeurs
    .map((v) => ({ ...v, b: bornes(v.valeur) }))
    .filter((v): v is typeof v & { b: NonNullable<typeof v.b> } => v.b !== null);
  const avecTermes = valeurs.filter((v) => typeof v.numerateur === 'number' && typeof v.denominateur === 'number');
  return {
    couverture: couvertureDe(valeurs),
    connues: connues.length,
    populationConnue: connues.reduce((t, v) => t + v.population, 0),
    inf: connues.reduce((t, v) => t + v.b.inf, 0),
    sup: connues.reduce((t, v) => t + v.b.sup, 0),
    infPondere: connues.reduce((t, v) => t + v.b.inf * v.population, 0),
    supPondere: connues.reduce((t, v) => t + v.b.sup * v.population, 0),
    milieuPondere: connues.reduce((t, v) => t + ((v.b.inf + v.b.sup) / 2) * v.population, 0),
    infIncluse: connues.every((v) => v.b.infIncluse),
    supIncluse: connues.every((v) => v.b.supIncluse),
    avecTermes: avecTermes.length,
    numerateur: avecTermes.reduce((t, v) => t + v.numerateur!, 0),
    denominateur: avecTermes.reduce((t, v) => t + v.denominateur!, 0),
  };
}

/**
 * Aggregates commune values to a perimeter with the indicator's method (domain.md §5). Never invents a value:
 * intervals stay intervals, masked or missing communes make a count a lower bound and a rate unavailable.
 * `facteur` scales a ratio (100 for %, 10 000 or 100 000 for rates).
 */
export function agreger(methode: MethodeAgregation, valeurs: readonly ValeurCommune[], facteur = 1): Agregat {
  return agregerSommes(methode, sommer(valeurs), facteur);
}

function partielle(portee: FigurePartielle['portee'], valeur: FigurePartielle['valeur'], s: SommesCommunes): FigurePartielle {
  return { portee, valeur, renseignees: s.connues, communes: s.couverture.communes, partPopulation: s.couverture.partPopulationRenseignee };
}

/**
 * A ratio or mean on the communes with a value only: the ratio of their summed terms when each of them publishes
 * both, otherwise their population-weighted mean (an interval when some are classes).
 */
function figureSurRenseignees(methode: MethodeAgregation, s: SommesCommunes, facteur: number): FigurePartielle | null {
  if (methode === 'ratio' && s.avecTermes === s.connues && s.denominateur > 0)
    return partielle('sur_renseignees', { nature: 'exacte', valeur: (s.numerateur / s.denominateur) * facteur }, s);
  if (s.populationConnue <= 0) return null;
  const inf = s.infPondere / s.populationConnue;
  const sup = s.supPondere / s.populationConnue;
  const valeur: FigurePartielle['valeur'] =
    inf === sup
      ? { nature: 'exacte', valeur: inf }
      : { nature: 'intervalle', borneInf: inf, borneSup: sup, infIncluse: s.infIncluse, supIncluse: s.supIncluse };
  return partielle('sur_renseignees', valeur, s);
}

/** The rules of `agreger`, on sums already made (by `sommer` or by SQL). */
export function agregerSommes(methode: MethodeAgregation, s: SommesCommunes, facteur = 1): Agregat {
  const { couverture } = s;
  const communes = couverture.communes;
  const inconnues = couverture.masquees + couverture.manquantes;

  if (communes === 0) return { nature: 'indisponible', couverture, raison: 'Le périmètre ne compte aucune commune.' };
  if (methode === 'non_agregeable')
    return {
      nature: 'indisponible',
      couverture,
      raison: 'Cet indicateur n’est valide qu’au niveau où il est publié : il ne se calcule pas sur un périmètre.',
    };
  if (s.connues === 0) return { nature: 'indisponible', couverture, raison: 'Aucune commune du périmètre n’a de valeur.' };

  if (methode === 'somme') {
    if (inconnues > 0) {
      // Counts are never negative: what is known is a floor.
      return {
        nature: 'borne_inferieure',
        valeur: s.inf,
        couverture,
        raison: `Au moins ${ecrireNombreExact(s.inf)} : ${pluriel(inconnues, 'commune')} sur ${communes} sans valeur publiée (${couverture.masquees} sous secret statistique).`,
        partielle: partielle('au_moins', { nature: 'exacte', valeur: s.inf }, s),
      };
    }
    return resultat(s.inf, s.sup, s.infIncluse, s.supIncluse, couverture);
  }

  if (methode === 'ratio' && s.avecTermes === communes) {
    if (s.denominateur <= 0) return { nature: 'indisponible', couverture, raison: 'Le dénominateur est nul sur ce périmètre.' };
    return {
      nature: 'exacte',
      valeur: (s.numerateur / s.denominateur) * facteur,
      couverture: { ...couverture, renseignees: communes, partPopulationRenseignee: 1 },
    };
  }
  // Without numerators and denominators a rate can only be approached by population weighting.

  // moyenne_ponderee, or a ratio whose terms are not published
  if (inconnues > 0) {
    const figure = figureSurRenseignees(methode, s, facteur);
    return {
      nature: 'indisponible',
      couverture,
      ...(figure ? { partielle: figure } : {}),
      raison: `Non calculable : ${pluriel(inconnues, 'commune')} sur ${communes} sans valeur publiée (${couverture.masquees} sous secret statistique), soit ${fr((1 - couverture.partPopulationRenseignee) * 100)} % de la population.`,
    };
  }
  if (s.populationConnue <= 0)
    return { nature: 'indisponible', couverture, raison: 'La population des communes est inconnue : pas de pondération possible.' };
  return resultat(s.infPondere / s.populationConnue, s.supPondere / s.populationConnue, s.infIncluse, s.supIncluse, couverture);
}

export type Sens = 'favorable' | 'defavorable' | 'neutre' | 'indetermine';

/**
 * How the perimeter compares with a comparator, read with the indicator's polarity. When an interval straddles
 * the comparator's value, the gap is undetermined: it is said, not guessed.
 */
export function comparer(
  perimetre: Agregat | Valeur,
  comparateur: Valeur | Agregat,
  polarite: Polarite,
): { ecart: number | null; sens: Sens } {
  const a =
    'valeur' in perimetre && perimetre.nature === 'exacte'
      ? { inf: perimetre.valeur, sup: perimetre.valeur }
      : perimetre.nature === 'intervalle'
        ? { inf: perimetre.borneInf, sup: perimetre.borneSup }
        : null;
  const b =
    comparateur.nature === 'exacte'
      ? { inf: comparateur.valeur, sup: comparateur.valeur }
      : comparateur.nature === 'intervalle'
        ? { inf: comparateur.borneInf, sup: comparateur.borneSup }
        : null;
  if (!a || !b) return { ecart: null, sens: 'indetermine' };
  const ecart = a.inf === a.sup && b.inf === b.sup ? a.inf - b.inf : null;
  let plusHaut: boolean | null;
  if (a.inf > b.sup) plusHaut = true;
  else if (a.sup < b.inf) plusHaut = false;
  else if (ecart === 0) return { ecart, sens: 'neutre' };
  else plusHaut = null;
  if (plusHaut === null) return { ecart, sens: 'indetermine' };
  if (polarite === 'neutre') return { ecart, sens: 'neutre' };
  const defavorable = polarite === 'defavorable' ? plusHaut : !plusHaut;
  return { ecart, sens: defavorable ? 'defavorable' : 'favorable' };
}

/**
 * A partial figure against a comparator: the same reading as `comparer`, marked indicative. A count known only as a
 * floor reads as an interval open to the top. Null when the communes with a value hold too little of the population
 * (PART_POPULATION_COMPARAISON_INDICATIVE): the comparison is then not made at all.
 */
export function comparerIndicatif(
  p: FigurePartielle,
  comparateur: Valeur | Agregat,
  polarite: Polarite,
): { ecart: number | null; sens: Sens; indicatif: true } | null {
  if (p.partPopulation < PART_POPULATION_COMPARAISON_INDICATIVE) return null;
  const v = p.valeur;
  const figure: Valeur =
    p.portee === 'au_moins'
      ? {
          nature: 'intervalle',
          borneInf: v.nature === 'exacte' ? v.valeur : v.borneInf,
          borneSup: Infinity,
          infIncluse: true,
          supIncluse: false,
        }
      : v;
  return { ...comparer(figure, comparateur, polarite), indicatif: true };
}
