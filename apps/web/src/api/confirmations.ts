import type { StatutConfirmation } from '@maillage/domain';
import type { DemandeConfirmation, ReponseConfirmation } from '@maillage/domain/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requete } from './client';
import { invaliderContrats } from './contrats';

export function useDemandesConfirmation(statut: StatutConfirmation | 'toutes' = 'a_confirmer', actif = true) {
  return useQuery({
    queryKey: ['confirmations', statut],
    queryFn: ({ signal }) => requete<DemandeConfirmation[]>(`/api/confirmations?statut=${statut}`, { signal }),
    enabled: actif,
  });
}

export function useReponseConfirmation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, motif }: { id: string; decision: 'acceptation' | 'refus'; motif?: string | null }) =>
      requete<ReponseConfirmation>(`/api/confirmations/${id}/${decision}`, {
        methode: 'POST',
        corps: decision === 'refus' ? { motif: motif?.trim() || null } : {},
      }),
    onSuccess: () => invaliderContrats(client, 'confirmations'),
  });
}
