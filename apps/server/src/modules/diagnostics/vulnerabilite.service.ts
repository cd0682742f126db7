import {
  agreger,
  indiceVulnerabilite,
  lirePeriode,
  texteCouvertureCriteres,
  type MethodeAgregation,
  type Polarite,
} from '@maillage/domain';
import { exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { introuvable, invalide } from '../../platform/errors';
import { listerIndicateurs } from './indicateurs.repository';
import { classesDesEpci, obtenirTypologie } from './typologies.repository';

interface Ligne {
  indicateur: string;
  epci: string;
  type: 'epci' | 'commune';
  code: string;
  periode: string;
  nature: string;
  valeur: number;
  borne_inf: number;
  borne_sup: number;
  numerateur: number | null;
  denominateur: number | null;
  source: string;
}

export interface OptionsVulnerabilite {
  /** One entry per indicator, parallel to `codes`: a period ("2018", "2011-2015"), or empty for the latest of each EPCI. */
  periodes?: (string | null)[];
  /** A typology of the region's EPCIs (its code): each EPCI carries its class, and `classe` keeps only one class. */
  typologie?: string;
  classe?: string;
}

const milieu = (l: Ligne) => (l.nature === 'exacte' ? l.valeur : l.nature === 'intervalle' ? (l.borne_inf + l.borne_sup) / 2 : null);

/**
 * Composite vulnerability over the EPCIs of a region, from chosen indicators, with the CLS coverage of every EPCI:
 * a ranked list an ARS can use to reach the territories that never ask. For each criterion an EPCI's value is the one
 * of the chosen period, or by default its own latest (published for the EPCI, else aggregated from its communes), and
 * the period used is given beside each value. Only the EPCIs that have every criterion are ranked (see
 * `indiceVulnerabilite`); each says its coverage ("1 critère sur 2").
 */
export async function vulnerabilite(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  regionCode: string,
  codes: string[],
  poids: number[],
  options: OptionsVulnerabilite = {},
) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  if (!codes.length) throw invalide('Choisissez au moins un indicateur.', [{ champ: 'indicateurs', message: 'Au moins un indicateur' }]);
  const catalogue = (await listerIndicateurs(ctx.db, false)).filter((i) => codes.includes(i.code));
  if (catalogue.length !== new Set(codes).size)
    throw invalide('Indicateur inconnu du catalogue.', [{ champ: 'indicateurs', message: 'Indicateur inconnu' }]);
  const periodeDe = new Map<string, string>();
  (options.periodes ?? []).forEach((p, i) => {
    if (!p) return;
    const lue = lirePeriode(p);
    if (!lue)
      throw invalide(`Période illisible : « ${p} » (attendu : 2018 ou 2011-2015).`, [{ champ: 'periodes', message: 'Période illisible' }]);
    if (codes[i]) periodeDe.set(codes[i], lue.libelle);
  });
  const typologie = options.typologie ? await obtenirTypologie(ctx.db, options.typologie) : null;
  if (options.typologie && !typologie) throw introuvable(`Typologie inconnue : ${options.typologie}.`);
  if (typologie && typologie.regionCode !== regionCode)
    throw invalide(`La typologie « ${typologie.intitule} » porte sur une autre région.`, [{ champ: 'typologie', message: 'Autre région' }]);
  if (options.classe && !typologie)
    throw invalide('Choisissez une typologie pour filtrer par classe.', [{ champ: 'classe', message: 'Typologie manquante' }]);
  if (options.classe && !typologie!.classes.some((c) => c.code === options.classe))
    throw invalide(`Classe inconnue de la typologie : « ${options.classe} ».`, [{ champ: 'classe', message: 'Classe inconnue' }]);

  const { rows: epci } = await ctx.db.query(
    `select e.code, e.nom, e.population, e.departement_code as "departementCode",
       coalesce((select json_agg(distinct jsonb_build_object('id', c.id, 'intitule', c.intitule, 'statut', c.statut))
         from epci_membres m join contrat_communes cc on cc.commune_code = m.commune_code join contrats c on c.id = cc.contrat_id
         where m.epci_code = e.code and c.statut in ('signe', 'evaluation')), '[]') as contrats
     from territoires e where e.type = 'epci' and e.region_code = $1 order by e.nom`,
    [regionCode],
  );
  if (!epci.length) throw invalide(`Aucun EPCI pour la région ${regionCode}.`, [{ champ: 'region', message: 'Région inconnue' }]);
  const codesEpci: string[] = epci.map((e) => e.code);
  // Every chosen indicator in one query: for each (indicator, EPCI), the rows of one period only, the chosen one or the
  // latest where the EPCI or one of its communes has a value. Rows are then grouped by key, never searched.
  const { rows: lignes } = await ctx.db.query<Ligne>(
    `with choix as (select * from unnest($1::text[], $3::text[]) as c(indicateur, periode)),
     lignes as (
       select v.indicateur_code as indicateur, v.territoire_code as epci, 'epci' as type, v.territoire_code as code, v.periode, v.periode_fin,
         v.nature, v.valeur, v.borne_inf, v.borne_sup, v.numerateur, v.denominateur, v.source
       from valeurs v join choix on choix.indicateur = v.indicateur_code and (choix.periode is null or choix.periode = v.periode)
       where v.territoire_type = 'epci' and v.territoire_code = any($2)
       union all
       select v.indicateur_code, m.epci_code, 'commune', v.territoire_code, v.periode, v.periode_fin,
         v.nature, v.valeur, v.borne_inf, v.borne_sup, v.numerateur, v.denominateur, v.source
       from epci_membres m join valeurs v on v.territoire_type = 'commune' and v.territoire_code = m.commune_code
       join choix on choix.indicateur = v.indicateur_code and (choix.periode is null or choix.periode = v.periode)
       where m.epci_code = any($2)),
     derniere as (select distinct on (indicateur, epci) indicateur, epci, periode from lignes order by indicateur, epci, periode_fin desc, periode)
     select l.indicateur, l.epci, l.type, l.code, l.periode, l.nature, l.valeur, l.borne_inf, l.borne_sup, l.numerateur, l.denominateur, l.source
     from lignes l join derniere d on d.indicateur = l.indicateur and d.epci = l.epci and d.periode = l.periode`,
    [catalogue.map((i) => i.code), codesEpci, catalogue.map((i) => periodeDe.get(i.code) ?? null)],
  );
  const { rows: membres } = await ctx.db.query(
    `select m.epci_code as epci, c.code, c.population from epci_membres m join territoires c on c.type = 'commune' and c.code = m.commune_code where m.epci_code = any($1)`,
    [codesEpci],
  );
  const communesParEpci = new Map<string, { code: string; population: number }[]>();
  for (const m of membres) communesParEpci.set(m.epci, [...(communesParEpci.get(m.epci) ?? []), m]);
  const parCle = new Map<string, Ligne[]>();
  for (const l of lignes) {
    const cle = `${l.indicateur}|${l.epci}`;
    const liste = parCle.get(cle);
    if (liste) liste.push(l);
    else parCle.set(cle, [l]);
  }

  const valeurs = new Map<string, Map<string, number>>();
  const periodesUtilisees = new Map<string, Map<string, string>>();
  for (const indicateur of catalogue) {
    const parEpci = new Map<string, number>();
    const periodes = new Map<string, string>();
    for (const code of codesEpci) {
      const deLEpci = parCle.get(`${indicateur.code}|${code}`);
      if (!deLEpci) continue;
      // The published value (the smaller source first when several publish it), else the communes' aggregate.
      const publiee = deLEpci.filter((l) => l.type === 'epci').sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))[0];
      let valeur = publiee ? milieu(publiee) : null;
      if (valeur === null) {
        const parCommune = new Map(deLEpci.filter((l) => l.type === 'commune').map((l) => [l.code, l]));
        const agregat = agreger(
          indicateur.methodeAgregation as MethodeAgregation,
          (communesParEpci.get(code) ?? []).map((c) => {
            const l = parCommune.get(c.code);
            const v = !l
              ? { nature: 'manquante' as const }
              : l.nature === 'exacte'
                ? { nature: 'exacte' as const, valeur: l.valeur }
                : l.nature === 'intervalle'
                  ? { nature: 'intervalle' as const, borneInf: l.borne_inf, borneSup: l.borne_sup, infIncluse: true, supIncluse: false }
                  : { nature: l.nature as 'masquee' | 'manquante' };
            return {
              code: c.code,
              population: c.population,
              valeur: v,
              numerateur: l?.numerateur ?? undefined,
              denominateur: l?.denominateur ?? undefined,
            };
          }),
          Number(indicateur.facteur),
        );
        valeur =
          agregat.nature === 'exacte' ? agregat.valeur : agregat.nature === 'intervalle' ? (agregat.borneInf + agregat.borneSup) / 2 : null;
      }
      if (valeur === null) continue;
      parEpci.set(code, valeur);
      periodes.set(code, deLEpci[0].periode);
    }
    valeurs.set(indicateur.code, parEpci);
    periodesUtilisees.set(indicateur.code, periodes);
  }
  const criteres = catalogue.map((i) => ({
    indicateur: i.code,
    polarite: i.polarite as Polarite,
    poids: poids[codes.indexOf(i.code)] ?? 1,
  }));
  const scores = indiceVulnerabilite(codesEpci, criteres, valeurs);
  const parCode = new Map(epci.map((e) => [e.code, e]));
  const classes = typologie ? await classesDesEpci(ctx.db, typologie.code) : new Map<string, string>();
  const classeDe = (code: string) => {
    const c = classes.get(code);
    return c ? { code: c, description: typologie!.classes.find((x) => x.code === c)?.description ?? '' } : null;
  };
  return {
    region: regionCode,
    criteres: criteres.map((c) => {
      const utilisees = [...new Set(periodesUtilisees.get(c.indicateur)!.values())].sort();
      return {
        ...c,
        libelle: catalogue.find((i) => i.code === c.indicateur)!.libelle,
        /** The chosen period, or the most recent used when each EPCI has its latest. */
        periode: periodeDe.get(c.indicateur) ?? utilisees.at(-1) ?? null,
        choixPeriode: periodeDe.has(c.indicateur) ? ('choisie' as const) : ('derniere_par_epci' as const),
        periodesUtilisees: utilisees,
      };
    }),
    typologie,
    classe: options.classe ?? null,
    epci: scores
      .filter((s) => !options.classe || classes.get(s.territoire) === options.classe)
      .map((s) => ({
        ...s,
        couverture: {
          renseignes: s.criteresRenseignes,
          retenus: s.criteresRetenus,
          texte: texteCouvertureCriteres(s.criteresRenseignes, s.criteresRetenus),
        },
        nom: parCode.get(s.territoire)!.nom,
        departementCode: parCode.get(s.territoire)!.departementCode,
        population: parCode.get(s.territoire)!.population,
        valeurs: Object.fromEntries(criteres.map((c) => [c.indicateur, valeurs.get(c.indicateur)?.get(s.territoire) ?? null])),
        periodes: Object.fromEntries(criteres.map((c) => [c.indicateur, periodesUtilisees.get(c.indicateur)?.get(s.territoire) ?? null])),
        classe: classeDe(s.territoire),
        contrats: parCode.get(s.territoire)!.contrats,
        couvert: parCode.get(s.territoire)!.contrats.length > 0,
      })),
  };
}
