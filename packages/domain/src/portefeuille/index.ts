import { z } from 'zod';
import type { STATUTS_FICHE } from '../contrats/taxonomies';
import { STATUTS_CONTRAT } from '../contrats/statuts';
import type { Doctrine } from '../contrats/doctrine';

/**
 * Regional portfolio, library of actions, open data (domain.md §8): the pure rules shared by the server and the web app.
 */

/** Statuts whose contract covers its population: signed and running, or being evaluated (still in force). */
export const STATUTS_COUVRANTS = ['signe', 'evaluation'] as const;

/** Share of a population covered, in percent; null when there is nobody to cover. */
export function pourcentageCouverture(couverte: number, totale: number): number | null {
  if (!(totale > 0)) return null;
  return (100 * couverte) / totale;
}

/** Where a coverage stands against the region's target: reached, or the points still missing. */
export function ecartCible(pourcent: number | null, cible: number | null | undefined): { atteinte: boolean; manque: number } | null {
  if (pourcent === null || cible === null || cible === undefined) return null;
  return { atteinte: pourcent >= cible, manque: Math.max(0, cible - pourcent) };
}

/**
 * A region's progress toward its coverage target: where it stands today (computed from the contracts the platform
 * holds) against the target, its year and source, and, when the doctrine records it, the published coverage the
 * target started from. `progression` is the share of the way from that starting point to the target already made
 * (100 when reached); null without a starting point, and never below 0: a coverage under the starting point is told
 * by `sousReference`, not as a negative share.
 */
export function progressionCouverture(
  actuel: number | null,
  doctrine: Pick<
    Doctrine,
    | 'cibleCouverturePourcent'
    | 'cibleCouvertureEcheance'
    | 'cibleCouvertureSource'
    | 'couvertureReferencePourcent'
    | 'couvertureReferenceDate'
    | 'couvertureReferenceSource'
  > | null,
  aujourdhui: string,
) {
  const cible = doctrine?.cibleCouverturePourcent;
  if (cible === null || cible === undefined) return null;
  const ref = doctrine!.couvertureReferencePourcent;
  const reference =
    ref === null || ref === undefined
      ? null
      : { pourcent: ref, date: doctrine!.couvertureReferenceDate ?? null, source: doctrine!.couvertureReferenceSource ?? null };
  const ecart = ecartCible(actuel, cible);
  const progression =
    actuel === null || !reference
      ? null
      : actuel >= cible
        ? 100
        : cible <= reference.pourcent
          ? null
          : Math.max(0, (100 * (actuel - reference.pourcent)) / (cible - reference.pourcent));
  return {
    cible,
    echeance: doctrine!.cibleCouvertureEcheance ?? null,
    source: doctrine!.cibleCouvertureSource ?? null,
    reference,
    actuel: { pourcent: actuel, date: aujourdhui },
    atteinte: ecart?.atteinte ?? false,
    manque: ecart?.manque ?? null,
    progression,
    sousReference: actuel !== null && reference !== null && actuel < reference.pourcent,
  };
}

// ---------- Bibliothèque d'actions

/** Markers the database puts around matched words in an extract (private-use characters: never in real text). */
export const DEBUT_SURLIGNAGE = '\uE000';
export const FIN_SURLIGNAGE = '\uE001';

export interface SegmentExtrait {
  texte: string;
  surligne: boolean;
}

/**
 * An extract marked by ts_headline, cut into plain and highlighted segments: the web app renders them as text and
 * <mark>, so nothing of the fiche is ever interpreted as HTML.
 */
export function decouperExtrait(extrait: string): SegmentExtrait[] {
  const segments: SegmentExtrait[] = [];
  let surligne = false;
  let courant = '';
  const pousser = () => {
    if (courant) segments.push({ texte: courant, surligne });
    courant = '';
  };
  for (const caractere of extrait) {
    if (caractere === DEBUT_SURLIGNAGE || caractere === FIN_SURLIGNAGE) {
      pousser();
      surligne = caractere === DEBUT_SURLIGNAGE;
    } else courant += caractere;
  }
  pousser();
  // Words found side by side come one by one ("«santé» «mentale»"): one highlight over them and the space between.
  const fusion: SegmentExtrait[] = [];
  for (const [i, s] of segments.entries()) {
    const dernier = fusion.at(-1);
    const espaceEntreDeux = !s.surligne && /^\s+$/.test(s.texte) && dernier?.surligne && segments[i + 1]?.surligne;
    if (dernier && (dernier.surligne === s.surligne || espaceEntreDeux)) dernier.texte += s.texte;
    else fusion.push({ ...s });
  }
  return fusion;
}

/**
 * A prefix query for to_tsquery from what the user typed ("vacc promo" → "vacc:* & promo:*"), so that a word being
 * typed already finds something. A word after a minus at the start of a term is excluded, as websearch_to_tsquery
 * does ("cancers -côlon" → "cancers:* & !côlon"): the prefix query is OR-ed with it, so it must exclude too. A hyphen
 * inside a term ("Belle-Île") excludes nothing. Only letters and digits survive: the user's text never reaches
 * tsquery syntax. Null when nothing searchable is left.
 */
export function requetePrefixe(q: string): string | null {
  const termes = q
    .normalize('NFC')
    .split(/\s+/)
    .flatMap((terme) => {
      // « -côlon », or a quoted « -"côlon" » as websearch_to_tsquery also reads it.
      const exclu = /^-["\p{L}\p{N}]/u.test(terme);
      return (terme.match(/[\p{L}\p{N}]+/gu) ?? [])
        .filter((m) => m.length >= 2)
        .map((m) => (exclu ? `!${m.toLowerCase()}` : `${m.toLowerCase()}:*`));
    })
    .slice(0, 10);
  return termes.length ? termes.join(' & ') : null;
}

export const TAILLE_PAGE_BIBLIOTHEQUE = 20;

// ---------- Données ouvertes

const date = z.string().nullable();

/**
 * One published contract in the open data (`GET /api/public/contrats`, JSON or CSV). The same fields, in this order,
 * are the CSV's columns; lists are joined with " ; " in the CSV. Documented in docs/api.md.
 */
export const contratOuvertSchema = z.object({
  id: z.uuid().describe('Identifiant stable du contrat (UUID)'),
  intitule: z.string().describe('Intitulé du contrat'),
  statut: z
    .enum(STATUTS_CONTRAT)
    .describe('Statut du contrat (code) : preparation, diagnostic, elaboration, signe, evaluation, echu, renouvele, abandonne'),
  statutLibelle: z.string().describe('Statut du contrat, en toutes lettres'),
  generation: z.number().int().describe('Génération du contrat : 1 pour un premier CLS, 2 pour son renouvellement…'),
  periodeDebut: date.describe('Début de la période du contrat (AAAA-MM-JJ), ou vide'),
  periodeFin: date.describe('Fin de la période du contrat (AAAA-MM-JJ), ou vide'),
  dateSignature: date.describe('Date de signature (AAAA-MM-JJ), ou vide'),
  regions: z.array(z.string()).describe('Codes INSEE des régions du territoire (un contrat interrégional en a plusieurs)'),
  departements: z.array(z.string()).describe('Codes INSEE des départements du territoire'),
  epci: z.array(z.string()).describe('Numéros SIREN des EPCI du périmètre'),
  communes: z.array(z.string()).describe('Codes INSEE des communes ajoutées au périmètre hors EPCI'),
  nombreCommunes: z.number().int().describe('Nombre de communes couvertes'),
  population: z.number().int().describe('Population municipale couverte (recensement du référentiel chargé)'),
  porteurs: z.array(z.string()).describe('Collectivités porteuses (noms des organisations)'),
  ars: z.array(z.string()).describe('Agences régionales de santé signataires'),
  nombreAxes: z.number().int().describe('Nombre d’axes stratégiques'),
  nombreFiches: z.number().int().describe('Nombre de fiches-action'),
  fichesAVenir: z.number().int().describe('Fiches-action au statut « à venir »'),
  fichesEnCours: z.number().int().describe('Fiches-action « en cours »'),
  fichesRealisees: z.number().int().describe('Fiches-action « réalisées »'),
  fichesEnRetard: z.number().int().describe('Fiches-action « en retard »'),
  fichesEnPause: z.number().int().describe('Fiches-action « en pause »'),
  fichesAbandonnees: z.number().int().describe('Fiches-action « abandonnées »'),
  thematiques: z.array(z.string()).describe('Codes des thématiques couvertes par ses fiches (taxonomie de Maillage, voir docs/api.md)'),
  avancement: z
    .number()
    .nullable()
    .describe('Avancement du contrat en pourcentage (0 à 100), d’après le suivi validé ; vide tant qu’il n’est pas calculé'),
  url: z.string().describe('Adresse de la page publique du contrat'),
  modifieLe: z.string().describe('Dernière modification (date et heure ISO 8601, UTC)'),
});
export type ContratOuvert = z.infer<typeof contratOuvertSchema>;

/** The CSV columns of the open data, in order: the schema's fields. */
export const COLONNES_CONTRAT_OUVERT = Object.keys(contratOuvertSchema.shape) as (keyof ContratOuvert)[];

/** Fiche counts by statut, as the open data names them. */
export const CHAMPS_FICHES_PAR_STATUT = {
  a_venir: 'fichesAVenir',
  en_cours: 'fichesEnCours',
  realisee: 'fichesRealisees',
  en_retard: 'fichesEnRetard',
  en_pause: 'fichesEnPause',
  abandonnee: 'fichesAbandonnees',
} as const satisfies Record<(typeof STATUTS_FICHE)[number], keyof ContratOuvert>;
