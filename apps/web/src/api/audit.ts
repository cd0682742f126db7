import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { parametres, requete } from './client';
import type { PageAudit } from '@maillage/domain/api';

export interface FiltresAudit {
  entiteType?: string;
  entiteId?: string;
  acteur?: string;
  action?: string;
  depuis?: string;
  jusqua?: string;
  page?: number;
  parPage?: number;
}

export function useJournalAudit(filtres: FiltresAudit, actif = true) {
  return useQuery({
    queryKey: ['audit', filtres],
    queryFn: ({ signal }) => requete<PageAudit>(`/api/audit${parametres({ ...filtres })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: actif,
  });
}
