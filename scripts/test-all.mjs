#!/usr/bin/env node
// npm test: the module rule (dependency-cruiser), the linter (Biome), unit and integration tests (Vitest), then end-to-end tests (Playwright in Debian's Chromium).
// Ends with one plain line "N passed, N failed" summing every suite, read by CI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultats = path.join(racine, '.test-results');
fs.rmSync(resultats, { recursive: true, force: true });
fs.mkdirSync(resultats, { recursive: true });

const lancer = (commande, args, env = {}) =>
  spawnSync(commande, args, { cwd: racine, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const lire = (fichier) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(resultats, fichier), 'utf8'));
  } catch {
    return null;
  }
};

let passes = 0;
let echecs = 0;
let code = 0;

// The module rule (docs/decisions/0022): a few seconds, and a broken boundary stops the run before the long suites.
if (lancer('npm', ['run', 'deps', '--silent']) !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

// The linter (Biome, docs/decisions/0025): a few seconds too; only errors are shown here, `npm run lint` shows the warnings.
if (lancer('npm', ['run', 'lint', '--silent', '--', '--diagnostic-level=error']) !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

// Vitest: domain (unit) and server (integration against a real PostgreSQL).
const vitest = lancer('node', [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--project',
  'domain',
  '--project',
  'server',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(resultats, 'vitest.json')}`,
]);
const rapportVitest = lire('vitest.json');
if (rapportVitest) {
  passes += rapportVitest.numPassedTests;
  // A file that fails to load has no failed test but a failed suite: count whichever is larger.
  echecs += Math.max(rapportVitest.numFailedTests, rapportVitest.numFailedTestSuites);
} else echecs += 1;
if (vitest !== 0) code = 1;

if (!process.argv.includes('--sans-e2e')) {
  // The browser tests use the built web app, served by the real server.
  if (lancer('npm', ['run', 'build', '--silent']) !== 0) {
    echecs += 1;
    code = 1;
  } else {
    const playwright = lancer('node', ['node_modules/@playwright/test/cli.js', 'test', '-c', 'e2e/playwright.config.ts']);
    const rapport = lire('e2e.json');
    if (rapport) {
      passes += rapport.stats.expected;
      echecs += rapport.stats.unexpected + rapport.stats.flaky;
    } else echecs += 1;
    if (playwright !== 0) code = 1;
  }
}

console.log(`\n${passes} passed, ${echecs} failed`);
process.exit(code || (echecs > 0 ? 1 : 0));
