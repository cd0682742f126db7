import react from '@vitejs/plugin-react';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const dossierFavicons = path.dirname(createRequire(import.meta.url).resolve('@codegouvfr/react-dsfr/favicon/favicon.svg'));

const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The DSFR favicons and their web manifest, served from the package under /favicon/ (dev) and copied
 * as-is into dist/favicon/ (build), so the manifest's relative icon paths keep working.
 */
function faviconsDsfr(): Plugin {
  const fichiers = readdirSync(dossierFavicons);
  return {
    name: 'maillage-favicons-dsfr',
    configureServer(serveur) {
      serveur.middlewares.use('/favicon', (req, res, suite) => {
        const nom = decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, ''));
        if (!fichiers.includes(nom)) return suite();
        res.setHeader('Content-Type', TYPES[path.extname(nom)] ?? 'application/octet-stream');
        createReadStream(path.join(dossierFavicons, nom)).pipe(res);
      });
    },
    generateBundle() {
      for (const nom of fichiers) {
        this.emitFile({ type: 'asset', fileName: `favicon/${nom}`, source: readFileSync(path.join(dossierFavicons, nom)) });
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), faviconsDsfr()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Assets inlined as data: URIs stay within the CSP (img-src/font-src allow data:), but keep fonts as files.
    assetsInlineLimit: 4096,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3100' },
  },
});
