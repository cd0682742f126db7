import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { gzipSync } from 'node:zlib';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DRAPEAUX = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * The JavaScript a visitor downloads on the login page, then on the home page once logged in: every JS response,
 * counted once, at its gzip size (level 6, what the server's gzip gives; browsers asking for brotli get less).
 */
export async function mesurerJavascript(url: string, cookie: string) {
  const navigateur = await chromium.launch({ executablePath: CHROMIUM, args: DRAPEAUX.filter((d) => !d.startsWith('--headless')) });
  try {
    const fichiers = new Map<string, number>();
    const parPage: Record<string, number> = {};
    const visiter = async (chemin: string, avecSession: boolean) => {
      const contexte = await navigateur.newContext();
      if (avecSession) {
        const [nom, valeur] = cookie.split('=');
        await contexte.addCookies([{ name: nom, value: valeur, url }]);
      }
      const page = await contexte.newPage();
      const lus: Promise<void>[] = [];
      let total = 0;
      page.on('response', (r) => {
        const type = r.headers()['content-type'] ?? '';
        if (!type.includes('javascript')) return;
        lus.push(
          r.body().then((corps) => {
            const taille = gzipSync(corps).length;
            total += taille;
            fichiers.set(new URL(r.url()).pathname, taille);
          }),
        );
      });
      await page.goto(url + chemin, { waitUntil: 'networkidle' });
      await Promise.all(lus);
      parPage[chemin] = total;
      await contexte.close();
    };
    await visiter('/connexion', false);
    await visiter('/', true);
    const total = [...fichiers.values()].reduce((a, b) => a + b, 0);
    return {
      ko: total / 1024,
      fichiers: fichiers.size,
      parPageKo: Object.fromEntries(Object.entries(parPage).map(([p, o]) => [p, o / 1024])),
    };
  } finally {
    await navigateur.close();
  }
}

export interface ResultatLighthouse {
  nom: string;
  chemin: string;
  performance: number;
  accessibilite: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  siMs: number;
  octetsKo: Record<string, number>;
  echecsAccessibilite: string[];
  /** Performance audits that did not pass, with what Lighthouse estimates they cost. */
  pistes: string[];
}

function octetsParType(details: unknown): Record<string, number> {
  const lignes = (details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  return Object.fromEntries(lignes.map((l) => [l.resourceType, Math.round(l.transferSize / 102.4) / 10]));
}

function pistes(lhr: {
  audits: Record<string, { id: string; score: number | null; scoreDisplayMode?: string; displayValue?: string }>;
  categories: Record<string, { auditRefs: { id: string }[] } | undefined>;
}) {
  return (lhr.categories.performance?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
    .map((a) => (a.displayValue ? `${a.id} (${a.displayValue})` : a.id));
}

/**
 * Lighthouse (desktop preset, or mobile: Lighthouse's default) on each page, in Debian's Chromium, logged in through the session cookie sent with
 * every request. Scores 0–100.
 */
export async function mesurerLighthouse(
  url: string,
  cookie: string,
  pages: { nom: string; chemin: string; session: boolean }[],
  preReglage: 'desktop' | 'mobile' = 'desktop',
) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: DRAPEAUX });
  try {
    const resultats: ResultatLighthouse[] = [];
    for (const p of pages) {
      const r = await lighthouse(
        url + p.chemin,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          extraHeaders: p.session ? { Cookie: cookie } : undefined,
        },
        // No config is Lighthouse's default: mobile (Moto G Power screen, slow 4G and a 4× slower CPU, simulated).
        preReglage === 'desktop' ? desktopConfig : undefined,
      );
      if (!r) throw new Error(`Lighthouse n’a rien rendu pour ${p.chemin}`);
      const lhr = r.lhr;
      const echecs = Object.values(lhr.audits)
        .filter(
          (a) => lhr.categories.accessibility.auditRefs.some((ref) => ref.id === a.id && ref.weight > 0) && a.score !== null && a.score < 1,
        )
        .map((a) => a.id);
      resultats.push({
        nom: p.nom,
        chemin: p.chemin,
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        accessibilite: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
        fcpMs: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? 0),
        lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
        tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
        cls: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
        siMs: Math.round(lhr.audits['speed-index']?.numericValue ?? 0),
        // What the page downloads, in kB as transferred (compressed), by kind: what a phone on a slow network pays.
        octetsKo: octetsParType(lhr.audits['resource-summary']?.details),
        echecsAccessibilite: echecs,
        pistes: pistes(lhr),
      });
    }
    return resultats;
  } finally {
    await chrome.kill();
  }
}

/**
 * Lighthouse's mobile preset on public pages (no session), each page `fois` times (3, 2 in the quick bench): the run
 * with the median performance score stands for the page, the lower of the middle two for an even count (a single
 * mobile run swings with the machine's load).
 */
export async function mesurerLighthouseMobile(url: string, pages: { nom: string; chemin: string }[], fois = 3) {
  const retenus: ResultatLighthouse[] = [];
  for (const p of pages) {
    const essais: ResultatLighthouse[] = [];
    for (let i = 0; i < fois; i++) essais.push(...(await mesurerLighthouse(url, '', [{ ...p, session: false }], 'mobile')));
    // A run where the page never painted (FCP 0: Lighthouse gave up on a busy machine) is no measure, not a 0.
    const valables = essais.filter((e) => e.fcpMs > 0).sort((a, b) => a.performance - b.performance);
    if (!valables.length) throw new Error(`Lighthouse mobile n’a abouti sur aucun passage de ${p.chemin}`);
    retenus.push({ ...valables[Math.floor((valables.length - 1) / 2)], accessibilite: Math.min(...valables.map((e) => e.accessibilite)) });
  }
  return retenus;
}

/** An open consultation (the demo's), whose public form the mobile Lighthouse measures. */
export async function consultationOuverte(q: (sql: string) => Promise<{ id: string }[]>): Promise<string> {
  const [c] = await q(
    `select id from consultations where statut = 'ouverte' and current_date between debut and fin order by cree_le limit 1`,
  );
  if (!c) throw new Error('Aucune consultation ouverte : la démonstration en ouvre une (apps/server/src/demo/participation-demo.ts)');
  return c.id;
}
