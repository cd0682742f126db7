import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const MOT_DE_PASSE_DEMO = 'maillage-demo-2026';

/** WCAG 2.1 A and AA, the bar of RGAA: any violation fails the test, with its rule and nodes in the message. */
export async function verifierAccessibilite(page: Page, nom: string) {
  await page.waitForLoadState('networkidle');
  // A modal fading in has half-transparent text: judge colours once transitions are over.
  // Endless animations (a spinner) are left alone; a stuck one only delays the check by a few seconds.
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => {});
  const resultat = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = resultat.violations.map(
    (v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(violations, `violations d’accessibilité sur ${nom}`).toEqual([]);
}

/** Every page must also load without a script error or a CSP refusal. */
export function surveillerConsole(page: Page): string[] {
  const erreurs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (401|404|409)/.test(m.text())) erreurs.push(m.text());
  });
  page.on('pageerror', (e) => erreurs.push(e.message));
  return erreurs;
}

export async function seConnecter(page: Page, email: string, motDePasse = MOT_DE_PASSE_DEMO) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(motDePasse);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Connexion à Maillage');
}

/** Picks an organisation in the shared picker (a combobox): types the search, then clicks the option. */
export async function choisirOrganisation(portee: Page | Locator, label: string | RegExp, recherche: string, option: string | RegExp) {
  await portee.getByRole('combobox', { name: label }).fill(recherche);
  await portee.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** A call to the API with the page's own session, for the setup a test needs but does not test. */
export async function api(page: Page, methode: string, chemin: string, corps?: unknown) {
  const r = await page.evaluate(
    async ([m, c, b]) => {
      const session = await (await fetch('/api/auth/session')).json();
      const r = await fetch(c as string, {
        method: m as string,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: b ? JSON.stringify(b) : undefined,
      });
      return { status: r.status, corps: r.status === 204 ? null : await r.json() };
    },
    [methode, chemin, corps] as const,
  );
  expect(r.status, `${methode} ${chemin} : ${JSON.stringify(r.corps)}`).toBeLessThan(300);
  return r.corps;
}
