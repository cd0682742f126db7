import type { ContratOuvert } from '@maillage/domain';
import type { ContratPublic } from '@maillage/domain/api';

/** Re-exported for the contract pages that preview the public page. */
export type { ContratPublic };
import { useQuery } from '@tanstack/react-query';
import { requete } from './client';

export function useContratsPublies() {
  return useQuery({
    queryKey: ['public', 'contrats'],
    queryFn: ({ signal }) => requete<ContratOuvert[]>('/api/public/contrats', { signal }),
  });
}

export function useContratPublic(id: string | undefined) {
  return useQuery({
    queryKey: ['public', 'contrat', id],
    queryFn: ({ signal }) => requete<ContratPublic>(`/api/public/contrats/${id}`, { signal }),
    enabled: !!id,
  });
}
