/** The appui activity (issue 18 item 7): aggregated, non-nominative indicators under the statistical secret. */
import type { ActiviteAppuiVue as ActiviteAppui } from '@maillage/domain/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { parametres, requete } from './client';

export type { ActiviteAppuiVue as ActiviteAppui, LigneActiviteAppui } from '@maillage/domain/api';

/** GET /api/appui/activite?territoires=epci:…,departement:…&periode=2025,2025-S1 */
export function useActiviteAppui(filtre: { territoires: string; periode: string }) {
  return useQuery({
    queryKey: ['appui-activite', filtre],
    queryFn: ({ signal }) => requete<ActiviteAppui>(`/api/appui/activite${parametres(filtre)}`, { signal }),
    enabled: filtre.territoires !== '',
    placeholderData: keepPreviousData,
  });
}
