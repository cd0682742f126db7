import { nombreFr } from '../format';

/**
 * Bounds are written the safe way, by one function (decision 0018): a lower bound rounded down, an upper bound rounded
 * up, so that "au moins 9" or "[10,2 à 10,8]" stay true whatever the precision shown. A reason (`raison`) writes the
 * number as computed instead (`ecrireNombreExact`): 9,5, not 9.
 */

/** How a rounding may move a number without making a claim false: down for a floor, up for a ceiling. */
export type SensBorne = 'inferieure' | 'superieure';

/**
 * Cuts a number to `decimales` on its shortest decimal writing, not on n × 10^d: 0,29 × 100 is 28,999… in binary, and
 * would floor to 0,28. Returns the cut number and whether digits were dropped.
 */
function couper(n: number, decimales: number): { coupe: number; perdu: boolean } | null {
  const texte = String(Math.abs(n));
  if (!Number.isFinite(n) || /e/i.test(texte)) return null;
  const [entier, fraction = ''] = texte.split('.');
  const absolu = Number(decimales > 0 && fraction ? `${entier}.${fraction.slice(0, decimales)}` : entier);
  return { coupe: n < 0 ? -absolu : absolu, perdu: /[1-9]/.test(fraction.slice(decimales)) };
}

/** Adding one step to a cut number in binary would add noise (0,1 + 0,2): go through the integer count of steps. */
const unPas = (coupe: number, decimales: number, sens: 1 | -1) => (Math.round(coupe * 10 ** decimales) + sens) / 10 ** decimales;

/** A lower bound as displayed: rounded down at the displayed precision (9,5 → 9, never 10). */
export function arrondiInferieur(n: number, decimales = 0): number {
  const c = couper(n, decimales);
  if (!c) return Math.floor(n * 10 ** decimales) / 10 ** decimales;
  // Below zero, cutting digits goes up: one step down restores the floor.
  return n < 0 && c.perdu ? unPas(c.coupe, decimales, -1) : c.coupe;
}

/** An upper bound as displayed: rounded up at the displayed precision (20,25 → 20,3 at one decimal, never 20,2). */
export function arrondiSuperieur(n: number, decimales = 0): number {
  const c = couper(n, decimales);
  if (!c) return Math.ceil(n * 10 ** decimales) / 10 ** decimales;
  return n > 0 && c.perdu ? unPas(c.coupe, decimales, 1) : c.coupe;
}

/** The number as French readers write it ("1 249,5"), with no-break spaces between thousands. */
const ecrire = (n: number, decimales?: number) =>
  (decimales === undefined ? nombreFr(n, undefined, 2) : nombreFr(n, decimales, decimales)).replace(/\u202f/g, '\u00a0');

/**
 * A bound in figures, rounded the safe way: `decimales` fixed (an aggregate shows 0 or 1), or up to two when undefined.
 * The one place where a bound becomes text: values, partial figures, reports and exports all go through it.
 */
export function ecrireBorne(n: number, sens: SensBorne, decimales?: number): string {
  const precision = decimales ?? 2;
  const arrondi = sens === 'inferieure' ? arrondiInferieur(n, precision) : arrondiSuperieur(n, precision);
  // -0 would read "-0".
  return ecrire(arrondi === 0 ? 0 : arrondi, decimales);
}

/** "au moins 9" for 9,5: a floor in words. */
export function texteAuMoins(n: number, decimales?: number): string {
  return `au moins ${ecrireBorne(n, 'inferieure', decimales)}`;
}

/**
 * The number as computed, for a reason that explains a figure ("Au moins 9,5 : …"): up to six decimals, cut downwards
 * (a floor must not be overstated by the last digit), which also drops binary noise (0,30000000000000004).
 */
export function ecrireNombreExact(n: number): string {
  return nombreFr(arrondiInferieur(n, 6), undefined, 6).replace(/\u202f/g, '\u00a0');
}
