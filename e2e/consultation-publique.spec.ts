import { expect, test } from '@playwright/test';
import { surveillerConsole, verifierAccessibilite } from './outils';

/**
 * The demo's public consultation page (issue 20 item 1, decision 0041), rendered by the server: answered without
 * JavaScript with the keyboard alone, and on a phone; axe finds no violation on the form, its errors and the thanks.
 */

const TITRE = 'Votre accès aux soins sur le territoire de Redon Agglomération';

/** The demo consultation's public path, found through the API with the coordinator's session (set-up, not tested). */
async function lienDemo(browser: import('@playwright/test').Browser) {
  const contexte = await browser.newContext();
  const connexion = await contexte.request.post('/api/auth/login', {
    data: { email: 'coordination@demo.maillage.fr', password: 'maillage-demo-2026' },
  });
  expect(connexion.status()).toBe(200);
  const contrats = await (await contexte.request.get('/api/contrats')).json();
  const cls2 = (contrats.elements ?? contrats).find((c: { intitule: string }) =>
    c.intitule.includes('Redon Agglomération (2e génération)'),
  );
  const liste = await (await contexte.request.get(`/api/contrats/${cls2.id}/consultations`)).json();
  await contexte.close();
  return `/public/consultations/${liste.find((c: { titre: string }) => c.titre === TITRE).id}`;
}

test('sans JavaScript, au clavier seul : les erreurs, puis une réponse et le merci', async ({ browser }) => {
  const lien = await lienDemo(browser);
  const contexte = await browser.newContext({ javaScriptEnabled: false });
  const page = await contexte.newPage();
  await page.goto(lien);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITRE);
  // Sent empty: the required question is named in the summary, which links to it.
  await page.getByRole('button', { name: 'Envoyer ma réponse' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('« Avez-vous un médecin traitant ? » : une réponse est obligatoire');
  // Keyboard only: focus the first option, tick it with the space bar, type the free text, send with Enter.
  await page.getByRole('radio', { name: 'Oui' }).first().focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Oui' }).first()).toBeChecked();
  await page.getByLabel('Que faudrait-il améliorer en priorité pour votre santé ?').focus();
  await page.keyboard.type('Un cabinet médical ouvert le samedi.');
  await page.getByRole('button', { name: 'Envoyer ma réponse' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Merci pour votre participation');
  await contexte.close();
});

test('sur un téléphone : le formulaire, ses erreurs et le merci sans violation axe', async ({ browser }) => {
  const lien = await lienDemo(browser);
  const contexte = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await page.goto(lien);
  await verifierAccessibilite(page, 'la consultation publique sur un téléphone');
  await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  await expect(page.getByRole('alert')).toContainText('une réponse est obligatoire');
  await verifierAccessibilite(page, 'la consultation publique avec ses erreurs');
  // DSFR draws the radio on its label: a finger taps the label.
  await page.locator('label', { hasText: /^Non$/ }).first().click();
  await expect(page.getByRole('radio', { name: 'Non' }).first()).toBeChecked();
  await page.getByLabel('Votre commune de résidence').selectOption({ label: 'Redon' });
  await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Merci pour votre participation');
  await verifierAccessibilite(page, 'le remerciement');
  // The form sent empty comes back with status 400, on purpose: the browser logs it; nothing else may appear.
  expect(erreurs.filter((e) => !e.includes('status of 400'))).toEqual([]);
  await contexte.close();
});
