/**
 * The appui routes after the evaluation (issue 18 items 4–6): the plan personnalisé and its versions, concertations,
 * closure, case load and delays. Shapes are inferred from packages/domain/src/api/appui-plan.ts.
 */
import type {
  chargeEquipe,
  clotureCorps,
  clotureVue,
  concertationCorps,
  concertationEnregistree,
  delaisSituationVue,
  listeConcertations,
  planCorps,
  planSituation,
  planVersionVue,
} from '@maillage/domain/api';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { useMutationAppui } from './appui';
import { requete } from './client';

export type PlanSituation = z.infer<typeof planSituation>;
export type PlanVersion = z.infer<typeof planVersionVue>;
export type SaisiePlan = z.input<typeof planCorps>;
export type SaisieConcertation = z.input<typeof concertationCorps>;
export type Concertation = z.infer<typeof listeConcertations>['elements'][number];
export type ChargeEquipe = z.infer<typeof chargeEquipe>;
export type DelaisSituation = z.infer<typeof delaisSituationVue>;
export type Cloture = z.infer<typeof clotureVue>;

export function usePlan(situationId: string) {
  return useQuery({
    queryKey: ['appui-plan', situationId],
    queryFn: ({ signal }) => requete<PlanSituation>(`/api/appui/situations/${situationId}/plan`, { signal }),
  });
}

/** A past version of the plan, read on demand. */
export function useVersionPlan(situationId: string, version: number | null) {
  return useQuery({
    queryKey: ['appui-plan', situationId, version],
    queryFn: ({ signal }) => requete<PlanVersion>(`/api/appui/situations/${situationId}/plan/versions/${version}`, { signal }),
    enabled: version !== null,
  });
}

export const useEnregistrementPlan = (situationId: string) =>
  useMutationAppui((corps: SaisiePlan) => requete<PlanVersion>(`/api/appui/situations/${situationId}/plan`, { methode: 'PUT', corps }));

/** The plan as a PDF for the care team (a given version, the last one otherwise). */
export const cheminPdfPlan = (situationId: string, version?: number) =>
  `/api/appui/situations/${situationId}/plan.pdf${version ? `?version=${version}` : ''}`;

export function useConcertations(situationId: string) {
  return useQuery({
    queryKey: ['appui-plan', situationId, 'concertations'],
    queryFn: ({ signal }) => requete<z.infer<typeof listeConcertations>>(`/api/appui/situations/${situationId}/concertations`, { signal }),
  });
}

export const useNouvelleConcertation = (situationId: string) =>
  useMutationAppui((corps: SaisieConcertation) =>
    requete<z.infer<typeof concertationEnregistree>>(`/api/appui/situations/${situationId}/concertations`, { methode: 'POST', corps }),
  );

export function useDelaisSituation(situationId: string) {
  return useQuery({
    queryKey: ['appui-plan', situationId, 'delais'],
    queryFn: ({ signal }) => requete<DelaisSituation>(`/api/appui/situations/${situationId}/delais`, { signal }),
  });
}

export const useCloture = (situationId: string) =>
  useMutationAppui((corps: z.input<typeof clotureCorps>) =>
    requete<Cloture>(`/api/appui/situations/${situationId}/cloture`, { methode: 'POST', corps }),
  );

/** The feedback letter to the médecin traitant, as a PDF. */
export const cheminCourrierCloture = (situationId: string) => `/api/appui/situations/${situationId}/courrier-cloture.pdf`;

export function useChargeEquipe(equipeId: string | undefined) {
  return useQuery({
    queryKey: ['appui-charge', equipeId],
    queryFn: ({ signal }) => requete<ChargeEquipe>(`/api/appui/equipes/${equipeId}/charge`, { signal }),
    enabled: !!equipeId,
  });
}
