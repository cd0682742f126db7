import react from '@vitejs/plugin-react';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
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
      if (this.environment.config.build.ssr) return;
      for (const nom of fichiers) {
        this.emitFile({ type: 'asset', fileName: `favicon/${nom}`, source: readFileSync(path.join(dossierFavicons, nom)) });
      }
    },
  };
}

/** The DSFR components the server-rendered public pages show (src/publique): header, footer, tables, badges, downloads. */
const COMPOSANTS_PUBLICS = [
  'badge',
  'logo',
  'button',
  'breadcrumb',
  'form',
  'link',
  'download',
  'radio',
  'skiplink',
  'modal',
  'navigation',
  'footer',
  'table',
  'header',
  // The public consultation page's form (apps/server/src/modules/participation, decision 0041).
  'input',
  'checkbox',
  'select',
  'alert',
];

/**
 * dsfr/dsfr.public.min.css: the DSFR's core and scheme with the public pages' components only, rebuilt from the
 * DSFR's own per-component files by react-dsfr's generator (the one its prebuild uses for the app's stylesheet), so
 * no rule is rewritten. Written beside dsfr.css so its font URLs resolve to the same hashed files as the app's.
 */
function dsfrPublic(): Plugin {
  return {
    name: 'maillage-dsfr-public',
    config() {
      // From the package's directory, not '@codegouvfr/react-dsfr/bin/…': the prebuild's scan reads this file, and an
      // import of a module it does not know makes it keep every component in the app's stylesheet.
      const paquet = path.dirname(dossierFavicons);
      const dossier = path.join(paquet, 'dsfr');
      const { generateDsfrCssCode } = createRequire(import.meta.url)(path.join(paquet, 'bin', 'only-include-used-components.js'));
      const css = generateDsfrCssCode({
        dsfrComponents: COMPOSANTS_PUBLICS,
        isMinified: true,
        readDsfrFile: (relatif: string) => {
          const fichier = path.join(dossier, relatif);
          return existsSync(fichier) ? readFileSync(fichier, 'utf8') : undefined;
        },
      });
      writeFileSync(path.join(dossier, 'dsfr.public.min.css'), css);
    },
  };
}

const COMPRESSIBLES = /\.(js|css|html|svg|json|webmanifest|ico|txt)$/;

/**
 * Each text file of the build also as .br (Brotli 11) and .gz (gzip 9), which the server sends as they are: about a
 * quarter smaller than what it compresses on the fly at a level cheap enough for each request (the DSFR stylesheet:
 * 52 kB against 74 kB), and no CPU spent per request. Phones on a slow network download the difference.
 */
function precompression(): Plugin {
  let dossier = '';
  return {
    name: 'maillage-precompression',
    apply: 'build',
    configResolved(config) {
      // The server-rendering bundle (vite build --ssr) is read from disk by the server, never downloaded.
      dossier = config.build.ssr ? '' : path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      if (!dossier) return;
      const parcourir = (d: string): string[] =>
        readdirSync(d, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? parcourir(path.join(d, e.name)) : [path.join(d, e.name)],
        );
      for (const fichier of parcourir(dossier)) {
        if (!COMPRESSIBLES.test(fichier) || statSync(fichier).size < 1024) continue;
        const contenu = readFileSync(fichier);
        writeFileSync(
          `${fichier}.br`,
          zlib.brotliCompressSync(contenu, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: contenu.length },
          }),
        );
        writeFileSync(`${fichier}.gz`, zlib.gzipSync(contenu, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), faviconsDsfr(), dsfrPublic(), precompression()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Assets inlined as data: URIs stay within the CSP (img-src/font-src allow data:), but keep fonts as files.
    assetsInlineLimit: 4096,
    // The app, and the public pages the server renders (public.html: their stylesheet and DSFR's script, no React).
    rollupOptions: {
      input: { index: path.resolve(import.meta.dirname, 'index.html'), public: path.resolve(import.meta.dirname, 'public.html') },
    },
  },
  // The server build (src/publique/entree-serveur.tsx) carries its dependencies: the server loads it from any directory.
  ssr: { noExternal: true },
  environments: { ssr: { build: { copyPublicDir: false } } },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3100' },
  },
});
