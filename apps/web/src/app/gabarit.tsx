import { fr } from '@codegouvfr/react-dsfr';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Chargement } from '../components/chargement';
import { EnTete } from './en-tete';
import { PiedDePage } from './pied-de-page';

/** After a navigation (not on first load), focus goes to the main content so keyboard and screen reader users start there. */
function useFocusApresNavigation(principal: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const premier = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again at each navigation (pathname), the ref is stable.
  useEffect(() => {
    if (premier.current) {
      premier.current = false;
      return;
    }
    window.scrollTo(0, 0);
    principal.current?.focus({ preventScroll: true });
  }, [pathname, principal]);
}

export function Gabarit() {
  const principal = useRef<HTMLElement>(null);
  useFocusApresNavigation(principal);
  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: '#contenu' },
          { label: 'Menu', anchor: '#fr-header-main-navigation' },
          { label: 'Pied de page', anchor: '#fr-footer' },
        ]}
      />
      <EnTete />
      <main id="contenu" tabIndex={-1} ref={principal}>
        <div className={fr.cx('fr-container', 'fr-pt-4w', 'fr-pb-8w')}>
          <Suspense fallback={<Chargement />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <PiedDePage />
    </>
  );
}
