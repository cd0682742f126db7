import { expect, test } from '@playwright/test';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test('webhooks : la référente de la CPAM abonne une adresse, voit le secret une fois, met en pause, consulte les livraisons', async ({
  page,
}) => {
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'cpam@demo.maillage.fr');
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expect(page.getByText('Aucun abonnement pour le moment.')).toBeVisible();
  await verifierAccessibilite(page, 'la page des webhooks');

  // Nothing filled: the server's French messages land on their fields.
  await page.getByRole('button', { name: 'Abonner cette adresse' }).click();
  await expect(page.getByText('Adresse de réception attendue')).toBeVisible();
  await expect(page.getByText('Choisissez au moins un événement')).toBeVisible();
  // An http:// address is refused in production, the field says why.
  await page.getByLabel('Adresse de réception').fill('http://recepteur.exemple.fr/maillage');
  await page.getByLabel('Contrat signé').check({ force: true });
  await page.getByRole('button', { name: 'Abonner cette adresse' }).click();
  await expect(page.getByText(/L’adresse doit commencer par https:\/\//)).toBeVisible();
  await verifierAccessibilite(page, 'le formulaire en erreur');

  await page.getByLabel('Adresse de réception').fill('https://recepteur.exemple.fr/maillage');
  await page.getByLabel('Valeur de suivi validée').check({ force: true });
  await page.getByRole('button', { name: 'Abonner cette adresse' }).click();
  const succes = page.getByRole('heading', { level: 3, name: 'Abonnement vers https://recepteur.exemple.fr/maillage créé' });
  await expect(succes).toBeVisible();
  await expect(page.locator('code.maillage-secret')).toHaveText(/^whsec_/);
  const tableau = page.getByRole('table', { name: 'Abonnements (1)' });
  await expect(tableau).toContainText('Contrat signé');
  await expect(tableau).toContainText('Valeur de suivi validée');
  await expect(tableau).toContainText('Actif');
  await verifierAccessibilite(page, 'l’abonnement créé');

  await tableau.getByRole('button', { name: /Mettre en pause/ }).click();
  await expect(tableau).toContainText('En pause');
  await expect(tableau).toContainText('Mis en pause par');
  await tableau.getByRole('button', { name: /Reprendre/ }).click();
  await expect(tableau).toContainText('Actif');

  await tableau.getByRole('button', { name: /Livraisons/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Livraisons vers https://recepteur.exemple.fr/maillage' })).toBeVisible();
  await expect(page.getByText('Aucune livraison pour le moment.')).toBeVisible();
  await verifierAccessibilite(page, 'les livraisons');
  // The refused submissions answer 400 on purpose (the browser logs them); nothing else may fail.
  expect(erreurs.filter((e) => !/status of 400/.test(e))).toEqual([]);
});
