import { avancementContrat, avancementsGlobaux } from '../suivi/avancement.service';
import {
  can,
  CHAMPS_FICHES_PAR_STATUT,
  COLONNES_CONTRAT_OUVERT,
  LIBELLES_STATUT_CONTRAT,
  LIBELLES_STATUT_FICHE,
  PUBLICS,
  STATUTS_FICHE,
  THEMATIQUES,
  type ContratOuvert,
  type StatutContrat,
  type StatutFiche,
} from '@maillage/domain';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { ecrireCsv, type CelluleCsv } from '../../platform/csv';
import { introuvable } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import * as contrats from '../contrats/lecture.service';
import { fichesCompletes } from '../fiches/fiches.service';
import { nommerTerritoires } from '../territoires/territoires.service';
import * as lecture from './public.queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ParStatut = Partial<Record<StatutFiche, number>>;

function comptesFiches(parStatut: ParStatut | null) {
  return Object.fromEntries(STATUTS_FICHE.map((s) => [CHAMPS_FICHES_PAR_STATUT[s], parStatut?.[s] ?? 0])) as Record<
    (typeof CHAMPS_FICHES_PAR_STATUT)[StatutFiche],
    number
  >;
}

/**
 * The open data of the published contracts (domain.md §8), one record per contract: public facts only (no person,
 * no internal note, no funding line). Anyone may read it, logged in or not.
 */
export async function contratsPublies(ctx: Contexte, id: string | null = null, apercu = false): Promise<ContratOuvert[]> {
  const rows = await lecture.contratsPublies(ctx.db, id, apercu);
  const publics = apercu
    ? rows
    : rows.filter((c) => can(null, 'lire', { type: 'contrat', contrat: { id: c.id, regions: c.regions, publie: true } }));
  // Progress from validated follow-up only (and fiche statuts): what may be published.
  const avancements = await avancementsGlobaux(
    ctx.db,
    publics.map((c) => c.id),
  );
  return publics.map((c) => ({
    id: c.id,
    intitule: c.intitule,
    statut: c.statut,
    statutLibelle: LIBELLES_STATUT_CONTRAT[c.statut as StatutContrat] ?? c.statut,
    generation: c.generation,
    periodeDebut: c.periodeDebut,
    periodeFin: c.periodeFin,
    dateSignature: c.dateSignature,
    regions: c.regions,
    departements: c.departements,
    epci: c.perimetre?.epci ?? [],
    communes: c.perimetre?.communes ?? [],
    nombreCommunes: c.nombreCommunes,
    population: c.population,
    porteurs: c.porteurs,
    ars: c.ars,
    nombreAxes: c.nombreAxes,
    nombreFiches: c.nombreFiches,
    ...comptesFiches(c.parStatut),
    thematiques: c.thematiques,
    avancement: avancements.get(c.id) ?? null,
    url: `${ctx.config.publicUrl}/public/contrats/${c.id}`,
    modifieLe: c.modifieLe,
  }));
}

/**
 * Open-data records as CSV, the given fields as columns in their order: RFC 4180 (comma, double quotes, CRLF), UTF-8
 * without BOM, a header line with the field names, lists joined with " ; ", dates ISO 8601, empty cell for null or an
 * empty list. Numbers and booleans stay typed (never neutralised); text, lists included, goes through the formula guard.
 */
export function csvOuvert(colonnes: readonly string[], enregistrements: readonly Record<string, unknown>[]): string {
  const lignes = enregistrements.map((e) =>
    colonnes.map((champ): CelluleCsv => {
      const v = e[champ];
      if (v === null || v === undefined) return null;
      if (Array.isArray(v)) return v.length ? v.join(' ; ') : null;
      return typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    }),
  );
  return ecrireCsv([[...colonnes], ...lignes], { separateur: ',' });
}

/** The published contracts as CSV for open-data portals (the JSON's fields, `csvOuvert`). */
export async function contratsPubliesCsv(ctx: Contexte): Promise<string> {
  return csvOuvert(COLONNES_CONTRAT_OUVERT, await contratsPublies(ctx));
}

/**
 * The public page of a published contract: its open-data record, territory, signatories (organisations and dates,
 * never their representatives), strategy and fiches with their statut. An unpublished or unknown contract is 404.
 */
export async function contratPublic(ctx: Contexte, id: string, apercu = false) {
  const [enregistrement] = UUID.test(id) ? await contratsPublies(ctx, id, apercu) : [];
  if (!enregistrement) throw introuvable('Ce contrat n’existe pas ou n’est pas publié.');
  const contrat = (await contrats.lireContrat(ctx.db, id))!;
  const [regions, departements, epci, signataires, confirmations, axes, fiches, avancement] = await Promise.all([
    nommerTerritoires(ctx, 'region', contrat.regions),
    nommerTerritoires(ctx, 'departement', contrat.departements),
    nommerTerritoires(ctx, 'epci', contrat.perimetre.epci),
    contrats.signatairesDuContrat(ctx.db, id),
    contrats.confirmationsDuContrat(ctx.db, id),
    contrats.axesDuContrat(ctx.db, id),
    fichesCompletes(ctx.db, id),
    avancementContrat(ctx.db, id),
  ]);
  const avancementsFiches = new Map(
    [
      ...avancement.axes.flatMap((a) => [...a.objectifs.flatMap((o) => o.fiches), ...a.fichesSansObjectif]),
      ...avancement.fichesSansAxe,
    ].map((f) => [f.id, f.avancement]),
  );
  const fichePublique = (f: (typeof fiches)[number]) => ({
    id: f.id,
    numero: f.numero,
    intitule: f.intitule,
    statut: f.statut,
    statutLibelle: LIBELLES_STATUT_FICHE[f.statut] ?? f.statut,
    debut: f.debut,
    fin: f.fin,
    description: f.description ?? null,
    objectifsOperationnels: f.objectifsOperationnels ?? [],
    thematiques: f.thematiques.map((code) => THEMATIQUES.find((t) => t.code === code)?.libelle ?? code),
    publics: f.publics.map((code) => PUBLICS.find((p) => p.code === code)?.libelle ?? code),
    // Pilotes are organisations (with their service), never persons.
    pilotes: f.pilotes.map((p) => p.libelle),
    avancement: avancementsFiches.get(f.id) ?? null,
  });
  const objectifs = new Set(axes.flatMap((a) => a.objectifs.map((o) => o.id)));
  const sousObjectif = (f: (typeof fiches)[number]) => f.objectifId !== null && objectifs.has(f.objectifId);
  return {
    ...enregistrement,
    contexte: contrat.contexte,
    territoire: { regions, departements, epci, nombreCommunes: contrat.nombreCommunes, population: contrat.population },
    // Only signatories that confirmed: nobody signs in another organisation's name on the public page.
    signataires: signataires
      .filter((s) =>
        confirmations.some((c) => c.role === 'signataire' && c.organisation.id === s.organisation.id && c.statut === 'confirme'),
      )
      .map((s) => ({ organisation: s.organisation.nom, dateSignature: s.dateSignature })),
    axes: axes.map((a, i) => ({
      numero: i + 1,
      intitule: a.intitule,
      description: a.description,
      avancement: avancement.axes[i]?.avancement ?? null,
      objectifs: a.objectifs.map((o, j) => ({
        numero: `${i + 1}.${j + 1}`,
        intitule: o.intitule,
        objectifsOperationnels: o.objectifsOperationnels,
        fiches: fiches.filter((f) => f.objectifId === o.id).map(fichePublique),
      })),
      fichesHorsObjectif: fiches.filter((f) => f.axeId === a.id && !sousObjectif(f)).map(fichePublique),
    })),
    fichesSansAxe: fiches.filter((f) => !sousObjectif(f) && !axes.some((a) => a.id === f.axeId)).map(fichePublique),
  };
}

/**
 * The public page of a contract as it would be once published (or as it is), for those who may publish it: the same
 * content and the same filters on parties, so that what they check is what the public will see.
 */
export async function apercuContratPublic(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'publier', id);
  return contratPublic(ctx, id, true);
}
