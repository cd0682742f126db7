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
