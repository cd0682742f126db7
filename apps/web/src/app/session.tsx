import type { Habilitation, Sujet } from '@maillage/domain';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useRequeteSession } from '../api/session';
import type { Session } from '@maillage/domain/api';

export interface EtatSession {
  /** undefined while loading, null when nobody is logged in. */
  session: Session | null | undefined;
  chargement: boolean;
  erreur: Error | null;
  /** The subject for the shared permission rules (`can`). */
  sujet: Sujet | null;
  estAdmin: boolean;
  roles: Habilitation[];
}

const ContexteSession = createContext<EtatSession | null>(null);

/** Loads GET /api/auth/session once; login, logout and any 401 update it through the query cache. */
export function FournisseurSession({ children }: { children: ReactNode }) {
  const { data, isPending, error } = useRequeteSession();
  const valeur = useMemo<EtatSession>(() => {
    const roles = data?.roles ?? [];
    return {
      session: isPending ? undefined : (data ?? null),
      chargement: isPending,
      erreur: error,
      sujet: data
        ? {
            userId: data.utilisateur.id,
            organisationId: data.organisation?.id ?? null,
            organisationType: data.organisation?.type ?? null,
            habilitations: roles,
          }
        : null,
      estAdmin: roles.some((r) => r.role === 'admin'),
      roles,
    };
  }, [data, isPending, error]);
  return <ContexteSession.Provider value={valeur}>{children}</ContexteSession.Provider>;
}

export function useSession(): EtatSession {
  const valeur = useContext(ContexteSession);
  if (!valeur) throw new Error('useSession doit être utilisé dans FournisseurSession');
  return valeur;
}
