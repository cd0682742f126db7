import { lireValeur, type SensDuTiret, type Valeur } from './valeurs';

/**
 * What Santé publique France (Odissé) and INSEE write in a cell whose value is under statistical secrecy
 * (décision 0040). An empty cell is secret in these files: a commune row exists, its value is withheld. Compared
 * lower-case, spaces trimmed.
 */
export const CELLULES_SECRET: readonly string[] = ['', 's', 'nd', 'n.d.', 'n.d', 'secret', 'c'];

/**
 * Cells that say "no value" without secrecy (R and tableur exports): stored as missing. Neither is ever stored as 0.
 */
export const CELLULES_SANS_VALEUR: readonly string[] = ['na', 'n/a', 'nan', '..', '...'];

/**
 * Reads a cell of an Odissé or INSEE file: secret and missing first (an empty cell is secret there, not missing as in
 * other files), then as any published value (lireValeur: decimals, intervals, « - » as the import says).
 */
export function lireCelluleStatistique(
  cellule: string | number | null | undefined,
  tiret: SensDuTiret = 'secret',
): Valeur | { nature: 'invalide'; texte: string } {
  if (typeof cellule === 'number') return lireValeur(cellule, tiret);
  const bas = (cellule ?? '').trim().toLowerCase();
  if (CELLULES_SECRET.includes(bas)) return { nature: 'masquee' };
  if (CELLULES_SANS_VALEUR.includes(bas)) return { nature: 'manquante' };
  return lireValeur(cellule, tiret);
}
