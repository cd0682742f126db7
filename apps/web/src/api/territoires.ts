import type { TypeTerritoire } from '@maillage/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { parametres, requete } from './client';
import type { PerimetreResolu, Territoire, TerritoireDetail } from '@maillage/domain/api';

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

/** The communes, départements, régions and population of a perimeter (POST, but a pure read). */
export function usePerimetre(perimetre: { epci: string[]; communes: string[] }) {
  const vide = perimetre.epci.length + perimetre.communes.length === 0;
  return useQuery({
    queryKey: ['perimetre', [...perimetre.epci].sort(), [...perimetre.communes].sort()],
    queryFn: ({ signal }) => requete<PerimetreResolu>('/api/territoires/perimetre', { methode: 'POST', corps: perimetre, signal }),
    enabled: !vide,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** The départements, for filters and names. */
export function useDepartements(actif = true) {
  return useQuery({
    enabled: actif,
    queryKey: ['territoires', { type: 'departement', limite: 200 }],
    queryFn: ({ signal }) => requete<Territoire[]>('/api/territoires?type=departement&limite=200', { signal }),
    select: (liste) => [...liste].sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true })),
    staleTime: Infinity,
  });
}
