import { expect, test } from '@playwright/test';
import { surveillerConsole, verifierAccessibilite } from './outils';

// A phone (the public pages are opened on phones): 390 × 844, touch.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, actionTimeout: 15_000 });

test('annuaire public des ressources : recherche par commune et par public, sans connexion, sur téléphone', async ({ page }) => {
  const erreurs = surveillerConsole(page);
  await page.goto('/public/contrats');
  // The public pages' navigation leads there (on a phone, through the menu).
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Ressources de santé' }).click();
  await expect(page).toHaveURL(/\/public\/ressources$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ressources de santé près de chez vous' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'RESPIRE' })).toBeVisible();
  await verifierAccessibilite(page, 'l’annuaire public des ressources');

  // By name: Redon, for the elderly. The CLIC (published) answers, the MAIA (not published) never.
  const recherche = page.getByRole('search', { name: 'Rechercher une ressource' });
  await recherche.getByLabel('Commune').fill('Redon');
  await recherche.getByLabel('Public').selectOption({ label: 'Personnes âgées' });
  await recherche.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/commune=Redon&public=personnes_agees/);
  await expect(page.getByRole('heading', { level: 2, name: /pour Redon – Personnes âgées/ })).toBeVisible();
  const resultats = page.getByRole('region', { name: /ressource/ });
  await expect(resultats.getByRole('heading', { level: 3, name: 'CLIC de Redon Agglomération' })).toBeVisible();
  await expect(resultats.getByRole('heading', { level: 3, name: 'CPTS de l’agglomération de Redon' })).toBeVisible();
  await expect(resultats.getByRole('heading', { name: 'MAIA du pays de Redon' })).toHaveCount(0);
  await expect(resultats.getByRole('heading', { name: 'RESPIRE' })).toHaveCount(0);
  const clic = resultats.getByRole('article', { name: 'CLIC de Redon Agglomération' });
  await expect(clic).toContainText('Mission 1 – Information et orientation');
  await expect(clic).toContainText('Non renseignés'); // the sources give no contact: none is made up
  await verifierAccessibilite(page, 'les résultats pour Redon');

  // By INSEE code: Langon, its centre de santé (tous publics answers any public).
  await recherche.getByLabel('Commune').fill('35145');
  await recherche.getByLabel('Public').selectOption({ label: 'Enfance' });
  await recherche.getByRole('button', { name: 'Rechercher' }).click();
  await expect(resultats.getByRole('heading', { level: 3, name: 'Centre de santé participatif de Langon' })).toBeVisible();
  await expect(resultats.getByRole('heading', { name: 'CLIC de Redon Agglomération' })).toHaveCount(0);

  // A name several communes bear: the visitor chooses.
  await recherche.getByLabel('Commune').fill('Plouhinec');
  await recherche.getByLabel('Public').selectOption({ label: 'Tous les publics' });
  await recherche.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Plusieurs communes correspondent : laquelle ?' })).toBeVisible();
  const choix = page.getByRole('region', { name: 'Plusieurs communes correspondent : laquelle ?' });
  await expect(choix.getByRole('link')).toHaveCount(2); // Finistère and Morbihan
  await verifierAccessibilite(page, 'le choix de la commune');
  await choix.getByRole('link', { name: /département 56/ }).click();
  await expect(page).toHaveURL(/commune=56169/);
  await expect(page.getByRole('heading', { level: 2, name: /Aucune ressource publiée pour Plouhinec/ })).toBeVisible();

  // Nothing of the page overflows the phone's width.
  const largeur = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(largeur).toBeLessThanOrEqual(390);
  expect(erreurs).toEqual([]);
});
