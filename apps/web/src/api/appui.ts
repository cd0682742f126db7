/**
 * The appui module (issue 18): support teams, the guichet unique, cases with their person, médecin traitant,
 * evaluations, orientations and read log. Shapes are inferred from packages/domain/src/api/appui.ts.
 */
import type {
  accuseReception,
  demandeCorps,
  demandeVue,
  evaluationCorps,
  identitePersonne,
  informationCorps,
  journalAcces,
  listeDemandes,
  listeEquipesAppui,
  listeMembresAppui,
  listeSituations,
  medecinTraitantCorps,
  mesDemandes,
  motifAccesEnregistre,
  orientationCorps,
  orientationIssueCorps,
  situationEnregistree,
  situationVue,
} from '@maillage/domain/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { requete } from './client';

export type EquipeAppui = z.infer<typeof listeEquipesAppui>['elements'][number];
export type MembreAppui = z.infer<typeof listeMembresAppui>['elements'][number];
export type AccuseReception = z.infer<typeof accuseReception>;
export type DemandeResume = z.infer<typeof listeDemandes>['elements'][number];
export type DemandeVue = z.infer<typeof demandeVue>;
export type MaDemande = z.infer<typeof mesDemandes>['elements'][number];
export type SituationResume = z.infer<typeof listeSituations>['elements'][number];
export type SituationVue = z.infer<typeof situationVue>;
export type SituationComplete = Extract<SituationVue, { acces: 'complet' }>;
export type EntreeJournalAcces = z.infer<typeof journalAcces>['elements'][number];
export type SaisieDemande = z.input<typeof demandeCorps>;
export type SaisieEvaluation = z.input<typeof evaluationCorps>;
export type SaisieIdentite = z.input<typeof identitePersonne>;
export type SaisieMedecin = z.input<typeof medecinTraitantCorps>;
export type SaisieInformation = z.input<typeof informationCorps>;
type Enregistree = z.infer<typeof situationEnregistree>;

/** Every view a change in the module may touch (lists, a case, its plan, the case load, the activity). */
const VUES_APPUI = [
  'appui-demandes',
  'appui-demande',
  'appui-situations',
  'appui-situation',
  'appui-journal',
  'appui-plan',
  'appui-charge',
];

export function useMutationAppui<V, R = void>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ predicate: (q) => VUES_APPUI.includes(String(q.queryKey[0])) }),
  });
}

/** The support teams: every team a request may be sent to, with the user's own role in each (null outside it). */
export function useEquipesAppui(actif = true) {
  return useQuery({
    queryKey: ['appui-equipes'],
    queryFn: ({ signal }) => requete<z.infer<typeof listeEquipesAppui>>('/api/appui/equipes', { signal }),
    enabled: actif,
    staleTime: 5 * 60_000,
  });
}

/** The teams the user works in (coordinator or case manager). */
export function useMesEquipesAppui(actif = true) {
  const equipes = useEquipesAppui(actif);
  return { ...equipes, mes: (equipes.data?.elements ?? []).filter((e) => e.monRole !== null) };
}

export function useMembresAppui(equipeId: string | undefined) {
  return useQuery({
    queryKey: ['appui-membres', equipeId],
    queryFn: ({ signal }) => requete<z.infer<typeof listeMembresAppui>>(`/api/appui/equipes/${equipeId}/membres`, { signal }),
    enabled: !!equipeId,
  });
}

// ---------- Requests

export function useEnvoiDemande() {
  return useMutationAppui((corps: SaisieDemande) => requete<AccuseReception>('/api/appui/demandes', { methode: 'POST', corps }));
}

/** The requests the user sent from the form, and where they stand (no content of the case: the sender is not its staff). */
export function useMesDemandes() {
  return useQuery({
    queryKey: ['appui-demandes', 'miennes'],
    queryFn: ({ signal }) => requete<z.infer<typeof mesDemandes>>('/api/appui/mes-demandes', { signal }),
  });
}

export function useDemandes(equipeId: string | undefined) {
  return useQuery({
    queryKey: ['appui-demandes', equipeId],
    queryFn: ({ signal }) => requete<z.infer<typeof listeDemandes>>(`/api/appui/demandes?equipe=${equipeId}`, { signal }),
    enabled: !!equipeId,
  });
}

export function useDemande(id: string | undefined) {
  return useQuery({
    queryKey: ['appui-demande', id],
    queryFn: ({ signal }) => requete<DemandeVue>(`/api/appui/demandes/${id}`, { signal }),
    enabled: !!id,
  });
}

export const useReferentDemande = (id: string) =>
  useMutationAppui((corps: { referentId: string; version: number }) =>
    requete<unknown>(`/api/appui/demandes/${id}/referent`, { methode: 'POST', corps }),
  );

export const usePremierContact = (id: string) =>
  useMutationAppui((corps: { version: number }) =>
    requete<unknown>(`/api/appui/demandes/${id}/premier-contact`, { methode: 'POST', corps }),
  );

export const useOuvertureSituation = (id: string) =>
  useMutationAppui((corps: { version: number }) => requete<Enregistree>(`/api/appui/demandes/${id}/situation`, { methode: 'POST', corps }));

export const useSansSuite = (id: string) =>
  useMutationAppui((corps: { version: number }) => requete<unknown>(`/api/appui/demandes/${id}/sans-suite`, { methode: 'POST', corps }));

// ---------- Cases

export function useSituations(equipeId: string | undefined) {
  return useQuery({
    queryKey: ['appui-situations', equipeId],
    queryFn: ({ signal }) => requete<z.infer<typeof listeSituations>>(`/api/appui/situations?equipe=${equipeId}`, { signal }),
    enabled: !!equipeId,
  });
}

export function useSituation(id: string | undefined) {
  return useQuery({
    queryKey: ['appui-situation', id],
    queryFn: ({ signal }) => requete<SituationVue>(`/api/appui/situations/${id}`, { signal }),
    enabled: !!id,
  });
}

export const useMotifAcces = (id: string) =>
  useMutationAppui((corps: { motif: string }) =>
    requete<z.infer<typeof motifAccesEnregistre>>(`/api/appui/situations/${id}/motif-acces`, { methode: 'POST', corps }),
  );

export const useModificationPersonne = (id: string) =>
  useMutationAppui((corps: { identite: SaisieIdentite; version: number }) =>
    requete<Enregistree>(`/api/appui/situations/${id}/personne`, { methode: 'PUT', corps }),
  );

export const useInformationPersonne = (id: string) =>
  useMutationAppui((corps: SaisieInformation) =>
    requete<Enregistree>(`/api/appui/situations/${id}/information`, { methode: 'PUT', corps }),
  );

export const useModificationMedecin = (id: string) =>
  useMutationAppui((corps: { medecinTraitant: SaisieMedecin; version: number }) =>
    requete<Enregistree>(`/api/appui/situations/${id}/medecin-traitant`, { methode: 'PUT', corps }),
  );

export const useIntervenants = (id: string) =>
  useMutationAppui((corps: { referentId?: string; intervenants: string[]; version: number }) =>
    requete<Enregistree>(`/api/appui/situations/${id}/intervenants`, { methode: 'PUT', corps }),
  );

export const useEvaluation = (id: string) =>
  useMutationAppui((corps: SaisieEvaluation) => requete<unknown>(`/api/appui/situations/${id}/evaluations`, { methode: 'POST', corps }));

export const useOrientation = (id: string) =>
  useMutationAppui((corps: z.input<typeof orientationCorps>) =>
    requete<unknown>(`/api/appui/situations/${id}/orientations`, { methode: 'POST', corps }),
  );

export const useIssueOrientation = (id: string) =>
  useMutationAppui(({ orientationId, ...corps }: z.input<typeof orientationIssueCorps> & { orientationId: string }) =>
    requete<unknown>(`/api/appui/situations/${id}/orientations/${orientationId}`, { methode: 'PATCH', corps }),
  );

export function useJournalAcces(id: string, actif: boolean) {
  return useQuery({
    queryKey: ['appui-journal', id],
    queryFn: ({ signal }) => requete<z.infer<typeof journalAcces>>(`/api/appui/situations/${id}/journal-acces`, { signal }),
    enabled: actif,
  });
}
