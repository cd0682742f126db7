import { nombreFr } from './format';
/** Lower-case, accent-free form used to compare and search French names ("Guémené-Penfao" → "guemene-penfao"). */
export function normaliser(texte: string): string {
  return texte
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .trim();
}

/** Words of a search query, normalised, for a prefix search on every word. */
export function motsDeRecherche(requete: string): string[] {
  return normaliser(requete)
    .split(/[^a-z0-9]+/)
    .filter((mot) => mot.length > 0);
}

/**
 * Feminine nouns the interface counts or denies ("aucune séance"): the first word of a counted phrase is looked up
 * here. A test scans the sources for "aucun " before one of them.
 */
export const NOMS_FEMININS = new Set([
  'action',
  'alerte',
  'annexe',
  'campagne',
  'cible',
  'collectivité',
  'commune',
  'confirmation',
  'contribution',
  'décision',
  'demande',
  'donnée',
  'échéance',
  'entrée',
  'étape',
  'évaluation',
  'fiche',
  'fiche-action',
  'intercommunalité',
  'instance',
  'invitation',
  'ligne',
  'minute',
  'modification',
  'offre',
  'organisation',
  'période',
  'personne',
  'population',
  'priorité',
  'région',
  'relance',
  'rencontre',
  'réponse',
  'séance',
  'saisie',
  'session',
  'signature',
  'valeur',
]);

const premierMot = (phrase: string) =>
  phrase
    .trim()
    .split(/[\s’']/)[0]!
    .toLowerCase();

/**
 * A count in words: "aucune fiche", "1 fiche", "3 fiches"; "aucun contrat", "2 contrats". The gender of "aucun"
 * comes from the first word (NOMS_FEMININS) unless given.
 */
export function pluriel(n: number, singulier: string, plurielForme = `${singulier}s`, genre?: 'm' | 'f'): string {
  if (n === 0) {
    const feminin = genre ? genre === 'f' : NOMS_FEMININS.has(premierMot(singulier));
    return `${feminin ? 'aucune' : 'aucun'} ${singulier}`;
  }
  // Intl's default (three decimals at most), through nombreFr's integer path: counts are written in hot loops.
  return `${nombreFr(n, undefined, 3)} ${n > 1 ? plurielForme : singulier}`;
}

/** "A", "A et B", "A, B et C". */
export function enumerer(elements: readonly string[]): string {
  if (elements.length <= 1) return elements.join('');
  return `${elements.slice(0, -1).join(', ')} et ${elements.at(-1)}`;
}

// First words that take an article in a French sentence ("conclu entre l’ARS Bretagne et la CPAM d’Ille-et-Vilaine").
const FEMININS_ORGANISATION =
  /^(caisse|cpam|caf|msa|communauté|commune|ville|métropole|région|préfecture|mutualité|maison|mairie|direction|délégation|fédération|association|agglomération|collectivité|cpts|plateforme|dac|protection|mission)(?=[\s’'-]|$)/i;
const MASCULINS_ORGANISATION =
  /^(conseil|département|centre|syndicat|pays|pôle|petr|ccas|cias|ch|chu|groupement|service|comité|réseau|contrat|dispositif)(?=[\s’'-]|$)/i;
const ELISION =
  /^(ars|agence|union|urps|éducation|education|établissement|office|institut|hôpital|hopital|ehpad|ireps|observatoire|ordre)(?=[\s’'-]|$)/i;

/** A name of organisation with the article a sentence needs; a place name ("Redon Agglomération") stays bare. */
export function avecArticle(nom: string): string {
  const n = nom.trim();
  if (ELISION.test(n)) return `l’${n}`;
  if (FEMININS_ORGANISATION.test(n)) return `la ${n}`;
  if (MASCULINS_ORGANISATION.test(n)) return `le ${n}`;
  return n;
}

/**
 * The title of a contract with its generation said once: "CLS de Redon (2e génération)" renewed becomes
 * "CLS de Redon (3e génération)", not "CLS de Redon (2e génération) (3e génération)".
 */
export function intituleAvecGeneration(intitule: string, generation: number): string {
  const base = intitule.replace(/\s*\((?:1re|1er|\d+e|\d+ème) génération\)\s*$/i, '').trim();
  return `${base} (${generation === 1 ? '1re' : `${generation}e`} génération)`;
}
