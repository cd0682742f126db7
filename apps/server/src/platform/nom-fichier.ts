/** A file name every system accepts, from a French title: "Contrat local de santé (2e génération)" → "contrat-local-de-sante-2e-generation". */
export function slug(texte: string, longueur = 80): string {
  return (
    texte
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, longueur)
      .replace(/-$/, '') || 'document'
  );
}

/** "plan-" + slug + suffix + extension. */
export function nomDeFichier(prefixe: string, titre: string, extension: string, suffixe = ''): string {
  return `${prefixe ? `${prefixe}-` : ''}${slug(titre)}${suffixe}.${extension}`;
}
