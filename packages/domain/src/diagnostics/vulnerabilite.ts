import type { Polarite } from './agregation';

export interface CritereVulnerabilite {
  indicateur: string;
  polarite: Polarite;
  poids: number;
}

export interface ScoreVulnerabilite {
  territoire: string;
  score: number | null;
  rang: number | null;
  /** Standardised contribution of each criterion (z-score signed so that higher = more vulnerable). */
  contributions: Record<string, number | null>;
  criteresRenseignes: number;
}

/**
 * Composite vulnerability over the EPCIs of a region (domain.md §5): each chosen indicator is standardised
 * (z-score across the EPCIs that have it), signed by its polarity, then averaged with the weights. A territory
 * missing a criterion is scored on the others, and says so. Neutral indicators do not count.
 */
export function indiceVulnerabilite(
  territoires: readonly string[],
  criteres: readonly CritereVulnerabilite[],
  valeurs: ReadonlyMap<string, ReadonlyMap<string, number>>,
): ScoreVulnerabilite[] {
  const actifs = criteres.filter((c) => c.polarite !== 'neutre' && c.poids > 0);
  const standardise = new Map<string, Map<string, number>>();
  for (const critere of actifs) {
    const serie = territoires.flatMap((t) => {
      const v = valeurs.get(critere.indicateur)?.get(t);
      return v === undefined ? [] : [[t, v] as const];
    });
    const moyenne = serie.reduce((s, [, v]) => s + v, 0) / (serie.length || 1);
    const ecartType = Math.sqrt(serie.reduce((s, [, v]) => s + (v - moyenne) ** 2, 0) / (serie.length || 1));
    const signe = critere.polarite === 'defavorable' ? 1 : -1;
    standardise.set(critere.indicateur, new Map(serie.map(([t, v]) => [t, ecartType > 0 ? (signe * (v - moyenne)) / ecartType : 0])));
  }
  const scores = territoires.map((territoire) => {
    let somme = 0;
    let poids = 0;
    const contributions: Record<string, number | null> = {};
    for (const critere of actifs) {
      const z = standardise.get(critere.indicateur)?.get(territoire);
      contributions[critere.indicateur] = z ?? null;
      if (z === undefined) continue;
      somme += critere.poids * z;
      poids += critere.poids;
    }
    return { territoire, score: poids > 0 ? somme / poids : null, rang: null as number | null, contributions, criteresRenseignes: Object.values(contributions).filter((c) => c !== null).length };
  });
  const classes = scores.filter((s) => s.score !== null).sort((a, b) => b.score! - a.score! || a.territoire.localeCompare(b.territoire));
  classes.forEach((s, i) => (s.rang = i + 1));
  return [...classes, ...scores.filter((s) => s.score === null)];
}
