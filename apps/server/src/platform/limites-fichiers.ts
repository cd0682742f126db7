import { ErreurMetier } from './errors';

/**
 * What an imported file may weigh once opened. A 1.4 MB XLSX can inflate to 430 MB: the size on the wire says
 * nothing, so archives are measured before they are read, and sheets are read row by row up to these caps.
 * Documented in docs/operations.md (« Limites des fichiers importés »): change both together.
 */
export interface LimitesFichier {
  /** ZIP archives (XLSX): inflated bytes of all entries together, and of one entry. */
  decompresseTotal: number;
  decompresseEntree: number;
  /** Inflated / compressed, per entry (checked on entries above 1 MB once inflated): ordinary sheets stay under 50. */
  ratioMax: number;
  entreesMax: number;
  /** Rows read, columns of one row, cells of the whole file. */
  lignesMax: number;
  colonnesMax: number;
  cellulesMax: number;
  /** JSON files (DHIS2 dataValueSets, GeoJSON). */
  jsonOctetsMax: number;
  jsonProfondeurMax: number;
  /** Heap of the worker thread that reads the file: beyond it, only that worker dies. */
  memoireMo: number;
}

const Mo = 1024 * 1024;

const COMMUNES: Omit<LimitesFichier, 'lignesMax' | 'colonnesMax' | 'cellulesMax'> = {
  decompresseTotal: 256 * Mo,
  decompresseEntree: 256 * Mo,
  ratioMax: 200,
  entreesMax: 1000,
  jsonOctetsMax: 100 * Mo,
  jsonProfondeurMax: 64,
  memoireMo: 512,
};

export const LIMITES = {
  /** Indicator values: 2 million values are about 100 MB of CSV. */
  valeurs: { ...COMMUNES, lignesMax: 5_000_000, colonnesMax: 1000, cellulesMax: 50_000_000 },
  /** Plans of action: a few hundred fiches, never more than 5 000 rows a sheet. */
  plans: { ...COMMUNES, decompresseTotal: 64 * Mo, decompresseEntree: 64 * Mo, lignesMax: 5000, colonnesMax: 500, cellulesMax: 500_000 },
  /** Directory of organisations. */
  annuaire: {
    ...COMMUNES,
    decompresseTotal: 64 * Mo,
    decompresseEntree: 64 * Mo,
    lignesMax: 100_000,
    colonnesMax: 200,
    cellulesMax: 2_000_000,
  },
  /** Resource directory (ROR Bundle or CSV/XLSX): a département's offers, a few thousand; a Bundle of 20 MB at most. */
  ressources: {
    ...COMMUNES,
    decompresseTotal: 64 * Mo,
    decompresseEntree: 64 * Mo,
    lignesMax: 20_000,
    colonnesMax: 200,
    cellulesMax: 1_000_000,
    jsonOctetsMax: 20 * Mo,
  },
  /** GeoJSON contours (IGN ADMIN EXPRESS, simplified): parsed whole, hence the larger heap. */
  contours: { ...COMMUNES, lignesMax: 0, colonnesMax: 0, cellulesMax: 0, memoireMo: 1536 },
} satisfies Record<string, LimitesFichier>;

export const enMo = (octets: number) => `${(octets / Mo).toLocaleString('fr-FR', { maximumFractionDigits: octets < 10 * Mo ? 1 : 0 })} Mo`;
export const nombre = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ');

/** 413 naming the limit that was passed. */
export const tropVolumineux = (detail: string, limite: string) =>
  new ErreurMetier(413, 'Fichier trop volumineux', detail, { limite, erreurs: [{ champ: 'fichier', message: detail }] });

/** 422 for a file whose reading needs more than the memory set aside for it (worker heap limit, or estimated before). */
export const memoireDepassee = (memoireMo: number) =>
  new ErreurMetier(
    422,
    'Fichier trop lourd à lire',
    `La lecture du fichier demande plus que la mémoire qui lui est réservée (${memoireMo} Mo) : elle a été arrêtée. Découpez le fichier ou allégez-le.`,
    {
      limite: `${memoireMo} Mo de mémoire pour lire un fichier`,
      erreurs: [{ champ: 'fichier', message: 'Fichier trop lourd à lire' }],
    },
  );
