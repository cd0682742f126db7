import { normaliser } from '../texte';
import { estEnteteCodeTerritoire, typeSelonEntete } from './fichiers-observatoire';
import type { TypeTerritoireValeur } from './valeurs';

/**
 * Files of Santé publique France (Odissé portal) and INSEE (wide files, one row per commune): how to recognise them
 * and what to propose before the user maps their columns (décision 0040).
 */

/** An INSEE variable header: `P21_POP` (principal exploitation of the 2021 census), `C21_ACT1564` (complementary). */
export interface VariableInsee {
  prefixe: 'P' | 'C';
  annee: number;
  variable: string;
}

/** `P21_POP` → { P, 2021, POP }; null for `CODGEO`, `LIBGEO` and anything else. Two-digit years: 19xx beyond this one. */
export function lireVariableInsee(entete: string, anneeCourante = new Date().getFullYear()): VariableInsee | null {
  const m = entete.trim().match(/^([PC])(\d{2})_([A-Z0-9_]+)$/i);
  if (!m) return null;
  const aa = Number(m[2]);
  const annee = 2000 + aa <= anneeCourante + 1 ? 2000 + aa : 1900 + aa;
  return { prefixe: m[1].toUpperCase() as 'P' | 'C', annee, variable: m[3].toUpperCase() };
}

/** INSEE variables whose indicator in the catalogue is plain (a count of the same thing): proposed, to confirm. */
export const INDICATEURS_DES_VARIABLES_INSEE: Record<string, string> = {
  POP: 'population',
};

/** A wide INSEE file: `CODGEO` as the key and at least one variable header. */
export function estFichierInsee(entetes: string[]): boolean {
  return entetes.some((e) => normaliser(e) === 'codgeo') && entetes.some((e) => lireVariableInsee(e) !== null);
}

const cle = (e: string) =>
  normaliser(e)
    .replace(/[\s_]+/g, ' ')
    .trim();
const ENTETES_PERIODE = ['annee', 'an', 'periode', 'year', 'millesime', 'date', 'annee de reference'];
const ENTETES_INDICATEUR = ['indicateur', 'code indicateur', 'nom indicateur', 'indicator'];
const ENTETES_VALEUR = ['valeur', 'value', 'val'];

/** An Odissé header naming a territory's code: "Département Code", "Région Code", "Code EPCI", "dep", "reg"… */
export function estEnteteCodeOdisse(entete: string): boolean {
  const c = cle(entete);
  return estEnteteCodeTerritoire(entete) || (/\bcode\b/.test(c) && typeSelonEntete(entete) !== null);
}

/** Odissé's CSV export: comma, UTF-8 with a byte-order mark, a territory code column and a year column. */
export function estFichierOdisse(f: { format: string; encodage: string | null; separateur: string | null; entetes: string[] }): boolean {
  if (f.format !== 'csv' || f.separateur !== ',') return false;
  const formes = f.entetes.some(estEnteteCodeOdisse) && f.entetes.some((e) => ENTETES_PERIODE.includes(cle(e)));
  return formes || f.encodage === 'UTF-8 (avec BOM)';
}

/** What the preview proposes for an Odissé file: which column is what; the value columns are the remaining ones. */
export function proposerColonnesOdisse(entetes: string[]): {
  territoire: string | null;
  territoireType: TypeTerritoireValeur | null;
  periode: string | null;
  indicateur: string | null;
  valeur: string | null;
} {
  // A "Code" column wins over a name column of the same level ("Département" and "Département Code").
  const territoire = entetes.find((e) => /\bcode\b/.test(cle(e)) && estEnteteCodeOdisse(e)) ?? entetes.find(estEnteteCodeOdisse) ?? null;
  return {
    territoire,
    territoireType: territoire ? typeSelonEntete(territoire) : null,
    periode: entetes.find((e) => ENTETES_PERIODE.includes(cle(e))) ?? null,
    indicateur: entetes.find((e) => ENTETES_INDICATEUR.includes(cle(e))) ?? null,
    valeur: entetes.find((e) => ENTETES_VALEUR.includes(cle(e))) ?? null,
  };
}

/**
 * Odissé writes France's total as territory code 0 in its département and région files ("Département Code" = 0):
 * France, compared with, never a département.
 */
export function estTotalFranceOdisse(code: string): boolean {
  return /^0+$/.test(code.trim());
}
