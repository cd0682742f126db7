import type { AccesSaisie, RoleContrat } from '@maillage/domain';
import type { AccesContrat, AccesDonne, PublicationChangee } from '@maillage/domain/api';
import { useQuery } from '@tanstack/react-query';
import { requete } from './client';
import { useMutationContrat } from './contrats';
import type { ContratPublic } from './public';

export function useAcces(contratId: string) {
  return useQuery({
    queryKey: ['acces', contratId],
    queryFn: ({ signal }) => requete<AccesContrat>(`/api/contrats/${contratId}/acces`, { signal }),
  });
}

/** Changes of people touch the session (one's own role) and the campaigns' recipients too. */
const AUTRES = ['acces', 'session', 'campagnes', 'campagne'];

export function useGestionAcces(contratId: string) {
  const base = `/api/contrats/${contratId}/acces`;
  return {
    invitation: useMutationContrat((saisie: AccesSaisie) => requete<AccesDonne>(base, { methode: 'POST', corps: saisie }), AUTRES),
    changement: useMutationContrat(
      ({ utilisateurId, role }: { utilisateurId: string; role: RoleContrat }) =>
        requete<void>(`${base}/${utilisateurId}`, { methode: 'PUT', corps: { role } }),
      AUTRES,
    ),
    retrait: useMutationContrat((utilisateurId: string) => requete<void>(`${base}/${utilisateurId}`, { methode: 'DELETE' }), AUTRES),
  };
}

export const usePublication = (contratId: string) =>
  useMutationContrat(
    (publie: boolean) => requete<PublicationChangee>(`/api/contrats/${contratId}/publication`, { methode: 'PUT', corps: { publie } }),
    ['public'],
  );

/** The public page of the contract as the public sees it (or will see it once published). */
export function useApercuPublic(contratId: string | undefined) {
  return useQuery({
    queryKey: ['public', 'apercu', contratId],
    queryFn: ({ signal }) => requete<ContratPublic>(`/api/contrats/${contratId}/publication/apercu`, { signal }),
    enabled: !!contratId,
  });
}
