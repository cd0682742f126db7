/**
 * How login guesses are slowed: a few free attempts, then a wait that doubles with each further failure, up to a
 * ceiling. Never a lock: the owner can always try again once the wait is over.
 */
export interface PolitiqueFrein {
  /** Attempts allowed without any wait. */
  libres: number;
  /** The first wait, in seconds, once the free attempts are spent. */
  premierDelai: number;
  /** The longest wait, in seconds. */
  plafond: number;
}

/** Seconds to wait after the n-th attempt (counted since the last success). */
export function delaiFrein(tentatives: number, politique: PolitiqueFrein): number {
  if (tentatives < politique.libres) return 0;
  return Math.min(politique.premierDelai * 2 ** (tentatives - politique.libres), politique.plafond);
}

/** "40 secondes", "3 minutes": a wait as a person reads it (rounded up). */
export function dureeLisible(secondes: number): string {
  if (secondes < 60) {
    const s = Math.max(1, Math.ceil(secondes));
    return `${s} seconde${s > 1 ? 's' : ''}`;
  }
  const m = Math.ceil(secondes / 60);
  return `${m} minute${m > 1 ? 's' : ''}`;
}
