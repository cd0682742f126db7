import {
  avancementFiche,
  cumulerAvancement,
  LIBELLES_STATUT_FICHE,
  valeurDeMesure,
  type IndicateurPourAvancement,
  type StatutFiche,
} from '@maillage/domain';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { activiteDuContrat } from '../appui/activite.service';
import { exigerSurContrat } from '../contrats/acces';
import { axesDuContrat } from '../contrats/lecture.service';
import { empreintesAvancement, fichesDesContrats, historiquesStatuts } from './avancement.queries';
import { indicateursAMesurer } from './indicateurs.queries';

const arrondi = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/**
 * Every fiche of these contracts measured: from its validated indicator values against its targets, else from its
 * statut. Two queries whatever the number of contracts (the open-data list measures all published ones at once).
 */
async function mesurerFiches(db: Queryable, contratIds: string[]) {
  const [fiches, indicateurs] = await Promise.all([fichesDesContrats(db, contratIds), indicateursAMesurer(db, contratIds)]);
  const parFiche = new Map<string, IndicateurPourAvancement[]>();
  for (const i of indicateurs) {
    const cibles = i.cibles.flatMap((c) => {
      const valeur = valeurDeMesure(c, i.pourcentage);
      return valeur === null ? [] : [{ periode: c.periode, valeur }];
    });
    const liste = parFiche.get(i.ficheId) ?? [];
    liste.push({ poids: i.poids, reference: valeurDeMesure(i, i.pourcentage), cibles, valeursValidees: i.valides });
    parFiche.set(i.ficheId, liste);
  }
  return fiches.map((f) => {
    const propres = parFiche.get(f.id) ?? [];
    return { ...f, ...avancementFiche(f.statut as StatutFiche, propres), indicateurs: propres.length };
  });
}

/**
 * Each contract's overall progress and each of its fiches' progress computed, by contract id, with the fingerprint of
 * the rows they were computed from. Per process: the fingerprint is read from PostgreSQL on every call, so a change made
 * through another process (or any SQL) is seen on the next call there too (docs/decisions/0035-avancement-public-en-cache.md).
 */
const avancementsCalcules = new Map<string, { empreinte: string; avancement: number | null; fiches: [string, number | null][] }>();
let contratsCalcules = 0;

/** How many contracts' overall progress this process has computed (not served from memory): for tests. */
export const nombreAvancementsCalcules = () => contratsCalcules;

/**
 * The progress of these contracts and of their fiches, as kept in memory: computed again only for the contracts whose
 * fingerprint changed since it was last computed. The fingerprint is read before the rows: a change committed in
 * between makes the stored value newer than its fingerprint, never older, and the next call computes it again.
 */
async function avancementsEnMemoire(db: Queryable, contratIds: string[]) {
  const empreintes = await empreintesAvancement(db, contratIds);
  const aCalculer = contratIds.filter((id) => avancementsCalcules.get(id)?.empreinte !== empreintes.get(id));
  if (aCalculer.length) {
    const parContrat = new Map<string, Awaited<ReturnType<typeof mesurerFiches>>>(aCalculer.map((id) => [id, []]));
    for (const f of await mesurerFiches(db, aCalculer)) parContrat.get(f.contratId)?.push(f);
    for (const [id, fiches] of parContrat)
      avancementsCalcules.set(id, {
        empreinte: empreintes.get(id)!,
        avancement: arrondi(cumulerAvancement(fiches).contrat.avancement),
        fiches: fiches.map((f) => [f.id, arrondi(f.avancement)]),
      });
    contratsCalcules += aCalculer.length;
  }
  return contratIds.flatMap((id) => avancementsCalcules.get(id) ?? []);
}

/**
 * The contracts' overall progress (0 to 100, or null), by contract id: for lists (the open data of every published
 * contract).
 */
export async function avancementsGlobaux(db: Queryable, contratIds: string[]): Promise<Map<string, number | null>> {
  await avancementsEnMemoire(db, contratIds);
  return new Map(contratIds.map((id) => [id, avancementsCalcules.get(id)?.avancement ?? null]));
}

/**
 * Each fiche's progress (0 to 100, or null), by fiche id, for these contracts: what the public page of a contract shows
 * for each fiche, for the open data of every published contract's fiches at once. Kept in memory with the contracts'
 * overall progress, under the same fingerprint (a fiche's progress reads the same rows).
 */
export async function avancementsDesFiches(db: Queryable, contratIds: string[]): Promise<Map<string, number | null>> {
  return new Map((await avancementsEnMemoire(db, contratIds)).flatMap((c) => c.fiches));
}

/**
 * The contract's progress: each fiche from its validated indicator values (or its statut), rolled up, weighted, to
 * its objectif, its axe and the contract; with every fiche's statut history. Percentages from 0 to 100.
 * Also used by the public pages, so it reads only what may be published (validated values, statuts).
 */
export async function avancementContrat(db: Queryable, contratId: string) {
  const [axes, mesurees, historiques] = await Promise.all([
    axesDuContrat(db, contratId),
    mesurerFiches(db, [contratId]),
    historiquesStatuts(db, contratId),
  ]);
  const historiqueDe = new Map(historiques.map((h) => [h.ficheId, h.historique]));
  const cumul = cumulerAvancement(mesurees);
  const vueFiche = (f: (typeof mesurees)[number]) => ({
    id: f.id,
    numero: f.numero,
    intitule: f.intitule,
    statut: f.statut,
    statutLibelle: LIBELLES_STATUT_FICHE[f.statut as StatutFiche] ?? f.statut,
    poids: f.poids,
    avancement: arrondi(f.avancement),
    source: f.source,
    indicateurs: f.indicateurs,
    indicateursMesures: f.indicateursMesures,
    historiqueStatuts: historiqueDe.get(f.id) ?? [],
  });
  const parStatut = Object.fromEntries(Object.keys(LIBELLES_STATUT_FICHE).map((s) => [s, mesurees.filter((f) => f.statut === s).length]));
  return {
    avancement: arrondi(cumul.contrat.avancement),
    fiches: mesurees.length,
    parStatut,
    axes: axes.map((axe, n) => ({
      id: axe.id,
      numero: n + 1,
      intitule: axe.intitule,
      avancement: arrondi(cumul.parAxe.get(axe.id)?.avancement ?? null),
      poids: cumul.parAxe.get(axe.id)?.poids ?? 0,
      objectifs: axe.objectifs.map((o, m) => ({
        id: o.id,
        numero: `${n + 1}.${m + 1}`,
        intitule: o.intitule,
        avancement: arrondi(cumul.parObjectif.get(o.id)?.avancement ?? null),
        poids: cumul.parObjectif.get(o.id)?.poids ?? 0,
        fiches: mesurees.filter((f) => f.objectifId === o.id).map(vueFiche),
      })),
      fichesSansObjectif: mesurees.filter((f) => f.axeId === axe.id && !axe.objectifs.some((o) => o.id === f.objectifId)).map(vueFiche),
    })),
    fichesSansAxe: mesurees.filter((f) => !f.axeId || !axes.some((a) => a.id === f.axeId)).map(vueFiche),
  };
}

/** The contract's follow-up: its progress and, for those the appui module shows it to, the support teams' activity. */
export async function avancementDuContrat(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const [avancement, activiteAppui] = await Promise.all([
    avancementContrat(ctx.db, contratId),
    activiteDuContrat(ctx, utilisateur, contratId),
  ]);
  return { ...avancement, activiteAppui };
}
