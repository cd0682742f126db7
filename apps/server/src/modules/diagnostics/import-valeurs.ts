import {
  avertissementEchelle,
  deduireTerritoire,
  estCodeCommuneInsee,
  MESSAGE_CODE_COMMUNE_INSEE,
  estEnteteCodeTerritoire,
  lireEchelle,
  lireFrance,
  lirePeriode,
  lireTypeTerritoire,
  lireValeur,
  lireNombre,
  lirePeriodeDhis2,
  normaliser,
  refusDenombrement,
  typeSelonEntete,
  type Echelle,
  type SensDuTiret,
  type TypeTerritoireValeur,
  type Valeur,
} from '@maillage/domain';
import type { ModeImport, OptionsImport } from '@maillage/domain/api';
import type { Tableau } from '../../platform/lecture-tableur';
import type { ProfilLu } from './profil-fichier';

/** How to read a file: its contract lives with the import routes' (domain/api/indicateurs). */
export { optionsImportSchema, type OptionsImport } from '@maillage/domain/api';

const ALIAS: Record<keyof OptionsImport['colonnes'], string[]> = {
  indicateur: ['indicateur', 'code_indicateur', 'indicator', 'dataelement', 'code indicateur'],
  territoireType: ['territoire_type', 'type_territoire', 'type', 'niveau', 'type de territoire'],
  territoireCode: ['territoire_code', 'code_territoire', 'code', 'codgeo', 'code_insee', 'code insee', 'orgunit', 'depcom', 'com'],
  periode: ['periode', 'période', 'annee', 'année', 'period', 'millesime', 'millésime'],
  valeur: ['valeur', 'value', 'val'],
  source: ['source'],
  numerateur: ['numerateur', 'numérateur', 'numerator'],
  denominateur: ['denominateur', 'dénominateur', 'denominator'],
  unite: ['unite', 'unité', 'unit', 'unite de mesure', 'echelle'],
};

const cle = (e: string) => normaliser(e).replace(/\s+/g, ' ');

export interface Correspondance {
  mode: ModeImport;
  colonnes: Partial<Record<keyof OptionsImport['colonnes'], number>>;
  /** Wide mode: column index → indicator code. */
  indicateursParColonne: Map<number, string>;
  colonnesIgnorees: string[];
  /** The type the code header implies ("Code région"), for codes whose shape is ambiguous. */
  typeSelonEntete: TypeTerritoireValeur | null;
  /** Odissé and INSEE files: their mapping, read by import-profils.ts. */
  profil?: ProfilLu;
}

/** Finds what each column means, from the options or by the usual headers; wide tables map columns named like indicators. */
export function proposerCorrespondance(tableau: Tableau, options: OptionsImport, codesIndicateurs: Set<string>): Correspondance {
  const entetes = tableau.entetes.map(cle);
  const indexDe = (champ: keyof OptionsImport['colonnes']) => {
    const impose = options.colonnes[champ];
    if (impose) return entetes.indexOf(cle(impose));
    const i = entetes.findIndex((e) => ALIAS[champ].includes(e));
    // Observatories write "Code géographique", "Code commune", "CODGEO"…
    return i < 0 && champ === 'territoireCode' ? tableau.entetes.findIndex(estEnteteCodeTerritoire) : i;
  };
  if (tableau.format === 'dhis2')
    return {
      mode: 'dhis2',
      // Translated through the region's mapping first (dhis2-import.ts): column 4 the territory type, 5 the rejection.
      colonnes: { indicateur: 0, periode: 1, territoireCode: 2, valeur: 3, territoireType: 4 },
      indicateursParColonne: new Map(),
      colonnesIgnorees: [],
      typeSelonEntete: null,
    };
  const colonnes: Correspondance['colonnes'] = Object.fromEntries(
    Object.keys(ALIAS)
      .map((c) => [c, indexDe(c as keyof OptionsImport['colonnes'])])
      .filter(([, i]) => (i as number) >= 0),
  );
  const selonEntete = colonnes.territoireCode === undefined ? null : typeSelonEntete(tableau.entetes[colonnes.territoireCode]);
  if (colonnes.indicateur !== undefined && colonnes.valeur !== undefined && !options.large) {
    const utilisees = new Set(Object.values(colonnes) as number[]);
    return {
      mode: 'long',
      colonnes,
      indicateursParColonne: new Map(),
      colonnesIgnorees: tableau.entetes.filter((_, i) => !utilisees.has(i)),
      typeSelonEntete: selonEntete,
    };
  }
  const indicateursParColonne = new Map<number, string>();
  tableau.entetes.forEach((entete, i) => {
    const impose = options.large?.indicateurs[entete];
    if (impose) indicateursParColonne.set(i, impose);
    else if (codesIndicateurs.has(entete.trim())) indicateursParColonne.set(i, entete.trim());
    else if (codesIndicateurs.has(cle(entete).replace(/ /g, '_'))) indicateursParColonne.set(i, cle(entete).replace(/ /g, '_'));
  });
  const utilisees = new Set([
    ...indicateursParColonne.keys(),
    colonnes.territoireCode ?? -1,
    colonnes.periode ?? -1,
    colonnes.source ?? -1,
  ]);
  return {
    mode: 'large',
    colonnes,
    indicateursParColonne,
    colonnesIgnorees: tableau.entetes.filter((_, i) => !utilisees.has(i)),
    typeSelonEntete: selonEntete,
  };
}

export interface ValeurImportee {
  ligne: number;
  indicateur: string;
  territoireType: string;
  territoireCode: string;
  periode: string;
  periodeDebut: number;
  periodeFin: number;
  valeur: Valeur;
  textePublie: string;
  source: string;
  numerateur: number | null;
  denominateur: number | null;
  /** How « - » was read for this value, when its column says otherwise than the file. */
  tiret?: SensDuTiret;
}

export interface Rejet {
  ligne: number;
  raison: string;
}

export interface IndicateurCatalogue {
  code: string;
  libelle: string;
  unite: string;
  facteur: number | string;
  /** Its values count units: a decimal is refused. */
  denombrement?: boolean;
}

export interface Referentiels {
  indicateurs: Set<string>;
  catalogue: Map<string, IndicateurCatalogue>;
  /** "commune:35236", "epci:243500741"… */
  territoires: Set<string>;
}

export function enTexte(c: string | number | null | undefined): string {
  return c === null || c === undefined ? '' : String(c).trim();
}

/** Why a territory read from a row cannot take a value (a malformed commune code, absent from the référentiel), or null. */
export function refusTerritoire(territoire: { type: string; code: string }, codeBrut: string, ref: Referentiels): string | null {
  if (territoire.type === 'commune' && !estCodeCommuneInsee(territoire.code))
    return `Commune « ${codeBrut} » : ${MESSAGE_CODE_COMMUNE_INSEE}.`;
  if (territoire.type !== 'france' && territoire.type !== 'france_metro' && !ref.territoires.has(`${territoire.type}:${territoire.code}`))
    return `Territoire inconnu du référentiel : ${territoire.type} ${territoire.code}.`;
  return null;
}

/** A value as the import merges it; the long and wide readings add their numerator, denominator and column « - ». */
export function valeurImportee(
  ligne: number,
  indicateur: string,
  territoire: { type: string; code: string },
  periode: { libelle: string; debut: number; fin: number },
  valeur: Valeur,
  brute: string | number | null,
  source: string,
): ValeurImportee {
  return {
    ligne,
    indicateur,
    territoireType: territoire.type,
    territoireCode: territoire.code,
    periode: periode.libelle,
    periodeDebut: periode.debut,
    periodeFin: periode.fin,
    valeur,
    textePublie: enTexte(brute),
    source,
    numerateur: null,
    denominateur: null,
  };
}

/** A scale the file states for an indicator's values: in a unit column, or a unit row under the headers. */
export interface EchelleLue {
  indicateur: string;
  colonne: string;
  echelle: Echelle;
}

/** Turns one row into values (several in wide mode), or says why not. */
export function lireLigne(
  ligne: { ligne: number; cellules: (string | number | null)[] },
  correspondance: Correspondance,
  options: OptionsImport,
  ref: Referentiels,
  entetes: string[] = [],
): { valeurs: ValeurImportee[]; rejets: Rejet[]; echelles?: EchelleLue[] } {
  const c = correspondance.colonnes;
  const cellule = (i: number | undefined) => (i === undefined ? null : ligne.cellules[i]);
  const rejet = (raison: string) => ({ valeurs: [], rejets: [{ ligne: ligne.ligne, raison }] });
  if (correspondance.mode === 'dhis2' && ligne.cellules[5]) return rejet(String(ligne.cellules[5]));

  const typeBrut =
    correspondance.mode === 'dhis2'
      ? enTexte(cellule(c.territoireType)) || options.typeOrgUnit
      : correspondance.mode === 'large'
        ? (options.large?.territoireType ?? enTexte(cellule(c.territoireType)))
        : enTexte(cellule(c.territoireType));
  const codeBrut = enTexte(cellule(c.territoireCode));
  if (!codeBrut) {
    // INSEE-style files put a row of units under the headers ("pour 10 000 hab.", "%"): read it, reject nothing.
    const unites =
      correspondance.mode === 'large'
        ? [...correspondance.indicateursParColonne].map(([i, indicateur]) => ({
            indicateur,
            colonne: entetes[i] ?? '',
            texte: enTexte(ligne.cellules[i]),
          }))
        : [];
    const echelles = unites.flatMap((u) => {
      const echelle = lireNumerique(u.texte) ? null : lireEchelle(u.texte);
      return echelle ? [{ indicateur: u.indicateur, colonne: u.colonne, echelle }] : [];
    });
    if (echelles.length) return { valeurs: [], rejets: [], echelles };
    return rejet('Code de territoire manquant.');
  }
  // France is its own kind whatever the type column says: "FR", "France entière", "France métropolitaine".
  const territoire =
    lireFrance(codeBrut) ??
    (typeBrut ? lireTypeTerritoire(typeBrut, codeBrut) : deduireTerritoire(codeBrut, correspondance.typeSelonEntete));
  if (!territoire)
    return rejet(
      typeBrut
        ? `Type de territoire inconnu : « ${typeBrut} » (commune, epci, departement, region, pays).`
        : `Code de territoire non reconnu : « ${codeBrut} » (attendu : code commune à 5 caractères, SIREN d’EPCI à 9 chiffres, département, région, ou FR / France).`,
    );
  const refus = refusTerritoire(territoire, codeBrut, ref);
  if (refus) return rejet(refus);

  const periodeBrute =
    correspondance.mode === 'large' ? (options.large?.periode ?? enTexte(cellule(c.periode))) : enTexte(cellule(c.periode));
  const periode = correspondance.mode === 'dhis2' ? lirePeriodeDhis2(periodeBrute) : lirePeriode(periodeBrute);
  if (!periode)
    return rejet(
      periodeBrute
        ? `Période illisible : « ${periodeBrute} » (attendu : 2019 ou 2011-2015).`
        : 'Période manquante : indiquez-la dans le fichier ou dans les options.',
    );
  const source = enTexte(cellule(c.source)) || options.source || '';

  const paires: [string, string | number | null, SensDuTiret][] =
    correspondance.mode === 'large'
      ? [...correspondance.indicateursParColonne].map(([i, code]) => [
          code,
          ligne.cellules[i] ?? null,
          (options.large?.tirets?.[entetes[i] ?? ''] ?? options.tiret) as SensDuTiret,
        ])
      : [[enTexte(cellule(c.indicateur)), cellule(c.valeur) ?? null, options.tiret as SensDuTiret]];
  const valeurs: ValeurImportee[] = [];
  const rejets: Rejet[] = [];
  const echelleLigne = c.unite === undefined ? null : lireEchelle(enTexte(cellule(c.unite)));
  const echelles: EchelleLue[] =
    echelleLigne && paires[0] ? [{ indicateur: paires[0][0], colonne: entetes[c.unite!] ?? 'unité', echelle: echelleLigne }] : [];
  for (const [indicateur, brute, tiret] of paires) {
    if (!ref.indicateurs.has(indicateur)) {
      rejets.push({ ligne: ligne.ligne, raison: `Indicateur inconnu du catalogue : « ${indicateur} ».` });
      continue;
    }
    const valeur = lireValeur(typeof brute === 'string' ? brute : brute, tiret);
    if (valeur.nature === 'invalide') {
      rejets.push({ ligne: ligne.ligne, raison: `Valeur illisible pour ${indicateur} : « ${valeur.texte} ».` });
      continue;
    }
    const decimale = ref.catalogue.get(indicateur) && refusDenombrement(ref.catalogue.get(indicateur)!, valeur, enTexte(brute));
    if (decimale) {
      rejets.push({ ligne: ligne.ligne, raison: decimale });
      continue;
    }
    const numerateur = lireNombre(enTexte(cellule(c.numerateur)));
    const denominateur = lireNombre(enTexte(cellule(c.denominateur)));
    valeurs.push({
      ...valeurImportee(ligne.ligne, indicateur, territoire, periode, valeur, brute, source),
      numerateur,
      denominateur,
      ...(tiret !== options.tiret ? { tiret } : {}),
    });
  }
  return { valeurs, rejets, echelles };
}

const lireNumerique = (texte: string) => texte !== '' && lireNombre(texte) !== null;

/**
 * Warnings before import when the file's scale (a header "… pour 10 000 hab.", a unit row or a unit column) is not the
 * indicator's ("pour 100 000 habitants"): the values would be stored ten times too small, silently.
 */
export function avertissementsEchelle(
  correspondance: Correspondance,
  entetes: string[],
  ref: Referentiels,
  lues: Iterable<EchelleLue> = [],
): string[] {
  const vues: EchelleLue[] = [];
  if (correspondance.mode === 'large')
    for (const [i, indicateur] of correspondance.indicateursParColonne) {
      const echelle = lireEchelle(entetes[i]);
      if (echelle) vues.push({ indicateur, colonne: entetes[i], echelle });
    }
  vues.push(...lues);
  const textes = new Set<string>();
  for (const v of vues) {
    const indicateur = ref.catalogue.get(v.indicateur);
    const texte = indicateur && avertissementEchelle(v.colonne, v.echelle, indicateur);
    if (texte) textes.add(texte);
  }
  return [...textes];
}
