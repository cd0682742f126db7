import type { Portefeuille } from '@maillage/domain/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { parametres, requete } from './client';

export function usePortefeuille(region: string | undefined) {
  return useQuery({
    queryKey: ['portefeuille', region],
    queryFn: ({ signal }) => requete<Portefeuille>(`/api/portefeuille${parametres({ region })}`, { signal }),
    enabled: !!region,
    placeholderData: keepPreviousData,
  });
}
