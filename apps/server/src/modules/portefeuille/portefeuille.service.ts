import {
  DETERMINANTS,
  ecartCible,
  indiceVulnerabilite,
  LIBELLES_STATUT_CONTRAT,
  pourcentageCouverture,
  progressionCouverture,
  STATUTS_CONTRAT,
  STATUTS_COUVRANTS,
  THEMATIQUES,
  type Polarite,
  type StatutContrat,
} from '@maillage/domain';
import { exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { introuvable, invalide, nonAuthentifie } from '../../platform/errors';
import { nomDeFichier } from '../../platform/nom-fichier';
import * as contrats from '../contrats/contrats.repository';
import { calculerAlertesContrats } from '../gouvernance/alertes.service';
import { ecrireCsv, ecrireXlsx, type Valeur } from '../plans/tableur';

/** Closed contracts: listed in the portfolio, but neither their themes, funding nor alerts are today's. */
const CLOS: StatutContrat[] = ['echu', 'renouvele', 'abandonne'];

/** The region asked for, or the user's own when they are the ARS of exactly one. */
export function regionDemandee(utilisateur: Utilisateur | null, region: string | undefined): string {
  if (region) return region;
  if (!utilisateur) throw nonAuthentifie();
  const regions = (utilisateur?.habilitations ?? []).flatMap((h) => (h.role === 'ars_regional' ? [h.regionCode] : []));
  if (regions.length === 1) return regions[0];
  throw invalide('Précisez la région du portefeuille (paramètre region, code INSEE).', [{ champ: 'region', message: 'Région attendue' }]);
}

interface ContratPortefeuille {
  id: string;
  intitule: string;
  statut: StatutContrat;
  generation: number;
  periode: { debut: string | null; fin: string | null };
  dateSignature: string | null;
  regions: string[];
  departements: string[];
  population: number;
  nombreCommunes: number;
  nombreFiches: number;
  publie: boolean;
  coordonnateurs: string[];
}

/**
 * The regional portfolio (domain.md §8): every contract touching the region (inter-regional ones included), the
 * share of its population covered by a contract in force (by département, against the doctrine's target), the
 * uncovered EPCIs by vulnerability, themes, déterminants and PRS axes, funding by funder, alerts.
 * A handful of set-based queries, run together; only the alerts are computed contract by contract.
 */
export async function portefeuille(ctx: Contexte, utilisateur: Utilisateur | null, regionCode: string) {
  exiger(utilisateur, 'lire', { type: 'portefeuille', regionCode });
  const db = ctx.db;
  const [territoires, liste, couverture, epci, themes, financeurs, doctrine] = await Promise.all([
    db.query<{ type: string; code: string; nom: string; population: number }>(
      `select type, code, nom, population from territoires where (type = 'region' and code = $1) or (type = 'departement' and region_code = $1) order by code`,
      [regionCode],
    ),
    db.query<ContratPortefeuille>(
      `select c.id, c.intitule, c.statut, c.generation, json_build_object('debut', c.periode_debut, 'fin', c.periode_fin) as periode,
         c.date_signature as "dateSignature", c.regions, c.departements, c.population, c.nombre_communes as "nombreCommunes", c.publie,
         (select count(*) from fiches f where f.contrat_id = c.id)::int as "nombreFiches",
         array(select p.prenom || ' ' || p.nom from habilitations h join utilisateurs u on u.id = h.utilisateur_id
               join personnes p on p.id = u.personne_id where h.contrat_id = c.id and h.role = 'coordonnateur' order by p.nom, p.prenom) as coordonnateurs
       from contrats c where c.regions @> array[$1]::text[] order by c.intitule, c.generation`,
      [regionCode],
    ),
    // Communes of the region, covered or not, summed by département.
    db.query<{ departement: string; population: number; populationCouverte: number; communes: number; communesCouvertes: number }>(
      `with couvertes as (
         select distinct cc.commune_code from contrat_communes cc join contrats c on c.id = cc.contrat_id
         where c.regions @> array[$1]::text[] and c.statut = any($2::text[]))
       select t.departement_code as departement, sum(t.population)::float8 as population,
         coalesce(sum(t.population) filter (where k.commune_code is not null), 0)::float8 as "populationCouverte",
         count(*)::int as communes, count(k.commune_code)::int as "communesCouvertes"
       from territoires t left join couvertes k on k.commune_code = t.code
       where t.type = 'commune' and t.region_code = $1 group by t.departement_code order by t.departement_code`,
      [regionCode, STATUTS_COUVRANTS],
    ),
    // EPCIs of the region and whether any of their communes is covered by a contract in force.
    db.query<{ code: string; nom: string; departementCode: string | null; population: number; couvert: boolean }>(
      `select e.code, e.nom, e.departement_code as "departementCode", e.population,
         exists (select 1 from epci_membres m join contrat_communes cc on cc.commune_code = m.commune_code
                 join contrats c on c.id = cc.contrat_id where m.epci_code = e.code and c.statut = any($2::text[])) as couvert
       from territoires e where e.type = 'epci' and e.region_code = $1`,
      [regionCode, STATUTS_COUVRANTS],
    ),
    db.query<{ type: 'thematique' | 'determinant' | 'axe_prs'; code: string; contrats: number; nombre: number }>(
      `with courants as (select id from contrats where regions @> array[$1]::text[] and not (statut = any($2::text[])))
       select 'thematique' as type, t as code, count(distinct f.contrat_id)::int as contrats, count(*)::int as nombre
         from fiches f join courants c on c.id = f.contrat_id cross join unnest(f.thematiques) t group by t
       union all
       select 'determinant', d, count(distinct f.contrat_id)::int, count(*)::int
         from fiches f join courants c on c.id = f.contrat_id
         cross join jsonb_array_elements_text(case when jsonb_typeof(f.contenu -> 'determinants') = 'array' then f.contenu -> 'determinants' else '[]' end) d
         group by d
       union all
       select 'axe_prs', a.axe_prs, count(distinct a.contrat_id)::int, count(*)::int
         from axes a join courants c on c.id = a.contrat_id where a.axe_prs is not null and a.axe_prs <> '' group by a.axe_prs`,
      [regionCode, CLOS],
    ),
    // "Acquis" is what is granted or paid; the rest (planned, asked) is still hoped for. Refused lines do not count.
    db.query<{ financeur: string; acquis: number; prevu: number; total: number; contrats: number }>(
      `select coalesce(o.nom, l.financeur_libelle, 'Financeur non précisé') as financeur,
         coalesce(sum(l.montant_centimes) filter (where l.statut in ('accorde', 'verse')), 0)::float8 as acquis,
         coalesce(sum(l.montant_centimes) filter (where l.statut not in ('accorde', 'verse')), 0)::float8 as prevu,
         sum(l.montant_centimes)::float8 as total, count(distinct l.contrat_id)::int as contrats
       from financements l join contrats c on c.id = l.contrat_id left join organisations o on o.id = l.financeur_id
       where c.regions @> array[$1]::text[] and not (c.statut = any($2::text[])) and l.statut <> 'refuse'
       group by 1 order by total desc, financeur`,
      [regionCode, CLOS],
    ),
    contrats.obtenirDoctrine(db, regionCode),
  ]);
  const region = territoires.rows.find((t) => t.type === 'region');
  if (!region) throw introuvable(`La région ${regionCode} n’existe pas dans le référentiel.`);
  const nomsDepartements = new Map(territoires.rows.filter((t) => t.type === 'departement').map((t) => [t.code, t.nom]));

  // Alerts exist only for contracts in progress (the rules say nothing of closed ones): ask for those alone.
  const enCours = liste.rows.filter((c) => !CLOS.includes(c.statut));
  const alertesParContrat = await calculerAlertesContrats(db, enCours.map((c) => c.id));

  const population = couverture.rows.reduce((s, d) => s + d.population, 0);
  const populationCouverte = couverture.rows.reduce((s, d) => s + d.populationCouverte, 0);
  const pourcent = pourcentageCouverture(populationCouverte, population);
  const cible = doctrine?.regles.cibleCouverturePourcent ?? null;

  const compter = <K extends string | number>(cles: K[]) => {
    const n = new Map<K, number>();
    for (const k of cles) n.set(k, (n.get(k) ?? 0) + 1);
    return n;
  };
  const parStatut = compter(liste.rows.map((c) => c.statut));
  const parGeneration = compter(liste.rows.map((c) => c.generation));

  return {
    region: { code: region.code, nom: region.nom, population: region.population },
    cibleCouverturePourcent: cible,
    objectifCouverture: progressionCouverture(pourcent, doctrine?.regles ?? null, new Date().toISOString().slice(0, 10)),
    chiffres: {
      contrats: liste.rows.length,
      enVigueur: liste.rows.filter((c) => (STATUTS_COUVRANTS as readonly string[]).includes(c.statut)).length,
      interregionaux: liste.rows.filter((c) => c.regions.length > 1).length,
      fiches: liste.rows.reduce((s, c) => s + c.nombreFiches, 0),
      alertes: [...alertesParContrat.values()].reduce((s, a) => s + a.length, 0),
      parStatut: STATUTS_CONTRAT.filter((s) => parStatut.has(s)).map((s) => ({ statut: s, libelle: LIBELLES_STATUT_CONTRAT[s], nombre: parStatut.get(s)! })),
      parGeneration: [...parGeneration.entries()].sort((a, b) => a[0] - b[0]).map(([generation, nombre]) => ({ generation, nombre })),
    },
    couverture: {
      population,
      populationCouverte,
      pourcent,
      ecart: ecartCible(pourcent, cible),
      communes: couverture.rows.reduce((s, d) => s + d.communes, 0),
      communesCouvertes: couverture.rows.reduce((s, d) => s + d.communesCouvertes, 0),
      parDepartement: couverture.rows.map((d) => ({
        code: d.departement,
        nom: nomsDepartements.get(d.departement) ?? d.departement,
        population: d.population,
        populationCouverte: d.populationCouverte,
        pourcent: pourcentageCouverture(d.populationCouverte, d.population),
        communes: d.communes,
        communesCouvertes: d.communesCouvertes,
        contrats: liste.rows.filter((c) => c.departements.includes(d.departement)).length,
      })),
    },
    contrats: liste.rows.map((c) => ({
      ...c,
      statutLibelle: LIBELLES_STATUT_CONTRAT[c.statut],
      interregional: c.regions.length > 1,
      alertes: alertesParContrat.get(c.id)?.length ?? 0,
    })),
    epciNonCouverts: await epciNonCouverts(ctx, epci.rows),
    thematiques: libeller(themes.rows.filter((t) => t.type === 'thematique'), (code) => THEMATIQUES.find((t) => t.code === code)?.libelle),
    determinants: libeller(themes.rows.filter((t) => t.type === 'determinant'), (code) => DETERMINANTS.find((t) => t.code === code)?.libelle),
    axesPrs: libeller(themes.rows.filter((t) => t.type === 'axe_prs'), () => undefined),
    financements: {
      total: financeurs.rows.reduce((s, f) => s + f.total, 0),
      parFinanceur: financeurs.rows,
    },
    alertes: enCours.flatMap((c) => (alertesParContrat.get(c.id) ?? []).map((a) => ({ ...a, contratId: c.id, contratIntitule: c.intitule }))),
  };
}

export type Portefeuille = Awaited<ReturnType<typeof portefeuille>>;

function libeller(lignes: { code: string; contrats: number; nombre: number }[], libelle: (code: string) => string | undefined) {
  return lignes
    .map((l) => ({ code: l.code, libelle: libelle(l.code) ?? l.code, contrats: l.contrats, nombre: l.nombre }))
    .sort((a, b) => b.contrats - a.contrats || b.nombre - a.nombre || a.libelle.localeCompare(b.libelle, 'fr'));
}

/**
 * The region's EPCIs that no contract in force covers, most vulnerable first. The index is the diagnostics module's
 * (z-scores oriented by polarity, domain `indiceVulnerabilite`) over every EPCI of the region, on the values published
 * for EPCIs: every non-neutral indicator of the catalogue, each EPCI's latest value, with equal weights; only the EPCIs
 * with every criterion are ranked. One query, so
 * that the portfolio stays fast; the Vulnérabilité page computes a finer index (chosen indicators and weights,
 * values aggregated from communes). EPCIs without any value come last, the most populated first.
 */
async function epciNonCouverts(ctx: Contexte, epci: { code: string; nom: string; departementCode: string | null; population: number; couvert: boolean }[]) {
  const codes = epci.map((e) => e.code);
  const { rows } = await ctx.db.query<{ indicateur: string; libelle: string; polarite: Polarite; periode: string; epci: string; valeur: number }>(
    `with publiees as (
       select v.indicateur_code, v.territoire_code, v.periode, v.periode_debut, v.periode_fin,
         case when v.nature = 'exacte' then v.valeur else (v.borne_inf + v.borne_sup) / 2 end as valeur
       from valeurs v join indicateurs i on i.code = v.indicateur_code and i.polarite <> 'neutre'
       where v.territoire_type = 'epci' and v.territoire_code = any($1) and v.nature in ('exacte', 'intervalle'))
     select distinct on (p.indicateur_code, p.territoire_code) p.indicateur_code as indicateur, i.libelle, i.polarite, p.periode,
       p.territoire_code as epci, p.valeur
     from publiees p join indicateurs i on i.code = p.indicateur_code
     where p.valeur is not null
     order by p.indicateur_code, p.territoire_code, p.periode_fin desc, p.periode_debut desc`,
    [codes],
  );
  const valeurs = new Map<string, Map<string, number>>();
  const criteres = new Map<string, { indicateur: string; libelle: string; polarite: Polarite; periode: string }>();
  for (const r of rows) {
    if (!valeurs.has(r.indicateur)) valeurs.set(r.indicateur, new Map());
    valeurs.get(r.indicateur)!.set(r.epci, r.valeur);
    // Each EPCI's own latest value: the criterion states every period used ("2018, 2019").
    const deja = criteres.get(r.indicateur);
    const periodes = [...new Set([...(deja?.periode.split(', ') ?? []), r.periode])].sort();
    criteres.set(r.indicateur, { indicateur: r.indicateur, libelle: r.libelle, polarite: r.polarite, periode: periodes.join(', ') });
  }
  const scores = new Map(indiceVulnerabilite(codes, [...criteres.values()].map((c) => ({ ...c, poids: 1 })), valeurs).map((s) => [s.territoire, s]));
  const nonCouverts = epci
    .filter((e) => !e.couvert)
    .map((e) => {
      const s = scores.get(e.code);
      return { ...e, score: s?.score ?? null, scorePartiel: s?.scorePartiel ?? null, rang: s?.rang ?? null, criteresRenseignes: s?.criteresRenseignes ?? 0 };
    })
    // Ranked ones first; then the partly filled, unranked (most criteria, then indicative score), then the most populated.
    .sort(
      (a, b) =>
        (a.rang ?? Infinity) - (b.rang ?? Infinity) ||
        b.criteresRenseignes - a.criteresRenseignes ||
        (b.scorePartiel ?? 0) - (a.scorePartiel ?? 0) ||
        b.population - a.population ||
        a.nom.localeCompare(b.nom, 'fr'),
    );
  return { criteres: [...criteres.values()].sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr')), epciRegion: epci.length, epci: nonCouverts.map(({ couvert, ...e }) => e) };
}

// ---------- Exports

const TYPE_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const date = (iso: string | null): Valeur => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);
const arrondi = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function lignesContrats(p: Portefeuille): { entetes: string[]; lignes: Valeur[][] } {
  return {
    entetes: ['Contrat', 'Statut', 'Génération', 'Début', 'Fin', 'Signature', 'Régions', 'Départements', 'Population', 'Communes', 'Fiches-action', 'Coordonnateur·rices', 'Alertes', 'Publié'],
    lignes: p.contrats.map((c) => [
      c.intitule,
      c.statutLibelle,
      c.generation,
      date(c.periode.debut),
      date(c.periode.fin),
      date(c.dateSignature),
      c.regions.join(', '),
      c.departements.join(', '),
      c.population,
      c.nombreCommunes,
      c.nombreFiches,
      c.coordonnateurs.join(', '),
      c.alertes,
      c.publie,
    ]),
  };
}

/** The portfolio's contracts as a CSV for French Excel (";" separator, UTF-8 with BOM). */
export async function exporterPortefeuilleCsv(ctx: Contexte, utilisateur: Utilisateur | null, regionCode: string) {
  const p = await portefeuille(ctx, utilisateur, regionCode);
  const { entetes, lignes } = lignesContrats(p);
  return { contenu: ecrireCsv(entetes, lignes), type: 'text/csv; charset=utf-8', nom: nomDeFichier('portefeuille', p.region.nom, 'csv') };
}

/** The whole portfolio as a workbook: one sheet per section of the page. */
export async function exporterPortefeuilleXlsx(ctx: Contexte, utilisateur: Utilisateur | null, regionCode: string) {
  const p = await portefeuille(ctx, utilisateur, regionCode);
  const contratsFeuille = lignesContrats(p);
  const decompte = (nom: string, lignes: { libelle: string; contrats: number; nombre: number }[], unite: string) => ({
    nom,
    colonnes: [{ entete: nom, largeur: 60 }, { entete: 'Contrats', format: 'entier' as const }, { entete: unite, format: 'entier' as const }],
    lignes: lignes.map((l) => [l.libelle, l.contrats, l.nombre]),
  });
  const contenu = await ecrireXlsx([
    {
      nom: 'Synthèse',
      colonnes: [{ entete: 'Indicateur', largeur: 50 }, { entete: 'Valeur', largeur: 20 }],
      lignes: [
        ['Région', `${p.region.nom} (${p.region.code})`],
        ['Contrats', p.chiffres.contrats],
        ['Contrats en vigueur (signés ou en évaluation)', p.chiffres.enVigueur],
        ['Contrats interrégionaux', p.chiffres.interregionaux],
        ['Fiches-action', p.chiffres.fiches],
        ['Population de la région', p.couverture.population],
        ['Population couverte par un contrat en vigueur', p.couverture.populationCouverte],
        ['Part de la population couverte (%)', arrondi(p.couverture.pourcent)],
        ['Cible de la doctrine (%)', p.cibleCouverturePourcent],
        ['Échéance de la cible', p.objectifCouverture?.echeance ?? null],
        ['Source de la cible', p.objectifCouverture?.source ?? null],
        ['Couverture de référence publiée (%)', p.objectifCouverture?.reference?.pourcent ?? null],
        ['Date de la couverture de référence', p.objectifCouverture?.reference?.date ?? null],
        ['Source de la couverture de référence', p.objectifCouverture?.reference?.source ?? null],
        ['Chemin parcouru depuis la référence vers la cible (%)', arrondi(p.objectifCouverture?.progression ?? null)],
        ['Alertes', p.chiffres.alertes],
      ],
    },
    {
      nom: 'Contrats',
      colonnes: contratsFeuille.entetes.map((entete, i) => ({ entete, largeur: i === 0 ? 60 : 16, format: [3, 4, 5].includes(i) ? ('date' as const) : undefined })),
      lignes: contratsFeuille.lignes,
    },
    {
      nom: 'Couverture',
      colonnes: [{ entete: 'Département', largeur: 30 }, { entete: 'Population' }, { entete: 'Population couverte' }, { entete: 'Part couverte (%)' }, { entete: 'Communes' }, { entete: 'Communes couvertes' }, { entete: 'Contrats' }],
      lignes: p.couverture.parDepartement.map((d) => [`${d.nom} (${d.code})`, d.population, d.populationCouverte, arrondi(d.pourcent), d.communes, d.communesCouvertes, d.contrats]),
    },
    {
      nom: 'EPCI non couverts',
      colonnes: [{ entete: 'Rang de vulnérabilité' }, { entete: 'EPCI', largeur: 50 }, { entete: 'SIREN' }, { entete: 'Département' }, { entete: 'Population' }, { entete: 'Score' }, { entete: 'Critères renseignés' }],
      lignes: p.epciNonCouverts.epci.map((e) => [e.rang, e.nom, e.code, e.departementCode, e.population, e.score === null ? null : Math.round(e.score * 100) / 100, e.criteresRenseignes]),
    },
    decompte('Thématiques', p.thematiques, 'Fiches-action'),
    decompte('Déterminants', p.determinants, 'Fiches-action'),
    decompte('Axes du PRS', p.axesPrs, 'Axes'),
    {
      nom: 'Financeurs',
      colonnes: [{ entete: 'Financeur', largeur: 45 }, { entete: 'Acquis (accordé ou versé)', format: 'euros' }, { entete: 'Prévu ou sollicité', format: 'euros' }, { entete: 'Total', format: 'euros' }, { entete: 'Contrats', format: 'entier' }],
      lignes: p.financements.parFinanceur.map((f) => [f.financeur, f.acquis / 100, f.prevu / 100, f.total / 100, f.contrats]),
    },
    {
      nom: 'Alertes',
      colonnes: [{ entete: 'Contrat', largeur: 60 }, { entete: 'Gravité' }, { entete: 'Alerte', largeur: 80 }],
      lignes: p.alertes.map((a) => [a.contratIntitule, a.gravite, a.message]),
    },
  ]);
  return { contenu, type: TYPE_XLSX, nom: nomDeFichier('portefeuille', p.region.nom, 'xlsx') };
}
