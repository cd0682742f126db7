import type { FiltrePublicRessources, RessourcePublique, Territoire } from '@maillage/domain/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { parametres, requete } from './client';

/** The public directory of resources (no login): published and active resources, by commune and public. */
export function useRessourcesPubliques(filtre: FiltrePublicRessources, actif = true) {
  return useQuery({
    queryKey: ['public', 'ressources', filtre],
    queryFn: ({ signal }) => requete<RessourcePublique[]>(`/api/public/ressources${parametres({ ...filtre })}`, { signal }),
    enabled: actif,
    placeholderData: keepPreviousData,
  });
}

/** The communes bearing this name (the public référentiel), asked only when a name, not a code, was typed. */
export function useCommunesNommees(nom: string, actif: boolean) {
  return useQuery({
    queryKey: ['territoires', { q: nom, type: 'commune', limite: 20 }],
    queryFn: ({ signal }) => requete<Territoire[]>(`/api/territoires${parametres({ q: nom, type: 'commune', limite: 20 })}`, { signal }),
    enabled: actif,
    staleTime: Infinity,
  });
}
