/** An organisation's webhook subscriptions and their deliveries (issue 19 item 4, decision 0039). */
import type { AbonnementModification, AbonnementVue, abonnementCorps, abonnementCree, listeLivraisons } from '@maillage/domain/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { requete } from './client';

// Response shapes: inferred from their schemas in @maillage/domain/api (tag Webhooks).
export type { AbonnementVue, LivraisonVue } from '@maillage/domain/api';
export type SaisieAbonnement = z.input<typeof abonnementCorps>;
type AbonnementCree = z.infer<typeof abonnementCree>;
type ListeLivraisons = z.infer<typeof listeLivraisons>;

export function useAbonnements() {
  return useQuery({
    queryKey: ['webhooks'],
    queryFn: ({ signal }) => requete<AbonnementVue[]>('/api/webhooks', { signal }),
  });
}

export function useLivraisons(abonnementId: string | null) {
  return useQuery({
    queryKey: ['webhooks', abonnementId, 'livraisons'],
    queryFn: ({ signal }) => requete<ListeLivraisons>(`/api/webhooks/${abonnementId}/livraisons`, { signal }),
    enabled: abonnementId !== null,
  });
}

function useMutationWebhooks<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['webhooks'] }) });
}

export const useCreationAbonnement = () =>
  useMutationWebhooks((corps: SaisieAbonnement) => requete<AbonnementCree>('/api/webhooks', { methode: 'POST', corps }));

export const useModificationAbonnement = () =>
  useMutationWebhooks(({ id, ...corps }: AbonnementModification & { id: string }) =>
    requete<AbonnementVue>(`/api/webhooks/${id}`, { methode: 'PATCH', corps }),
  );

export const useSuppressionAbonnement = () =>
  useMutationWebhooks((id: string) => requete<void>(`/api/webhooks/${id}`, { methode: 'DELETE' }));

export const useRejeuLivraison = () =>
  useMutationWebhooks(({ id, livraisonId }: { id: string; livraisonId: string }) =>
    requete<{ id: string }>(`/api/webhooks/${id}/livraisons/${livraisonId}/rejeu`, { methode: 'POST' }),
  );
