import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CorrespondanceDhis2, CorrespondanceDhis2Saisie } from '@maillage/domain/api';
import { requete } from './client';

export function useCorrespondanceDhis2(regionCode: string | undefined) {
  return useQuery({
    queryKey: ['correspondance-dhis2', regionCode],
    queryFn: ({ signal }) => requete<CorrespondanceDhis2>(`/api/dhis2/correspondances/${regionCode}`, { signal }),
    enabled: !!regionCode,
  });
}

export function useEnregistrementCorrespondanceDhis2(regionCode: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (saisie: CorrespondanceDhis2Saisie) =>
      requete<CorrespondanceDhis2>(`/api/dhis2/correspondances/${regionCode}`, { methode: 'PUT', corps: saisie }),
    onSuccess: (c) => client.setQueryData(['correspondance-dhis2', regionCode], c),
  });
}
