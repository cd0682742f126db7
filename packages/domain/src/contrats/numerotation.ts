/**
 * A fiche's number is an identifier that never changes nor is reused; its place in the list (ordre) is separate.
 * Redon's fiches 38 and 39, added after signature, sit between 9 and 10.
 */
export function prochainNumero(numerosDejaAttribues: readonly number[]): number {
  return numerosDejaAttribues.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/** Moves one element to a new index (0-based, clamped) and returns the ids in their new order. */
export function deplacer<T>(ids: readonly T[], id: T, nouvelIndex: number): T[] {
  const depart = ids.indexOf(id);
  if (depart < 0) return [...ids];
  const resultat = ids.filter((x) => x !== id);
  const cible = Math.max(0, Math.min(nouvelIndex, resultat.length));
  resultat.splice(cible, 0, id);
  return resultat;
}

/** "2.3" style label of an objectif within its axe. */
export function numeroObjectif(numeroAxe: number, rang: number): string {
  return `${numeroAxe}.${rang}`;
}
