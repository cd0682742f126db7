/** Means organisations commit to a contract (staff time, money, in kind), and the funding already on its territory (issue 13). */
import type { EngagementMoyensSaisie, FinancementTerritoireSaisie } from '@maillage/domain';
import type { IdCree, MoyensContrat, VersionMoyen } from '@maillage/domain/api';
import { useQuery } from '@tanstack/react-query';
import { requete } from './client';
import { useMutationContrat } from './contrats';

// Response shapes: inferred from their schemas in @maillage/domain/api (tag Financements).
export type { LigneMoyens, MoyensContrat, MoyensOrganisation } from '@maillage/domain/api';

export function useMoyensContrat(contratId: string) {
  return useQuery({
    queryKey: ['moyens', contratId],
    queryFn: ({ signal }) => requete<MoyensContrat>(`/api/contrats/${contratId}/moyens`, { signal }),
  });
}

export function useGestionMoyens(contratId: string) {
  const base = `/api/contrats/${contratId}/moyens`;
  const autres = ['moyens', 'engagements'];
  return {
    ajout: useMutationContrat((m: EngagementMoyensSaisie) => requete<IdCree>(base, { methode: 'POST', corps: m }), autres),
    modification: useMutationContrat(
      ({ id, ...m }: EngagementMoyensSaisie & { id: string; version: number }) =>
        requete<VersionMoyen>(`${base}/${id}`, { methode: 'PUT', corps: m }),
      autres,
    ),
    suppression: useMutationContrat((id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' }), autres),
  };
}

export type SaisieFinancementTerritoire = FinancementTerritoireSaisie;
