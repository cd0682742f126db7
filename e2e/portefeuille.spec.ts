import { expect, test } from '@playwright/test';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(120_000);

test('un agent de l’ARS ouvre le portefeuille de sa région et l’exporte', async ({ browser }) => {
  const contexte = await browser.newContext({ acceptDownloads: true });
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'ars.bretagne@demo.maillage.fr');

  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Portefeuille' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Portefeuille régional : Bretagne');
  await expect(page.getByRole('heading', { name: 'Population couverte par un contrat local de santé' })).toBeVisible();
  // The ARS Bretagne's target (seed 002): 90 % in 2023 in its CPOM, from 15 % on 1 January 2019.
  await expect(page.getByRole('heading', { name: 'Progression vers la cible régionale' })).toBeVisible();
  await expect(page.getByText(/90\s%.* à l’horizon 2023 \(source : CPOM 2019-2023/)).toBeVisible();
  await expect(page.getByText(/Point de départ publié : 15\s% au 1er janvier 2019 \(source : ARS Bretagne, 2019\)/)).toBeVisible();
  // Redon's contracts (inter-regional) and Belle-Île, with their statut and coordination.
  const contrats = page.getByRole('table', { name: /Contrats de la région Bretagne/ });
  await expect(contrats.getByRole('row', { name: /Pays de Redon-Bretagne Sud/ })).toContainText('Renouvelé');
  await expect(contrats.getByRole('row', { name: /Pays de Redon-Bretagne Sud/ })).toContainText('Marie Dupont');
  await expect(contrats.getByRole('row', { name: /Belle-Île-en-Mer/ })).toContainText('Échu');
  // The map of départements, each area focusable with its value, and its table.
  const carte = page.getByRole('group', { name: /Carte : Part de la population couverte/ });
  await expect(carte.getByRole('img', { name: /Ille-et-Vilaine \(35\) : [\d,]+\s%/ })).toBeVisible();
  await carte.getByRole('img', { name: /Ille-et-Vilaine/ }).focus();
  await expect(carte.getByRole('img', { name: /Ille-et-Vilaine/ })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Couverture par département' }).getByRole('row')).toHaveCount(5);
  await expect(page.getByRole('table', { name: /EPCI non couverts/ })).toBeVisible();
  await verifierAccessibilite(page, 'le portefeuille régional');

  const [classeur] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Exporter le portefeuille \(Excel\)/ }).click(),
  ]);
  expect(classeur.suggestedFilename()).toBe('portefeuille-bretagne.xlsx');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Exporter les contrats \(CSV\)/ }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe('portefeuille-bretagne.csv');
  expect(erreurs).toEqual([]);
  await contexte.close();
});

test('une coordonnatrice trouve une fiche dans la bibliothèque et la reprend dans son contrat', async ({ browser }) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  // A coordinator has no portfolio in the menu, but the library.
  const menu = page.getByRole('navigation', { name: 'Menu principal' });
  await expect(menu.getByRole('link', { name: 'Portefeuille' })).toHaveCount(0);
  await menu.getByRole('link', { name: 'Bibliothèque' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bibliothèque d’actions');

  await page.getByLabel('Rechercher une action').fill('vaccin');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'trouvée' })).toContainText('les plus pertinentes d’abord');
  const resultat = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Fiche 6 : Promouvoir la vaccination' }) });
  await expect(resultat.locator('mark')).toHaveText('vaccination');
  await verifierAccessibilite(page, 'la bibliothèque');

  await resultat.getByRole('button', { name: 'Reprendre la fiche « Promouvoir la vaccination »' }).click();
  const modale = page.getByRole('dialog', { name: 'Reprendre la fiche « Promouvoir la vaccination »' });
  await expect(modale).toBeVisible();
  // CLS 1 is closed: offered, but locked, and says why.
  await expect(modale.getByLabel(/Pays de Redon-Bretagne Sud/)).toBeDisabled();
  await modale.getByText('Contrat local de santé de Redon Agglomération (2e génération)').click();
  await expect(modale.getByLabel(/Redon Agglomération \(2e génération\)/)).toBeChecked();
  await verifierAccessibilite(page, 'la fenêtre de reprise');
  await modale.getByRole('button', { name: 'Reprendre dans ce contrat' }).click();

  const succes = page.locator('.fr-alert--success', { hasText: 'Fiche reprise' });
  await expect(succes).toContainText('copiée comme brouillon');
  await verifierAccessibilite(page, 'la bibliothèque après la reprise');
  await succes.getByRole('link', { name: /Ouvrir la fiche n° \d+/ }).click();
  await page.waitForURL(/\/fiches\//);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Promouvoir la vaccination');
  await expect(
    page.getByText('Reprise de la fiche n° 6 du contrat « Contrat local de santé du Pays de Redon-Bretagne Sud ».'),
  ).toBeVisible();
  expect(erreurs).toEqual([]);
  await contexte.close();
});

test('sans compte, on consulte les contrats publiés depuis la page de connexion', async ({ browser }) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await page.goto('/connexion');
  await page.getByRole('main').getByRole('link', { name: 'contrats publiés' }).click();
  await expect(page).toHaveURL(/\/public\/contrats$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contrats locaux de santé publiés');
  // Redon's first CLS is the demo's published contract (another spec may have published one of its own since).
  const tableau = page.getByRole('table', { name: /Contrats publiés/ });
  await expect(tableau.getByRole('row', { name: /Contrat local de santé du Pays de Redon-Bretagne Sud/ })).toHaveCount(1);
  await expect(page.getByRole('link', { name: /Contrats publiés \(CSV\)/ })).toHaveAttribute('href', '/api/public/contrats.csv');
  await verifierAccessibilite(page, 'la liste des contrats publiés');

  await tableau.getByRole('link', { name: 'Contrat local de santé du Pays de Redon-Bretagne Sud' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contrat local de santé du Pays de Redon-Bretagne Sud');
  await expect(page).toHaveURL(/\/public\/contrats\/[0-9a-f-]+$/);
  await expect(page.getByRole('table', { name: /Fiches-action par statut \(39 au total\)/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Fiches-action' }).getByRole('row', { name: /Promouvoir la vaccination/ })).toBeVisible();
  await verifierAccessibilite(page, 'la page publique d’un contrat');

  // From any page, the footer leads back to them; an unpublished contract does not exist for the public.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Contrats publiés' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contrats locaux de santé publiés');
  await page.goto('/public/contrats/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page non trouvée');
  expect(erreurs.filter((e) => !/404/.test(e))).toEqual([]);
  await contexte.close();
});
