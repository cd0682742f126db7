import { lirePeriode, lireTypeTerritoire, lireValeur, lireNombre, normaliser, type SensDuTiret, type Valeur } from '@maillage/domain';
import { z } from 'zod';
import type { Tableau } from '../../platform/lecture-tableur';

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
    })
    .default({}),
  /** Wide tables (one column per indicator): the indicator of each value column, and the constants. */
  large: z
    .object({
      indicateurs: z.record(z.string(), z.string()).describe('En-tête de colonne → code d’indicateur'),
      territoireType: z.string().default('commune'),
      periode: z.string().optional(),
    })
    .optional(),
  /** DHIS2 org units carry no type: say which. */
  typeOrgUnit: z.string().default('commune'),
});
export type OptionsImport = z.infer<typeof optionsImportSchema>;

const ALIAS: Record<keyof OptionsImport['colonnes'], string[]> = {
  indicateur: ['indicateur', 'code_indicateur', 'indicator', 'dataelement', 'code indicateur'],
  territoireType: ['territoire_type', 'type_territoire', 'type', 'niveau', 'type de territoire'],
  territoireCode: ['territoire_code', 'code_territoire', 'code', 'codgeo', 'code_insee', 'code insee', 'orgunit', 'depcom', 'com'],
  periode: ['periode', 'période', 'annee', 'année', 'period', 'millesime', 'millésime'],
  valeur: ['valeur', 'value', 'val'],
  source: ['source'],
  numerateur: ['numerateur', 'numérateur', 'numerator'],
  denominateur: ['denominateur', 'dénominateur', 'denominator'],
};

const cle = (e: string) => normaliser(e).replace(/\s+/g, ' ');

export interface Correspondance {
  mode: 'long' | 'large' | 'dhis2';
  colonnes: Partial<Record<keyof OptionsImport['colonnes'], number>>;
  /** Wide mode: column index → indicator code. */
  indicateursParColonne: Map<number, string>;
  colonnesIgnorees: string[];
}

/** Finds what each column means, from the options or by the usual headers; wide tables map columns named like indicators. */
export function proposerCorrespondance(tableau: Tableau, options: OptionsImport, codesIndicateurs: Set<string>): Correspondance {
  const entetes = tableau.entetes.map(cle);
  const indexDe = (champ: keyof OptionsImport['colonnes']) => {
    const impose = options.colonnes[champ];
    if (impose) return entetes.indexOf(cle(impose));
    return entetes.findIndex((e) => ALIAS[champ].includes(e));
  };
  if (tableau.format === 'dhis2')
    return { mode: 'dhis2', colonnes: { indicateur: 0, periode: 1, territoireCode: 2, valeur: 3 }, indicateursParColonne: new Map(), colonnesIgnorees: [] };
  const colonnes = Object.fromEntries(Object.keys(ALIAS).map((c) => [c, indexDe(c as keyof OptionsImport['colonnes'])]).filter(([, i]) => (i as number) >= 0));
  if (colonnes.indicateur !== undefined && colonnes.valeur !== undefined && !options.large) {
    const utilisees = new Set(Object.values(colonnes) as number[]);
    return { mode: 'long', colonnes, indicateursParColonne: new Map(), colonnesIgnorees: tableau.entetes.filter((_, i) => !utilisees.has(i)) };
  }
  const indicateursParColonne = new Map<number, string>();
  tableau.entetes.forEach((entete, i) => {
    const impose = options.large?.indicateurs[entete];
    if (impose) indicateursParColonne.set(i, impose);
    else if (codesIndicateurs.has(entete.trim())) indicateursParColonne.set(i, entete.trim());
    else if (codesIndicateurs.has(cle(entete).replace(/ /g, '_'))) indicateursParColonne.set(i, cle(entete).replace(/ /g, '_'));
  });
  const utilisees = new Set([...indicateursParColonne.keys(), colonnes.territoireCode ?? -1, colonnes.periode ?? -1, colonnes.source ?? -1]);
  return { mode: 'large', colonnes, indicateursParColonne, colonnesIgnorees: tableau.entetes.filter((_, i) => !utilisees.has(i)) };
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
}

export interface Rejet {
  ligne: number;
  raison: string;
}

export interface Referentiels {
  indicateurs: Set<string>;
  /** "commune:35236", "epci:243500741"… */
  territoires: Set<string>;
}

function enTexte(c: string | number | null | undefined): string {
  return c === null || c === undefined ? '' : String(c).trim();
}

/** Turns one row into values (several in wide mode), or says why not. */
export function lireLigne(
  ligne: { ligne: number; cellules: (string | number | null)[] },
  correspondance: Correspondance,
  options: OptionsImport,
  ref: Referentiels,
): { valeurs: ValeurImportee[]; rejets: Rejet[] } {
  const c = correspondance.colonnes;
  const cellule = (i: number | undefined) => (i === undefined ? null : ligne.cellules[i]);
  const rejet = (raison: string) => ({ valeurs: [], rejets: [{ ligne: ligne.ligne, raison }] });

  const typeBrut =
    correspondance.mode === 'dhis2' ? options.typeOrgUnit : correspondance.mode === 'large' ? (options.large?.territoireType ?? enTexte(cellule(c.territoireType))) || 'commune' : enTexte(cellule(c.territoireType));
  const codeBrut = enTexte(cellule(c.territoireCode));
  if (!codeBrut) return rejet('Code de territoire manquant.');
  const territoire = lireTypeTerritoire(typeBrut || 'commune', codeBrut);
  if (!territoire) return rejet(`Type de territoire inconnu : « ${typeBrut} » (commune, epci, departement, region, pays).`);
  if (!ref.territoires.has(`${territoire.type}:${territoire.code}`) && territoire.type !== 'france' && territoire.type !== 'france_metro')
    return rejet(`Territoire inconnu du référentiel : ${territoire.type} ${territoire.code}.`);

  const periodeBrute = correspondance.mode === 'large' ? options.large?.periode ?? enTexte(cellule(c.periode)) : enTexte(cellule(c.periode));
  const periode = lirePeriode(periodeBrute);
  if (!periode) return rejet(periodeBrute ? `Période illisible : « ${periodeBrute} » (attendu : 2019 ou 2011-2015).` : 'Période manquante : indiquez-la dans le fichier ou dans les options.');
  const source = enTexte(cellule(c.source)) || options.source || '';

  const paires: [string, string | number | null][] =
    correspondance.mode === 'large' ? [...correspondance.indicateursParColonne].map(([i, code]) => [code, ligne.cellules[i] ?? null]) : [[enTexte(cellule(c.indicateur)), cellule(c.valeur) ?? null]];
  const valeurs: ValeurImportee[] = [];
  const rejets: Rejet[] = [];
  for (const [indicateur, brute] of paires) {
    if (!ref.indicateurs.has(indicateur)) {
      rejets.push({ ligne: ligne.ligne, raison: `Indicateur inconnu du catalogue : « ${indicateur} ».` });
      continue;
    }
    const valeur = lireValeur(typeof brute === 'string' ? brute : brute, options.tiret as SensDuTiret);
    if (valeur.nature === 'invalide') {
      rejets.push({ ligne: ligne.ligne, raison: `Valeur illisible pour ${indicateur} : « ${valeur.texte} ».` });
      continue;
    }
    const numerateur = lireNombre(enTexte(cellule(c.numerateur)));
    const denominateur = lireNombre(enTexte(cellule(c.denominateur)));
    valeurs.push({
      ligne: ligne.ligne,
      indicateur,
      territoireType: territoire.type,
      territoireCode: territoire.code,
      periode: periode.libelle,
      periodeDebut: periode.debut,
      periodeFin: periode.fin,
      valeur,
      textePublie: enTexte(brute),
      source,
      numerateur,
      denominateur,
    });
  }
  return { valeurs, rejets };
}
