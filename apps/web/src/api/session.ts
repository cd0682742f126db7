import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { definirJetonCsrf, estErreurApi, requete } from './client';
import type { DeconnexionOidcVue, FournisseurOidcVue, MessageVue, Session } from '@maillage/domain/api';

export const CLE_SESSION = ['session'] as const;

/** The current session, or null when nobody is logged in (401). */
async function chargerSession(): Promise<Session | null> {
  try {
    const session = await requete<Session>('/api/auth/session');
    definirJetonCsrf(session.csrfToken);
    return session;
  } catch (e) {
    if (estErreurApi(e, 401)) {
      definirJetonCsrf(null);
      return null;
    }
    throw e;
  }
}

export function useRequeteSession() {
  return useQuery({ queryKey: CLE_SESSION, queryFn: chargerSession, staleTime: Infinity, retry: 1 });
}

export function useConnexion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (identifiants: { email: string; password: string }) =>
      requete<Session>('/api/auth/login', { methode: 'POST', corps: identifiants }),
    onSuccess: (session) => {
      definirJetonCsrf(session.csrfToken);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== CLE_SESSION[0] });
      client.setQueryData(CLE_SESSION, session);
    },
  });
}

export function useDeconnexion() {
  const client = useQueryClient();
  return useMutation({
    // Closes any session; one opened by ProConnect or Pro Santé Connect is then ended at the provider too.
    mutationFn: () => requete<DeconnexionOidcVue>('/api/auth/oidc/deconnexion', { methode: 'POST' }),
    onSuccess: (reponse) => {
      if (reponse.redirection) window.location.assign(reponse.redirection);
    },
    // Logged out locally even if the server already forgot the session.
    onSettled: () => {
      definirJetonCsrf(null);
      // Update the session query in place (its observer must see null), then drop everything else.
      client.setQueryData(CLE_SESSION, null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== CLE_SESSION[0] });
    },
  });
}

export function useDemandeReinitialisation() {
  return useMutation({
    mutationFn: (corps: { email: string }) => requete<MessageVue>('/api/auth/mot-de-passe/demande', { methode: 'POST', corps }),
  });
}

export function useReinitialisation() {
  return useMutation({
    mutationFn: (corps: { token: string; password: string }) =>
      requete<void>('/api/auth/mot-de-passe/reinitialisation', { methode: 'POST', corps }),
  });
}

/** The identity providers turned on (ProConnect, Pro Santé Connect): the login page shows their buttons only. */
export function useFournisseursOidc() {
  return useQuery({
    queryKey: ['fournisseurs-oidc'],
    queryFn: ({ signal }) => requete<FournisseurOidcVue[]>('/api/auth/oidc/fournisseurs', { signal }),
    staleTime: Infinity,
  });
}
