import { expect, test } from '@playwright/test';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

const REDON = 'Contrat local de santé du Pays de Redon-Bretagne Sud';

test('sans session, les pages publiques arrivent rendues par le serveur : lisibles sans JavaScript', async ({ browser }) => {
  const contexte = await browser.newContext({ javaScriptEnabled: false });
  const page = await contexte.newPage();
  await page.goto('/public/contrats');
  await expect(page).toHaveTitle('Contrats locaux de santé publiés — Maillage');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contrats locaux de santé publiés');
  const tableau = page.getByRole('table', { name: /Contrats publiés/ });
  await expect(tableau.getByRole('row', { name: new RegExp(REDON) })).toHaveCount(1);
  // A plain link: the contract's page is a new document, rendered by the server too.
  await tableau.getByRole('link', { name: REDON }).click();
  await expect(page).toHaveURL(/\/public\/contrats\/[0-9a-f-]+$/);
  await expect(page).toHaveTitle(`${REDON} — Maillage`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(REDON);
  await expect(page.getByRole('table', { name: /Fiches-action par statut \(39 au total\)/ })).toBeVisible();
  await contexte.close();
});

test('sur un téléphone, le menu de la page publique s’ouvre (script du DSFR) et mène à l’application', async ({ browser }) => {
  const contexte = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await page.goto('/public/contrats');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contrats locaux de santé publiés');
  await verifierAccessibilite(page, 'la liste publique rendue par le serveur, sur un téléphone');
  await page.getByRole('button', { name: 'Menu' }).click();
  const menu = page.getByRole('dialog');
  await expect(menu.getByRole('link', { name: 'Territoires' })).toBeVisible();
  await menu.getByRole('link', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Connexion/);
  expect(erreurs).toEqual([]);
  await contexte.close();
});

test('connecté, la page publique reste celle de l’application (en-tête de la session)', async ({ browser }) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  await seConnecter(page, 'admin@demo.maillage.fr');
  await page.goto('/public/contrats');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contrats locaux de santé publiés');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await contexte.close();
});
