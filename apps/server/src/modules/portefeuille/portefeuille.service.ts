import {
  DETERMINANTS,
  ecartCible,
  indiceVulnerabilite,
  ordreVulnerabilite,
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
import { activiteDeRegion } from '../appui/activite.service';
import { doctrineDeRegion } from '../contrats/lecture.service';
import { calculerAlertesContrats } from '../gouvernance/alertes.service';
import { ecrireCsv, ecrireXlsx, type Valeur } from '../plans/tableur';
import * as lecture from './portefeuille.queries';

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

/**
 * The regional portfolio (domain.md §8): every contract touching the region (inter-regional ones included), the
 * share of its population covered by a contract in force (by département, against the doctrine's target), the
 * uncovered EPCIs by vulnerability, themes, déterminants and PRS axes, funding by funder, alerts.
 * A handful of set-based queries, run together; only the alerts are computed contract by contract.
 */
export async function portefeuille(ctx: Contexte, utilisateur: Utilisateur | null, regionCode: string) {
  exiger(utilisateur, 'lire', { type: 'portefeuille', regionCode });
  const db = ctx.db;
  const [territoires, liste, couverture, epci, themes, financeurs, doctrine, activiteAppui] = await Promise.all([
    lecture.territoiresRegion(db, regionCode),
    lecture.contratsRegion(db, regionCode),
    lecture.couvertureParDepartement(db, regionCode, STATUTS_COUVRANTS),
    lecture.epciRegion(db, regionCode, STATUTS_COUVRANTS),
    lecture.decomptesThemes(db, regionCode, CLOS),
    lecture.financeursRegion(db, regionCode, CLOS),
    doctrineDeRegion(db, regionCode),
    activiteDeRegion(ctx, utilisateur, regionCode),
  ]);
  const region = territoires.find((t) => t.type === 'region');
  if (!region) throw introuvable(`La région ${regionCode} n’existe pas dans le référentiel.`);
  const nomsDepartements = new Map(territoires.filter((t) => t.type === 'departement').map((t) => [t.code, t.nom]));

  // Alerts exist only for contracts in progress (the rules say nothing of closed ones): ask for those alone.
  const enCours = liste.filter((c) => !CLOS.includes(c.statut));
  const alertesParContrat = await calculerAlertesContrats(
    db,
    enCours.map((c) => c.id),
  );

  const population = couverture.reduce((s, d) => s + d.population, 0);
  const populationCouverte = couverture.reduce((s, d) => s + d.populationCouverte, 0);
  const pourcent = pourcentageCouverture(populationCouverte, population);
  const cible = doctrine?.regles.cibleCouverturePourcent ?? null;

  const compter = <K extends string | number>(cles: K[]) => {
    const n = new Map<K, number>();
    for (const k of cles) n.set(k, (n.get(k) ?? 0) + 1);
    return n;
  };
  const parStatut = compter(liste.map((c) => c.statut));
  const parGeneration = compter(liste.map((c) => c.generation));

  return {
    region: { code: region.code, nom: region.nom, population: region.population },
    cibleCouverturePourcent: cible,
    objectifCouverture: progressionCouverture(pourcent, doctrine?.regles ?? null, new Date().toISOString().slice(0, 10)),
    chiffres: {
      contrats: liste.length,
      enVigueur: liste.filter((c) => (STATUTS_COUVRANTS as readonly string[]).includes(c.statut)).length,
      interregionaux: liste.filter((c) => c.regions.length > 1).length,
      fiches: liste.reduce((s, c) => s + c.nombreFiches, 0),
      alertes: [...alertesParContrat.values()].reduce((s, a) => s + a.length, 0),
      parStatut: STATUTS_CONTRAT.filter((s) => parStatut.has(s)).map((s) => ({
        statut: s,
        libelle: LIBELLES_STATUT_CONTRAT[s],
        nombre: parStatut.get(s)!,
      })),
      parGeneration: [...parGeneration.entries()].sort((a, b) => a[0] - b[0]).map(([generation, nombre]) => ({ generation, nombre })),
    },
    couverture: {
      population,
      populationCouverte,
      pourcent,
      ecart: ecartCible(pourcent, cible),
      communes: couverture.reduce((s, d) => s + d.communes, 0),
      communesCouvertes: couverture.reduce((s, d) => s + d.communesCouvertes, 0),
      parDepartement: couverture.map((d) => ({
        code: d.departement,
        nom: nomsDepartements.get(d.departement) ?? d.departement,
        population: d.population,
        populationCouverte: d.populationCouverte,
        pourcent: pourcentageCouverture(d.populationCouverte, d.population),
        communes: d.communes,
        communesCouvertes: d.communesCouvertes,
        contrats: liste.filter((c) => c.departements.includes(d.departement)).length,
      })),
    },
    contrats: liste.map((c) => ({
      ...c,
      statutLibelle: LIBELLES_STATUT_CONTRAT[c.statut],
      interregional: c.regions.length > 1,
      alertes: alertesParContrat.get(c.id)?.length ?? 0,
    })),
    epciNonCouverts: await epciNonCouverts(ctx, epci),
    thematiques: libeller(
      themes.filter((t) => t.type === 'thematique'),
      (code) => THEMATIQUES.find((t) => t.code === code)?.libelle,
    ),
    determinants: libeller(
      themes.filter((t) => t.type === 'determinant'),
      (code) => DETERMINANTS.find((t) => t.code === code)?.libelle,
    ),
    axesPrs: libeller(
      themes.filter((t) => t.type === 'axe_prs'),
      () => undefined,
    ),
    financements: {
      total: financeurs.reduce((s, f) => s + f.total, 0),
      parFinanceur: financeurs,
    },
    alertes: enCours.flatMap((c) =>
      (alertesParContrat.get(c.id) ?? []).map((a) => ({ ...a, contratId: c.id, contratIntitule: c.intitule })),
    ),
    activiteAppui,
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
async function epciNonCouverts(ctx: Contexte, epci: lecture.EpciRegion[]) {
  const codes = epci.map((e) => e.code);
  const rows = await lecture.dernieresValeursEpci(ctx.db, codes);
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
  const scores = new Map(
    indiceVulnerabilite(
      codes,
      [...criteres.values()].map((c) => ({ ...c, poids: 1 })),
      valeurs,
    ).map((s) => [s.territoire, s]),
  );
  const nonCouverts = epci
    .filter((e) => !e.couvert)
    .map((e) => {
      const s = scores.get(e.code);
      return {
        ...e,
        score: s?.score ?? null,
        scorePartiel: s?.scorePartiel ?? null,
        rang: s?.rang ?? null,
        criteresRenseignes: s?.criteresRenseignes ?? 0,
      };
    })
    // The order of the Vulnérabilité page; on a tie (no criterion at all), the most populated first.
    .sort((a, b) => ordreVulnerabilite(a, b) || b.population - a.population || a.nom.localeCompare(b.nom, 'fr'));
  return {
    criteres: [...criteres.values()].sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr')),
    epciRegion: epci.length,
    epci: nonCouverts.map(({ couvert, ...e }) => e),
  };
}

// ---------- Exports

const TYPE_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const date = (iso: string | null): Valeur => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);
const arrondi = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function lignesContrats(p: Portefeuille): { entetes: string[]; lignes: Valeur[][] } {
  return {
    entetes: [
      'Contrat',
      'Statut',
      'Génération',
      'Début',
      'Fin',
      'Signature',
      'Régions',
      'Départements',
      'Population',
      'Communes',
      'Fiches-action',
      'Coordonnateur·rices',
      'Alertes',
      'Publié',
    ],
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
    colonnes: [
      { entete: nom, largeur: 60 },
      { entete: 'Contrats', format: 'entier' as const },
      { entete: unite, format: 'entier' as const },
    ],
    lignes: lignes.map((l) => [l.libelle, l.contrats, l.nombre]),
  });
  const contenu = await ecrireXlsx([
    {
      nom: 'Synthèse',
      colonnes: [
        { entete: 'Indicateur', largeur: 50 },
        { entete: 'Valeur', largeur: 20 },
      ],
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
      colonnes: contratsFeuille.entetes.map((entete, i) => ({
        entete,
        largeur: i === 0 ? 60 : 16,
        format: [3, 4, 5].includes(i) ? ('date' as const) : undefined,
      })),
      lignes: contratsFeuille.lignes,
    },
    {
      nom: 'Couverture',
      colonnes: [
        { entete: 'Département', largeur: 30 },
        { entete: 'Population' },
        { entete: 'Population couverte' },
        { entete: 'Part couverte (%)' },
        { entete: 'Communes' },
        { entete: 'Communes couvertes' },
        { entete: 'Contrats' },
      ],
      lignes: p.couverture.parDepartement.map((d) => [
        `${d.nom} (${d.code})`,
        d.population,
        d.populationCouverte,
        arrondi(d.pourcent),
        d.communes,
        d.communesCouvertes,
        d.contrats,
      ]),
    },
    {
      nom: 'EPCI non couverts',
      colonnes: [
        { entete: 'Rang de vulnérabilité' },
        { entete: 'EPCI', largeur: 50 },
        { entete: 'SIREN' },
        { entete: 'Département' },
        { entete: 'Population' },
        { entete: 'Score' },
        { entete: 'Critères renseignés' },
      ],
      lignes: p.epciNonCouverts.epci.map((e) => [
        e.rang,
        e.nom,
        e.code,
        e.departementCode,
        e.population,
        e.score === null ? null : Math.round(e.score * 100) / 100,
        e.criteresRenseignes,
      ]),
    },
    decompte('Thématiques', p.thematiques, 'Fiches-action'),
    decompte('Déterminants', p.determinants, 'Fiches-action'),
    decompte('Axes du PRS', p.axesPrs, 'Axes'),
    {
      nom: 'Financeurs',
      colonnes: [
        { entete: 'Financeur', largeur: 45 },
        { entete: 'Acquis (accordé ou versé)', format: 'euros' },
        { entete: 'Prévu ou sollicité', format: 'euros' },
        { entete: 'Total', format: 'euros' },
        { entete: 'Contrats', format: 'entier' },
      ],
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
