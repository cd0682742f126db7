import { agreger, indiceVulnerabilite, type MethodeAgregation, type Polarite } from '@maillage/domain';
import { exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { invalide } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import * as contrats from '../contrats/contrats.repository';
import { agregatIndicateur, type TerritoireDemande } from './agregation.service';
import { listerIndicateurs } from './indicateurs.repository';
import { lireQualitatif } from './qualitatif.service';
import { indicateursPresents } from './valeurs.repository';

/** The contract's diagnostic: every indicator with a value on its perimeter, with comparators, and the qualitative chain. */
export async function diagnosticContrat(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const contrat = (await contrats.obtenirContrat(ctx.db, contratId))!;
  const territoires: TerritoireDemande[] = [
    ...contrat.perimetre.epci.map((code) => ({ type: 'epci' as const, code })),
    ...contrat.perimetre.communes.map((code) => ({ type: 'commune' as const, code })),
  ];
  const { rows: communes } = await ctx.db.query('select commune_code as code from contrat_communes where contrat_id = $1', [contratId]);
  const [catalogue, presents] = await Promise.all([listerIndicateurs(ctx.db), indicateursPresents(ctx.db, territoires, communes.map((c) => c.code))]);
  const indicateurs = [];
  // One indicator after another: each needs a few queries, and the pool is shared with other users.
  for (const indicateur of catalogue.filter((i) => presents.includes(i.code))) indicateurs.push(await agregatIndicateur(ctx, indicateur, territoires));
  const axes = await contrats.listerAxes(ctx.db, contratId);
  return {
    contrat: { id: contrat.id, intitule: contrat.intitule, population: contrat.population, nombreCommunes: contrat.nombreCommunes },
    territoires,
    indicateurs,
    ...(await lireQualitatif(ctx.db, contratId)),
    axes: axes.map((a, i) => ({ id: a.id, numero: i + 1, intitule: a.intitule })),
  };
}

/**
 * Composite vulnerability over the EPCIs of a region, from chosen indicators (latest period of each), with the
 * CLS coverage of every EPCI: a ranked list an ARS can use to reach the territories that never ask.
 */
export async function vulnerabilite(ctx: Contexte, utilisateur: Utilisateur | null, regionCode: string, codes: string[], poids: number[]) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  if (!codes.length) throw invalide('Choisissez au moins un indicateur.', [{ champ: 'indicateurs', message: 'Au moins un indicateur' }]);
  const catalogue = (await listerIndicateurs(ctx.db)).filter((i) => codes.includes(i.code));
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
  for (const indicateur of catalogue) {
    const { rows: lignes } = await ctx.db.query(
      `select territoire_type as type, territoire_code as code, periode, periode_fin, nature, valeur, borne_inf, borne_sup, numerateur, denominateur from valeurs
       where indicateur_code = $1 and ((territoire_type = 'epci' and territoire_code = any($2)) or (territoire_type = 'commune' and territoire_code = any($3)))`,
      [indicateur.code, codesEpci, membres.map((m) => m.code)],
    );
    const derniere = lignes.reduce<{ fin: number; periode: string } | null>((d, l) => (!d || l.periode_fin > d.fin ? { fin: l.periode_fin, periode: l.periode } : d), null);
    periodes[indicateur.code] = derniere?.periode ?? null;
    const parEpci = new Map<string, number>();
    const milieu = (l: { nature: string; valeur: number; borne_inf: number; borne_sup: number }) => (l.nature === 'exacte' ? l.valeur : l.nature === 'intervalle' ? (l.borne_inf + l.borne_sup) / 2 : null);
    for (const code of codesEpci) {
      const publiee = lignes.find((l) => l.type === 'epci' && l.code === code && l.periode === derniere?.periode);
      if (publiee && milieu(publiee) !== null) {
        parEpci.set(code, milieu(publiee)!);
        continue;
      }
      const communes = membres.filter((m) => m.epci === code);
      const agregat = agreger(
        indicateur.methodeAgregation as MethodeAgregation,
        communes.map((c) => {
          const l = lignes.find((x) => x.type === 'commune' && x.code === c.code && x.periode === derniere?.periode);
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
