/** Governance of a contract: instances and their members, séances (agenda, attendance, compte rendu, decisions), coordination, alerts. */
import type { decisionSchema, ETATS_PRESENCE, posteCoordinationSchema, StatutFiche, TypeInstance } from '@maillage/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { requete } from './client';
import { useMutationContrat } from './contrats';

export interface MembreInstance {
  id: string;
  organisationId: string | null;
  organisationNom: string | null;
  personneId: string | null;
  personne: string | null;
  role: string | null;
  copresidence: boolean;
  debut: string | null;
  fin: string | null;
  /** The address the coordination gave, for a member without an account. */
  email: string | null;
  /** How many addresses the member's invitations reach (0: nobody would receive them). */
  destinataires: number;
}

export interface Instance {
  id: string;
  type: TypeInstance;
  nom: string;
  frequenceParAn: number | null;
  presidence: string | null;
  membres: MembreInstance[];
  nombreSeances: number;
  prochaineSeance: string | null;
}

export interface PointOrdreDuJour {
  id: string;
  intitule: string;
  dureeMinutes: number | null;
  ficheIds: string[];
}

export type EtatPresence = keyof typeof ETATS_PRESENCE;
export type StatutSeance = 'prevue' | 'tenue' | 'annulee';

export interface Presence {
  membreId: string;
  etat: EtatPresence;
  representePar: string | null;
}

export type ActionDecision = 'valider_fiche' | 'statut_fiche' | 'financement_fiche';

export interface Decision {
  id: string;
  texte: string;
  /** null: a decision recorded without effect on a fiche. */
  action: ActionDecision | null;
  ficheId: string | null;
  parametres: { statut?: StatutFiche; rang?: number | null; ligne?: unknown };
  appliqueeLe: string | null;
  effet: Record<string, { avant: unknown; apres: unknown }> | null;
}

export interface Seance {
  id: string;
  instanceId: string;
  instanceNom: string;
  instanceType: TypeInstance;
  contratId: string;
  debut: string;
  fin: string | null;
  lieu: string | null;
  visio: string | null;
  statut: StatutSeance;
  /** Sanitised by the server: only harmless formatting remains. */
  compteRendu: string | null;
  version: number;
  ordreDuJour: PointOrdreDuJour[];
  presences: Presence[];
  decisions: Decision[];
  invitationsEnvoyees: number;
}

export interface PosteCoordination {
  id: string;
  intitule: string;
  /** null: the post is vacant. */
  personne: string | null;
  employeurId: string | null;
  employeurNom: string | null;
  etp: number | null;
  cofinancements: { financeur: string; part: number }[];
  debut: string | null;
  fin: string | null;
  notesPassation: string | null;
  version: number;
  vacant: boolean;
  /** The doctrine's "parts égales" check, in French, or null. */
  ecartDoctrine: string | null;
}

export interface Alerte {
  type: string;
  gravite: 'info' | 'attention' | 'critique';
  message: string;
}

export interface SaisieInstance {
  type: TypeInstance;
  nom: string;
  frequenceParAn: number | null;
  presidence: string | null;
}

export interface SaisieMembre {
  organisationId: string | null;
  personneId: string | null;
  email: string | null;
  role: string | null;
  copresidence: boolean;
  debut: string | null;
  fin: string | null;
}

export interface SaisieSeance {
  instanceId: string;
  debut: string;
  fin: string | null;
  lieu: string | null;
  visio: string | null;
  ordreDuJour: { intitule: string; dureeMinutes: number | null; ficheIds: string[] }[];
  statut: StatutSeance;
}

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
    queryFn: ({ signal }) => requete<{ url: string }>(`/api/contrats/${contratId}/instances/${instanceId}/calendrier`, { signal }),
    enabled: actif,
    staleTime: Infinity,
  });
}

export function useGestionInstances(contratId: string) {
  const base = `/api/contrats/${contratId}/instances`;
  return {
    ajout: useMutationContrat((i: SaisieInstance) => requete<{ id: string }>(base, { methode: 'POST', corps: i }), GOUVERNANCE),
    modification: useMutationContrat(({ id, ...i }: SaisieInstance & { id: string }) => requete<void>(`${base}/${id}`, { methode: 'PUT', corps: i }), GOUVERNANCE),
    suppression: useMutationContrat((id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' }), GOUVERNANCE),
    ajoutMembre: useMutationContrat(({ instanceId, ...m }: SaisieMembre & { instanceId: string }) =>
      requete<{ id: string }>(`${base}/${instanceId}/membres`, { methode: 'POST', corps: m }),
      GOUVERNANCE,
    ),
    courrielMembre: useMutationContrat(({ instanceId, membreId, email }: { instanceId: string; membreId: string; email: string | null }) =>
      requete<{ email: string | null; destinataires: number }>(`${base}/${instanceId}/membres/${membreId}/courriel`, { methode: 'PUT', corps: { email } }),
      GOUVERNANCE,
    ),
    retraitMembre: useMutationContrat(({ instanceId, membreId }: { instanceId: string; membreId: string }) =>
      requete<void>(`${base}/${instanceId}/membres/${membreId}`, { methode: 'DELETE' }),
      GOUVERNANCE,
    ),
  };
}

export const usePlanificationSeance = (contratId: string) =>
  useMutationContrat((s: SaisieSeance) => requete<{ id: string }>(`/api/contrats/${contratId}/seances`, { methode: 'POST', corps: s }), GOUVERNANCE);

export function useGestionSeance(id: string) {
  const base = `/api/seances/${id}`;
  return {
    modification: useMutationContrat((s: SaisieSeance & { version: number }) => requete<Seance>(base, { methode: 'PUT', corps: s }), GOUVERNANCE),
    invitations: useMutationContrat(() => requete<{ invites: string[] }>(`${base}/invitations`, { methode: 'POST' }), GOUVERNANCE),
    presences: useMutationContrat((presences: Presence[]) => requete<Seance>(`${base}/presences`, { methode: 'PUT', corps: { presences } }), GOUVERNANCE),
    compteRendu: useMutationContrat((c: { compteRendu: string; version: number }) => requete<Seance>(`${base}/compte-rendu`, { methode: 'PUT', corps: c }), GOUVERNANCE),
    decision: useMutationContrat(
      (d: SaisieDecision) => requete<{ id: string; effet: Decision['effet']; resume: string | null }>(`${base}/decisions`, { methode: 'POST', corps: d }),
      GOUVERNANCE,
    ),
  };
}

export function useGestionCoordination(contratId: string) {
  const base = `/api/contrats/${contratId}/coordination`;
  return {
    ajout: useMutationContrat((p: SaisiePoste) => requete<{ id: string }>(base, { methode: 'POST', corps: p }), GOUVERNANCE),
    modification: useMutationContrat(({ id, ...p }: SaisiePoste & { id: string; version: number }) => requete<void>(`${base}/${id}`, { methode: 'PUT', corps: p }), GOUVERNANCE),
  };
}
