/**
 * Follow-up and evaluation (issue 6): indicators of each fiche with their values and workflow, the contract's
 * progress, the yearly campaigns and the evaluations. Shapes: apps/server/src/modules/suivi (tag « Suivi et évaluation »).
 */
import type {
  ActionSuivi,
  BilanFicheSaisie,
  CampagneSaisie,
  EvaluationSaisie,
  IndicateurSuiviSaisie,
  ValeurSuiviSaisie,
} from '@maillage/domain';
import type {
  Avancement,
  CampagneClose,
  CampagneOuverte,
  CampagneResume,
  EtatRetour,
  Evaluation,
  GenerationCreee,
  IdCree,
  RelanceCampagne,
  SaisieCampagne,
  SuiviFiche,
  TableauCampagne,
  VersionModifiee,
} from '@maillage/domain/api';
import { useQueries, useQuery } from '@tanstack/react-query';
import { requete } from './client';
import { useMutationContrat } from './contrats';

// ---------- Shapes: inferred from their schemas in @maillage/domain/api (tag « Suivi et évaluation »)

export type {
  Avancement,
  AxeAvancement,
  BilanFiche,
  Campagne,
  CampagneResume,
  CibleSuivi,
  DiagnosticLie,
  DroitsSuivi,
  EcartRegion,
  EtapeSuivi,
  EtatRetour,
  Evaluation,
  FicheAvancement,
  FicheCampagne,
  FicheSaisieCampagne,
  IndicateurCampagne,
  IndicateurSuivi,
  IndicateurSuiviLigne,
  MotifCourriel,
  ObjectifAvancement,
  SaisieCampagne,
  SourceAvancement,
  SuiviFiche,
  TableauCampagne,
  TendanceEcart,
  ValeurSuivi,
} from '@maillage/domain/api';

// ---------- Queries

/** Everything a follow-up change may touch (the contract's views are refreshed by useMutationContrat). */
const PREFIXES_SUIVI = [
  'avancement',
  'suivi',
  'campagnes',
  'campagne',
  'saisie-campagne',
  'evaluations',
  'evaluation',
  'accueil-campagnes',
];
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

export function useGestionIndicateurs(ficheId: string) {
  return {
    creation: useMutationSuivi((s: IndicateurSuiviSaisie) =>
      requete<IdCree>(`/api/fiches/${ficheId}/indicateurs-suivi`, { methode: 'POST', corps: s }),
    ),
    modification: useMutationSuivi(({ id, saisie, version }: { id: string; saisie: IndicateurSuiviSaisie; version: number }) =>
      requete<VersionModifiee>(`/api/indicateurs-suivi/${id}`, { methode: 'PUT', corps: { ...saisie, version } }),
    ),
    suppression: useMutationSuivi((id: string) => requete<void>(`/api/indicateurs-suivi/${id}`, { methode: 'DELETE' })),
  };
}

export const saisirValeur = (indicateurId: string, periode: string, s: ValeurSuiviSaisie) =>
  requete<EtatRetour>(`/api/indicateurs-suivi/${indicateurId}/valeurs/${encodeURIComponent(periode)}`, { methode: 'PUT', corps: s });

export const saisirBilan = (ficheId: string, periode: string, s: BilanFicheSaisie) =>
  requete<EtatRetour>(`/api/fiches/${ficheId}/bilans/${encodeURIComponent(periode)}`, { methode: 'PUT', corps: s });

export const transitionFiche = (ficheId: string, periode: string, action: ActionSuivi, commentaire?: string | null) =>
  requete<EtatRetour>(`/api/fiches/${ficheId}/suivi/${encodeURIComponent(periode)}/transitions`, {
    methode: 'POST',
    corps: { action, commentaire: commentaire ?? null },
  });

export const useSaisieValeur = () =>
  useMutationSuivi(({ indicateurId, periode, saisie }: { indicateurId: string; periode: string; saisie: ValeurSuiviSaisie }) =>
    saisirValeur(indicateurId, periode, saisie),
  );

export const useTransitionValeur = () =>
  useMutationSuivi(({ valeurId, action, commentaire }: { valeurId: string; action: ActionSuivi; commentaire?: string | null }) =>
    requete<EtatRetour>(`/api/valeurs-suivi/${valeurId}/transitions`, {
      methode: 'POST',
      corps: { action, commentaire: commentaire ?? null },
    }),
  );

export const useTransitionFiche = () =>
  useMutationSuivi(
    ({ ficheId, periode, action, commentaire }: { ficheId: string; periode: string; action: ActionSuivi; commentaire?: string | null }) =>
      transitionFiche(ficheId, periode, action, commentaire),
  );

/** Any sequence of follow-up calls (a campaign form saves several values and the report), then one refresh. */
export const useEnchainementSuivi = <V, R>(fn: (v: V) => Promise<R>) => useMutationSuivi(fn);

export const useOuvertureCampagne = (contratId: string) =>
  useMutationSuivi((s: CampagneSaisie) => requete<CampagneOuverte>(`/api/contrats/${contratId}/campagnes`, { methode: 'POST', corps: s }));

export const useRelanceCampagne = (id: string) =>
  useMutationSuivi(() => requete<RelanceCampagne>(`/api/campagnes/${id}/relances`, { methode: 'POST' }));

export const useClotureCampagne = (id: string) =>
  useMutationSuivi(() => requete<CampagneClose>(`/api/campagnes/${id}/cloture`, { methode: 'POST' }));

export const useCreationEvaluation = (contratId: string) =>
  useMutationSuivi((s: EvaluationSaisie) => requete<IdCree>(`/api/contrats/${contratId}/evaluations`, { methode: 'POST', corps: s }));

export const useModificationEvaluation = (id: string) =>
  useMutationSuivi(({ saisie, version }: { saisie: EvaluationSaisie; version: number }) =>
    requete<VersionModifiee>(`/api/evaluations/${id}`, { methode: 'PUT', corps: { ...saisie, version } }),
  );

export const useSuppressionEvaluation = () =>
  useMutationSuivi((id: string) => requete<void>(`/api/evaluations/${id}`, { methode: 'DELETE' }));

export const useRenouvellementEvaluation = (id: string) =>
  useMutationContrat(
    (corps: { ficheIds?: string[] | null; intitule?: string | null }) =>
      requete<GenerationCreee>(`/api/evaluations/${id}/renouvellement`, { methode: 'POST', corps }),
    [...PREFIXES_SUIVI, 'session'],
  );
