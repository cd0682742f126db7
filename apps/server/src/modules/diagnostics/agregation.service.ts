import { agreger, comparer, ecrireValeur, type Agregat, type MethodeAgregation, type Polarite, type Valeur } from '@maillage/domain';
import { exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { introuvable, invalide } from '../../platform/errors';
import { nommerTerritoires, resoudreUnPerimetre } from '../territoires/territoires.service';
import { obtenirIndicateur, type IndicateurLigne } from './indicateurs.repository';
import { valeursCommunales, valeursDe, type ValeurLigne } from './valeurs.repository';

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
      if (!['commune', 'epci', 'departement', 'region'].includes(type) || !code) throw invalide(`Territoire illisible : « ${t} » (attendu : epci:243500741, commune:35236…).`, [{ champ: 'territoires', message: 'Territoire illisible' }]);
      return { type: type as TerritoireDemande['type'], code: code.toUpperCase() };
    });
}

/** What the API shows of a value: its nature and bounds, and the text as published or as we would write it. */
export function vueValeur(v: Agregat | Valeur, decimales?: number) {
  const base = v.nature === 'borne_inferieure' ? { nature: v.nature, valeur: v.valeur } : v.nature === 'indisponible' ? { nature: v.nature } : { ...v };
  const texte =
    v.nature === 'borne_inferieure' ? `au moins ${ecrireValeur({ nature: 'exacte', valeur: v.valeur }, decimales)}` : v.nature === 'indisponible' ? 'non disponible' : ecrireValeur(v as Valeur, decimales);
  return { ...base, texte };
}

interface Resultat {
  periode: string;
  origine: 'publiee' | 'agregee';
  valeur: ReturnType<typeof vueValeur> & { couverture?: Agregat['couverture']; raison?: string; valeurPartielle?: number };
  source: string | null;
  tiret: string | null;
  /** Other sources publishing a value for the same territory and period (they may disagree: both are shown). */
  autresSources: { source: string; texte: string }[];
}

/** A stored value as shown: an interval class keeps the text it was published with ("[856 à 932["). */
function vuePubliee(l: ValeurLigne) {
  const vue = vueValeur(l.valeur);
  return { ...vue, texte: l.textePublie && l.valeur.nature === 'intervalle' ? l.textePublie : vue.texte };
}

function publiees(lignes: ValeurLigne[], periode: string): Resultat | null {
  const dePeriode = lignes.filter((l) => l.periode === periode);
  if (!dePeriode.length) return null;
  const [premiere, ...autres] = dePeriode;
  return {
    periode,
    origine: 'publiee',
    valeur: vuePubliee(premiere),
    source: premiere.source || null,
    tiret: premiere.tiret,
    autresSources: autres.map((a) => ({ source: a.source, texte: vueValeur(a.valeur).texte })),
  };
}

/**
 * One indicator on a perimeter, for one period (the latest by default), with its comparators and time series.
 * A perimeter that is exactly one published territory uses the published value; otherwise commune values are
 * aggregated with the indicator's method.
 */
export async function agregatIndicateur(ctx: Contexte, indicateur: IndicateurLigne, territoires: TerritoireDemande[], periode?: string) {
  const perimetre = await resoudreUnPerimetre(ctx, null, {
    epci: territoires.filter((t) => t.type === 'epci').map((t) => t.code),
    communes: territoires.filter((t) => t.type === 'commune').map((t) => t.code),
  });
  const unSeul = territoires.length === 1 ? territoires[0] : null;
  const codesCommunes = unSeul && (unSeul.type === 'departement' || unSeul.type === 'region') ? [] : perimetre.communes.map((c) => c.code);
  const [lignesCommunes, lignesPubliees] = await Promise.all([
    codesCommunes.length ? valeursCommunales(ctx.db, indicateur.code, codesCommunes) : Promise.resolve([]),
    unSeul ? valeursDe(ctx.db, [indicateur.code], [unSeul]) : Promise.resolve([]),
  ]);
  const periodes = [...new Set([...lignesPubliees, ...lignesCommunes].map((l) => `${l.periodeFin}|${l.periode}`))].sort().map((p) => p.split('|')[1]);
  const population = new Map(perimetre.communes.map((c) => [c.code, c.population]));

  const calculer = (p: string): Resultat | null => {
    const publiee = publiees(lignesPubliees, p);
    if (publiee) return publiee;
    const dePeriode = lignesCommunes.filter((l) => l.periode === p);
    if (!dePeriode.length) return null;
    // One value per commune (the first source); communes without any become "manquante".
    const parCommune = new Map<string, ValeurLigne>();
    for (const l of dePeriode) if (!parCommune.has(l.territoireCode)) parCommune.set(l.territoireCode, l);
    const agregat = agreger(
      indicateur.methodeAgregation as MethodeAgregation,
      perimetre.communes.map((c) => {
        const l = parCommune.get(c.code);
        return { code: c.code, population: population.get(c.code) ?? 0, valeur: l ? l.valeur : { nature: 'manquante' as const }, numerateur: l?.numerateur, denominateur: l?.denominateur };
      }),
      Number(indicateur.facteur),
    );
    const sources = [...new Set(dePeriode.map((l) => l.source).filter(Boolean))];
    return {
      periode: p,
      origine: 'agregee',
      valeur: { ...vueValeur(agregat, indicateur.methodeAgregation === 'somme' ? 0 : 1), couverture: agregat.couverture, ...('raison' in agregat ? { raison: agregat.raison } : {}), ...('valeurPartielle' in agregat ? { valeurPartielle: agregat.valeurPartielle } : {}) },
      source: sources.join(' ; ') || null,
      tiret: dePeriode[0].tiret,
      autresSources: [],
    };
  };

  const serie = periodes.map(calculer).filter((r): r is Resultat => r !== null);
  const choisie = periode ?? periodes.at(-1) ?? null;
  const resultat = choisie ? serie.find((r) => r.periode === choisie) ?? null : null;

  // Comparators: the perimeter's départements and regions, France métropolitaine and France, as published.
  const comparateurs: TerritoireDemande[] | { type: string; code: string }[] = [
    ...perimetre.departements.filter((d) => !(unSeul?.type === 'departement' && unSeul.code === d)).map((code) => ({ type: 'departement', code })),
    ...perimetre.regions.filter((r) => !(unSeul?.type === 'region' && unSeul.code === r)).map((code) => ({ type: 'region', code })),
    { type: 'france_metro', code: 'FRM' },
    { type: 'france', code: 'FRA' },
  ];
  const lignesComparateurs = choisie ? await valeursDe(ctx.db, [indicateur.code], comparateurs) : [];
  const noms = new Map<string, string>([
    ['france_metro:FRM', 'France métropolitaine'],
    ['france:FRA', 'France'],
    ...(await nommerTerritoires(ctx, 'departement', perimetre.departements)).map((t) => [`departement:${t.code}`, t.nom] as [string, string]),
    ...(await nommerTerritoires(ctx, 'region', perimetre.regions)).map((t) => [`region:${t.code}`, t.nom] as [string, string]),
  ]);
  const comparaisons = await Promise.all(
    comparateurs.map(async (t) => {
      const ligne = lignesComparateurs.find((l) => l.territoireType === t.type && l.territoireCode === t.code && l.periode === choisie);
      if (!ligne) return null;
      const nom = noms.get(`${t.type}:${t.code}`) ?? t.code;
      const valeurPerimetre = resultat?.valeur;
      // A count (method somme) grows with the territory: 40 GPs against France's 58 392 says nothing.
      const comparaison =
        indicateur.methodeAgregation !== 'somme' && valeurPerimetre && (valeurPerimetre.nature === 'exacte' || valeurPerimetre.nature === 'intervalle')
          ? comparer(valeurPerimetre as unknown as Valeur, ligne.valeur, indicateur.polarite as Polarite)
          : { ecart: null, sens: 'indetermine' as const };
      return { territoire: { type: t.type, code: t.code, nom }, valeur: vuePubliee(ligne), source: ligne.source || null, ...comparaison };
    }),
  );

  return {
    indicateur,
    perimetre: { territoires, communes: perimetre.communes.length, population: perimetre.population, departements: perimetre.departements, regions: perimetre.regions },
    periode: choisie,
    resultat,
    comparaisons: comparaisons.filter((c) => c !== null),
    serie,
  };
}

export async function agregatPublic(ctx: Contexte, utilisateur: Utilisateur | null, code: string, territoires: string, periode?: string) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  const indicateur = await obtenirIndicateur(ctx.db, code);
  if (!indicateur) throw introuvable(`Indicateur inconnu : ${code}.`);
  const demandes = lireTerritoires(territoires);
  if (!demandes.length) throw invalide('Indiquez au moins un territoire.', [{ champ: 'territoires', message: 'Au moins un territoire' }]);
  return agregatIndicateur(ctx, indicateur, demandes, periode);
}

/** The published values of one indicator on every commune of a perimeter (one query), for commune tables and maps. */
export async function valeursParCommune(ctx: Contexte, utilisateur: Utilisateur | null, code: string, territoires: string, periode?: string) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  const indicateur = await obtenirIndicateur(ctx.db, code);
  if (!indicateur) throw introuvable(`Indicateur inconnu : ${code}.`);
  const demandes = lireTerritoires(territoires);
  const perimetre = await resoudreUnPerimetre(ctx, null, { epci: demandes.filter((t) => t.type === 'epci').map((t) => t.code), communes: demandes.filter((t) => t.type === 'commune').map((t) => t.code) });
  const lignes = await valeursCommunales(ctx.db, code, perimetre.communes.map((c) => c.code));
  const periodes = [...new Set(lignes.map((l) => `${l.periodeFin}|${l.periode}`))].sort().map((p) => p.split('|')[1]);
  const choisie = periode ?? periodes.at(-1) ?? null;
  return {
    indicateur: { code: indicateur.code, libelle: indicateur.libelle, unite: indicateur.unite, polarite: indicateur.polarite },
    periode: choisie,
    periodes,
    communes: perimetre.communes.map((c) => {
      const l = lignes.find((x) => x.territoireCode === c.code && x.periode === choisie);
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
