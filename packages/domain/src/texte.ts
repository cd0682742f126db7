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
  'action', 'alerte', 'annexe', 'campagne', 'cible', 'collectivité', 'commune', 'confirmation', 'contribution',
  'décision', 'demande', 'donnée', 'échéance', 'entrée', 'étape', 'évaluation', 'fiche', 'fiche-action', 'intercommunalité',
  'instance', 'invitation', 'ligne', 'minute', 'modification', 'offre', 'organisation', 'période', 'personne', 'population',
  'priorité', 'région', 'relance', 'rencontre', 'réponse', 'séance', 'saisie', 'session', 'signature', 'valeur',
]);

const nombreFrancais = new Intl.NumberFormat('fr-FR');
const premierMot = (phrase: string) => phrase.trim().split(/[\s’']/)[0]!.toLowerCase();

/**
 * A count in words: "aucune fiche", "1 fiche", "3 fiches"; "aucun contrat", "2 contrats". The gender of "aucun"
 * comes from the first word (NOMS_FEMININS) unless given.
 */
export function pluriel(n: number, singulier: string, plurielForme = `${singulier}s`, genre?: 'm' | 'f'): string {
  if (n === 0) {
    const feminin = genre ? genre === 'f' : NOMS_FEMININS.has(premierMot(singulier));
    return `${feminin ? 'aucune' : 'aucun'} ${singulier}`;
  }
  return `${nombreFrancais.format(n)} ${n > 1 ? plurielForme : singulier}`;
}

