import type { FicheSaisie } from '@maillage/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { parametres, requete } from './client';
import { useMutationContrat } from './contrats';
import type { DispositifsLies, Fiche, FicheComplete, FicheCreee, FicheDetail } from '@maillage/domain/api';

export interface FiltresFiches {
  axe?: string;
  statut?: string;
  pilote?: string;
  thematique?: string;
  financeur?: string;
  public?: string;
  q?: string;
  tri?: string;
}

export function useFiches(contratId: string | undefined, filtres: FiltresFiches = {}) {
  return useQuery({
    queryKey: ['fiches', contratId, filtres],
    queryFn: ({ signal }) => requete<Fiche[]>(`/api/contrats/${contratId}/fiches${parametres({ ...filtres })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: !!contratId,
  });
}

export const obtenirFiche = (id: string) => requete<FicheDetail>(`/api/fiches/${id}`);

export function useFiche(id: string | undefined) {
  return useQuery({
    queryKey: ['fiche', id],
    queryFn: ({ signal }) => requete<FicheDetail>(`/api/fiches/${id}`, { signal }),
    enabled: !!id,
  });
}

export const useCreationFiche = (contratId: string) =>
  useMutationContrat((saisie: FicheSaisie & { numero?: number; position?: number }) =>
    requete<FicheCreee>(`/api/contrats/${contratId}/fiches`, { methode: 'POST', corps: saisie }),
  );

export const useModificationFiche = (id: string) =>
  useMutationContrat(({ saisie, version }: { saisie: FicheSaisie; version: number }) =>
    requete<FicheComplete>(`/api/fiches/${id}`, { methode: 'PUT', corps: { ...saisie, version } }),
  );

export const useDispositifsFiche = (id: string) =>
  useMutationContrat((dispositifIds: string[]) =>
    requete<DispositifsLies>(`/api/fiches/${id}/dispositifs-territoriaux`, { methode: 'PUT', corps: { dispositifIds } }),
  );

export const useSuppressionFiche = () => useMutationContrat((id: string) => requete<void>(`/api/fiches/${id}`, { methode: 'DELETE' }));

export const useOrdreFiches = (contratId: string) =>
  useMutationContrat((ids: string[]) => requete<void>(`/api/contrats/${contratId}/fiches/ordre`, { methode: 'PUT', corps: { ids } }));
