import type { Doctrine } from '@maillage/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DoctrineRegion } from '@maillage/domain/api';
import { requete } from './client';

export const obtenirDoctrine = (regionCode: string) => requete<DoctrineRegion>(`/api/doctrines/${regionCode}`);

export function useDoctrine(regionCode: string | undefined) {
  return useQuery({
    queryKey: ['doctrine', regionCode],
    queryFn: ({ signal }) => requete<DoctrineRegion>(`/api/doctrines/${regionCode}`, { signal }),
    enabled: !!regionCode,
  });
}

export function useEnregistrementDoctrine(regionCode: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ regles, version }: { regles: Doctrine; version: number }) =>
      requete<DoctrineRegion>(`/api/doctrines/${regionCode}`, { methode: 'PUT', corps: { ...regles, version } }),
    // Doctrine warnings are computed on every contract of the region.
    onSuccess: () => client.invalidateQueries({ predicate: (q) => ['doctrine', 'contrat', 'audit'].includes(String(q.queryKey[0])) }),
  });
}
