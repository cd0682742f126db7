import '@codegouvfr/react-dsfr/main.css';
import './app/styles.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as configurerZod } from 'zod/v4/core';
import { fr as zodFr } from 'zod/locales';
import { Application } from './app/application';
import { Lien } from './components/lien';

// Zod's default messages in French, as on the server: the shared schemas speak the same language everywhere.
// Through zod's core only (the setting is global): the public pages, which validate nothing, do not download zod.
configurerZod(zodFr());

startReactDsfr({ defaultColorScheme: 'system', Link: Lien });

const racine = document.getElementById('racine');
if (!racine) throw new Error('Élément #racine absent de index.html');
createRoot(racine).render(
  <StrictMode>
    <Application />
  </StrictMode>,
);
