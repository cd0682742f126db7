import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { requete } from './client';
import type {
  codesGeneres,
  ConsultationCorps,
  ConsultationModification,
  ConsultationPublique,
  ConsultationResume,
  ConsultationVue,
  QuestionnaireCorps,
  ResultatsConsultation,
  verbatimsCrees,
} from '@maillage/domain/api';

/** Consultations of the inhabitants (issue 20): the coordination's side. */

export type CodesGeneres = z.infer<typeof codesGeneres>;
export type VerbatimsCrees = z.infer<typeof verbatimsCrees>;

export function useConsultations(contratId: string) {
  return useQuery({
    queryKey: ['consultations', contratId],
    queryFn: ({ signal }) => requete<ConsultationResume[]>(`/api/contrats/${contratId}/consultations`, { signal }),
  });
}

export function useConsultation(id: string) {
  return useQuery({
    queryKey: ['consultation', id],
    queryFn: ({ signal }) => requete<ConsultationVue>(`/api/consultations/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useApercuConsultation(id: string, actif = true) {
  return useQuery({
    queryKey: ['consultation-apercu', id],
    queryFn: ({ signal }) => requete<ConsultationPublique>(`/api/consultations/${id}/apercu`, { signal }),
    enabled: !!id && actif,
  });
}

export function useResultatsConsultation(id: string, actif = true) {
  return useQuery({
    queryKey: ['consultation-resultats', id],
    queryFn: ({ signal }) => requete<ResultatsConsultation>(`/api/consultations/${id}/resultats`, { signal }),
    enabled: !!id && actif,
  });
}

/** A change of a consultation refreshes it, its list, its preview and results (and the contract's history). */
function useMutationConsultation<V, R>(fn: (v: V) => Promise<R>, aussi: string[] = []) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      if (r && typeof r === 'object' && 'id' in r && 'sections' in r)
        client.setQueryData(['consultation', (r as unknown as ConsultationVue).id], r);
      return client.invalidateQueries({
        predicate: (q) =>
          ['consultations', 'consultation', 'consultation-apercu', 'consultation-resultats', 'historique', 'audit', ...aussi].includes(
            String(q.queryKey[0]),
          ),
      });
    },
  });
}

export const useCreationConsultation = (contratId: string) =>
  useMutationConsultation((corps: ConsultationCorps) =>
    requete<ConsultationVue>(`/api/contrats/${contratId}/consultations`, { methode: 'POST', corps }),
  );

export const useModificationConsultation = (id: string) =>
  useMutationConsultation((corps: ConsultationModification) =>
    requete<ConsultationVue>(`/api/consultations/${id}`, { methode: 'PATCH', corps }),
  );

export const useSuppressionConsultation = (id: string) =>
  useMutationConsultation((version: number) => requete<void>(`/api/consultations/${id}?version=${version}`, { methode: 'DELETE' }));

export const useEnregistrementQuestionnaire = (id: string) =>
  useMutationConsultation((corps: QuestionnaireCorps) =>
    requete<ConsultationVue>(`/api/consultations/${id}/questionnaire`, { methode: 'PUT', corps }),
  );

export const useOuvertureConsultation = (id: string) =>
  useMutationConsultation((corps: { debut: string; fin: string; version: number }) =>
    requete<ConsultationVue>(`/api/consultations/${id}/ouverture`, { methode: 'POST', corps }),
  );

export const useClotureConsultation = (id: string) =>
  useMutationConsultation((version: number) =>
    requete<ConsultationVue>(`/api/consultations/${id}/cloture`, { methode: 'POST', corps: { version } }),
  );

export const useGenerationCodes = (id: string) =>
  useMutationConsultation((nombre: number) =>
    requete<CodesGeneres>(`/api/consultations/${id}/codes?format=json`, { methode: 'POST', corps: { nombre } }),
  );

/** Free-text answers into verbatims of the diagnostic: the diagnostic is refreshed too. */
export const useConversionVerbatims = (id: string) =>
  useMutationConsultation(
    (corps: { reponses?: string[]; questionId?: string }) =>
      requete<VerbatimsCrees>(`/api/consultations/${id}/verbatims`, { methode: 'POST', corps }),
    ['diagnostic'],
  );
