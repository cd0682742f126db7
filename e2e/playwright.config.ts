import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { envFournisseursDeTest } from '../apps/server/test/fournisseur-oidc-env';

const ICI = path.dirname(fileURLToPath(import.meta.url));

// A fresh embedded database per run, so the demo data and accounts are always the documented ones.
const DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `maillage-e2e-${process.pid}`);
// A port of this run's own (two runs on one machine must not answer each other's browsers); workers inherit it.
const PORT = Number(process.env.E2E_PORT ?? 41000 + (process.pid % 1000));
process.env.E2E_DATA_DIR = DATA_DIR;
process.env.E2E_PORT = String(PORT);
// ProConnect and Pro Santé Connect point at a local OpenID provider on the next port, which connexion-oidc.spec.ts
// starts (discovery waits for the first login): every login page shows their buttons.
const PORT_OIDC = PORT + 1;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '../.test-results/e2e.json' }]],
  outputDir: '../.test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `node ${path.resolve(ICI, '../node_modules/tsx/dist/cli.mjs')} ${path.resolve(ICI, '../apps/server/src/main.ts')}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      DATA_DIR,
      MAILLAGE_DEMO: '1',
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      DATABASE_URL: '',
      ...envFournisseursDeTest(`http://127.0.0.1:${PORT_OIDC}`),
    },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
