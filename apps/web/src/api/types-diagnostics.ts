/** Shapes of the indicator, diagnostic and vulnerability responses (see /api/openapi.json, tags Indicateurs and Diagnostic). */
import type { Couverture, FAMILLES_INDICATEUR, MethodeAgregation, Polarite, SensDuTiret, TypeTerritoireValeur } from '@maillage/domain';
import type { FinancementsTerritoire } from './moyens';

export type Famille = (typeof FAMILLES_INDICATEUR)[number];

/** A row of the catalogue (GET /api/indicateurs). */
export interface Indicateur {
  code: string;
  libelle: string;
  famille: Famille;
  unite: string;
  facteur: number;
  numerateur: string | null;
  denominateur: string | null;
  standardisation: string | null;
  polarite: Polarite;
  methodeAgregation: MethodeAgregation;
  source: string | null;
  millesime: string | null;
  regleSecret: string | null;
  /** Its values count units (professionals, people, communes): whole numbers only. */
  denombrement: boolean;
  version: number;
  nombreValeurs?: number;
}

export type NatureValeur = 'exacte' | 'intervalle' | 'borne_inferieure' | 'indisponible' | 'masquee' | 'manquante';

/** A value as the API shows it: its nature, bounds, and `texte` ready to display ("[856 à 932[", "au moins 40"). */
export interface ValeurVue {
  nature: NatureValeur;
  valeur?: number;
  borneInf?: number;
  borneSup?: number;
  infIncluse?: boolean;
  supIncluse?: boolean;
  texte: string;
  couverture?: Couverture;
  raison?: string;
}

/**
 * The figure on the communes with a value when the perimeter's cannot be given exactly (a commune under secret):
 * never the perimeter's value, always shown as partial with its coverage.
 */
export interface FigurePartielleVue {
  /** au_moins: a count summed, a floor of the total; sur_renseignees: a rate or mean on the communes with a value. */
  portee: 'au_moins' | 'sur_renseignees';
  valeur: ValeurVue;
  /** "au moins 72", "6,6 sur les communes renseignées" (a lower bound rounded down). */
  texte: string;
  couverture: { renseignees: number; communes: number; partPopulation: number; texte: string };
}

export interface ResultatAgregat {
  periode: string;
  /** Published for this very territory, or computed from its communes. */
  origine: 'publiee' | 'agregee';
  valeur: ValeurVue;
  /** Only when `valeur` is a lower bound or unavailable and some communes have a value. */
  partiel?: FigurePartielleVue;
  source: string | null;
  /** What « - » meant in the file the value came from. */
  tiret: SensDuTiret | null;
  autresSources: { source: string; texte: string }[];
  /** Beside a published value: what the communes' values give for the same period, with their coverage. */
  agregatCommunes?: { valeur: ValeurVue; partiel?: FigurePartielleVue; source: string | null; tiret: SensDuTiret | null };
}

export type SensEcart = 'favorable' | 'defavorable' | 'neutre' | 'indetermine';

export interface Comparaison {
  territoire: { type: TypeTerritoireValeur; code: string; nom: string };
  valeur: ValeurVue;
  source: string | null;
  ecart: number | null;
  sens: SensEcart;
  /** Measured on the partial figure (communes with a value only): a hint, not a finding. */
  indicatif?: boolean;
}

export interface TerritoireCode {
  type: 'commune' | 'epci' | 'departement' | 'region';
  code: string;
}

/** GET /api/diagnostics/agregat: one indicator on a perimeter, with comparators and time series. */
export interface AgregatIndicateur {
  indicateur: Indicateur;
  perimetre: { territoires: TerritoireCode[]; communes: number; population: number; departements: string[]; regions: string[] };
  periode: string | null;
  resultat: ResultatAgregat | null;
  /** Why `resultat` is null, in French; null when there is one. */
  raison: string | null;
  comparaisons: Comparaison[];
  serie: ResultatAgregat[];
}

/** GET /api/diagnostics/communes: one indicator on every commune of a perimeter, as published, for one period. */
export interface ValeursCommunes {
  indicateur: { code: string; libelle: string; unite: string; polarite: Polarite };
  periode: string | null;
  periodes: string[];
  communes: { code: string; nom: string; departement: string; population: number; valeur: ValeurVue; source: string | null; tiret: SensDuTiret | null }[];
}

/** GET /api/diagnostics/valeurs: stored values as published, a page at a time. */
export interface ValeursPubliees {
  total: number;
  limite: number;
  decalage: number;
  valeurs: {
    indicateur: { code: string; libelle: string; unite: string };
    territoire: { type: TypeTerritoireValeur; code: string; nom: string };
    periode: string;
    valeur: ValeurVue;
    source: string | null;
    tiret: SensDuTiret | null;
  }[];
}

export interface Verbatim {
  id: string;
  texte: string;
  locuteur: string;
  communeCode: string | null;
  source: string | null;
  dateRecueil: string | null;
}

export interface Rencontre {
  id: string;
  type: string;
  titre: string;
  dateRencontre: string | null;
  participants: string | null;
  synthese: string | null;
}

export interface Constat {
  id: string;
  intitule: string;
  description: string | null;
  indicateurs: string[];
  verbatims: string[];
  besoins: string[];
}

export interface Besoin {
  id: string;
  intitule: string;
  description: string | null;
  constats: string[];
  priorites: string[];
}

export interface PrioriteDiagnostic {
  id: string;
  intitule: string;
  description: string | null;
  besoins: string[];
  axes: string[];
}

export interface AxeDiagnostic {
  id: string;
  numero: number;
  intitule: string;
}

/** GET /api/contrats/{id}/diagnostic */
export interface Diagnostic {
  contrat: { id: string; intitule: string; population: number; nombreCommunes: number };
  territoires: TerritoireCode[];
  indicateurs: AgregatIndicateur[];
  verbatims: Verbatim[];
  rencontres: Rencontre[];
  constats: Constat[];
  besoins: Besoin[];
  priorites: PrioriteDiagnostic[];
  axes: AxeDiagnostic[];
  /** Funding already on the territory, beside the contract's own (issue 13). */
  financementsTerritoire: FinancementsTerritoire;
}

/** GET /api/typologies: a typology of a region's EPCIs, its classes as published. */
export interface Typologie {
  code: string;
  regionCode: string;
  intitule: string;
  source: string;
  note: string | null;
  classes: { code: string; description: string; nombreEpciPublie: number | null; habitantsPublies: number | null; partPopulationPubliee: number | null; epciAffectes: number }[];
}

/** GET /api/vulnerabilite */
export interface Vulnerabilite {
  region: string;
  criteres: {
    indicateur: string;
    libelle: string;
    polarite: Polarite;
    poids: number;
    periode: string | null;
    /** A period chosen for every EPCI, or each EPCI's own latest. */
    choixPeriode: 'choisie' | 'derniere_par_epci';
    periodesUtilisees: string[];
  }[];
  typologie: Typologie | null;
  classe: string | null;
  epci: {
    territoire: string;
    nom: string;
    population: number;
    /** Only for an EPCI with every criterion. */
    score: number | null;
    /** On the filled criteria only, for a partly filled EPCI: indicative, unranked. */
    scorePartiel: number | null;
    rang: number | null;
    complet: boolean;
    contributions: Record<string, number | null>;
    criteresRenseignes: number;
    criteresRetenus: number;
    couverture: { renseignes: number; retenus: number; texte: string };
    valeurs: Record<string, number | null>;
    /** The period of each value. */
    periodes: Record<string, string | null>;
    classe: { code: string; description: string } | null;
    contrats: { id: string; intitule: string; statut: string }[];
    couvert: boolean;
    departementCode?: string;
  }[];
}

// ---------- Imports

export type ChampColonne = 'indicateur' | 'territoireType' | 'territoireCode' | 'periode' | 'valeur' | 'source' | 'numerateur' | 'denominateur';
export type ModeImport = 'long' | 'large' | 'dhis2';

/** The `options` JSON field of an import (the server's optionsImportSchema). */
export interface OptionsImport {
  tiret: SensDuTiret;
  source?: string;
  colonnes?: Partial<Record<ChampColonne, string>>;
  large?: { indicateurs: Record<string, string>; territoireType?: string; periode?: string };
  typeOrgUnit?: string;
}

/** POST /api/indicateurs/valeurs/apercu */
export interface ApercuImport {
  format: string;
  encodage: string | null;
  separateur: string | null;
  entetes: string[];
  mode: ModeImport;
  colonnes: Partial<Record<ChampColonne, string>>;
  indicateursParColonne: Record<string, string>;
  colonnesIgnorees: string[];
  /** Wide files: the indicator each header most likely is, for the user to confirm. */
  suggestions: { entete: string; code: string; libelle: string; score: number }[];
  /** Scale mismatches ("pour 10 000" against "pour 100 000"), in French. */
  avertissements: string[];
  exemples: { ligne: number; cellules: (string | number | null)[] }[];
  lectures: { ligne: number; valeurs: number; rejets: string[] }[];
}

/** The report of POST /api/indicateurs/valeurs/import (200, or inside a 422 problem). */
export interface RapportImportValeurs {
  importId: string | null;
  nomFichier: string;
  format: string;
  encodage: string | null;
  separateur: string | null;
  mode: ModeImport;
  tiret: SensDuTiret;
  dryRun: boolean;
  applique: boolean;
  lignesLues: number;
  valeursValides: number;
  rejetees: number;
  rejets: { ligne: number; raison: string }[];
  colonnesIgnorees: string[];
  /** Absent from reports written before scales were checked. */
  avertissements?: string[];
  indicateurs: string[];
  creees: number;
  modifiees: number;
  inchangees: number;
}

/** GET /api/indicateurs/imports/{id} */
export interface EtatImport {
  id: string;
  nomFichier: string;
  format: string;
  etat: 'en_cours' | 'termine' | 'echoue';
  lignesTotal: number | null;
  lignesTraitees: number | null;
  rapport: RapportImportValeurs | { erreur: string } | null;
  creePar: string | null;
  creeLe: string;
  termineLe: string | null;
}

/** POST /api/contours/import */
export interface RapportContours {
  type: string;
  elements: number;
  valides: number;
  rejets: { element: number; raison: string }[];
  dryRun: boolean;
  applique: boolean;
}

// ---------- Contours (GeoJSON, lon/lat)

export type Position = [number, number];
export interface Contour {
  type: 'Feature';
  properties: { code: string; nom: string | null };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}
export interface Contours {
  type: 'FeatureCollection';
  features: Contour[];
}
