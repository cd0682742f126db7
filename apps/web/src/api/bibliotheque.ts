import type { Destination, FicheReprise, PageBibliotheque } from '@maillage/domain/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parametres, requete } from './client';
import { invaliderContrats } from './contrats';

export interface FiltresBibliotheque {
  q?: string;
  thematique?: string;
  statut?: string;
  region?: string;
  public?: string;
  page?: number;
}

export function useBibliotheque(filtres: FiltresBibliotheque) {
  return useQuery({
    queryKey: ['bibliotheque', filtres],
    queryFn: ({ signal }) => requete<PageBibliotheque>(`/api/bibliotheque${parametres({ ...filtres })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDestinations() {
  return useQuery({
    queryKey: ['bibliotheque-destinations'],
    queryFn: ({ signal }) => requete<Destination[]>('/api/bibliotheque/destinations', { signal }),
  });
}

export function useReprise() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ficheId, contratId }: { ficheId: string; contratId: string }) =>
      requete<FicheReprise>(`/api/bibliotheque/${ficheId}/reprendre`, { methode: 'POST', corps: { contratId } }),
    onSuccess: () => invaliderContrats(client, 'bibliotheque'),
  });
}
