import { ErreurMetier } from './errors';
import { enMo, memoireDepassee, tropVolumineux, type LimitesFichier } from './limites-fichiers';

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

/**
 * One pass over the bytes (strings skipped), before anything is built: the deepest nesting is checked on the way, and
 * the objects, arrays and strings JSON.parse would create are counted. No recursion.
 */
export function mesurerStructure(contenu: Uint8Array, profondeurMax: number) {
  let profondeur = 0;
  let conteneurs = 0;
  let chaines = 0;
  let dansTexte = false;
  for (let i = 0; i < contenu.length; i++) {
    const c = contenu[i];
    if (dansTexte) {
      if (c === 0x5c) i++;
      else if (c === 0x22) dansTexte = false;
    } else if (c === 0x22) {
      dansTexte = true;
      chaines++;
    } else if (c === 0x5b || c === 0x7b) {
      conteneurs++;
      if (++profondeur > profondeurMax) {
        const { ligne, colonne } = position(contenu, i);
        throw jsonInvalide(
          `JSON trop imbriqué : plus de ${profondeurMax} niveaux de crochets ou d’accolades (ligne ${ligne}, colonne ${colonne}).`,
        );
      }
    } else if (c === 0x5d || c === 0x7d) profondeur--;
  }
  return { conteneurs, chaines };
}

/**
 * An upper estimate of the heap JSON.parse needs: the decoded text (two bytes a character at worst), and per object
 * or array and per string a little more than V8 takes (measured: 28 to 52 bytes per container, strings included).
 * It is checked before parsing because the worker's heap limit cannot stop JSON.parse in the middle: a file of
 * millions of tiny objects ran past it inside V8 and took the whole process down (CI of stop 27).
 */
export function memoireEstimeeJson(octets: number, conteneurs: number, chaines: number): number {
  return 2 * octets + 64 * conteneurs + 24 * chaines;
}

/**
 * Parses an uploaded JSON file within the limits: size (413), nesting depth and syntax (French 400 naming where).
 * Runs in the file worker (JSON.parse of 100 MB blocks its thread for seconds).
 */
export function lireJson(contenu: Uint8Array, limites: Pick<LimitesFichier, 'jsonOctetsMax' | 'jsonProfondeurMax' | 'memoireMo'>): unknown {
  if (contenu.length > limites.jsonOctetsMax)
    throw tropVolumineux(
      `Le fichier JSON pèse ${enMo(contenu.length)} : la limite est de ${enMo(limites.jsonOctetsMax)}.`,
      `${enMo(limites.jsonOctetsMax)} de JSON`,
    );
  const { conteneurs, chaines } = mesurerStructure(contenu, limites.jsonProfondeurMax);
  if (memoireEstimeeJson(contenu.length, conteneurs, chaines) > limites.memoireMo * 1024 * 1024) throw memoireDepassee(limites.memoireMo);
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
