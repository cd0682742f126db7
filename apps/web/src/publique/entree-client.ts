/**
 * The script of the server-rendered public pages (public.html): the stylesheets and DSFR's own script, which opens
 * the header menu on phones, the breadcrumb and the display settings. No React: the page is already in the HTML.
 */
import '@codegouvfr/react-dsfr/main.css';
import '../app/styles.css';
import '@codegouvfr/react-dsfr/dsfr/dsfr.module.min.js';
