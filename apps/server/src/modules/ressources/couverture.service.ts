import {
  entreeSollicitation,
  LIBELLES_ENTREE_SOLLICITATION,
  MISSIONS_RESSOURCE,
  NIVEAUX_RESSOURCE,
  PUBLICS_RESSOURCE,
  SOLLICITEURS_RESSOURCE,
  STATUTS_RESSOURCE,
  type MissionRessource,
  type PublicRessource,
} from '@maillage/domain';
import type { FiltreRessources, VueRessources } from '@maillage/domain/api';
import { exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { ecrireCsv, ecrireXlsx } from '../plans/tableur';
import * as queries from './ressources.queries';
import { communesDuFiltre, communesDuPerimetre, criteres, refRessource } from './ressources.service';

/**
 * Where the resources reach (a commune choropleth), the zones blanches (communes of a perimeter no active resource
 * reaches for a public and a mission), and seed 004's three views: by public, by level, by who solicits (annexes 2–4).
 */

const lecture = refRessource(null, { regions: [], contrats: [] });

export async function couvertureRessources(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  filtre: { territoires: string; public: PublicRessource; mission: MissionRessource },
) {
  exiger(utilisateur, 'lire', lecture);
  const communes = await communesDuPerimetre(ctx.db, filtre.territoires);
  const lignes = await queries.couvertureDesCommunes(
    ctx.db,
    communes.map((c) => c.code),
    filtre.public,
    filtre.mission,
  );
  return { communes: lignes, zonesBlanches: lignes.filter((l) => l.ressources === 0).length };
}

export async function zonesBlanches(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  filtre: { territoires: string; public: PublicRessource; mission: MissionRessource },
) {
  exiger(utilisateur, 'lire', lecture);
  const communes = await communesDuPerimetre(ctx.db, filtre.territoires);
  const lignes = await queries.couvertureDesCommunes(
    ctx.db,
    communes.map((c) => c.code),
    filtre.public,
    filtre.mission,
  );
  const blanches = lignes.filter((l) => l.ressources === 0).map(({ ressources: _r, ...c }) => c);
  return {
    perimetre: { communes: communes.length, population: communes.reduce((t, c) => t + c.population, 0) },
    communes: blanches,
    population: blanches.reduce((t, c) => t + c.population, 0),
  };
}

type Vue = VueRessources['vue'];
type Filtre = Omit<FiltreRessources, 'page' | 'parPage'>;

/** One of the three views: the resources of the filter, grouped; a resource stands in each group it belongs to. */
export async function vueRessources(ctx: Contexte, utilisateur: Utilisateur | null, vue: Vue, filtre: Filtre): Promise<VueRessources> {
  exiger(utilisateur, 'lire', lecture);
  const communes = await communesDuFiltre(ctx.db, filtre);
  const { elements } = await queries.listerRessources(ctx.db, criteres(filtre, communes), null);
  const cles: [string, string][] =
    vue === 'public'
      ? Object.entries(PUBLICS_RESSOURCE)
      : vue === 'niveau'
        ? Object.entries(NIVEAUX_RESSOURCE)
        : Object.entries(LIBELLES_ENTREE_SOLLICITATION);
  const groupesDe = (r: (typeof elements)[number]): string[] =>
    vue === 'public' ? r.publics : vue === 'niveau' ? [r.niveau] : [entreeSollicitation(r.sollicitablePar)];
  const groupes = cles.map(([cle, libelle]) => ({
    cle,
    libelle,
    ressources: elements
      .filter((r) => groupesDe(r).includes(cle))
      .map((r) => ({
        id: r.id,
        nom: r.nom,
        typeLibelle: r.typeLibelle,
        organisationNom: r.organisationNom,
        communeCode: r.communeCode,
        communeNom: r.communeNom,
        niveau: r.niveau,
        publics: r.publics,
        missions: r.missions,
        sollicitablePar: r.sollicitablePar,
        statut: r.statut,
      })),
  }));
  return { vue, groupes };
}

const TITRES: Record<Vue, string> = { public: 'Par public', niveau: 'Par niveau', sollicitant: 'Qui sollicite' };

/** The view as a spreadsheet: one row per (group, resource), in the view's order. */
export async function exporterVue(ctx: Contexte, utilisateur: Utilisateur | null, vue: Vue, filtre: Filtre, format: 'csv' | 'xlsx') {
  const { groupes } = await vueRessources(ctx, utilisateur, vue, filtre);
  const entetes = [TITRES[vue], 'Ressource', 'Type', 'Organisation', 'Commune', 'Niveau', 'Publics', 'Missions', 'Qui sollicite', 'Statut'];
  const lignes = groupes.flatMap((g) =>
    g.ressources.map((r) => [
      g.libelle,
      r.nom,
      r.typeLibelle,
      r.organisationNom,
      r.communeNom ?? r.communeCode ?? '',
      NIVEAUX_RESSOURCE[r.niveau],
      r.publics.map((p) => PUBLICS_RESSOURCE[p]).join(', '),
      r.missions.map((m) => MISSIONS_RESSOURCE[m]).join(', '),
      r.sollicitablePar.map((s) => SOLLICITEURS_RESSOURCE[s]).join(', '),
      STATUTS_RESSOURCE[r.statut],
    ]),
  );
  const nom = `ressources-${vue}.${format}`;
  if (format === 'csv') return { nom, type: 'text/csv; charset=utf-8', contenu: ecrireCsv(entetes, lignes) };
  const contenu = await ecrireXlsx([
    { nom: TITRES[vue], colonnes: entetes.map((entete, i) => ({ entete, largeur: i === 1 ? 40 : 24 })), lignes },
  ]);
  return { nom, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contenu };
}
