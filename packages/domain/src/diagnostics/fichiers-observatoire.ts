import { estCodeCommuneInsee } from '../territoires';
import { normaliser } from '../texte';
import type { TypeTerritoireValeur } from './valeurs';

/** What observatory files (INSEE, ORS, CartoSanté, Géodes) write as headers, in the key `cleEntete` gives. */
const ENTETES_CODE = [
  'codgeo',
  'code geographique',
  'code commune',
  'code insee',
  'code_insee',
  'code insee commune',
  'code commune insee',
  'com',
  'depcom',
  'code',
  'code du territoire',
  'code territoire',
  'code_territoire',
  'territoire_code',
  'insee',
  'orgunit',
  'code epci',
  'siren epci',
  'epci',
  'code departement',
  'dep',
  'code region',
  'reg',
];

/** Lower-case, accent-free, "_"/"-"/"." kept apart from spaces only where files mean the same thing. */
function cleEntete(entete: string): string {
  return normaliser(entete)
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/\s*\(.*\)$/, '')
    .trim();
}

/** True for the headers that mean "the territory's code" ("Code géographique", "CODGEO", "code_insee"…). */
export function estEnteteCodeTerritoire(entete: string): boolean {
  const c = cleEntete(entete);
  return ENTETES_CODE.includes(c) || ENTETES_CODE.includes(c.replace(/_/g, ' '));
}

/** The type a code header implies, when it says it ("Code région", "REG", "Code EPCI"); otherwise null. */
export function typeSelonEntete(entete: string): TypeTerritoireValeur | null {
  const c = cleEntete(entete).replace(/_/g, ' ');
  if (/\b(region|reg)\b/.test(c)) return 'region';
  if (/\b(departement|dep)\b/.test(c) && c !== 'depcom') return 'departement';
  if (/\b(epci|siren)\b/.test(c)) return 'epci';
  if (/\b(commune|com|depcom)\b/.test(c)) return 'commune';
  return null;
}

/** How files name France: its own kind of territory, compared with, never aggregated into. */
export function lireFrance(texte: string): { type: 'france' | 'france_metro'; code: 'FRA' | 'FRM' } | null {
  const t = cleEntete(texte).replace(/[-_]/g, ' ');
  if (['frm', 'france metropolitaine', 'france metro', 'metropole', 'france hors dom'].includes(t))
    return { type: 'france_metro', code: 'FRM' };
  if (['fr', 'fra', 'france', 'france entiere', 'ensemble de la france', 'france (y compris dom)', 'france y compris dom'].includes(t))
    return { type: 'france', code: 'FRA' };
  return null;
}

/**
 * The territory a code is, from its shape, when the file has no type column: 5 characters a commune (2A/2B in
 * Corsica, 4 digits when a spreadsheet dropped the leading zero), 9 digits an EPCI's SIREN, 2–3 a département (971…,
 * 2A) — or a région when the header says so, since "53" is both Mayenne and Bretagne.
 */
export function deduireTerritoire(
  code: string | number,
  indice: TypeTerritoireValeur | null = null,
): { type: TypeTerritoireValeur; code: string } | null {
  let c = String(code).trim().toUpperCase().replace(/\s/g, '');
  if (/^\d+\.0+$/.test(c)) c = c.replace(/\.0+$/, '');
  const france = lireFrance(String(code));
  if (france) return france;
  if (/^\d{9}$/.test(c)) return { type: 'epci', code: c };
  if (estCodeCommuneInsee(c)) return { type: 'commune', code: c };
  if (/^\d{4}$/.test(c) && indice !== 'region' && indice !== 'departement') return { type: 'commune', code: `0${c}` };
  if (indice === 'region' && /^\d{1,2}$/.test(c)) return { type: 'region', code: c.padStart(2, '0') };
  if (/^(\d{1,2}|2[AB]|97\d)$/.test(c)) return { type: 'departement', code: c.padStart(2, '0') };
  return null;
}

/** A scale as a file or the catalogue writes it: the factor (100 for %, 100 000 for "pour 100 000 hab.") and its words. */
export interface Echelle {
  facteur: number;
  libelle: string;
}

const libelleEchelle = (facteur: number) =>
  facteur === 100 ? '%' : facteur === 1000 ? '‰ (pour 1 000)' : `pour ${facteur.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ')}`;

/** "pour 10 000 hab." → 10 000; "%" → 100; "‰", "pour 1 000", "p. 1000" → 1 000; "taux pour 100 000 habitants" → 100 000. Null when the text says no scale. */
export function lireEchelle(texte: string | null | undefined): Echelle | null {
  if (!texte) return null;
  const t = normaliser(texte).replace(/[\u00a0\u202f]/g, ' ');
  const pour = t.match(/(?:\bpour|\bp\.|\/)\s*(\d[\d .]*\d|\d)/);
  if (pour) {
    const facteur = Number(pour[1].replace(/[ .]/g, ''));
    if (facteur >= 100 && [100, 1000, 10_000, 100_000, 1_000_000].includes(facteur)) return { facteur, libelle: libelleEchelle(facteur) };
  }
  if (/‰|pour mille|pour mil\b/.test(t)) return { facteur: 1000, libelle: libelleEchelle(1000) };
  if (/%|pourcentage|pour cent|\bpct\b/.test(t)) return { facteur: 100, libelle: libelleEchelle(100) };
  return null;
}

/** The scale the catalogue expects of an indicator: its unit's words first, then its factor when above 1. */
export function echelleIndicateur(indicateur: { unite: string; facteur: number | string }): Echelle | null {
  const lue = lireEchelle(indicateur.unite);
  if (lue) return lue;
  const f = Number(indicateur.facteur);
  return f > 1 ? { facteur: f, libelle: libelleEchelle(f) } : null;
}

/** A French warning when the file's scale is not the indicator's, with both; null when they agree or one is unknown. */
export function avertissementEchelle(
  colonne: string,
  detectee: Echelle | null,
  indicateur: { code: string; libelle: string; unite: string; facteur: number | string },
): string | null {
  const attendue = echelleIndicateur(indicateur);
  if (!detectee || !attendue || detectee.facteur === attendue.facteur) return null;
  const rapport = attendue.facteur / detectee.facteur;
  const conversion =
    rapport > 1 ? `multiplier par ${rapport.toLocaleString('fr-FR')}` : `diviser par ${(1 / rapport).toLocaleString('fr-FR')}`;
  return `Échelle différente pour « ${colonne} » : le fichier donne des valeurs ${detectee.libelle}, l’indicateur « ${indicateur.libelle} » (${indicateur.code}) attend ${attendue.libelle} (${indicateur.unite}). Convertissez les valeurs (${conversion}) avant d’importer, ou choisissez un autre indicateur.`;
}

const MOTS_VIDES = new Set([
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'l',
  'd',
  'en',
  'et',
  'a',
  'au',
  'aux',
  'pour',
  'par',
  'sur',
  'un',
  'une',
  'hab',
  'habitants',
  'nb',
  'nombre',
  'taux',
  'part',
]);

function mots(texte: string): string[] {
  return normaliser(texte)
    .replace(/\(.*?\)/g, ' ')
    .replace(/pour\s*\d[\d\s.]*\w*/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((m) => m.length > 0 && !MOTS_VIDES.has(m) && !/^\d+$/.test(m))
    .map((m) => (m.length > 4 ? m.replace(/(s|x)$/, '') : m));
}

/** Dice similarity of the significant words of two labels (accents, case, plurals and scale words left aside). */
export function similariteLibelles(a: string, b: string): number {
  const ma = new Set(mots(a));
  const mb = new Set(mots(b));
  if (!ma.size || !mb.size) return 0;
  let communs = 0;
  for (const m of ma)
    if (mb.has(m) || [...mb].some((n) => n.length >= 5 && m.length >= 5 && (n.startsWith(m) || m.startsWith(n)))) communs++;
  return (2 * communs) / (ma.size + mb.size);
}

/** Columns that name the territory: never an indicator, whatever their words ("Commune", "Libellé géographique"). */
const ENTETES_NOM = [
  'commune',
  'nom',
  'libelle',
  'libelle geographique',
  'libgeo',
  'libelle commune',
  'nom commune',
  'nom de la commune',
  'territoire',
  'nom du territoire',
  'epci',
  'departement',
  'region',
  'annee',
  'periode',
];

export interface SuggestionIndicateur {
  entete: string;
  code: string;
  libelle: string;
  /** 0–1: 1 when the header is the code. */
  score: number;
}

/**
 * For the value columns of a wide file, the catalogue indicator each header most likely is: its code, or the
 * closest label (at least half the significant words in common), a matching scale breaking ties and a different one
 * lowering the score. Suggestions only: the user confirms them.
 */
export function suggererIndicateurs(
  entetes: string[],
  catalogue: { code: string; libelle: string; unite: string; facteur: number | string }[],
  seuil = 0.5,
): SuggestionIndicateur[] {
  const suggestions: SuggestionIndicateur[] = [];
  for (const entete of entetes) {
    if (ENTETES_NOM.includes(cleEntete(entete)) || estEnteteCodeTerritoire(entete)) continue;
    const cle = cleEntete(entete).replace(/\s+/g, '_');
    const parCode = catalogue.find((i) => i.code === entete.trim() || normaliser(i.code) === cle);
    if (parCode) {
      suggestions.push({ entete, code: parCode.code, libelle: parCode.libelle, score: 1 });
      continue;
    }
    const echelle = lireEchelle(entete);
    let meilleure: SuggestionIndicateur | null = null;
    for (const i of catalogue) {
      let score = Math.max(similariteLibelles(entete, i.libelle), similariteLibelles(entete, i.code.replace(/_/g, ' ')));
      const attendue = echelleIndicateur(i);
      if (echelle && attendue) score += echelle.facteur === attendue.facteur ? 0.05 : -0.05;
      if (score >= seuil && (!meilleure || score > meilleure.score))
        meilleure = { entete, code: i.code, libelle: i.libelle, score: Math.min(1, Math.round(score * 100) / 100) };
    }
    if (meilleure) suggestions.push(meilleure);
  }
  return suggestions;
}
