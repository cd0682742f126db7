import {
  agregerSommes,
  comparer,
  comparerIndicatif,
  ecrireValeur,
  estCodeCommuneInsee,
  MESSAGE_CODE_COMMUNE_INSEE,
  raisonSansResultat,
  texteAuMoins,
  texteCouverture,
  texteFigurePartielle,
  type Agregat,
  type FigurePartielle,
  type MethodeAgregation,
  type Polarite,
  type SommesCommunes,
  type Valeur,
  type SensDuTiret,
  type TypeTerritoireValeur,
  nomTerritoireValeur,
} from '@maillage/domain';
import { exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { introuvable, invalide } from '../../platform/errors';
import { nommerTerritoires, resoudreUnPerimetre } from '../territoires/territoires.service';
import { obtenirIndicateur, type IndicateurLigne } from './indicateurs.repository';
import { sommesParPeriode, valeursCommunales, valeursPubliees, type SommesLigne, type ValeurLigne } from './valeurs.repository';

export interface TerritoireDemande {
  type: 'commune' | 'epci' | 'departement' | 'region';
  code: string;
}

/** "epci:243500741,commune:35236" → territories. */
export function lireTerritoires(texte: string): TerritoireDemande[] {
  return texte
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => {
      const [type, code] = t.split(':');
      if (!['commune', 'epci', 'departement', 'region'].includes(type) || !code)
        throw invalide(`Territoire illisible : « ${t} » (attendu : epci:243500741, commune:35236…).`, [
          { champ: 'territoires', message: 'Territoire illisible' },
        ]);
      if (type === 'commune' && !estCodeCommuneInsee(code.toUpperCase()))
        throw invalide(`Commune « ${code} » : ${MESSAGE_CODE_COMMUNE_INSEE}.`, [
          { champ: 'territoires', message: MESSAGE_CODE_COMMUNE_INSEE },
        ]);
      return { type: type as TerritoireDemande['type'], code: code.toUpperCase() };
    });
}

/**
 * What the API shows of a value: its nature and bounds, and the text as published or as we would write it. A lower
 * bound is written rounded down ("au moins 9" for 9,5), so that it stays true, and carries no number: the figure on
 * the communes with a value is in its own field (vuePartielle), so that nothing reads it as the perimeter's.
 */
export function vueValeur(v: Agregat | Valeur, decimales?: number) {
  if (v.nature === 'borne_inferieure') return { nature: v.nature, texte: texteAuMoins(v.valeur, decimales) };
  if (v.nature === 'indisponible') return { nature: v.nature, texte: 'non disponible' };
  return { ...v, texte: ecrireValeur(v as Valeur, decimales) };
}

/**
 * The figure on the communes with a value, in its own field beside the perimeter's value (never in it): "au moins 72"
 * for a count, "6,6 sur les communes renseignées" for a rate, with its coverage in words.
 */
export function vuePartielle(p: FigurePartielle, decimales?: number) {
  return {
    portee: p.portee,
    valeur: { ...p.valeur, texte: ecrireValeur(p.valeur, decimales) },
    texte: texteFigurePartielle(p, decimales),
    couverture: { renseignees: p.renseignees, communes: p.communes, partPopulation: p.partPopulation, texte: texteCouverture(p) },
  };
}

interface Resultat {
  periode: string;
  origine: 'publiee' | 'agregee';
  valeur: ReturnType<typeof vueValeur> & { couverture?: Agregat['couverture']; raison?: string };
  /** Only when the perimeter's value is a lower bound or unavailable and some communes have a value. */
  partiel?: ReturnType<typeof vuePartielle>;
  source: string | null;
  tiret: SensDuTiret | null;
  /** Other sources publishing a value for the same territory and period (they may disagree: both are shown). */
  autresSources: { source: string; texte: string }[];
  /**
   * Beside a published value, what its communes' values give for the same period ("au moins 60" where the source
   * masks some): the published total stays the territory's, the sum is shown with its coverage, never in its place.
   */
  agregatCommunes?: Pick<Resultat, 'valeur' | 'partiel' | 'source' | 'tiret'>;
}

/** A stored value as shown: an interval class keeps the text it was published with ("[856 à 932["). */
export function vuePubliee(l: ValeurLigne) {
  const vue = vueValeur(l.valeur);
  return { ...vue, texte: l.textePublie && l.valeur.nature === 'intervalle' ? l.textePublie : vue.texte };
}

/** The smaller source first: among several sources for the same value, the choice does not depend on row order. */
const parSource = (a: ValeurLigne, b: ValeurLigne) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

function publiees(dePeriode: ValeurLigne[] | undefined, periode: string): Resultat | null {
  if (!dePeriode?.length) return null;
  const [premiere, ...autres] = [...dePeriode].sort(parSource);
  return {
    periode,
    origine: 'publiee',
    valeur: vuePubliee(premiere),
    source: premiere.source || null,
    tiret: premiere.tiret,
    autresSources: autres.map((a) => ({ source: a.source, texte: vueValeur(a.valeur).texte })),
  };
}

/** A perimeter as the computation needs it, resolved once for every indicator. */
export interface PerimetreDeCalcul {
  territoires: TerritoireDemande[];
  /** How many communes, and their population. */
  communes: number;
  departements: string[];
  regions: string[];
  population: number;
  /** Names of its départements and regions (for the comparators), and of the territories asked for. */
  noms: Map<string, string>;
}

export async function perimetreDeCalcul(ctx: Contexte, territoires: TerritoireDemande[], avecNoms = true): Promise<PerimetreDeCalcul> {
  const perimetre = await resoudreUnPerimetre(ctx, null, {
    epci: territoires.filter((t) => t.type === 'epci').map((t) => t.code),
    communes: territoires.filter((t) => t.type === 'commune').map((t) => t.code),
  });
  const codes = (type: TerritoireDemande['type']) => territoires.filter((t) => t.type === type).map((t) => t.code);
  const [departements, regions, epci, communes] = avecNoms
    ? await Promise.all([
        nommerTerritoires(ctx, 'departement', perimetre.departements),
        nommerTerritoires(ctx, 'region', perimetre.regions),
        // The territories asked for are named too: a reason for an empty result cites them.
        nommerTerritoires(ctx, 'epci', codes('epci')),
        nommerTerritoires(ctx, 'commune', codes('commune')),
      ])
    : [[], [], [], []];
  return {
    territoires,
    communes: perimetre.communes.length,
    departements: perimetre.departements,
    regions: perimetre.regions,
    population: perimetre.population,
    noms: new Map([
      ...departements.map((t) => [`departement:${t.code}`, t.nom] as const),
      ...regions.map((t) => [`region:${t.code}`, t.nom] as const),
      ...epci.map((t) => [`epci:${t.code}`, t.nom] as const),
      ...communes.map((t) => [`commune:${t.code}`, t.nom] as const),
    ]),
  };
}

/** What the computation reads for any number of indicators on a perimeter: two queries, run together. */
export interface DonneesPerimetre {
  /** Sums over the perimeter's communes, by indicator and period. */
  sommes: SommesLigne[];
  /** Published values: the territories asked for (only a single one is used as the perimeter's value) and the comparators. */
  publiees: ValeurLigne[];
}

export async function donneesDuPerimetre(
  ctx: Contexte,
  indicateurs: string[] | null,
  territoires: TerritoireDemande[],
  avecComparateurs = true,
): Promise<DonneesPerimetre> {
  const unSeul = territoires.length === 1 ? territoires[0] : null;
  const avecCommunes = !(unSeul && (unSeul.type === 'departement' || unSeul.type === 'region'));
  const perimetre = avecCommunes
    ? {
        epci: territoires.filter((t) => t.type === 'epci').map((t) => t.code),
        communes: territoires.filter((t) => t.type === 'commune').map((t) => t.code),
      }
    : { epci: [], communes: [] };
  const [sommes, publiees] = await Promise.all([
    sommesParPeriode(ctx.db, indicateurs, perimetre),
    valeursPubliees(ctx.db, indicateurs, perimetre, territoires, avecComparateurs),
  ]);
  return { sommes, publiees };
}

/** Rows by indicator, so that each indicator's computation reads only its own. */
export function parIndicateur(donnees: DonneesPerimetre): Map<string, DonneesPerimetre> {
  const m = new Map<string, DonneesPerimetre>();
  const de = (code: string) => {
    let d = m.get(code);
    if (!d) {
      d = { sommes: [], publiees: [] };
      m.set(code, d);
    }
    return d;
  };
  for (const l of donnees.sommes) de(l.indicateur).sommes.push(l);
  for (const l of donnees.publiees) de(l.indicateur).publiees.push(l);
  return m;
}

/**
 * What `agregerSommes` reads of a row of sums, built field by field: a spread of the driver's row (two dozen
 * columns) per period was the largest cost of a whole series. Communes without any value for the period count as
 * "manquante".
 */
function sommesCommunes(s: SommesLigne, communes: number, population: number): SommesCommunes {
  return {
    couverture: {
      communes,
      renseignees: s.connues,
      masquees: s.masquees,
      manquantes: communes - s.lues + s.manquantesLues,
      partPopulationRenseignee: population > 0 ? s.populationConnue / population : 0,
    },
    connues: s.connues,
    populationConnue: s.populationConnue,
    inf: s.inf,
    sup: s.sup,
    infPondere: s.infPondere,
    supPondere: s.supPondere,
    milieuPondere: s.milieuPondere,
    infIncluse: s.infIncluse,
    supIncluse: s.supIncluse,
    avecTermes: s.avecTermes,
    numerateur: s.numerateur,
    denominateur: s.denominateur,
  };
}

/** An aggregate as shown: `vueValeur` with its coverage and reason, built without copying the aggregate. */
function vueAgregat(a: Agregat, decimales: number): Resultat['valeur'] {
  const raison = a.nature === 'borne_inferieure' || a.nature === 'indisponible' ? a.raison : undefined;
  const vue: Resultat['valeur'] =
    a.nature === 'exacte'
      ? { nature: a.nature, valeur: a.valeur, texte: ecrireValeur(a, decimales), couverture: a.couverture }
      : a.nature === 'intervalle'
        ? {
            nature: a.nature,
            borneInf: a.borneInf,
            borneSup: a.borneSup,
            infIncluse: a.infIncluse,
            supIncluse: a.supIncluse,
            texte: ecrireValeur(a, decimales),
            couverture: a.couverture,
          }
        : { ...vueValeur(a, decimales), couverture: a.couverture };
  if (raison !== undefined) vue.raison = raison;
  return vue;
}

/**
 * One indicator on a perimeter, from its rows of `donneesDuPerimetre`, for one period (the latest by default), with
 * its comparators and time series. A perimeter that is exactly one published territory uses the published value;
 * otherwise commune values are aggregated with the indicator's method (`agregerSommes`, on the sums SQL made).
 * Pure computation: the contract diagnostic calls it for every indicator on rows read once.
 */
export function calculerIndicateur<I extends Pick<IndicateurLigne, 'methodeAgregation' | 'facteur' | 'polarite'>>(
  indicateur: I,
  perimetre: PerimetreDeCalcul,
  donnees: DonneesPerimetre,
  periode?: string,
  avecComparateurs = true,
) {
  const territoires = perimetre.territoires;
  const unSeul = territoires.length === 1 ? territoires[0] : null;

  const publieesParPeriode = new Map<string, ValeurLigne[]>();
  const comparateursParCle = new Map<string, ValeurLigne>();
  const periodes = new Map<string, number>();
  const demandes = new Set(territoires.map((t) => `${t.type}:${t.code}`));
  // Published for one of the territories asked for: used only when it is the whole perimeter, cited otherwise.
  const publieesDemandees: { nom: string; type: string; periode: string }[] = [];
  for (const l of donnees.publiees) {
    const cleTerritoire = `${l.territoireType}:${l.territoireCode}`;
    if (demandes.has(cleTerritoire))
      publieesDemandees.push({ nom: perimetre.noms.get(cleTerritoire) ?? l.territoireCode, type: l.territoireType, periode: l.periode });
    if (unSeul && l.territoireType === unSeul.type && l.territoireCode === unSeul.code) {
      const liste = publieesParPeriode.get(l.periode);
      if (liste) liste.push(l);
      else publieesParPeriode.set(l.periode, [l]);
      periodes.set(l.periode, l.periodeFin);
    }
    if (!avecComparateurs) continue;
    const cle = `${l.territoireType}:${l.territoireCode}|${l.periode}`;
    const deja = comparateursParCle.get(cle);
    if (!deja || parSource(l, deja) < 0) comparateursParCle.set(cle, l);
  }
  const sommesParPeriode = new Map<string, SommesLigne>();
  for (const l of donnees.sommes) {
    sommesParPeriode.set(l.periode, l);
    periodes.set(l.periode, l.periodeFin);
  }
  const ordonnees = [...periodes]
    .map(([p, fin]) => `${fin}|${p}`)
    .sort()
    .map((p) => p.split('|')[1]);

  const communes = perimetre.communes;
  const facteur = Number(indicateur.facteur);
  const decimales = indicateur.methodeAgregation === 'somme' ? 0 : 1;
  // The partial figure of each period, as the domain gives it, for the indicative comparisons.
  const partielles = new Map<string, FigurePartielle>();
  const calculer = (p: string): Resultat | null => {
    const publiee = publiees(publieesParPeriode.get(p), p);
    const agregee = agreger(p);
    if (publiee)
      return agregee
        ? {
            ...publiee,
            agregatCommunes: {
              valeur: agregee.valeur,
              ...(agregee.partiel ? { partiel: agregee.partiel } : {}),
              source: agregee.source,
              tiret: agregee.tiret,
            },
          }
        : publiee;
    return agregee;
  };
  const agreger = (p: string): Resultat | null => {
    const s = sommesParPeriode.get(p);
    if (!s) return null;
    const agregat = agregerSommes(
      indicateur.methodeAgregation as MethodeAgregation,
      sommesCommunes(s, communes, perimetre.population),
      facteur,
    );
    const partielle = agregat.nature === 'borne_inferieure' || agregat.nature === 'indisponible' ? agregat.partielle : undefined;
    if (partielle) partielles.set(p, partielle);
    const resultat: Resultat = {
      periode: p,
      origine: 'agregee',
      valeur: vueAgregat(agregat, decimales),
      source:
        s.sourceMin && s.sourceMax && s.sourceMin !== s.sourceMax ? `${s.sourceMin} ; ${s.sourceMax}` : s.sourceMin || s.sourceMax || null,
      tiret: s.tiret,
      autresSources: [],
    };
    if (partielle) resultat.partiel = vuePartielle(partielle, decimales);
    return resultat;
  };

  const serie = ordonnees.map(calculer).filter((r): r is Resultat => r !== null);
  const choisie = periode ?? ordonnees.at(-1) ?? null;
  const resultat = choisie ? (serie.find((r) => r.periode === choisie) ?? null) : null;

  // Comparators: the perimeter's départements and regions, France métropolitaine and France, as published.
  const comparateurs: { type: TypeTerritoireValeur; code: string }[] = [
    ...perimetre.departements
      .filter((d) => !(unSeul?.type === 'departement' && unSeul.code === d))
      .map((code) => ({ type: 'departement' as const, code })),
    ...perimetre.regions
      .filter((r) => !(unSeul?.type === 'region' && unSeul.code === r))
      .map((code) => ({ type: 'region' as const, code })),
    { type: 'france_metro', code: 'FRM' },
    { type: 'france', code: 'FRA' },
  ];
  const comparaisons =
    choisie && avecComparateurs
      ? comparateurs.flatMap((t) => {
          const ligne = comparateursParCle.get(`${t.type}:${t.code}|${choisie}`);
          if (!ligne) return [];
          const nom = nomTerritoireValeur(t.type, t.code, perimetre.noms.get(`${t.type}:${t.code}`));
          const valeurPerimetre = resultat?.valeur;
          const partielle = partielles.get(choisie);
          const polarite = indicateur.polarite as Polarite;
          // A count (method somme) grows with the territory: 40 GPs against France's 58 392 says nothing. A figure on the
          // communes with a value only is compared, but said indicative (or not compared when they hold too little).
          const comparaison =
            indicateur.methodeAgregation === 'somme' || !valeurPerimetre
              ? null
              : valeurPerimetre.nature === 'exacte' || valeurPerimetre.nature === 'intervalle'
                ? { ...comparer(valeurPerimetre as unknown as Valeur, ligne.valeur, polarite), indicatif: false }
                : partielle && comparerIndicatif(partielle, ligne.valeur, polarite);
          return [
            {
              territoire: { type: t.type, code: t.code, nom },
              valeur: vuePubliee(ligne),
              source: ligne.source || null,
              ...(comparaison ?? { ecart: null, sens: 'indetermine' as const, indicatif: false }),
            },
          ];
        })
      : [];

  // An empty result always says why (issue 13): a blank must not read as zero, nor as a fault.
  const raison = resultat
    ? null
    : raisonSansResultat({
        methode: indicateur.methodeAgregation as MethodeAgregation,
        communes,
        unSeulTerritoire: !!unSeul,
        periodeDemandee: periode ?? null,
        periodesDisponibles: serie.map((r) => r.periode),
        publieesPourLesTerritoires: publieesDemandees,
      });

  return {
    indicateur,
    perimetre: {
      territoires,
      communes,
      population: perimetre.population,
      departements: perimetre.departements,
      regions: perimetre.regions,
    },
    periode: choisie,
    resultat,
    /** Why `resultat` is null; null when there is one. */
    raison,
    comparaisons,
    serie,
  };
}

/** One indicator on a perimeter (see calculerIndicateur): the perimeter and the rows are read here. */
export async function agregatIndicateur(ctx: Contexte, indicateur: IndicateurLigne, territoires: TerritoireDemande[], periode?: string) {
  const [perimetre, donnees] = await Promise.all([
    perimetreDeCalcul(ctx, territoires),
    donneesDuPerimetre(ctx, [indicateur.code], territoires),
  ]);
  return calculerIndicateur(indicateur, perimetre, donnees, periode);
}

export async function agregatPublic(ctx: Contexte, utilisateur: Utilisateur | null, code: string, territoires: string, periode?: string) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  const indicateur = await obtenirIndicateur(ctx.db, code, false);
  if (!indicateur) throw introuvable(`Indicateur inconnu : ${code}.`);
  const demandes = lireTerritoires(territoires);
  if (!demandes.length) throw invalide('Indiquez au moins un territoire.', [{ champ: 'territoires', message: 'Au moins un territoire' }]);
  return agregatIndicateur(ctx, indicateur, demandes, periode);
}

/** The published values of one indicator on every commune of a perimeter (one query), for commune tables and maps. */
export async function valeursParCommune(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  code: string,
  territoires: string,
  periode?: string,
) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  const indicateur = await obtenirIndicateur(ctx.db, code, false);
  if (!indicateur) throw introuvable(`Indicateur inconnu : ${code}.`);
  const demandes = lireTerritoires(territoires);
  const perimetre = await resoudreUnPerimetre(ctx, null, {
    epci: demandes.filter((t) => t.type === 'epci').map((t) => t.code),
    communes: demandes.filter((t) => t.type === 'commune').map((t) => t.code),
  });
  const lignes = await valeursCommunales(
    ctx.db,
    code,
    perimetre.communes.map((c) => c.code),
  );
  const periodes = [...new Set(lignes.map((l) => `${l.periodeFin}|${l.periode}`))].sort().map((p) => p.split('|')[1]);
  const choisie = periode ?? periodes.at(-1) ?? null;
  const deLaPeriode = new Map<string, ValeurLigne>();
  for (const l of lignes) if (l.periode === choisie && !deLaPeriode.has(l.territoireCode)) deLaPeriode.set(l.territoireCode, l);
  return {
    indicateur: { code: indicateur.code, libelle: indicateur.libelle, unite: indicateur.unite, polarite: indicateur.polarite },
    periode: choisie,
    periodes,
    communes: perimetre.communes.map((c) => {
      const l = deLaPeriode.get(c.code);
      return {
        code: c.code,
        nom: c.nom,
        departement: c.departement,
        population: c.population,
        valeur: l ? vuePubliee(l) : { nature: 'manquante' as const, texte: 'non disponible' },
        source: l?.source ?? null,
        tiret: l?.tiret ?? null,
      };
    }),
  };
}
