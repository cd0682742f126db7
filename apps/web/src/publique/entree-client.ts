/**
 * The script of the server-rendered public pages (public.html): the stylesheets and DSFR's own script, which opens
 * the header menu on phones, the breadcrumb and the display settings. No React: the page is already in the HTML.
 */
// The app's icons (trimmed by react-dsfr's prebuild), then the DSFR with the public pages' components only (vite.config.ts).
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons.min.css';
import '@codegouvfr/react-dsfr/dsfr/dsfr.public.min.css';
import '../app/styles.css';
import './publique.css';
import '@codegouvfr/react-dsfr/dsfr/dsfr.module.min.js';

/**
 * What TableauDefilant does in the app: a table wider than the screen scrolls inside its region, which then becomes
 * focusable and named so that it can be scrolled with the keyboard.
 */
for (const cadre of document.querySelectorAll<HTMLElement>('.maillage-defilement')) {
  const nom = cadre.querySelector('caption')?.textContent ?? 'Tableau';
  const mesurer = () => {
    if (cadre.scrollWidth > cadre.clientWidth + 1) {
      cadre.tabIndex = 0;
      cadre.setAttribute('role', 'region');
      cadre.setAttribute('aria-label', `${nom} (défilement horizontal)`);
    } else {
      cadre.removeAttribute('tabindex');
      cadre.removeAttribute('role');
      cadre.removeAttribute('aria-label');
    }
  };
  const observateur = new ResizeObserver(mesurer);
  observateur.observe(cadre);
  const table = cadre.querySelector('table');
  if (table) observateur.observe(table);
}
