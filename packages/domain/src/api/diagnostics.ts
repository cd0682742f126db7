/** Contracts of the diagnostic routes (tag Diagnostic): aggregates, values, contours, the contract's diagnostic, vulnerability, typologies. */
import { z } from 'zod';
import { TYPES_TERRITOIRE_VALEUR } from '../diagnostics/valeurs';
import { POLARITES, type Polarite } from '../diagnostics/agregation';
import { indicateurVue } from './indicateurs';

const polarite = z.enum(Object.keys(POLARITES) as [Polarite, ...Polarite[]]);
const sensDuTiret = z.enum(['zero', 'secret', 'manquant']);
const typeTerritoireValeur = z.enum(TYPES_TERRITOIRE_VALEUR);

export const natureValeur = z.enum(['exacte', 'intervalle', 'borne_inferieure', 'indisponible', 'masquee', 'manquante']);
export type NatureValeur = z.infer<typeof natureValeur>;

export const couvertureVue = z.object({
  communes: z.number().int(),
  renseignees: z.number().int(),
  masquees: z.number().int(),
  manquantes: z.number().int(),
  partPopulationRenseignee: z.number().describe('Part de la population du périmètre dans les communes renseignées, 0 à 1'),
});

/** A value as the API shows it: its nature, bounds, and `texte` ready to display ("[856 à 932[", "au moins 40"). */
export const valeurVue = z.object({
  nature: natureValeur,
  valeur: z.number().optional(),
  borneInf: z.number().optional(),
  borneSup: z.number().optional(),
  infIncluse: z.boolean().optional(),
  supIncluse: z.boolean().optional(),
  texte: z.string(),
  couverture: couvertureVue.optional(),
  raison: z.string().optional(),
});
export type ValeurVue = z.infer<typeof valeurVue>;

/** The figure on the communes with a value when the perimeter's cannot be given exactly: never the perimeter's value. */
export const figurePartielleVue = z.object({
  portee: z.enum(['au_moins', 'sur_renseignees']),
  valeur: valeurVue,
  texte: z.string().describe('« au moins 72 », « 6,6 sur les communes renseignées »'),
  couverture: z.object({ renseignees: z.number().int(), communes: z.number().int(), partPopulation: z.number(), texte: z.string() }),
});
export type FigurePartielleVue = z.infer<typeof figurePartielleVue>;

export const resultatAgregat = z.object({
  periode: z.string(),
  origine: z.enum(['publiee', 'agregee']).describe('Publiée pour ce territoire même, ou calculée sur ses communes'),
  valeur: valeurVue,
  partiel: figurePartielleVue.optional(),
  source: z.string().nullable(),
  tiret: sensDuTiret.nullable().describe('Ce que « - » voulait dire dans le fichier d’où vient la valeur'),
  autresSources: z.array(z.object({ source: z.string(), texte: z.string() })),
  agregatCommunes: z
    .object({ valeur: valeurVue, partiel: figurePartielleVue.optional(), source: z.string().nullable(), tiret: sensDuTiret.nullable() })
    .optional()
    .describe('À côté d’une valeur publiée : ce que donnent les communes pour la même période, avec leur couverture'),
});
export type ResultatAgregat = z.infer<typeof resultatAgregat>;

export const sensEcart = z.enum(['favorable', 'defavorable', 'neutre', 'indetermine']);
export type SensEcart = z.infer<typeof sensEcart>;

export const comparaisonVue = z.object({
  territoire: z.object({ type: typeTerritoireValeur, code: z.string(), nom: z.string() }),
  valeur: valeurVue,
  source: z.string().nullable(),
  ecart: z.number().nullable(),
  sens: sensEcart,
  indicatif: z.boolean().optional().describe('Mesurée sur les seules communes renseignées : une indication, pas un constat'),
});
export type Comparaison = z.infer<typeof comparaisonVue>;

export const territoireCode = z.object({ type: z.enum(['commune', 'epci', 'departement', 'region']), code: z.string() });
export type TerritoireCode = z.infer<typeof territoireCode>;

/** GET /api/diagnostics/agregat: one indicator on a perimeter, with comparators and time series. */
export const agregatIndicateur = z.object({
  indicateur: indicateurVue,
  perimetre: z.object({
    territoires: z.array(territoireCode),
    communes: z.number().int(),
    population: z.number(),
    departements: z.array(z.string()),
    regions: z.array(z.string()),
  }),
  periode: z.string().nullable(),
  resultat: resultatAgregat.nullable(),
  raison: z.string().nullable().describe('Pourquoi `resultat` est vide, en français ; null quand il y en a un'),
  comparaisons: z.array(comparaisonVue),
  serie: z.array(resultatAgregat),
});
export type AgregatIndicateur = z.infer<typeof agregatIndicateur>;

/** GET /api/diagnostics/series: every indicator's series on a perimeter, without comparators. */
export const seriesPerimetre = z.object({
  perimetre: z.object({ territoires: z.array(territoireCode), communes: z.number().int(), population: z.number() }),
  indicateurs: z.array(
    z.object({
      indicateur: indicateurVue.pick({ code: true, libelle: true, famille: true, unite: true, methodeAgregation: true, polarite: true }),
      periode: z.string().nullable(),
      serie: z.array(resultatAgregat),
    }),
  ),
});
export type SeriesPerimetre = z.infer<typeof seriesPerimetre>;

/** GET /api/diagnostics/communes: one indicator on every commune of a perimeter, as published, for one period. */
export const valeursCommunes = z.object({
  indicateur: z.object({ code: z.string(), libelle: z.string(), unite: z.string(), polarite }),
  periode: z.string().nullable(),
  periodes: z.array(z.string()),
  communes: z.array(
    z.object({
      code: z.string(),
      nom: z.string(),
      departement: z.string(),
      population: z.number(),
      valeur: valeurVue,
      source: z.string().nullable(),
      tiret: sensDuTiret.nullable(),
    }),
  ),
});
export type ValeursCommunes = z.infer<typeof valeursCommunes>;

/** GET /api/diagnostics/valeurs: stored values as published, a page at a time. */
export const valeursPubliees = z.object({
  total: z.number().int(),
  limite: z.number().int(),
  decalage: z.number().int(),
  valeurs: z.array(
    z.object({
      indicateur: z.object({ code: z.string(), libelle: z.string(), unite: z.string() }),
      territoire: z.object({ type: typeTerritoireValeur, code: z.string(), nom: z.string() }),
      periode: z.string(),
      valeur: valeurVue,
      source: z.string().nullable(),
      tiret: sensDuTiret.nullable(),
    }),
  ),
});
export type ValeursPubliees = z.infer<typeof valeursPubliees>;

// ---------- Contours (GeoJSON, lon/lat)

export type Position = [number, number];
type Geometrie = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
/** Not walked on the way out: thousands of coordinates, checked when imported (typed here for the web app). */
const geometrie = z.unknown().describe('Géométrie GeoJSON (Polygon ou MultiPolygon)') as unknown as z.ZodType<Geometrie>;
export const contoursVue = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({ type: z.literal('Feature'), properties: z.object({ code: z.string(), nom: z.string().nullable() }), geometry: geometrie }),
  ),
});
export type Contours = z.infer<typeof contoursVue>;
export type Contour = Contours['features'][number];
