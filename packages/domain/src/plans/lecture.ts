/**
 * Pure helpers to read an action plan from a spreadsheet (ours, or Territoires en Transitions' import format):
 * header keys, "1.1. Titre" numbering, dates, amounts, statuts and priorités, lists of names.
 */
import {
  DIMENSIONS_RIFKIN,
  NIVEAUX_PARTICIPATION_TET,
  niveauTetDepuisRifkin,
  type Priorite,
  type StatutFiche,
} from '../contrats/taxonomies';
import { normaliser } from '../texte';

/** Comparison key of a name or a title: accents, case, apostrophes, dashes and spaces folded. */
export function cleTexte(texte: string): string {
  return normaliser(texte)
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Key of a column header: "Montant € HT", "Montant € TTC " → "montant"; "Élu·e référent·e " → "elue referente". */
export function cleEntete(entete: string): string {
  return cleTexte(entete)
    .replace(/\u00b7/g, '')
    .replace(/\(\s*(?:en\s+)?(?:€|euros?)\s*\)/g, '')
    .replace(/€\s*(?:ht|ttc)?/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Numerotation {
  /** "1.2" → [1, 2]; empty when the text carries no number. */
  numero: number[];
  titre: string;
  /** The text is only its number ("Axe 1", "1.1"): the title is the text as written. */
  numeroSeul?: boolean;
}

const MOT_NIVEAU =
  /^(?:sous[- ]?sous[- ]?axe|sous[- ]?axe|axe|orientation(?: strat[ée]gique)?|objectif(?: strat[ée]gique| op[ée]rationnel| sp[ée]cifique| g[ée]n[ée]ral)?)\s*(?:n°\s*)?(\d+(?:\.\d+)*)\.?\s*(?:[:\-–—.)]\s*)?(.*)$/iu;
const NUMERO_SEUL = /^(\d+(?:\.\d+)*)(?:\.(?!\d)\s*|\s*[:)]\s*|\s+[-–—]\s+)(.+)$/su;
const NUMERO_NU = /^(\d+(?:\.\d+)*)\.?()$/u;

/**
 * "1. Titre", "Axe 1. Titre", "4.2 : Titre", "Objectif stratégique 1. Titre" → number and title.
 * A number needs a separator after it, so "2040-2044 : plan vélo" or "3.5 millions…" keep their text.
 */
export function lireNumerotation(texte: string): Numerotation {
  const t = texte.replace(/[ \t]+/g, ' ').trim();
  const m = t.match(MOT_NIVEAU) ?? t.match(NUMERO_SEUL) ?? t.match(NUMERO_NU);
  if (!m) return { numero: [], titre: t };
  const numero = m[1].split('.').map(Number);
  // "Axe 1" alone: taking the number off would leave no title, so the text as written stays the title.
  const titre = m[2].trim().replace(/^[:\-–—.)]\s*$/, '');
  return titre ? { numero, titre } : { numero, titre: t, numeroSeul: true };
}

/** "Action 1. Titre", "Fiche Action 2. Titre", "Fiche action 12 - Titre": the number belongs to the fiche. */
export function lireNumeroFiche(texte: string): { numero: number | null; titre: string; numeroSeul?: boolean } {
  const t = texte.replace(/[ \t]+/g, ' ').trim();
  const m = t.match(/^(?:fiche[\s-]*action|fiche|action)\s*(?:n°|no\.?)?\s*(\d+)\s*(?:[.:)\-–—]\s*|\s+)(.+)$/isu);
  if (m) return { numero: Number(m[1]), titre: m[2].trim() };
  // "Fiche action 3" alone: the number is the fiche's, the text as written its title.
  const seul = t.match(/^(?:fiche[\s-]*action|fiche|action)\s*(?:n°|no\.?)?\s*(\d+)\s*[.:)\-–—]?$/iu);
  if (seul) return { numero: Number(seul[1]), titre: t, numeroSeul: true };
  return { numero: null, titre: t };
}

/** The TeT template shows its example title in two spellings separated by a line "(ou)": not a real fiche. */
export function estExempleDuModele(titre: string): boolean {
  return /\n\s*\(ou\)\s*\n/i.test(titre);
}

const CONSIGNES = [
  'champ texte',
  'champ numerique',
  'champ date',
  'champ binaire',
  'champ liste deroulante',
  'si vos axes sont numerotes',
  'si vos sous-axes sont numerotes',
  'si vos sous-sous-axes sont numerotes',
  'texte court de 300 caracteres',
  'ce champ ne sera pas integre',
  'ces informations devront etre saisies directement',
  'presentez en quelques lignes le descriptif',
  'reseignez ici le nom',
  'renseignez ici le nom',
  '➔ utilisez exactement la meme ecriture',
  'plusieurs services peuvent etre indiques',
  'creez sous la forme',
  "choisissez l'option qui correspond",
  'saisissez un nombre entier',
  'saisissez une date sous le format',
  "indiquer si l'action est en amelioration continue",
];

/** Instructions of the TeT template (description row, leftovers copied into data rows): never data. */
export function estConsigneDuModele(texte: string): boolean {
  const cle = cleTexte(texte);
  return CONSIGNES.some((c) => cle.startsWith(c));
}

export type Lecture<T> = { valeur: T } | { erreur: string } | null;

const JOURS_PAR_MOIS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const bissextile = (a: number) => (a % 4 === 0 && a % 100 !== 0) || a % 400 === 0;
const deux = (n: number) => String(n).padStart(2, '0');

function dateIso(annee: number, mois: number, jour: number): string | null {
  if (mois < 1 || mois > 12 || jour < 1) return null;
  if (jour > JOURS_PAR_MOIS[mois - 1] || (mois === 2 && jour === 29 && !bissextile(annee))) return null;
  return `${annee}-${deux(mois)}-${deux(jour)}`;
}

/**
 * A date from a cell: a real Excel date, an Excel serial number, ISO text, or "14/12/2020" / "12/14/20".
 * Day and month are told apart when one exceeds 12; otherwise a 2-digit year is read the US way (m/d/yy, as
 * Excel writes dates as text in TeT files) and a 4-digit year the French way (JJ/MM/AAAA, as the template asks).
 */
export function lireDate(valeur: unknown): Lecture<string> {
  if (valeur === null || valeur === undefined || valeur === '') return null;
  if (valeur instanceof Date) {
    if (Number.isNaN(valeur.getTime())) return { erreur: 'date invalide' };
    return { valeur: valeur.toISOString().slice(0, 10) };
  }
  if (typeof valeur === 'number') {
    if (!Number.isFinite(valeur) || valeur < 1 || valeur > 2958465) return { erreur: `« ${valeur} » n’est pas une date` };
    return { valeur: new Date(Date.UTC(1899, 11, 30) + Math.floor(valeur) * 86400000).toISOString().slice(0, 10) };
  }
  const texte = String(valeur).trim();
  if (!texte) return null;
  const iso = texte.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/);
  if (iso) {
    const d = dateIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return d ? { valeur: d } : { erreur: `date « ${texte} » impossible` };
  }
  const m = texte.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/);
  if (!m) return { erreur: `« ${texte} » n’est pas une date (attendu JJ/MM/AAAA)` };
  const [a, b] = [Number(m[1]), Number(m[2])];
  const courte = m[3].length === 2;
  const annee = courte ? (Number(m[3]) < 70 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
  let jour: number, mois: number;
  if (a > 12 && b <= 12) [jour, mois] = [a, b];
  else if (b > 12 && a <= 12) [mois, jour] = [a, b];
  else if (a <= 12 && b <= 12) [mois, jour] = courte ? [a, b] : [b, a];
  else return { erreur: `date « ${texte} » impossible` };
  const d = dateIso(annee, mois, jour);
  return d ? { valeur: d } : { erreur: `date « ${texte} » impossible` };
}

/** An amount in euros (number, or text such as "1 234,50 €") → integer cents. */
export function lireMontantCentimes(valeur: unknown): Lecture<number> {
  if (valeur === null || valeur === undefined || valeur === '') return null;
  let n: number;
  if (typeof valeur === 'number') n = valeur;
  else {
    let t = String(valeur)
      .replace(/[\s\u00a0\u202f]/g, '')
      .replace(/€|eur(?:os?)?|ht|ttc/gi, '');
    if (!t) return null;
    if (t.includes(',') && t.includes('.'))
      t = t.lastIndexOf(',') > t.lastIndexOf('.') ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
    else t = t.replace(',', '.');
    if (!/^-?\d+(?:\.\d+)?$/.test(t)) return { erreur: `« ${String(valeur).trim()} » n’est pas un montant` };
    n = Number(t);
  }
  if (!Number.isFinite(n)) return { erreur: `« ${valeur} » n’est pas un montant` };
  if (n < 0) return { erreur: `le montant ${valeur} est négatif` };
  return { valeur: Math.round(n * 100) };
}

/** Oui/Non, Vrai/Faux, TRUE/FALSE, 1/0. */
export function lireBooleen(valeur: unknown): Lecture<boolean> {
  if (valeur === null || valeur === undefined || valeur === '') return null;
  if (typeof valeur === 'boolean') return { valeur };
  const cle = cleTexte(String(valeur));
  if (!cle) return null;
  if (['oui', 'vrai', 'true', '1', 'o', 'x'].includes(cle)) return { valeur: true };
  if (['non', 'faux', 'false', '0', 'n'].includes(cle)) return { valeur: false };
  return { erreur: `« ${String(valeur).trim()} » n’est ni Oui ni Non` };
}

const STATUTS: Record<string, StatutFiche> = {
  'a venir': 'a_venir',
  'a discuter': 'a_venir',
  'non demarre': 'a_venir',
  'non demarree': 'a_venir',
  'en cours': 'en_cours',
  realise: 'realisee',
  realisee: 'realisee',
  termine: 'realisee',
  terminee: 'realisee',
  acheve: 'realisee',
  achevee: 'realisee',
  'en retard': 'en_retard',
  'en pause': 'en_pause',
  bloque: 'en_pause',
  bloquee: 'en_pause',
  suspendu: 'en_pause',
  suspendue: 'en_pause',
  abandonne: 'abandonnee',
  abandonnee: 'abandonnee',
};

/** Our statut from a label of ours or of TeT's list ("À discuter" → à venir, "Bloqué" → en pause). */
export function statutFicheDepuisTexte(texte: string): StatutFiche | undefined {
  const cle = cleTexte(texte).replace(/[\s.]+$/, '');
  return STATUTS[cle] ?? STATUTS[cle.replace(/_/g, ' ')];
}

const PRIORITES_TEXTE: Record<string, Priorite> = {
  eleve: 'haute',
  elevee: 'haute',
  haute: 'haute',
  haut: 'haute',
  forte: 'haute',
  moyen: 'moyenne',
  moyenne: 'moyenne',
  bas: 'basse',
  basse: 'basse',
  faible: 'basse',
};

export function prioriteDepuisTexte(texte: string): Priorite | undefined {
  return PRIORITES_TEXTE[cleTexte(texte).replace(/[\s.]+$/, '')];
}

/** The values of TeT's "Listes déroulantes" sheet for our statuts and priorités. */
export const STATUT_TET: Record<StatutFiche, string> = {
  a_venir: 'À venir',
  en_cours: 'En cours',
  realisee: 'Réalisé',
  en_retard: 'En retard',
  en_pause: 'En pause',
  abandonnee: 'Abandonné',
};
export const PRIORITE_TET: Record<Priorite, string> = { haute: 'Élevé', moyenne: 'Moyen', basse: 'Bas' };

/**
 * TeT's participation level → ours: "Pas de participation" is no participation; each other level sets every Rifkin
 * dimension to its rank (Information 2 … Co-construction 5), which `niveauTetDepuisRifkin` maps back to the same level.
 */
export function participationDepuisTet(texte: string): { participationCitoyenne: boolean; rifkin: Record<string, number> } | undefined {
  const cle = cleTexte(texte).replace(/[\s.]+$/, '');
  if (cle.startsWith('pas de participation') || cle === 'aucune') return { participationCitoyenne: false, rifkin: {} };
  const rang = NIVEAUX_PARTICIPATION_TET.findIndex((n) => cleTexte(n).replace(/-/g, '') === cle.replace(/[-\s]/g, ''));
  if (rang < 1) return undefined;
  return { participationCitoyenne: true, rifkin: Object.fromEntries(DIMENSIONS_RIFKIN.map((d) => [d.code, rang + 1])) };
}

export function participationVersTet(
  participationCitoyenne: boolean | null | undefined,
  rifkin: Partial<Record<string, number>> = {},
): string | null {
  const note = Object.values(rifkin).some((v) => typeof v === 'number');
  if (participationCitoyenne === false) return 'Pas de participation citoyenne';
  if (!participationCitoyenne && !note) return null;
  const niveau = niveauTetDepuisRifkin(rifkin);
  return niveau === 'Pas de participation' ? 'Information' : niveau;
}

/**
 * Names in one cell: "A, B (x, y), « C, D »" → A | B (x, y) | C, D. Commas, semicolons and line breaks separate,
 * except inside parentheses or quotes. With `garderVides`, empty places are kept (positional lists).
 */
export function decouperNoms(texte: string, garderVides = false): string[] {
  const morceaux: string[] = [];
  let courant = '';
  let profondeur = 0;
  let guillemet: string | null = null;
  for (const c of texte) {
    if (guillemet) {
      if (c === guillemet) guillemet = null;
      courant += c;
    } else if (c === '"' || c === '«') {
      guillemet = c === '«' ? '»' : '"';
      courant += c;
    } else if (c === '(' || c === '[') {
      profondeur++;
      courant += c;
    } else if ((c === ')' || c === ']') && profondeur > 0) {
      profondeur--;
      courant += c;
    } else if (profondeur === 0 && (c === ',' || c === ';' || c === '\n')) {
      morceaux.push(courant);
      courant = '';
    } else courant += c;
  }
  morceaux.push(courant);
  const propres = morceaux.map((m) =>
    m
      .trim()
      .replace(/^[-•*]\s+/, '')
      .replace(/^"(.*)"$/s, '$1')
      .replace(/^«\s*(.*?)\s*»$/s, '$1')
      .trim(),
  );
  return garderVides ? propres : propres.filter(Boolean);
}

/** The inverse of `decouperNoms` for one name: quoted when it holds a separator. */
export function citerNom(nom: string): string {
  return /[,;\n]/.test(nom) ? `"${nom.replace(/"/g, '')}"` : nom;
}
