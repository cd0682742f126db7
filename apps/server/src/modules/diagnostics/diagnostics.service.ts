import { agreger, indiceVulnerabilite, type MethodeAgregation, type Polarite } from '@maillage/domain';
import { exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { invalide } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import * as contrats from '../contrats/contrats.repository';
import { calculerIndicateur, donneesDuPerimetre, parIndicateur, perimetreDeCalcul, type TerritoireDemande } from './agregation.service';
import { listerIndicateurs } from './indicateurs.repository';
import { financementsDuTerritoire } from './financements-territoire.service';
import { lireQualitatif } from './qualitatif.service';

/**
 * The contract's diagnostic: every indicator with a value on its perimeter, with comparators and series, and the
 * qualitative chain. The perimeter is resolved once; two queries serve every indicator and period (the sums over its
 * communes, made by PostgreSQL, and the published values with the comparators); the domain's rules
 * (`agregerSommes`) then run in memory, indicator by indicator. Everything independent is read in parallel.
 */
export async function diagnosticContrat(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  const [, contrat] = await Promise.all([exigerSurContrat(ctx.db, utilisateur, 'lire', contratId), contrats.obtenirContrat(ctx.db, contratId)]);
  const territoires: TerritoireDemande[] = [
    ...contrat!.perimetre.epci.map((code) => ({ type: 'epci' as const, code })),
    ...contrat!.perimetre.communes.map((code) => ({ type: 'commune' as const, code })),
  ];
  const [perimetre, donnees, catalogue, qualitatif, axes, financementsTerritoire] = await Promise.all([
    perimetreDeCalcul(ctx, territoires),
    donneesDuPerimetre(ctx, null, territoires),
    listerIndicateurs(ctx.db, false),
    lireQualitatif(ctx.db, contratId),
    contrats.listerAxes(ctx.db, contratId),
    financementsDuTerritoire(ctx.db, contratId),
  ]);
  const parCode = parIndicateur(donnees);
  // Present: a value on one of its communes, or published for one of its territories (comparators do not count).
  const publies = new Set(territoires.map((t) => `${t.type}:${t.code}`));
  const present = (code: string) => {
    const d = parCode.get(code);
    return !!d && (d.sommes.length > 0 || d.publiees.some((l) => publies.has(`${l.territoireType}:${l.territoireCode}`)));
  };
  const indicateurs = catalogue.filter((i) => present(i.code)).map((i) => calculerIndicateur(i, perimetre, parCode.get(i.code)!));
  return {
    contrat: { id: contrat!.id, intitule: contrat!.intitule, population: contrat!.population, nombreCommunes: contrat!.nombreCommunes },
    territoires,
    indicateurs,
    ...qualitatif,
    axes: axes.map((a, i) => ({ id: a.id, numero: i + 1, intitule: a.intitule })),
    financementsTerritoire,
  };
}

/**
 * Composite vulnerability over the EPCIs of a region, from chosen indicators (latest period of each), with the
 * CLS coverage of every EPCI: a ranked list an ARS can use to reach the territories that never ask.
 */
export async function vulnerabilite(ctx: Contexte, utilisateur: Utilisateur | null, regionCode: string, codes: string[], poids: number[]) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  if (!codes.length) throw invalide('Choisissez au moins un indicateur.', [{ champ: 'indicateurs', message: 'Au moins un indicateur' }]);
  const catalogue = (await listerIndicateurs(ctx.db, false)).filter((i) => codes.includes(i.code));
  if (catalogue.length !== new Set(codes).size) throw invalide('Indicateur inconnu du catalogue.', [{ champ: 'indicateurs', message: 'Indicateur inconnu' }]);
  const { rows: epci } = await ctx.db.query(
    `select e.code, e.nom, e.population, e.departement_code as "departementCode",
       coalesce((select json_agg(distinct jsonb_build_object('id', c.id, 'intitule', c.intitule, 'statut', c.statut))
         from epci_membres m join contrat_communes cc on cc.commune_code = m.commune_code join contrats c on c.id = cc.contrat_id
         where m.epci_code = e.code and c.statut in ('signe', 'evaluation')), '[]') as contrats
     from territoires e where e.type = 'epci' and e.region_code = $1 order by e.nom`,
    [regionCode],
  );
  if (!epci.length) throw invalide(`Aucun EPCI pour la région ${regionCode}.`, [{ champ: 'region', message: 'Région inconnue' }]);
  const codesEpci = epci.map((e) => e.code);
  const { rows: membres } = await ctx.db.query(
    `select m.epci_code as epci, c.code, c.population from epci_membres m join territoires c on c.type = 'commune' and c.code = m.commune_code where m.epci_code = any($1)`,
    [codesEpci],
  );
  const valeurs = new Map<string, Map<string, number>>();
  const periodes: Record<string, string | null> = {};
  // Every chosen indicator in one query, at its latest period only; rows are then looked up by key, never searched.
  const { rows: lignes } = await ctx.db.query(
    `with lignes as (
       select indicateur_code as indicateur, territoire_type as type, territoire_code as code, periode, periode_fin, nature, valeur, borne_inf, borne_sup, numerateur, denominateur, source from valeurs
       where indicateur_code = any($1) and ((territoire_type = 'epci' and territoire_code = any($2)) or (territoire_type = 'commune' and territoire_code = any($3)))),
     derniere as (select distinct on (indicateur) indicateur, periode from lignes order by indicateur, periode_fin desc, periode)
     select l.* from lignes l join derniere d on d.indicateur = l.indicateur and d.periode = l.periode`,
    [catalogue.map((i) => i.code), codesEpci, membres.map((m) => m.code)],
  );
  const communesParEpci = new Map<string, { code: string; population: number }[]>();
  for (const m of membres) {
    const liste = communesParEpci.get(m.epci);
    if (liste) liste.push(m);
    else communesParEpci.set(m.epci, [m]);
  }
  const milieu = (l: { nature: string; valeur: number; borne_inf: number; borne_sup: number }) => (l.nature === 'exacte' ? l.valeur : l.nature === 'intervalle' ? (l.borne_inf + l.borne_sup) / 2 : null);
  for (const indicateur of catalogue) {
    const derniere = lignes.reduce<{ fin: number; periode: string } | null>((d, l) => (l.indicateur === indicateur.code && (!d || l.periode_fin > d.fin) ? { fin: l.periode_fin, periode: l.periode } : d), null);
    periodes[indicateur.code] = derniere?.periode ?? null;
    // The latest period's rows by territory (the smaller source first when several publish it).
    const parTerritoire = new Map<string, (typeof lignes)[number]>();
    for (const l of lignes) {
      if (l.indicateur !== indicateur.code || l.periode !== derniere?.periode) continue;
      const cle = `${l.type}:${l.code}`;
      const deja = parTerritoire.get(cle);
      if (!deja || l.source < deja.source) parTerritoire.set(cle, l);
    }
    const parEpci = new Map<string, number>();
    for (const code of codesEpci) {
      const publiee = parTerritoire.get(`epci:${code}`);
      if (publiee && milieu(publiee) !== null) {
        parEpci.set(code, milieu(publiee)!);
        continue;
      }
      const agregat = agreger(
        indicateur.methodeAgregation as MethodeAgregation,
        (communesParEpci.get(code) ?? []).map((c) => {
          const l = parTerritoire.get(`commune:${c.code}`);
          const valeur = !l ? { nature: 'manquante' as const } : l.nature === 'exacte' ? { nature: 'exacte' as const, valeur: l.valeur } : l.nature === 'intervalle' ? { nature: 'intervalle' as const, borneInf: l.borne_inf, borneSup: l.borne_sup, infIncluse: true, supIncluse: false } : { nature: l.nature };
          return { code: c.code, population: c.population, valeur, numerateur: l?.numerateur, denominateur: l?.denominateur };
        }),
        Number(indicateur.facteur),
      );
      if (agregat.nature === 'exacte') parEpci.set(code, agregat.valeur);
      else if (agregat.nature === 'intervalle') parEpci.set(code, (agregat.borneInf + agregat.borneSup) / 2);
    }
    valeurs.set(indicateur.code, parEpci);
  }
  const criteres = catalogue.map((i) => ({ indicateur: i.code, polarite: i.polarite as Polarite, poids: poids[codes.indexOf(i.code)] ?? 1 }));
  const scores = indiceVulnerabilite(codesEpci, criteres, valeurs);
  const parCode = new Map(epci.map((e) => [e.code, e]));
  return {
    region: regionCode,
    criteres: criteres.map((c) => ({ ...c, libelle: catalogue.find((i) => i.code === c.indicateur)!.libelle, periode: periodes[c.indicateur] })),
    epci: scores.map((s) => ({
      ...s,
      nom: parCode.get(s.territoire)!.nom,
      departementCode: parCode.get(s.territoire)!.departementCode,
      population: parCode.get(s.territoire)!.population,
      valeurs: Object.fromEntries(criteres.map((c) => [c.indicateur, valeurs.get(c.indicateur)?.get(s.territoire) ?? null])),
      contrats: parCode.get(s.territoire)!.contrats,
      couvert: parCode.get(s.territoire)!.contrats.length > 0,
    })),
  };
}
