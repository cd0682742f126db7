import { nombreFr } from '../format';
import { ecrireBorne } from './bornes';
/**
 * A published value as the sources give it (domain.md §5): exact ("6,6"), an interval class kept with its
 * bounds and their inclusiveness ("[856 à 932["), masked for statistical secrecy, or missing.
 */
export type Valeur =
  | { nature: 'exacte'; valeur: number }
  | { nature: 'intervalle'; borneInf: number; borneSup: number; infIncluse: boolean; supIncluse: boolean }
  | { nature: 'masquee' }
  | { nature: 'manquante' };

/** What "-" means in a file: the import decides per file, and the choice stays with the values. */
export type SensDuTiret = 'zero' | 'secret' | 'manquant';

/** "1 234,5" / "1234.5" / "12 %" → 1234.5; null when it is not a number. */
export function lireNombre(texte: string): number | null {
  let t = texte
    .trim()
    .replace(/[\u00a0\u202f\s]/g, '')
    .replace(/%$/, '')
    .replace(/€$/, '');
  if (!t) return null;
  // French decimals use a comma; a lone comma is a decimal separator, dots then are thousands separators.
  if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const MASQUES = new Set(['s', 'secret', 'nd', 'n.d.', 'c', 'confidentiel', '*', 'ns']);
const MANQUANTS = new Set(['', 'na', 'n/a', 'nc', 'n.c.', '..', '...', '?']);

/**
 * Reads a published cell. Intervals: "[856 à 932[", "[856;932]", "]10 - 20]"; the brackets say whether each
 * bound is included, exactly as published.
 */
export function lireValeur(
  texte: string | number | null | undefined,
  tiret: SensDuTiret = 'secret',
): Valeur | { nature: 'invalide'; texte: string } {
  if (texte === null || texte === undefined) return { nature: 'manquante' };
  if (typeof texte === 'number')
    return Number.isFinite(texte) ? { nature: 'exacte', valeur: texte } : { nature: 'invalide', texte: String(texte) };
  const t = texte.trim();
  if (/^[-–—]$/.test(t))
    return tiret === 'zero' ? { nature: 'exacte', valeur: 0 } : tiret === 'secret' ? { nature: 'masquee' } : { nature: 'manquante' };
  const bas = t.toLowerCase();
  if (MANQUANTS.has(bas)) return { nature: 'manquante' };
  if (MASQUES.has(bas)) return { nature: 'masquee' };
  const intervalle = t.match(/^([[\]])\s*([^;à\-–]+?)\s*(?:à|;|-|–)\s*([^;\][]+?)\s*([[\]])$/);
  if (intervalle) {
    const inf = lireNombre(intervalle[2]);
    const sup = lireNombre(intervalle[3]);
    if (inf === null || sup === null || inf > sup) return { nature: 'invalide', texte: t };
    return { nature: 'intervalle', borneInf: inf, borneSup: sup, infIncluse: intervalle[1] === '[', supIncluse: intervalle[4] === ']' };
  }
  const n = lireNombre(t);
  return n === null ? { nature: 'invalide', texte: t } : { nature: 'exacte', valeur: n };
}

/**
 * Writes a value as the sources would: "6,6", "[856 à 932[", "secret statistique". An interval is widened, never
 * narrowed, by the rounding: its lower bound rounded down, its upper bound up (ecrireBorne).
 */
export function ecrireValeur(v: Valeur, decimales?: number): string {
  switch (v.nature) {
    case 'exacte':
      return (decimales === undefined ? nombreFr(v.valeur, undefined, 2) : nombreFr(v.valeur, decimales, decimales)).replace(
        /\u202f/g,
        '\u00a0',
      );
    case 'intervalle':
      return `${v.infIncluse ? '[' : ']'}${ecrireBorne(v.borneInf, 'inferieure', decimales)} à ${ecrireBorne(v.borneSup, 'superieure', decimales)}${v.supIncluse ? ']' : '['}`;
    case 'masquee':
      return 'secret statistique';
    case 'manquante':
      return 'non disponible';
  }
}

/**
 * INSEE codes as files mangle them: Excel drops leading zeros ("1001" for 01001), Corsica is 2A/2B.
 * Returns the code as the référentiel writes it.
 */
export function normaliserCodeTerritoire(type: string, code: string | number): string {
  let c = String(code).trim().toUpperCase().replace(/\s/g, '');
  if (/^\d+\.0+$/.test(c)) c = c.replace(/\.0+$/, '');
  if (type === 'commune' && /^\d{4}$/.test(c)) return `0${c}`;
  if (type === 'commune' && /^2[AB]\d{2}$/.test(c)) return c; // already odd; left for the référentiel check to reject
  if (type === 'departement' && /^\d$/.test(c)) return `0${c}`;
  if (type === 'region' && /^\d$/.test(c)) return `0${c}`;
  return c;
}

export const TYPES_TERRITOIRE_VALEUR = ['commune', 'epci', 'departement', 'region', 'france_metro', 'france'] as const;
export type TypeTerritoireValeur = (typeof TYPES_TERRITOIRE_VALEUR)[number];

/** The kinds of territory a value is published for, in words; also the names of the two national territories (server and web). */
export const LIBELLES_TYPE_TERRITOIRE_VALEUR: Record<TypeTerritoireValeur, string> = {
  commune: 'Commune',
  epci: 'EPCI',
  departement: 'Département',
  region: 'Région',
  france_metro: 'France métropolitaine',
  france: 'France',
};

/** The name of a territory: its own, or for France and France métropolitaine (not in the référentiel), their label. */
export function nomTerritoireValeur(type: string, code: string, nom?: string | null): string {
  if (type === 'france_metro' || type === 'france') return LIBELLES_TYPE_TERRITOIRE_VALEUR[type];
  return nom ?? code;
}

/** "pays;FRM" and friends as files write them → our territory types. */
export function lireTypeTerritoire(type: string, code: string): { type: TypeTerritoireValeur; code: string } | null {
  const t = type
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const c = code.trim().toUpperCase();
  if (t === 'pays' || t === 'france' || t === 'nation' || t === 'national') {
    if (['FRM', 'METRO', 'FRANCE METROPOLITAINE', 'FM'].includes(c)) return { type: 'france_metro', code: 'FRM' };
    return { type: 'france', code: 'FRA' };
  }
  if (t === 'france_metro' || t === 'france metropolitaine') return { type: 'france_metro', code: 'FRM' };
  const types: Record<string, TypeTerritoireValeur> = {
    commune: 'commune',
    com: 'commune',
    epci: 'epci',
    departement: 'departement',
    dep: 'departement',
    region: 'region',
    reg: 'region',
  };
  const trouve = types[t];
  return trouve ? { type: trouve, code: normaliserCodeTerritoire(trouve, c) } : null;
}

/** "2019" → 2019–2019; "2011-2015" → 2011–2015. */
export function lirePeriode(texte: string | number): { libelle: string; debut: number; fin: number } | null {
  const t = String(texte).trim();
  const m = t.match(/^(\d{4})(?:\s*[-–/à]\s*(\d{4}))?$/);
  if (!m) return null;
  const debut = Number(m[1]);
  const fin = m[2] ? Number(m[2]) : debut;
  if (fin < debut || debut < 1800 || fin > 2200) return null;
  return { libelle: debut === fin ? String(debut) : `${debut}-${fin}`, debut, fin };
}
