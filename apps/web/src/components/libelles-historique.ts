import {
  DETERMINANTS,
  formaterDate,
  formaterMontant,
  formaterPeriode,
  INTERVENTIONS,
  ISTS,
  LIBELLES_CONFIRMATION,
  LIBELLES_PRIORITE,
  LIBELLES_ROLE_PARTIE,
  LIBELLES_STATUT_CONTRAT,
  LIBELLES_STATUT_FICHE,
  libelleTerme,
  ORIGINES_CONTRAT,
  PUBLICS,
  THEMATIQUES,
  pluriel,
  type Terme,
} from '@maillage/domain';
import type { ContratDetail } from '@maillage/domain/api';

const CHAMPS: Record<string, string> = {
  intitule: 'intitulé',
  perimetre: 'périmètre',
  generation: 'génération',
  predecesseurId: 'contrat précédent',
  arsIds: 'ARS',
  porteursIds: 'collectivités porteuses',
  origine: 'origine',
  periode: 'période',
  debutElaboration: 'début de l’élaboration',
  dateSignature: 'date de signature',
  insulaire: 'insulaire',
  contexte: 'contexte',
  publie: 'publié',
  statut: 'statut',
  population: 'population',
  nombreCommunes: 'nombre de communes',
  regions: 'régions',
  departements: 'départements',
  organisationId: 'organisation',
  organisation: 'organisation',
  representant: 'représentant',
  qualite: 'qualité',
  role: 'rôle',
  axePrs: 'axe du PRS',
  description: 'description',
  objectifsOperationnels: 'objectifs opérationnels',
  axeId: 'axe',
  objectifId: 'objectif',
  numero: 'numéro',
  ordre: 'ordre',
  pilotes: 'pilotes',
  personnesReferentes: 'personnes référentes',
  duree: 'durée',
  debut: 'début',
  fin: 'fin',
  argumentation: 'argumentation',
  istsIdentifiees: 'ISTS identifiées',
  ists: 'ISTS',
  istsPrecision: 'précision sur les ISTS',
  territoireTout: 'tout le territoire',
  territoiresConcernes: 'territoires concernés',
  publics: 'publics',
  publicPrecision: 'précision sur le public',
  publicCibleIsts: 'public concerné par les ISTS',
  dejaEnCours: 'action déjà en cours',
  phase: 'phase',
  objectifsCiblentIsts: 'objectifs ciblant les ISTS',
  etapes: 'étapes',
  determinants: 'déterminants',
  interventions: 'interventions',
  partenaires: 'partenaires',
  lienContratVille: 'lien avec le contrat de ville',
  participationCitoyenne: 'participation citoyenne',
  rifkin: 'échelle de Rifkin',
  facteursFacilitants: 'facteurs facilitants',
  difficultes: 'difficultés',
  indicateurs: 'indicateurs',
  methodeEvaluation: 'méthode d’évaluation',
  financements: 'financements',
  priorite: 'priorité',
  thematiques: 'thématiques',
  notes: 'notes',
  objet: 'objet',
  dateAvenant: 'date de l’avenant',
  changements: 'changements',
  motif: 'motif',
};

const TAXONOMIES: Record<string, readonly Terme[]> = {
  thematiques: THEMATIQUES,
  publics: PUBLICS,
  ists: ISTS,
  determinants: DETERMINANTS,
  interventions: INTERVENTIONS,
};
const COMPTES: Record<string, [string, string]> = {
  etapes: ['étape', 'étapes'],
  indicateurs: ['indicateur', 'indicateurs'],
  partenaires: ['partenaire', 'partenaires'],
  objectifsOperationnels: ['objectif', 'objectifs'],
};

export const libelleChampHistorique = (champ: string) => CHAMPS[champ] ?? champ;

/** Names the history can use: organisations, axes, objectifs and fiches of the contract. */
export function nomsDuContrat(
  contrat: ContratDetail,
  fiches: readonly { id: string; numero: number; intitule: string }[] = [],
): Map<string, string> {
  const noms = new Map<string, string>();
  for (const o of [
    ...contrat.ars,
    ...contrat.porteurs,
    ...contrat.signataires.map((s) => s.organisation),
    ...contrat.partenaires.map((p) => p.organisation),
  ])
    noms.set(o.id, o.nom);
  for (const a of contrat.axes) {
    noms.set(a.id, `axe ${a.numero} « ${a.intitule} »`);
    for (const o of a.objectifs) noms.set(o.id, `objectif ${o.numero} « ${o.intitule} »`);
  }
  for (const e of contrat.territoire.epci) noms.set(e.code, e.nom);
  for (const f of fiches) noms.set(f.id, `fiche ${f.numero} « ${court(f.intitule)} »`);
  return noms;
}

const court = (t: string) => (t.length > 160 ? `${t.slice(0, 157)}…` : t);

/** A value of a diff, as a French reader expects it. */
export function valeurHistorique(champ: string, v: unknown, entite: string, noms: Map<string, string>): string {
  if (v === null || v === undefined || v === '') return '(vide)';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return champ === 'montantCentimes' ? formaterMontant(v) : new Intl.NumberFormat('fr-FR').format(v);
  if (typeof v === 'string') {
    if (champ === 'statut')
      return (
        (entite === 'contrat' ? LIBELLES_STATUT_CONTRAT : entite === 'confirmation' ? LIBELLES_CONFIRMATION : LIBELLES_STATUT_FICHE)[
          v as never
        ] ?? v
      );
    if (champ === 'role' && entite === 'confirmation') return LIBELLES_ROLE_PARTIE[v as never] ?? v;
    if (champ === 'priorite') return LIBELLES_PRIORITE[v as never] ?? v;
    if (champ === 'origine') return ORIGINES_CONTRAT[v as never] ?? v;
    if (noms.has(v)) return noms.get(v)!;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formaterDate(v);
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(v)) return 'un élément supprimé depuis';
    return court(v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '(aucun)';
    if (TAXONOMIES[champ]) return v.map((c) => libelleTerme(TAXONOMIES[champ], String(c))).join(', ');
    if (COMPTES[champ]) return `${v.length} ${v.length > 1 ? COMPTES[champ][1] : COMPTES[champ][0]}`;
    if (champ === 'financements') {
      const total = v.reduce((s: number, l: { montantCentimes?: number }) => s + (l.montantCentimes ?? 0), 0);
      return `${v.length} ligne${v.length > 1 ? 's' : ''}, ${formaterMontant(total)}`;
    }
    if (champ === 'pilotes')
      return v
        .map(
          (p: { organisationId?: string | null; service?: string | null }) =>
            (p.organisationId ? (noms.get(p.organisationId) ?? 'une organisation') : 'à définir') + (p.service ? ` (${p.service})` : ''),
        )
        .join(', ');
    if (champ === 'ordre' || champ === 'ids') return `${v.length} éléments réordonnés`;
    return court(v.map((x) => valeurHistorique(champ, x, entite, noms)).join(', '));
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('debut' in o || 'fin' in o) return formaterPeriode(o.debut as string | null, o.fin as string | null);
    if ('epci' in o || 'communes' in o) {
      const epci = ((o.epci as string[]) ?? []).map((c) => noms.get(c) ?? `EPCI ${c}`);
      const communes = (o.communes as string[]) ?? [];
      return (
        [...epci, ...(communes.length ? [`${pluriel(communes.length, 'commune')} : ${communes.join(', ')}`] : [])].join(' ; ') || '(vide)'
      );
    }
    if (champ === 'rifkin')
      return (
        Object.entries(o)
          .map(([k, n]) => `${k.replaceAll('_', ' ')} ${n}`)
          .join(', ') || '(aucun)'
      );
    return court(JSON.stringify(v));
  }
  return String(v);
}

/** Fields not worth a line: identifiers, technical or derived values. */
export const CHAMPS_MASQUES = new Set([
  'id',
  'version',
  'modifieLe',
  'creeLe',
  'contratId',
  'numero',
  'regions',
  'departements',
  'population',
  'nombreCommunes',
  'predecesseurId',
]);
