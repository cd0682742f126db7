import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { definirJetonCsrf, ErreurApi } from '../api/client';
import { CLE_SESSION } from '../api/session';
import { RoutesApplication } from './routes';
import { FournisseurSession } from './session';

/** Any 401 means the session is gone (expired, revoked): forget it, and the guards send the user to the login page. */
function surErreur(erreur: unknown) {
  if (erreur instanceof ErreurApi && erreur.statut === 401 && clientRequetes.getQueryData(CLE_SESSION)) {
    definirJetonCsrf(null);
    clientRequetes.setQueryData(CLE_SESSION, null);
  }
}

const clientRequetes: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: surErreur }),
  mutationCache: new MutationCache({ onError: surErreur }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by retrying.
      retry: (essais, erreur) => !(erreur instanceof ErreurApi && erreur.statut >= 400 && erreur.statut < 500) && essais < 2,
    },
  },
});

export function Application() {
  return (
    <QueryClientProvider client={clientRequetes}>
      <FournisseurSession>
        <BrowserRouter>
          <RoutesApplication />
        </BrowserRouter>
      </FournisseurSession>
    </QueryClientProvider>
  );
}
