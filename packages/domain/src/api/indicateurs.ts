/** Contracts of the indicator catalogue and value/contour import routes (tag Indicateurs). */
import { z } from 'zod';
import { indicateurSchema } from '../diagnostics/catalogue';
import { optionsInsee, optionsOdisse, propositionProfil } from './import-profils';
import { nonCorrespondantDhis2 } from './dhis2';

/** A row of the catalogue (GET /api/indicateurs). */
export const indicateurVue = indicateurSchema.extend({
  facteur: z.coerce.number(),
  version: z.number().int(),
  nombreValeurs: z.number().int().optional(),
});
export type Indicateur = z.infer<typeof indicateurVue>;
export type Famille = Indicateur['famille'];

const sensDuTiret = z.enum(['zero', 'secret', 'manquant']);
export const modeImport = z.enum(['long', 'large', 'dhis2', 'odisse', 'insee']);
export type ModeImport = z.infer<typeof modeImport>;

/** How to read a file: the preview proposes it, the user may correct it. */
export const optionsImportSchema = z.object({
  tiret: z.enum(['zero', 'secret', 'manquant'], { error: 'Sens de « - » : zero, secret ou manquant' }).default('secret'),
  source: z.string().trim().max(300).optional().describe('Source des valeurs qui n’en citent pas'),
  /** Long tables: which header holds what. */
  colonnes: z
    .object({
      indicateur: z.string().optional(),
      territoireType: z.string().optional(),
      territoireCode: z.string().optional(),
      periode: z.string().optional(),
      valeur: z.string().optional(),
      source: z.string().optional(),
      numerateur: z.string().optional(),
      denominateur: z.string().optional(),
      unite: z.string().optional(),
    })
    .default({}),
  /** Wide tables (one column per indicator): the indicator of each value column, and the constants. */
  large: z
    .object({
      indicateurs: z.record(z.string(), z.string()).describe('En-tête de colonne → code d’indicateur'),
      /** Absent: each code's shape says (5 characters a commune, 9 digits an EPCI…). */
      territoireType: z.string().optional(),
      periode: z.string().optional(),
      /**
       * The meaning of « - » column by column, when the source says it differs (Rezone CPTS: none for GPs, masked for
       * nurses): an absent column keeps the file's `tiret`.
       */
      tirets: z
        .record(z.string(), z.enum(['zero', 'secret', 'manquant'], { error: 'Sens de « - » : zero, secret ou manquant' }))
        .optional()
        .describe('En-tête de colonne → sens de « - »'),
    })
    .optional(),
  /** DHIS2 org units carry no type: say which. */
  typeOrgUnit: z.string().default('commune'),
  /** Santé publique France (Odissé) and INSEE files, mapped in the import's mapping step (décision 0040). */
  odisse: optionsOdisse.optional(),
  insee: optionsInsee.optional(),
  /** DHIS2: whose saved mapping reads the identifiers (by default the region of the importing ARS agent). */
  regionDhis2: z.string().trim().max(3, 'Code de région INSEE attendu (ex. 53)').optional(),
});
export type OptionsImport = z.infer<typeof optionsImportSchema>;
export type ChampColonne = keyof OptionsImport['colonnes'];
/** The `options` JSON field as the web app sends it (defaults filled by the server). */
export type OptionsImportSaisie = z.input<typeof optionsImportSchema>;

const colonnesLues = z.record(z.string(), z.string()).describe('Champ → en-tête de colonne');

/** POST /api/indicateurs/valeurs/apercu */
export const apercuImport = z.object({
  format: z.string(),
  encodage: z.string().nullable(),
  separateur: z.string().nullable(),
  entetes: z.array(z.string()),
  mode: modeImport,
  colonnes: colonnesLues,
  indicateursParColonne: z.record(z.string(), z.string()),
  colonnesIgnorees: z.array(z.string()),
  suggestions: z
    .array(z.object({ entete: z.string(), code: z.string(), libelle: z.string(), score: z.number() }))
    .describe('Fichiers larges : l’indicateur le plus probable de chaque en-tête, à confirmer'),
  avertissements: z.array(z.string()).describe('Écarts d’échelle (« pour 10 000 » contre « pour 100 000 »)'),
  profil: propositionProfil.nullable().optional().describe('Fichier Odissé ou INSEE reconnu : la correspondance proposée'),
  exemples: z.array(z.object({ ligne: z.number().int(), cellules: z.array(z.union([z.string(), z.number(), z.null()])) })),
  lectures: z.array(z.object({ ligne: z.number().int(), valeurs: z.number().int(), rejets: z.array(z.string()) })),
  nonCorrespondants: z.array(nonCorrespondantDhis2).optional().describe('DHIS2 : identifiants sans correspondance, avec leurs lignes'),
});
export type ApercuImport = z.infer<typeof apercuImport>;

/** The report of POST /api/indicateurs/valeurs/import (200, or inside a 422 problem). */
export const rapportImportValeurs = z.object({
  importId: z.string().nullable(),
  nomFichier: z.string(),
  format: z.string(),
  encodage: z.string().nullable(),
  separateur: z.string().nullable(),
  mode: modeImport,
  tiret: sensDuTiret,
  dryRun: z.boolean(),
  applique: z.boolean(),
  lignesLues: z.number().int(),
  valeursValides: z.number().int(),
  rejetees: z.number().int(),
  rejets: z.array(z.object({ ligne: z.number().int(), raison: z.string() })),
  colonnesIgnorees: z.array(z.string()),
  avertissements: z.array(z.string()).optional().describe('Absent des rapports écrits avant le contrôle des échelles'),
  indicateurs: z.array(z.string()),
  creees: z.number().int(),
  modifiees: z.number().int(),
  inchangees: z.number().int(),
  secrets: z.number().int().optional().describe('Valeurs gardées sous secret statistique (jamais lues comme 0)'),
  manquantes: z.number().int().optional().describe('Valeurs non disponibles (NA…)'),
  nonCorrespondants: z.array(nonCorrespondantDhis2).optional().describe('DHIS2 : identifiants sans correspondance, avec leurs lignes'),
});
export type RapportImportValeurs = z.infer<typeof rapportImportValeurs>;

export const importEnFond = z.object({ importId: z.uuid(), suivi: z.string() });
export type ImportEnFond = z.infer<typeof importEnFond>;

/** GET /api/indicateurs/imports/{id} */
export const etatImport = z.object({
  id: z.uuid(),
  nomFichier: z.string(),
  format: z.string(),
  etat: z.enum(['en_cours', 'termine', 'echoue']),
  lignesTotal: z.number().int().nullable(),
  lignesTraitees: z.number().int().nullable(),
  rapport: z.union([rapportImportValeurs, z.object({ erreur: z.string() })]).nullable(),
  creePar: z.string().nullable(),
  creeLe: z.string(),
  termineLe: z.string().nullable(),
});
export type EtatImport = z.infer<typeof etatImport>;

/** POST /api/contours/import */
export const rapportContours = z.object({
  type: z.enum(['commune', 'epci', 'departement', 'region']),
  elements: z.number().int(),
  valides: z.number().int(),
  rejets: z.array(z.object({ element: z.number().int(), raison: z.string() })),
  dryRun: z.boolean(),
  applique: z.boolean(),
});
export type RapportContours = z.infer<typeof rapportContours>;
