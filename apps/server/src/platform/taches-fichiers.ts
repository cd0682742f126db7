import { lireBundleRor, type LectureRor } from '@maillage/domain';
import { parse as parseSync } from 'csv-parse/sync';
import { estZip, verifierArchive } from './archive-zip';
import { ErreurMetier, invalide } from './errors';
import { encodageDe, enregistrements, erreurCsv, premiereLigne } from './lecture-csv';
import { lireJson } from './lecture-json';
import { lignesXlsx, type Valeur } from './lecture-xlsx';
import { nombre, tropVolumineux, type LimitesFichier } from './limites-fichiers';

/**
 * What the file worker does (fil-fichiers.worker.ts runs these; nothing here touches the database or the
 * request): each task turns a file into messages — a header, batches of rows, or one result.
 */

export type Cellule = string | number | null;
export interface EnteteTableau {
  format: 'csv' | 'xlsx' | 'dhis2';
  encodage: string | null;
  separateur: string | null;
  entetes: string[];
}
export interface LigneTableau {
  ligne: number;
  cellules: Cellule[];
}
export interface Feuille {
  nom: string;
  lignes: { numero: number; cellules: Valeur[] }[];
}
export interface ContourLu {
  proprietes: Record<string, string | number | boolean | null>;
  typeGeometrie: string | null;
  /** The geometry as JSON text: it goes to the database as is, never parsed again on the main thread. */
  geometrie: string | null;
}

export type Tache =
  | { type: 'tableau'; nom: string; contenu: Uint8Array; limites: LimitesFichier; archiveVerifiee: boolean }
  | { type: 'feuilles'; nom: string; contenu: Uint8Array; limites: LimitesFichier }
  | { type: 'geojson'; contenu: Uint8Array; limites: LimitesFichier }
  | { type: 'bundleRor'; contenu: Uint8Array; limites: LimitesFichier; entreesMax: number };

export type Message =
  | { type: 'entete'; entete: EnteteTableau }
  | { type: 'lot'; lignes: LigneTableau[] }
  | { type: 'resultat'; valeur: unknown }
  | { type: 'fin' }
  | { type: 'erreur'; statut: number; titre: string; detail: string; extra: Record<string, unknown> };

export const TAILLE_LOT = 2000;

/** The separator is the one that splits the header line the most (outside quotes). */
export function detecterSeparateur(ligne: string): string {
  const sansGuillemets = ligne.replace(/"[^"]*"/g, '');
  const candidats = [';', ',', '\t', '|'].map((s) => [s, sansGuillemets.split(s).length] as const);
  return candidats.sort((a, b) => b[1] - a[1])[0][0];
}

const texteCellule = (v: Valeur): Cellule => {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
};

async function* tableauCsv(contenu: Uint8Array, limites: LimitesFichier): AsyncGenerator<Message> {
  const { encodage, decodeur } = encodageDe(contenu);
  const entete = premiereLigne(contenu, decodeur());
  const separateur = detecterSeparateur(entete);
  let entetes: string[];
  try {
    entetes = ((parseSync(entete, { delimiter: separateur, bom: true, relax_quotes: true }) as string[][])[0] ?? []).map((e) => e.trim());
  } catch (e) {
    throw erreurCsv(e, 0);
  }
  yield { type: 'entete', entete: { format: 'csv', encodage, separateur, entetes } };
  const options = { delimiter: separateur, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, from_line: 2 };
  const lot: LigneTableau[] = [];
  for await (const l of enregistrements(contenu, decodeur(), options, limites)) {
    lot.push(l);
    if (lot.length >= TAILLE_LOT) yield { type: 'lot', lignes: lot.splice(0) };
  }
  if (lot.length) yield { type: 'lot', lignes: lot };
}

/** The first sheet that has a row; its row 1 is the header. */
async function* tableauXlsx(contenu: Uint8Array, limites: LimitesFichier): AsyncGenerator<Message> {
  let rang: number | null = null;
  let largeur = 0;
  const lot: LigneTableau[] = [];
  for await (const l of lignesXlsx(contenu, limites)) {
    if (rang === null) {
      rang = l.rang;
      const entetes = l.numero === 1 ? l.cellules.map((c) => String(texteCellule(c) ?? '')) : [];
      largeur = entetes.length;
      yield { type: 'entete', entete: { format: 'xlsx', encodage: null, separateur: null, entetes } };
      if (l.numero === 1) continue;
    }
    if (l.rang !== rang) break;
    const cellules = l.cellules.map(texteCellule);
    while (cellules.length < largeur) cellules.push(null);
    if (!cellules.some((c) => c !== null && c !== '')) continue;
    lot.push({ ligne: l.numero, cellules });
    if (lot.length >= TAILLE_LOT) yield { type: 'lot', lignes: lot.splice(0) };
  }
  if (rang === null) throw invalide('Le classeur ne contient aucune feuille remplie.', [{ champ: 'fichier', message: 'Classeur vide' }]);
  if (lot.length) yield { type: 'lot', lignes: lot };
}

/** DHIS2 dataValueSets: { dataValues: [{ dataElement, period, orgUnit, value, categoryOptionCombo }] }, as a long table. */
async function* tableauDhis2(contenu: Uint8Array, limites: LimitesFichier): AsyncGenerator<Message> {
  const json = lireJson(contenu, limites) as { dataValues?: Record<string, unknown>[] } | null;
  if (!json || !Array.isArray(json.dataValues))
    throw invalide('Fichier JSON sans « dataValues » : ce n’est pas un dataValueSet DHIS2.', [
      { champ: 'fichier', message: 'dataValues manquant' },
    ]);
  yield {
    type: 'entete',
    entete: {
      format: 'dhis2',
      encodage: 'UTF-8',
      separateur: null,
      entetes: ['dataElement', 'period', 'orgUnit', 'value', 'categoryOptionCombo'],
    },
  };
  const valeurs = json.dataValues;
  json.dataValues = [];
  if (valeurs.length > limites.lignesMax) throw invalide(`Le fichier dépasse ${limites.lignesMax} valeurs : découpez-le.`);
  for (let i = 0; i < valeurs.length; i += TAILLE_LOT)
    yield {
      type: 'lot',
      lignes: valeurs.slice(i, i + TAILLE_LOT).map((v, j) => ({
        ligne: i + j + 1,
        cellules: [v?.dataElement, v?.period, v?.orgUnit, v?.value, v?.categoryOptionCombo].map((c) =>
          c === undefined || c === null ? null : typeof c === 'number' ? c : String(c),
        ),
      })),
    };
}

async function verifierSiArchive(contenu: Uint8Array, limites: LimitesFichier) {
  if (estZip(contenu)) await verifierArchive(Buffer.from(contenu.buffer, contenu.byteOffset, contenu.byteLength), limites);
}

export async function* tableau(t: Extract<Tache, { type: 'tableau' }>): AsyncGenerator<Message> {
  const extension = t.nom.toLowerCase().split('.').pop();
  if (!t.contenu.length) throw invalide('Le fichier envoyé est vide.', [{ champ: 'fichier', message: 'Fichier vide' }]);
  // The streaming XLSX reader waits forever for the end of an archive that never began: refuse what is no ZIP.
  if (extension === 'xlsx' && !estZip(t.contenu))
    throw invalide(
      'Ce fichier porte l’extension .xlsx mais n’est pas un classeur Excel : enregistrez-le de nouveau au format .xlsx, ou envoyez un .csv.',
      [{ champ: 'fichier', message: 'Classeur illisible' }],
    );
  if (extension === 'xlsx' || estZip(t.contenu)) {
    if (!t.archiveVerifiee) await verifierSiArchive(t.contenu, t.limites);
    yield* tableauXlsx(t.contenu, t.limites);
  } else if (extension === 'json' || new TextDecoder().decode(t.contenu.subarray(0, 20)).trim().startsWith('{'))
    yield* tableauDhis2(t.contenu, t.limites);
  else yield* tableauCsv(t.contenu, t.limites);
}

/** Every sheet of a workbook, or the one sheet of a CSV, with its non-empty rows (plans of action). */
export async function feuilles(t: Extract<Tache, { type: 'feuilles' }>): Promise<Feuille[]> {
  if (estZip(t.contenu)) {
    await verifierSiArchive(t.contenu, t.limites);
    const resultat: Feuille[] = [];
    for await (const l of lignesXlsx(t.contenu, t.limites)) {
      while (resultat.length <= l.rang) resultat.push({ nom: l.feuille, lignes: [] });
      resultat[l.rang].lignes.push({ numero: l.numero, cellules: l.cellules });
    }
    return resultat;
  }
  const { decodeur } = encodageDe(t.contenu);
  const debut = new TextDecoder('windows-1252').decode(t.contenu.subarray(0, 4000));
  const separateur = [';', ',', '\t'].map((s) => [s, debut.split(s).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const lignes: Feuille['lignes'] = [];
  let numero = 0;
  for await (const { cellules } of enregistrements(
    t.contenu,
    decodeur(),
    { delimiter: separateur, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true },
    t.limites,
  )) {
    numero++;
    const lue = cellules.map((c) => (c.trim() === '' ? null : c));
    if (lue.some((c) => c !== null)) lignes.push({ numero, cellules: lue });
  }
  return [{ nom: 'CSV', lignes }];
}

const PROPRIETE_SCALAIRE = (v: unknown): v is string | number | boolean | null =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** A GeoJSON FeatureCollection, each feature's scalar properties and its geometry as JSON text. */
export function geojson(t: Extract<Tache, { type: 'geojson' }>): { type: unknown; contours: ContourLu[] | null } {
  const json = lireJson(t.contenu, t.limites) as { type?: unknown; features?: unknown } | null;
  if (!json || !Array.isArray(json.features)) return { type: json?.type, contours: null };
  return {
    type: json.type,
    contours: (json.features as { properties?: Record<string, unknown> | null; geometry?: { type?: unknown } | null }[]).map((f) => ({
      proprietes: Object.fromEntries(
        Object.entries(f?.properties ?? {}).filter(([, v]) => PROPRIETE_SCALAIRE(v)),
      ) as ContourLu['proprietes'],
      typeGeometrie: typeof f?.geometry?.type === 'string' ? f.geometry.type : null,
      geometrie: f?.geometry ? JSON.stringify(f.geometry) : null,
    })),
  };
}

/**
 * A FHIR Bundle of the ROR (resource directory): parsed and mapped here, so that a 20 MB JSON never holds the event
 * loop; only the offers, much smaller than the Bundle, go back to the main thread.
 */
export function bundleRor(t: Extract<Tache, { type: 'bundleRor' }>): LectureRor {
  const bundle = lireJson(t.contenu, t.limites);
  const entrees = (bundle as { entry?: unknown[] })?.entry;
  if (Array.isArray(entrees) && entrees.length > t.entreesMax)
    throw tropVolumineux(
      `Le Bundle compte ${nombre(entrees.length)} entrées : la limite est de ${nombre(t.entreesMax)} par import.`,
      `${nombre(t.entreesMax)} entrées`,
    );
  try {
    return lireBundleRor(bundle);
  } catch (e) {
    // A shape the reading did not foresee: the file is refused as a whole, named, rather than answered with a 500.
    throw invalide(`Bundle FHIR mal formé : ${(e as Error).message}`, [{ champ: 'fichier', message: 'Bundle mal formé' }]);
  }
}

export function versMessageErreur(e: unknown): Extract<Message, { type: 'erreur' }> {
  if (e instanceof ErreurMetier) return { type: 'erreur', statut: e.statut, titre: e.titre, detail: e.message, extra: e.extra };
  return {
    type: 'erreur',
    statut: 400,
    titre: 'Données invalides',
    detail: `Fichier illisible : ${(e as Error)?.message ?? String(e)}`,
    extra: { erreurs: [{ champ: 'fichier', message: 'Fichier illisible' }] },
  };
}
