import type { Polarite } from './agregation';

export interface CritereVulnerabilite {
  indicateur: string;
  polarite: Polarite;
  poids: number;
}

export interface ScoreVulnerabilite {
  territoire: string;
  /** The index, only for a territory that has every counted criterion: a partial one is never ranked as if complete. */
  score: number | null;
  /** For a partly filled territory, the mean over its filled criteria only: indicative, never ranked. */
  scorePartiel: number | null;
  rang: number | null;
  /** Standardised contribution of each criterion (z-score signed so that higher = more vulnerable). */
  contributions: Record<string, number | null>;
  criteresRenseignes: number;
  /** The counted criteria (oriented, weighted): coverage is `criteresRenseignes` of `criteresRetenus`. */
  criteresRetenus: number;
  complet: boolean;
}

/** "2 critères sur 2", "1 critère sur 2". */
export function texteCouvertureCriteres(renseignes: number, retenus: number): string {
  return `${renseignes} critère${renseignes > 1 ? 's' : ''} sur ${retenus}`;
}

/**
 * Composite vulnerability over the EPCIs of a region (domain.md §5): each chosen indicator is standardised
 * (z-score across the EPCIs that have it), signed by its polarity, then averaged with the weights. Only the
 * territories that have every counted criterion are ranked; the partly filled ones come after, unranked, with an
 * indicative score on their filled criteria and their coverage, so that a missing criterion never lifts or lowers
 * a territory in the ranking. Neutral indicators do not count.
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
  const scores: ScoreVulnerabilite[] = territoires.map((territoire) => {
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
    const criteresRenseignes = Object.values(contributions).filter((c) => c !== null).length;
    const complet = actifs.length > 0 && criteresRenseignes === actifs.length;
    const moyenne = poids > 0 ? somme / poids : null;
    return {
      territoire,
      score: complet ? moyenne : null,
      scorePartiel: complet ? null : moyenne,
      rang: null,
      contributions,
      criteresRenseignes,
      criteresRetenus: actifs.length,
      complet,
    };
  });
  const classes = scores.filter((s) => s.complet).sort((a, b) => b.score! - a.score! || a.territoire.localeCompare(b.territoire));
  classes.forEach((s, i) => (s.rang = i + 1));
  const partiels = scores.filter((s) => !s.complet).sort((a, b) => ordreVulnerabilite(a, b) || a.territoire.localeCompare(b.territoire));
  return [...classes, ...partiels];
}

/**
 * The order of a vulnerability list, the same on every screen that shows one (the Vulnérabilité page, the regional
 * portfolio's uncovered EPCIs): the ranked territories by rank; after them the partly filled ones, most criteria
 * first, then by indicative score; then those with none. 0 on a tie: each list adds its own tie-break.
 */
export function ordreVulnerabilite(
  a: Pick<ScoreVulnerabilite, 'rang' | 'criteresRenseignes' | 'scorePartiel'>,
  b: Pick<ScoreVulnerabilite, 'rang' | 'criteresRenseignes' | 'scorePartiel'>,
): number {
  if (a.rang !== null || b.rang !== null) return (a.rang ?? Infinity) - (b.rang ?? Infinity) || 0;
  return b.criteresRenseignes - a.criteresRenseignes || (b.scorePartiel ?? 0) - (a.scorePartiel ?? 0);
}
