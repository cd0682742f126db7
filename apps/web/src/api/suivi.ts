/**
 * Follow-up and evaluation (issue 6): indicators of each fiche with their values and workflow, the contract's
 * progress, the yearly campaigns and the evaluations. Shapes: apps/server/src/modules/suivi (tag « Suivi et évaluation »).
 */
import type {
  ActionSuivi,
  BilanFicheSaisie,
  CampagneSaisie,
  EtatSuivi,
  EvaluationSaisie,
  IndicateurSuiviSaisie,
  StatutFiche,
  ValeurSuiviSaisie,
} from '@maillage/domain';
import { useQueries, useQuery } from '@tanstack/react-query';
import { requete } from './client';
import { useMutationContrat } from './contrats';

// ---------- Shapes

/** One step of the workflow: who did what, when, and why (a send-back always says why). */
export interface EtapeSuivi {
  action: 'saisir' | ActionSuivi;
  etat: EtatSuivi;
  par: string | null;
  le: string;
  commentaire: string | null;
}

export interface ValeurSuivi {
  id: string;
  indicateurId: string;
  periode: string;
  valeur: number | null;
  numerateur: number | null;
  denominateur: number | null;
  recit: string | null;
  etat: EtatSuivi;
  version: number;
  modifieLe: string;
  etapes: EtapeSuivi[];
  /** The number the value stands for: the rate in % for a percentage. */
  mesure: number | null;
  /** Who last submitted it (account id): under four eyes, that person does not validate it. */
  soumisPar?: string | null;
}

export interface CibleSuivi {
  periode: string;
  valeur?: number | null;
  numerateur?: number | null;
  denominateur?: number | null;
  mesure: number | null;
}

export interface EcartRegion {
  periode: string;
  region: string;
  ecart: number;
  sens: string;
}

export type TendanceEcart = 'se_reduit' | 's_accroit' | 'stable' | 'indeterminee';

/** The diagnostic indicator an indicator is linked to: the territory's series and the gap to the region. */
export interface DiagnosticLie {
  code: string;
  libelle: string;
  unite: string | null;
  serie: { periode: string; texte: string }[];
  ecartInitial: EcartRegion | null;
  ecartActuel: EcartRegion | null;
  tendance: TendanceEcart;
}

/** An indicator as stored (the 409 of a stale edit carries this row as `courant`). */
export interface IndicateurSuiviLigne {
  id: string;
  ficheId: string;
  contratId: string;
  rang: number;
  libelle: string;
  type: 'processus' | 'activite' | 'resultat';
  unite: string | null;
  methode: string | null;
  source: string | null;
  cible: string | null;
  pourcentage: boolean;
  poids: number;
  referenceValeur: number | null;
  referenceNumerateur: number | null;
  referenceDenominateur: number | null;
  referenceDate: string | null;
  cibles: Omit<CibleSuivi, 'mesure'>[];
  indicateurDiagnostic: string | null;
  version: number;
}

export interface IndicateurSuivi extends Omit<IndicateurSuiviLigne, 'cibles'> {
  reference: number | null;
  cibles: CibleSuivi[];
  valeurs: ValeurSuivi[];
  diagnostic?: DiagnosticLie | null;
}

export interface BilanFiche {
  id: string;
  ficheId: string;
  periode: string;
  recit: string | null;
  difficultes: string | null;
  perspectives: string | null;
  statutPropose: StatutFiche | null;
  etat: EtatSuivi;
  version: number;
  modifieLe?: string;
  etapes?: EtapeSuivi[];
  /** In a campaign's form: the comment of the last send-back. */
  dernierRenvoi?: string | null;
}

export interface DroitsSuivi {
  saisir: boolean;
  valider: boolean;
  /** Define indicators (baseline, targets): the fiche's editors and pilotes. */
  definir?: boolean;
  /** Reopen a validated value, with a reason: the ARS referent and the regional ARS. */
  rouvrir?: boolean;
  /** Validation by someone other than the submitter (the contract's regions, decision 0014). */
  quatreYeux?: boolean;
}

/** GET /api/fiches/{id}/suivi */
export interface SuiviFiche {
  fiche: { id: string; numero: number; intitule: string; statut: StatutFiche; contratId: string; poids: number };
  droits: DroitsSuivi & { definir: boolean; ajouterIndicateur: boolean };
  indicateurs: IndicateurSuivi[];
  bilans: BilanFiche[];
  historiqueStatuts: { statut: StatutFiche; le: string; par: string | null }[];
}

export type SourceAvancement = 'indicateurs' | 'statut' | 'exclue';

export interface FicheAvancement {
  id: string;
  numero: number;
  intitule: string;
  statut: StatutFiche;
  statutLibelle: string;
  poids: number;
  /** 0 to 100; null for an abandoned fiche. */
  avancement: number | null;
  source: SourceAvancement;
  indicateurs: number;
  indicateursMesures: number;
  historiqueStatuts: { statut: StatutFiche; le: string; par: string | null }[];
}

export interface ObjectifAvancement {
  id: string;
  numero: string;
  intitule: string;
  avancement: number | null;
  poids: number;
  fiches: FicheAvancement[];
}

export interface AxeAvancement {
  id: string;
  numero: number;
  intitule: string;
  avancement: number | null;
  poids: number;
  objectifs: ObjectifAvancement[];
  fichesSansObjectif: FicheAvancement[];
}

/** GET /api/contrats/{id}/avancement */
export interface Avancement {
  avancement: number | null;
  fiches: number;
  parStatut: Record<StatutFiche, number>;
  axes: AxeAvancement[];
  fichesSansAxe: FicheAvancement[];
}

export type EtatFicheCampagne = 'a_faire' | 'en_cours' | 'a_corriger' | 'soumis' | 'valide';

export interface Campagne {
  id: string;
  contratId: string;
  periode: string;
  echeance: string;
  message: string | null;
  etat: 'ouverte' | 'close';
  ouvertePar: string;
  ouverteLe: string;
  closeLe: string | null;
}

/** A row of GET /api/contrats/{id}/campagnes. */
export interface CampagneResume extends Campagne {
  fiches: number;
  completes: number;
  validees: number;
}

export interface FicheCampagne {
  id: string;
  numero: number;
  intitule: string;
  statut: StatutFiche;
  pilotes: { organisationId: string | null; nom: string | null; service: string | null }[];
  etatBilan: EtatSuivi | null;
  indicateurs: number;
  valeursSaisies: number;
  valeursValidees: number;
  etat: EtatFicheCampagne;
  etatLibelle: string;
}

export type MotifCourriel = 'ouverture' | 'relance_j7' | 'relance_j1' | 'relance';

/** GET /api/campagnes/{id}: the completion dashboard. */
export interface TableauCampagne extends Campagne {
  contrat: { id: string; intitule: string };
  peutGerer: boolean;
  /** Share of fiches submitted or validated, 0 to 100. */
  taux: number;
  parEtat: Record<EtatFicheCampagne, number>;
  fiches: FicheCampagne[];
  organisations: { organisationId: string | null; nom: string; fiches: number; completes: number; validees: number }[];
  courriels: { motif: MotifCourriel; envoyeLe: string; email: string }[];
  organisationsSansCompte: { id: string; nom: string }[];
}

export interface IndicateurCampagne extends IndicateurSuivi {
  valeur: ValeurSuivi | null;
  /** The target of the campaign's period. */
  ciblePeriode: CibleSuivi | null;
}

export interface FicheSaisieCampagne extends Omit<FicheCampagne, 'indicateurs'> {
  droits: DroitsSuivi;
  bilan: BilanFiche | null;
  indicateurs: IndicateurCampagne[];
}

/** GET /api/campagnes/{id}/saisie: the fiches this user reports on (or validates). */
export interface SaisieCampagne extends Campagne {
  contrat: { id: string; intitule: string };
  fiches: FicheSaisieCampagne[];
}

export interface Evaluation extends EvaluationSaisie {
  id: string;
  contratId: string;
  version: number;
  creeLe: string;
  modifieLe: string;
  /** GET /api/evaluations/{id}: each piece of evidence resolved to a readable text. */
  preuves?: Record<string, { type: 'valeur' | 'verbatim' | 'document'; texte: string }>;
}

// ---------- Queries

/** Everything a follow-up change may touch (the contract's views are refreshed by useMutationContrat). */
const PREFIXES_SUIVI = ['avancement', 'suivi', 'campagnes', 'campagne', 'saisie-campagne', 'evaluations', 'evaluation', 'accueil-campagnes'];
const useMutationSuivi = <V, R = void>(fn: (v: V) => Promise<R>) => useMutationContrat<V, R>(fn, PREFIXES_SUIVI);

export function useAvancement(contratId: string | undefined) {
  return useQuery({
    queryKey: ['avancement', contratId],
    queryFn: ({ signal }) => requete<Avancement>(`/api/contrats/${contratId}/avancement`, { signal }),
    enabled: !!contratId,
  });
}

export function useSuiviFiche(ficheId: string | undefined) {
  return useQuery({
    queryKey: ['suivi', ficheId],
    queryFn: ({ signal }) => requete<SuiviFiche>(`/api/fiches/${ficheId}/suivi`, { signal }),
    enabled: !!ficheId,
  });
}

/** The follow-up of several fiches at once (the evaluation's evidence: validated values of the contract). */
export function useSuivisFiches(ficheIds: string[]) {
  return useQueries({
    queries: ficheIds.map((id) => ({
      queryKey: ['suivi', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => requete<SuiviFiche>(`/api/fiches/${id}/suivi`, { signal }),
    })),
    combine: (resultats) => ({
      enCours: resultats.some((r) => r.isPending),
      erreur: resultats.find((r) => r.error)?.error ?? null,
      suivis: resultats.flatMap((r) => (r.data ? [r.data] : [])),
    }),
  });
}

export const obtenirSuiviFiche = (ficheId: string) => requete<SuiviFiche>(`/api/fiches/${ficheId}/suivi`);

export function useCampagnes(contratId: string | undefined, actif = true) {
  return useQuery({
    queryKey: ['campagnes', contratId],
    queryFn: ({ signal }) => requete<CampagneResume[]>(`/api/contrats/${contratId}/campagnes`, { signal }),
    enabled: !!contratId && actif,
  });
}

export function useCampagne(id: string | undefined) {
  return useQuery({
    queryKey: ['campagne', id],
    queryFn: ({ signal }) => requete<TableauCampagne>(`/api/campagnes/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useSaisieCampagne(id: string | undefined) {
  return useQuery({
    queryKey: ['saisie-campagne', id],
    queryFn: ({ signal }) => requete<SaisieCampagne>(`/api/campagnes/${id}/saisie`, { signal }),
    enabled: !!id,
  });
}

export const obtenirSaisieCampagne = (id: string) => requete<SaisieCampagne>(`/api/campagnes/${id}/saisie`);

export function useEvaluations(contratId: string | undefined) {
  return useQuery({
    queryKey: ['evaluations', contratId],
    queryFn: ({ signal }) => requete<Evaluation[]>(`/api/contrats/${contratId}/evaluations`, { signal }),
    enabled: !!contratId,
  });
}

export function useEvaluation(id: string | undefined) {
  return useQuery({
    queryKey: ['evaluation', id],
    queryFn: ({ signal }) => requete<Evaluation>(`/api/evaluations/${id}`, { signal }),
    enabled: !!id,
  });
}

export const obtenirEvaluation = (id: string) => requete<Evaluation>(`/api/evaluations/${id}`);

// ---------- Mutations

export type EtatRetour = { id?: string; etat: EtatSuivi; version?: number; elements?: number };

export function useGestionIndicateurs(ficheId: string) {
  return {
    creation: useMutationSuivi((s: IndicateurSuiviSaisie) => requete<{ id: string }>(`/api/fiches/${ficheId}/indicateurs-suivi`, { methode: 'POST', corps: s })),
    modification: useMutationSuivi(({ id, saisie, version }: { id: string; saisie: IndicateurSuiviSaisie; version: number }) =>
      requete<{ id: string; version: number }>(`/api/indicateurs-suivi/${id}`, { methode: 'PUT', corps: { ...saisie, version } }),
    ),
    suppression: useMutationSuivi((id: string) => requete<void>(`/api/indicateurs-suivi/${id}`, { methode: 'DELETE' })),
  };
}

export const saisirValeur = (indicateurId: string, periode: string, s: ValeurSuiviSaisie) =>
  requete<EtatRetour>(`/api/indicateurs-suivi/${indicateurId}/valeurs/${encodeURIComponent(periode)}`, { methode: 'PUT', corps: s });

export const saisirBilan = (ficheId: string, periode: string, s: BilanFicheSaisie) =>
  requete<EtatRetour>(`/api/fiches/${ficheId}/bilans/${encodeURIComponent(periode)}`, { methode: 'PUT', corps: s });

export const transitionFiche = (ficheId: string, periode: string, action: ActionSuivi, commentaire?: string | null) =>
  requete<EtatRetour>(`/api/fiches/${ficheId}/suivi/${encodeURIComponent(periode)}/transitions`, { methode: 'POST', corps: { action, commentaire: commentaire ?? null } });

export const useSaisieValeur = () => useMutationSuivi(({ indicateurId, periode, saisie }: { indicateurId: string; periode: string; saisie: ValeurSuiviSaisie }) => saisirValeur(indicateurId, periode, saisie));

export const useTransitionValeur = () =>
  useMutationSuivi(({ valeurId, action, commentaire }: { valeurId: string; action: ActionSuivi; commentaire?: string | null }) =>
    requete<EtatRetour>(`/api/valeurs-suivi/${valeurId}/transitions`, { methode: 'POST', corps: { action, commentaire: commentaire ?? null } }),
  );

export const useTransitionFiche = () =>
  useMutationSuivi(({ ficheId, periode, action, commentaire }: { ficheId: string; periode: string; action: ActionSuivi; commentaire?: string | null }) =>
    transitionFiche(ficheId, periode, action, commentaire),
  );

/** Any sequence of follow-up calls (a campaign form saves several values and the report), then one refresh. */
export const useEnchainementSuivi = <V, R>(fn: (v: V) => Promise<R>) => useMutationSuivi(fn);

export const useOuvertureCampagne = (contratId: string) =>
  useMutationSuivi((s: CampagneSaisie) =>
    requete<{ id: string; destinataires: string[]; organisationsSansCompte: { id: string; nom: string }[] }>(`/api/contrats/${contratId}/campagnes`, { methode: 'POST', corps: s }),
  );

export const useRelanceCampagne = (id: string) => useMutationSuivi(() => requete<{ destinataires: string[] }>(`/api/campagnes/${id}/relances`, { methode: 'POST' }));

export const useClotureCampagne = (id: string) => useMutationSuivi(() => requete<{ id: string; etat: 'close' }>(`/api/campagnes/${id}/cloture`, { methode: 'POST' }));

export const useCreationEvaluation = (contratId: string) =>
  useMutationSuivi((s: EvaluationSaisie) => requete<{ id: string }>(`/api/contrats/${contratId}/evaluations`, { methode: 'POST', corps: s }));

export const useModificationEvaluation = (id: string) =>
  useMutationSuivi(({ saisie, version }: { saisie: EvaluationSaisie; version: number }) =>
    requete<{ id: string; version: number }>(`/api/evaluations/${id}`, { methode: 'PUT', corps: { ...saisie, version } }),
  );

export const useSuppressionEvaluation = () => useMutationSuivi((id: string) => requete<void>(`/api/evaluations/${id}`, { methode: 'DELETE' }));

export const useRenouvellementEvaluation = (id: string) =>
  useMutationContrat(
    (corps: { ficheIds?: string[] | null; intitule?: string | null }) => requete<{ id: string; generation: number }>(`/api/evaluations/${id}/renouvellement`, { methode: 'POST', corps }),
    [...PREFIXES_SUIVI, 'session'],
  );
