/** Governance of a contract: instances and their members, séances (agenda, attendance, compte rendu, decisions), coordination, alerts. */
import type { decisionSchema, instanceSchema, membreInstanceSchema, posteCoordinationSchema, seanceSchema } from '@maillage/domain';
import type {
  Alerte,
  CourrielMembreChange,
  DecisionPrise,
  IdCree,
  Instance,
  InvitationsEnvoyees,
  LienCalendrier,
  PosteCoordination,
  Presence,
  Seance,
} from '@maillage/domain/api';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { requete } from './client';
import { useMutationContrat } from './contrats';

// Response shapes: inferred from their schemas in @maillage/domain/api (tag Gouvernance).
export type {
  ActionDecision,
  Alerte,
  Decision,
  EtatPresence,
  Instance,
  MembreInstance,
  PointOrdreDuJour,
  Presence,
  PosteCoordination,
  Seance,
  StatutSeance,
} from '@maillage/domain/api';

// Request shapes: the domain's schemas, as the server validates them.
export type SaisieInstance = z.output<typeof instanceSchema>;
export type SaisieMembre = z.output<typeof membreInstanceSchema>;
export type SaisieSeance = z.output<typeof seanceSchema>;

/** `confirmerSeanceFuture`: the séance has not been held yet, and the user confirmed (otherwise 422). */
export type SaisieDecision = z.input<typeof decisionSchema> & { confirmerSeanceFuture?: boolean };
export type SaisiePoste = z.output<typeof posteCoordinationSchema>;

/** Every view a governance change may touch, besides the contract's own (fiches, history). */
const GOUVERNANCE = ['instances', 'seances', 'seance', 'coordination', 'alertes', 'calendrier', 'financements'];

export function useInstances(contratId: string | undefined) {
  return useQuery({
    queryKey: ['instances', contratId],
    queryFn: ({ signal }) => requete<Instance[]>(`/api/contrats/${contratId}/instances`, { signal }),
    enabled: !!contratId,
  });
}

export function useSeances(contratId: string, actif = true) {
  return useQuery({
    queryKey: ['seances', contratId],
    queryFn: ({ signal }) => requete<Seance[]>(`/api/contrats/${contratId}/seances`, { signal }),
    enabled: actif,
  });
}

export function useSeance(id: string | undefined) {
  return useQuery({
    queryKey: ['seance', id],
    queryFn: ({ signal }) => requete<Seance>(`/api/seances/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useCoordination(contratId: string) {
  return useQuery({
    queryKey: ['coordination', contratId],
    queryFn: ({ signal }) => requete<PosteCoordination[]>(`/api/contrats/${contratId}/coordination`, { signal }),
  });
}

export function useAlertes(contratId: string, actif = true) {
  return useQuery({
    queryKey: ['alertes', contratId],
    queryFn: ({ signal }) => requete<Alerte[]>(`/api/contrats/${contratId}/alertes`, { signal }),
    enabled: actif,
  });
}

/** The secret link of an instance's calendar feed, fetched only when asked for. */
export function useLienCalendrier(contratId: string, instanceId: string, actif: boolean) {
  return useQuery({
    queryKey: ['calendrier', contratId, instanceId],
    queryFn: ({ signal }) => requete<LienCalendrier>(`/api/contrats/${contratId}/instances/${instanceId}/calendrier`, { signal }),
    enabled: actif,
    staleTime: Infinity,
  });
}

export function useGestionInstances(contratId: string) {
  const base = `/api/contrats/${contratId}/instances`;
  return {
    ajout: useMutationContrat((i: SaisieInstance) => requete<IdCree>(base, { methode: 'POST', corps: i }), GOUVERNANCE),
    modification: useMutationContrat(
      ({ id, ...i }: SaisieInstance & { id: string }) => requete<void>(`${base}/${id}`, { methode: 'PUT', corps: i }),
      GOUVERNANCE,
    ),
    suppression: useMutationContrat((id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' }), GOUVERNANCE),
    ajoutMembre: useMutationContrat(
      ({ instanceId, ...m }: SaisieMembre & { instanceId: string }) =>
        requete<IdCree>(`${base}/${instanceId}/membres`, { methode: 'POST', corps: m }),
      GOUVERNANCE,
    ),
    courrielMembre: useMutationContrat(
      ({ instanceId, membreId, email }: { instanceId: string; membreId: string; email: string | null }) =>
        requete<CourrielMembreChange>(`${base}/${instanceId}/membres/${membreId}/courriel`, { methode: 'PUT', corps: { email } }),
      GOUVERNANCE,
    ),
    retraitMembre: useMutationContrat(
      ({ instanceId, membreId }: { instanceId: string; membreId: string }) =>
        requete<void>(`${base}/${instanceId}/membres/${membreId}`, { methode: 'DELETE' }),
      GOUVERNANCE,
    ),
  };
}

export const usePlanificationSeance = (contratId: string) =>
  useMutationContrat(
    (s: SaisieSeance) => requete<IdCree>(`/api/contrats/${contratId}/seances`, { methode: 'POST', corps: s }),
    GOUVERNANCE,
  );

export function useGestionSeance(id: string) {
  const base = `/api/seances/${id}`;
  return {
    modification: useMutationContrat(
      (s: SaisieSeance & { version: number }) => requete<Seance>(base, { methode: 'PUT', corps: s }),
      GOUVERNANCE,
    ),
    invitations: useMutationContrat(() => requete<InvitationsEnvoyees>(`${base}/invitations`, { methode: 'POST' }), GOUVERNANCE),
    presences: useMutationContrat(
      (presences: Presence[]) => requete<Seance>(`${base}/presences`, { methode: 'PUT', corps: { presences } }),
      GOUVERNANCE,
    ),
    compteRendu: useMutationContrat(
      (c: { compteRendu: string; version: number }) => requete<Seance>(`${base}/compte-rendu`, { methode: 'PUT', corps: c }),
      GOUVERNANCE,
    ),
    decision: useMutationContrat(
      (d: SaisieDecision) => requete<DecisionPrise>(`${base}/decisions`, { methode: 'POST', corps: d }),
      GOUVERNANCE,
    ),
  };
}

export function useGestionCoordination(contratId: string) {
  const base = `/api/contrats/${contratId}/coordination`;
  return {
    ajout: useMutationContrat((p: SaisiePoste) => requete<IdCree>(base, { methode: 'POST', corps: p }), GOUVERNANCE),
    modification: useMutationContrat(
      ({ id, ...p }: SaisiePoste & { id: string; version: number }) => requete<void>(`${base}/${id}`, { methode: 'PUT', corps: p }),
      GOUVERNANCE,
    ),
  };
}
