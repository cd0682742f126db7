import type { FiltrePublicRessources, RessourcePublique } from '@maillage/domain/api';
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
