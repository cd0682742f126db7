import '@codegouvfr/react-dsfr/main.css';
import './app/styles.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { Application } from './app/application';
import { Lien } from './components/lien';

// Zod's default messages in French, as on the server: the shared schemas speak the same language everywhere.
z.config(z.locales.fr());

startReactDsfr({ defaultColorScheme: 'system', Link: Lien });

const racine = document.getElementById('racine');
if (!racine) throw new Error('Élément #racine absent de index.html');
createRoot(racine).render(
  <StrictMode>
    <Application />
  </StrictMode>,
);
