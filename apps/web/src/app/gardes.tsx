import { Navigate, Outlet, useLocation } from 'react-router';
import { AlerteErreur } from '../components/alerte-erreur';
import { Chargement } from '../components/chargement';
import { PageAccesRefuse } from '../components/pages-erreur';
import { useSession } from './session';

/** "/connexion?retour=/annuaire%3Fpage%3D2" */
export function cheminConnexion(retour: string) {
  return retour && retour !== '/' ? `/connexion?retour=${encodeURIComponent(retour)}` : '/connexion';
}

/** Only a local path is an acceptable destination after login (no open redirect). */
export function retourSur(valeur: string | null): string {
  return valeur?.startsWith('/') && !valeur.startsWith('//') && !valeur.startsWith('/\\') ? valeur : '/';
}

/** Pages for logged-in users; anybody else goes to the login page and comes back after. */
export function ExigerConnexion() {
  const { session, chargement, erreur } = useSession();
  const { pathname, search } = useLocation();
  if (chargement) return <Chargement />;
  if (erreur && session === null) return <AlerteErreur erreur={erreur} titre="Impossible de vérifier votre session" />;
  if (!session) return <Navigate to={cheminConnexion(pathname + search)} replace />;
  return <Outlet />;
}

export function ExigerAdmin() {
  const { estAdmin } = useSession();
  return estAdmin ? <Outlet /> : <PageAccesRefuse />;
}
