import { ErreurMetier } from './errors';
import { enMo, tropVolumineux, type LimitesFichier } from './limites-fichiers';

const jsonInvalide = (detail: string) =>
  new ErreurMetier(400, 'Données invalides', detail, { erreurs: [{ champ: 'fichier', message: 'JSON invalide' }] });

/** Line and column (1-based) of a byte offset. */
function position(contenu: Uint8Array, decalage: number) {
  let ligne = 1;
  let debut = 0;
  for (let i = 0; i < Math.min(decalage, contenu.length); i++)
    if (contenu[i] === 0x0a) {
      ligne++;
      debut = i + 1;
    }
  return { ligne, colonne: decalage - debut + 1 };
}

/** Deepest nesting, counted on the bytes (strings skipped) before anything is built: one pass, no recursion. */
function verifierProfondeur(contenu: Uint8Array, max: number) {
  let profondeur = 0;
  let dansTexte = false;
  for (let i = 0; i < contenu.length; i++) {
    const c = contenu[i];
    if (dansTexte) {
      if (c === 0x5c) i++;
      else if (c === 0x22) dansTexte = false;
    } else if (c === 0x22) dansTexte = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++profondeur > max) {
        const { ligne, colonne } = position(contenu, i);
        throw jsonInvalide(`JSON trop imbriqué : plus de ${max} niveaux de crochets ou d’accolades (ligne ${ligne}, colonne ${colonne}).`);
      }
    } else if (c === 0x5d || c === 0x7d) profondeur--;
  }
}

/**
 * Parses an uploaded JSON file within the limits: size (413), nesting depth and syntax (French 400 naming where).
 * Runs in the file worker (JSON.parse of 100 MB blocks its thread for seconds).
 */
export function lireJson(contenu: Uint8Array, limites: Pick<LimitesFichier, 'jsonOctetsMax' | 'jsonProfondeurMax'>): unknown {
  if (contenu.length > limites.jsonOctetsMax)
    throw tropVolumineux(
      `Le fichier JSON pèse ${enMo(contenu.length)} : la limite est de ${enMo(limites.jsonOctetsMax)}.`,
      `${enMo(limites.jsonOctetsMax)} de JSON`,
    );
  verifierProfondeur(contenu, limites.jsonProfondeurMax);
  const texte = new TextDecoder('utf-8').decode(contenu);
  try {
    return JSON.parse(texte);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    if (!m)
      throw jsonInvalide(
        texte.trim()
          ? 'JSON invalide : le fichier se termine avant la fin du document (accolade ou crochet non refermé ?).'
          : 'Le fichier JSON est vide.',
      );
    const prefixe = new TextEncoder().encode(texte.slice(0, Number(m[1])));
    const { ligne, colonne } = position(prefixe, prefixe.length);
    throw jsonInvalide(`JSON invalide à la ligne ${ligne}, colonne ${colonne} : caractère inattendu « ${texte.charAt(Number(m[1]))} ».`);
  }
}
