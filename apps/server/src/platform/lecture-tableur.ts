import type { LectureRor } from '@maillage/domain';
import { analyser, partager, resultat } from './fil-fichiers';
import { LIMITES, type LimitesFichier } from './limites-fichiers';
import type { ContourLu, EnteteTableau, Feuille, LigneTableau } from './taches-fichiers';

export { detecterSeparateur, type ContourLu, type Feuille } from './taches-fichiers';
export type { Valeur } from './lecture-xlsx';

/** A file as rows of cells, whatever it came as. */
export interface Tableau extends EnteteTableau {
  /** Row number in the file (1-based, header included) and its cells, one at a time. */
  lignes: () => AsyncIterable<LigneTableau>;
}

/**
 * Opens a CSV, XLSX or DHIS2 JSON file as a table. Parsing happens in a worker thread (fil-fichiers.ts), within
 * the limits given (limites-fichiers.ts): the header now, the rows each time `lignes()` is iterated, streamed in
 * batches. Errors are French problems: 400 for an unreadable file (naming the line), 413 beyond a limit.
 */
export async function lireFichier(nom: string, contenu: Buffer, limites: LimitesFichier = LIMITES.valeurs): Promise<Tableau> {
  const partage = partager(contenu);
  let entete: EnteteTableau | null = null;
  // The first reading checks the archive; the header is all it is asked for.
  for await (const m of analyser({ type: 'tableau', nom, contenu: partage, limites, archiveVerifiee: false }))
    if (m.type === 'entete') {
      entete = m.entete;
      break;
    }
  if (!entete) throw new Error('Le fichier ne contient aucune ligne.');
  return {
    ...entete,
    lignes: async function* () {
      for await (const m of analyser({ type: 'tableau', nom, contenu: partage, limites, archiveVerifiee: true }))
        if (m.type === 'lot') yield* m.lignes;
    },
  };
}

/** Every sheet of a workbook (or the one of a CSV) with its non-empty rows, read in a worker thread. */
export function lireFeuilles(nom: string, contenu: Buffer, limites: LimitesFichier): Promise<Feuille[]> {
  return resultat<Feuille[]>({ type: 'feuilles', nom, contenu: partager(contenu), limites });
}

/** A GeoJSON file's features (scalar properties, geometry as JSON text), read in a worker thread. */
export function lireGeoJson(
  contenu: Buffer,
  limites: LimitesFichier = LIMITES.contours,
): Promise<{ type: unknown; contours: ContourLu[] | null }> {
  return resultat({ type: 'geojson', contenu: partager(contenu), limites });
}

/** A FHIR Bundle of the ROR, parsed and mapped in the file worker (size, depth and entry caps: French 400/413). */
export function lireBundleRorEnFil(contenu: Uint8Array, limites: LimitesFichier, entreesMax: number) {
  return resultat<LectureRor>({ type: 'bundleRor', contenu: partager(contenu), limites, entreesMax });
}
