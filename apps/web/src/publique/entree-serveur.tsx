/**
 * Server rendering of the public pages (built by `vite build --ssr`, imported by the server from dist/.serveur/):
 * the published contracts and a published contract, as HTML, for a visitor without a session. The page is a
 * document that needs no React in the browser (only DSFR's own script: menu, breadcrumb), so a phone shows it as
 * soon as the HTML and the stylesheet arrive, and runs next to no JavaScript. Same components as the app.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ContratOuvert } from '@maillage/domain';
import type { AvisPublic, ContratPublic } from '@maillage/domain/api';
import { renderToString } from 'react-dom/server';
import { Route, Routes, StaticRouter } from 'react-router';
import { setLink } from '@codegouvfr/react-dsfr/link';
import { CLE_SESSION } from '../api/session';
import { Gabarit } from '../app/gabarit';
import { FournisseurSession } from '../app/session';
import { Lien } from '../components/lien';
import { NOM_SERVICE } from '../components/titre-page';
import ContratPublicPage from '../features/public/contrat-public-page';
import ContratsPubliesPage from '../features/public/contrats-publies-page';
import { cleFormulaireAvis, type FormulaireAvisRefuse } from '../features/public/avis-publics';

setLink({ Link: Lien });

export type DonneesPublique =
  | { page: 'liste'; contrats: ContratOuvert[] }
  | { page: 'contrat'; id: string; contrat: ContratPublic; avis?: AvisPublic[]; formulaireAvis?: FormulaireAvisRefuse };

/** The page's HTML (what goes inside #racine) and its title. */
export function rendrePagePublique(chemin: string, donnees: DonneesPublique): { html: string; titre: string } {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  // Nobody is logged in: the header shows "Se connecter" and the public navigation, as the app does.
  client.setQueryData(CLE_SESSION, null);
  if (donnees.page === 'liste') client.setQueryData(['public', 'contrats'], donnees.contrats);
  else {
    client.setQueryData(['public', 'contrat', donnees.id], donnees.contrat);
    // Published opinions only (the public API's answer), and the refused form to show again, if any.
    client.setQueryData(['public', 'avis', donnees.id], donnees.avis ?? []);
    client.setQueryData(cleFormulaireAvis(donnees.id), donnees.formulaireAvis ?? null);
  }
  const html = renderToString(
    <QueryClientProvider client={client}>
      <FournisseurSession>
        <StaticRouter location={chemin}>
          <Routes>
            <Route element={<Gabarit />}>
              <Route path="public/contrats" element={<ContratsPubliesPage />} />
              <Route path="public/contrats/:id" element={<ContratPublicPage />} />
            </Route>
          </Routes>
        </StaticRouter>
      </FournisseurSession>
    </QueryClientProvider>,
  );
  const titre = donnees.page === 'liste' ? 'Contrats locaux de santé publiés' : donnees.contrat.intitule;
  return { html, titre: `${titre} — ${NOM_SERVICE}` };
}
