/** Amounts as the forms type them (euros, French decimal comma) and as the API stores them (integer cents). */

/** "20 000,50" → 2000050; anything else than a number → NaN (the schema says "Montant attendu"). */
export function versCentimes(euros: string): number {
  const propre = euros.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (propre === '' || !/^\d+(\.\d{1,2})?$/.test(propre)) return Number.NaN;
  return Math.round(Number(propre) * 100);
}

/** 2000050 → "20000,5" (no thousands separator: the field is edited). */
export const versEuros = (centimes: number) => String(centimes / 100).replace('.', ',');
