/** French formatting, for the UI and documents only: data stays ISO dates and integer cents. */

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2021-07-01" → "1er juillet 2021". */
export function formaterDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [annee, mois, jour] = iso.slice(0, 10).split('-').map(Number);
  if (!annee || !mois || !jour) return iso;
  return `${jour === 1 ? '1er' : jour} ${MOIS[mois - 1]} ${annee}`;
}

/** "2021-07-01" → "juillet 2021". */
export function formaterMois(iso: string | null | undefined): string {
  if (!iso) return '';
  const [annee, mois] = iso.slice(0, 7).split('-').map(Number);
  return `${MOIS[mois - 1]} ${annee}`;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * `n.toLocaleString('fr-FR', …)` with each formatter built once: building one costs ~25 µs, and a contract's
 * diagnostic writes about a thousand numbers.
 */
export function nombreFr(n: number, minimumDecimales: number | undefined, maximumDecimales: number): string {
  if (!minimumDecimales && Number.isSafeInteger(n)) return entierFr(n);
  const cle = `${minimumDecimales}|${maximumDecimales}`;
  let format = formats.get(cle);
  if (!format) {
    format = new Intl.NumberFormat(
      'fr-FR',
      minimumDecimales === undefined
        ? { maximumFractionDigits: maximumDecimales }
        : { minimumFractionDigits: minimumDecimales, maximumFractionDigits: maximumDecimales },
    );
    formats.set(cle, format);
  }
  return format.format(n);
}

/**
 * An integer as Intl writes it in fr-FR (narrow no-break space between thousands, "-0" kept): most numbers a diagnostic
 * writes are counts, and grouping digits by hand costs a tenth of `format`.
 */
function entierFr(n: number): string {
  const chiffres = String(n < 0 ? -n : n);
  let texte = chiffres;
  if (chiffres.length > 3) {
    const tete = chiffres.length % 3 || 3;
    texte = chiffres.slice(0, tete);
    for (let i = tete; i < chiffres.length; i += 3) texte += `\u202f${chiffres.slice(i, i + 3)}`;
  }
  return n < 0 || Object.is(n, -0) ? `-${texte}` : texte;
}

/** Spaces as thousands separator and a decimal comma, as French readers expect ("12 345,6"). */
export function formaterNombre(n: number, decimales = 0): string {
  return nombreFr(n, decimales, decimales).replace(/\u202f/g, '\u00a0');
}

/** 2000000 cents → "20 000 €"; cents shown only when there are some. */
export function formaterMontant(centimes: number): string {
  const euros = centimes / 100;
  return `${formaterNombre(euros, Number.isInteger(euros) ? 0 : 2)}\u00a0€`;
}

export function formaterPeriode(debut: string | null | undefined, fin: string | null | undefined): string {
  if (debut && fin) return `du ${formaterDate(debut)} au ${formaterDate(fin)}`;
  if (debut) return `à partir du ${formaterDate(debut)}`;
  if (fin) return `jusqu’au ${formaterDate(fin)}`;
  return 'période non renseignée';
}

/** 1 → "1re", 2 → "2e". */
export function ordinal(n: number): string {
  return n === 1 ? '1re' : `${n}e`;
}
