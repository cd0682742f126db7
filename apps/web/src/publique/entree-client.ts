/**
 * The script of the server-rendered public pages (public.html): the stylesheets and DSFR's own script, which opens
 * the header menu on phones, the breadcrumb and the display settings. No React: the page is already in the HTML.
 */
// The app's icons (trimmed by react-dsfr's prebuild), then the DSFR with the public pages' components only (vite.config.ts).
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons.min.css';
import '@codegouvfr/react-dsfr/dsfr/dsfr.public.min.css';
import '../app/styles.css';
import '@codegouvfr/react-dsfr/dsfr/dsfr.module.min.js';
