import type { TypeTerritoire } from '@maillage/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { parametres, requete } from './client';
import type { Territoire, TerritoireDetail } from './types';

export function useRechercheTerritoires(filtres: { q?: string; type?: string; limite?: number }) {
  return useQuery({
    queryKey: ['territoires', filtres],
    queryFn: ({ signal }) => requete<Territoire[]>(`/api/territoires${parametres({ ...filtres })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTerritoire(type: TypeTerritoire | string | undefined, code: string | undefined) {
  return useQuery({
    queryKey: ['territoire', type, code],
    queryFn: ({ signal }) => requete<TerritoireDetail>(`/api/territoires/${type}/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: !!type && !!code,
    staleTime: Infinity,
  });
}

/** The 18 régions, for pickers. */
export function useRegions(actif = true) {
  return useQuery({
    enabled: actif,
    queryKey: ['territoires', { type: 'region', limite: 100 }],
    queryFn: ({ signal }) => requete<Territoire[]>('/api/territoires?type=region&limite=100', { signal }),
    select: (regions) => [...regions].sort((a, b) => a.nom.localeCompare(b.nom, 'fr')),
    staleTime: Infinity,
  });
}
