import type {
  axeSaisieSchema,
  ContratSaisie,
  DispositifTerritorialSaisie,
  EvaluationPrevueSaisie,
  objectifSaisieSchema,
  partenaireSaisieSchema,
  signataireSaisieSchema,
  StatutContrat,
} from '@maillage/domain';
import type { z } from 'zod';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { parametres, requete } from './client';
import type {
  AvenantOuvert,
  AvenantSigne,
  Avenants,
  ContratDetail,
  ContratResume,
  EvenementAudit,
  GenerationCreee,
  IdCree,
  Page,
} from '@maillage/domain/api';

export interface FiltresContrats {
  region?: string;
  departement?: string;
  statut?: string;
  generation?: string;
  q?: string;
}

export function useContrats(filtres: FiltresContrats = {}, actif = true) {
  return useQuery({
    queryKey: ['contrats', filtres],
    queryFn: ({ signal }) => requete<ContratResume[]>(`/api/contrats${parametres({ ...filtres })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: actif,
  });
}

export const obtenirContrat = (id: string) => requete<ContratDetail>(`/api/contrats/${id}`);

export function useContrat(id: string | undefined) {
  return useQuery({
    queryKey: ['contrat', id],
    queryFn: ({ signal }) => requete<ContratDetail>(`/api/contrats/${id}`, { signal }),
    enabled: !!id,
  });
}

/** Everything a change to a contract may touch: its page, the lists, its fiches, history and versions. */
const PREFIXES_CONTRAT = ['contrats', 'contrat', 'fiches', 'fiche', 'historique', 'avenants', 'audit'];
export function invaliderContrats(client: QueryClient, ...autres: string[]) {
  const prefixes = [...PREFIXES_CONTRAT, ...autres];
  return client.invalidateQueries({ predicate: (q) => prefixes.includes(String(q.queryKey[0])) });
}

/** A mutation on a contract or one of its parts; every view of the contract is refreshed after it. */
export function useMutationContrat<V, R = void>(fn: (v: V) => Promise<R>, autres: string[] = []) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invaliderContrats(client, ...autres) });
}

export function useEnregistrementContrat() {
  // The creator becomes coordinator: the session's roles change too.
  return useMutationContrat(
    ({ id, saisie, version }: { id?: string; saisie: ContratSaisie; version?: number }) =>
      id
        ? requete<unknown>(`/api/contrats/${id}`, { methode: 'PUT', corps: { ...saisie, version } }).then(() => ({ id }))
        : requete<IdCree>('/api/contrats', { methode: 'POST', corps: saisie }),
    ['session'],
  );
}

export const useSuppressionContrat = () => useMutationContrat((id: string) => requete<void>(`/api/contrats/${id}`, { methode: 'DELETE' }));

export const useChangementStatut = (id: string) =>
  useMutationContrat((corps: { statut: StatutContrat; version: number; confirmerAvertissements?: boolean }) =>
    requete<void>(`/api/contrats/${id}/statut`, { methode: 'POST', corps }),
  );

// ---------- Plan d'évaluation, dispositifs du territoire

export function useEvaluationsPrevues(contratId: string) {
  const base = `/api/contrats/${contratId}/evaluations-prevues`;
  return {
    ajout: useMutationContrat((e: EvaluationPrevueSaisie) => requete<IdCree>(base, { methode: 'POST', corps: e })),
    modification: useMutationContrat(({ id, ...e }: EvaluationPrevueSaisie & { id: string }) =>
      requete<void>(`${base}/${id}`, { methode: 'PUT', corps: e }),
    ),
    retrait: useMutationContrat((id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' })),
  };
}

export function useDispositifsTerritoriaux(contratId: string) {
  const base = `/api/contrats/${contratId}/dispositifs-territoriaux`;
  return {
    ajout: useMutationContrat((d: DispositifTerritorialSaisie) => requete<IdCree>(base, { methode: 'POST', corps: d })),
    modification: useMutationContrat(({ id, ...d }: DispositifTerritorialSaisie & { id: string }) =>
      requete<void>(`${base}/${id}`, { methode: 'PUT', corps: d }),
    ),
    retrait: useMutationContrat((id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' })),
  };
}

export const useRenouvellement = (id: string) =>
  useMutationContrat(
    (corps: { ficheIds: string[]; intitule: string | null }) =>
      requete<GenerationCreee>(`/api/contrats/${id}/renouvellement`, { methode: 'POST', corps }),
    ['session'],
  );

// ---------- Parties

export type SaisieSignataire = z.output<typeof signataireSaisieSchema>;

export function useSignataires(contratId: string) {
  const base = `/api/contrats/${contratId}/signataires`;
  return {
    ajout: useMutationContrat((s: SaisieSignataire) => requete<IdCree>(base, { methode: 'POST', corps: s })),
    modification: useMutationContrat(({ id, ...s }: SaisieSignataire & { id: string }) =>
      requete<void>(`${base}/${id}`, { methode: 'PUT', corps: s }),
    ),
    retrait: useMutationContrat((id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' })),
  };
}

export function usePartenaires(contratId: string) {
  const base = `/api/contrats/${contratId}/partenaires`;
  return {
    ajout: useMutationContrat((p: z.output<typeof partenaireSaisieSchema>) => requete<IdCree>(base, { methode: 'POST', corps: p })),
    retrait: useMutationContrat((id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' })),
  };
}

// ---------- Stratégie: axes and objectifs

export type SaisieAxe = z.output<typeof axeSaisieSchema>;
export type SaisieObjectif = z.output<typeof objectifSaisieSchema>;

export function useStrategie(contratId: string) {
  const base = `/api/contrats/${contratId}`;
  return {
    ajoutAxe: useMutationContrat((a: SaisieAxe) => requete<IdCree>(`${base}/axes`, { methode: 'POST', corps: a })),
    modificationAxe: useMutationContrat(({ id, ...a }: SaisieAxe & { id: string }) =>
      requete<void>(`${base}/axes/${id}`, { methode: 'PUT', corps: a }),
    ),
    suppressionAxe: useMutationContrat((id: string) => requete<void>(`${base}/axes/${id}`, { methode: 'DELETE' })),
    ordreAxes: useMutationContrat((ids: string[]) => requete<void>(`${base}/axes/ordre`, { methode: 'PUT', corps: { ids } })),
    ajoutObjectif: useMutationContrat(({ axeId, ...o }: SaisieObjectif & { axeId: string }) =>
      requete<IdCree>(`${base}/axes/${axeId}/objectifs`, { methode: 'POST', corps: o }),
    ),
    modificationObjectif: useMutationContrat(({ id, ...o }: SaisieObjectif & { id: string }) =>
      requete<void>(`${base}/objectifs/${id}`, { methode: 'PUT', corps: o }),
    ),
    suppressionObjectif: useMutationContrat((id: string) => requete<void>(`${base}/objectifs/${id}`, { methode: 'DELETE' })),
    ordreObjectifs: useMutationContrat(({ axeId, ids }: { axeId: string; ids: string[] }) =>
      requete<void>(`${base}/axes/${axeId}/objectifs/ordre`, { methode: 'PUT', corps: { ids } }),
    ),
  };
}

// ---------- Avenants, versions, history

export function useAvenants(contratId: string) {
  return useQuery({
    queryKey: ['avenants', contratId],
    queryFn: ({ signal }) => requete<Avenants>(`/api/contrats/${contratId}/avenants`, { signal }),
  });
}

export function useGestionAvenants(contratId: string) {
  const base = `/api/contrats/${contratId}/avenants`;
  return {
    ouverture: useMutationContrat((objet: string) => requete<AvenantOuvert>(base, { methode: 'POST', corps: { objet } })),
    signature: useMutationContrat(({ id, dateAvenant }: { id: string; dateAvenant: string }) =>
      requete<AvenantSigne>(`${base}/${id}/signature`, { methode: 'POST', corps: { dateAvenant } }),
    ),
  };
}

export function useHistorique(contratId: string, page: number, parPage: number) {
  return useQuery({
    queryKey: ['historique', contratId, page, parPage],
    queryFn: ({ signal }) =>
      requete<Page<EvenementAudit>>(`/api/contrats/${contratId}/historique${parametres({ page, parPage })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
