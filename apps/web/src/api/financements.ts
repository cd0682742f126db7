/** The funding of a contract: every line (fiches and the contract itself) and its summaries. Amounts in cents. */
import type { LigneContratSaisie } from '@maillage/domain';
import type { FinancementsContrat, IdCree } from '@maillage/domain/api';
import { useQuery } from '@tanstack/react-query';
import { requete } from './client';
import { useMutationContrat } from './contrats';

// Response shapes: inferred from their schemas in @maillage/domain/api (tag Financements); the labels are the domain's.
export type { LigneFinancement, TotalFinancement } from '@maillage/domain/api';
export { OBJETS_FINANCEMENT, type ObjetFinancement } from '@maillage/domain';
export type Financements = FinancementsContrat;
export type SaisieLigneContrat = LigneContratSaisie;

export function useFinancements(contratId: string) {
  return useQuery({
    queryKey: ['financements', contratId],
    queryFn: ({ signal }) => requete<FinancementsContrat>(`/api/contrats/${contratId}/financements`, { signal }),
    // A fiche's own form changes its lines too, without knowing this view: always refresh on display.
    staleTime: 0,
  });
}

export function useLignesContrat(contratId: string) {
  const base = `/api/contrats/${contratId}/financements`;
  return {
    ajout: useMutationContrat((l: SaisieLigneContrat) => requete<IdCree>(base, { methode: 'POST', corps: l }), ['financements']),
    suppression: useMutationContrat((id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' }), ['financements']),
  };
}
