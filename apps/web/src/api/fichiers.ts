import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FichierContrat } from '@maillage/domain/api';
import { requete } from './client';

/** A contract's files, or only one of its séances' when `seanceId` is given. */
const cheminFichiers = (contratId: string, seanceId?: string) =>
  seanceId ? `/api/seances/${seanceId}/fichiers` : `/api/contrats/${contratId}/fichiers`;

export function useFichiersContrat(contratId: string, seanceId?: string) {
  return useQuery({
    queryKey: ['fichiers', contratId, seanceId ?? null],
    queryFn: ({ signal }) => requete<FichierContrat[]>(cheminFichiers(contratId, seanceId), { signal }),
  });
}

/** Upload (multipart: « categorie » then « fichier ») and delete; the list and the history follow. */
export function useGestionFichiers(contratId: string, seanceId?: string) {
  const client = useQueryClient();
  const rafraichir = () =>
    client.invalidateQueries({ predicate: (q) => ['fichiers', 'historique', 'audit'].includes(String(q.queryKey[0])) });
  return {
    depot: useMutation({
      mutationFn: ({ fichier, categorie }: { fichier: File; categorie: string | null }) => {
        const corps = new FormData();
        if (categorie) corps.append('categorie', categorie);
        corps.append('fichier', fichier);
        return requete<FichierContrat>(cheminFichiers(contratId, seanceId), { methode: 'POST', corps });
      },
      onSuccess: rafraichir,
    }),
    suppression: useMutation({
      mutationFn: (id: string) => requete<void>(`/api/fichiers/${id}`, { methode: 'DELETE' }),
      onSuccess: rafraichir,
    }),
  };
}
