import { expect, test } from '@playwright/test';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(180_000);

// Issue 19, item 5: the mapping step of INSEE wide files and Odissé exports; secret cells stay secret.

test('un fichier large de l’INSEE : variables associées aux indicateurs, période proposée d’après le préfixe, secret compté', async ({
  browser,
}) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'ars.bretagne@demo.maillage.fr');
  const csv = ['CODGEO;LIBGEO;P21_POP;P15_POP;P21_POP65P', '35236;Redon;9336;9100;2301', '56001;Allaire;3950;s;900'].join('\n');
  await page.goto('/indicateurs/import-valeurs');
  await page
    .getByLabel('Fichier de valeurs')
    .setInputFiles({ name: 'base-cc.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Lire le fichier' }).click();
  await expect(page.getByRole('heading', { name: 'Ce qui a été détecté' })).toBeVisible({ timeout: 60_000 });

  // The mapping step: INSEE recognised, the key column, an indicator and a period per variable.
  await expect(page.getByLabel(/Fichier large de l’INSEE/)).toBeChecked();
  await expect(page.getByLabel('Colonne du code géographique')).toHaveValue('CODGEO');
  await expect(page.getByLabel('Variable « P21_POP »')).toHaveValue('population');
  await expect(page.getByLabel('Période de « P21_POP »')).toHaveValue('2021');
  await expect(page.getByLabel('Période de « P15_POP »')).toHaveValue('2015');
  await expect(page.getByLabel('Variable « P21_POP65P »')).toHaveValue('');
  await verifierAccessibilite(page, 'l’étape de correspondance d’un fichier INSEE');

  // The period is editable: P15_POP is read as 2016 here.
  await page.getByLabel('Période de « P15_POP »').fill('2016');
  await page.getByRole('button', { name: 'Vérifier tout le fichier' }).click();
  await expect(page.getByText('Vérification réussie : rien n’est encore enregistré')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('row', { name: /Valeurs sous secret statistique .* 1$/ })).toBeVisible();
  await expect(page.getByText(/Colonnes ignorées .*LIBGEO, P21_POP65P/)).toBeVisible();
  await verifierAccessibilite(page, 'la vérification d’un fichier INSEE');
  await page.getByRole('button', { name: 'Importer les valeurs' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByText('Valeurs importées')).toBeVisible({ timeout: 60_000 });

  // Allaire's 2016 population is shown masked, never 0.
  await page.goto('/territoires/commune/56001');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Allaire');
  await expect(page.getByRole('row', { name: /^Population 2016 secret statistique/ })).toBeVisible();
  await verifierAccessibilite(page, 'une valeur sous secret sur la page d’une commune');
  await page.goto('/territoires/commune/35236');
  await expect(page.getByRole('row', { name: /^Population 2016 9[\s\u202f\u00a0]100/ })).toBeVisible();
  expect(erreurs).toEqual([]);
  await contexte.close();
});

test('un export Odissé (BOM, virgules) : colonnes proposées, une ligne sans correspondance nommée, rien importé', async ({ browser }) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'ars.bretagne@demo.maillage.fr');
  const csv = ['\ufeffAnnée,Département,Département Code,Nombre de cas', '2037,Ille-et-Vilaine,35,12', '2037,Mayenne,5300,4'].join('\r\n');
  await page.goto('/indicateurs/import-valeurs');
  await page.getByLabel('Fichier de valeurs').setInputFiles({ name: 'odisse.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Lire le fichier' }).click();
  await expect(page.getByRole('heading', { name: 'Ce qui a été détecté' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/UTF-8 \(avec BOM\), séparateur « , »/)).toBeVisible();
  await expect(page.getByLabel(/Fichier Odissé \(Santé publique France\)/)).toBeChecked();
  await expect(page.getByLabel('Colonne du code du territoire')).toHaveValue('Département Code');
  await expect(page.getByLabel('Colonne de la période')).toHaveValue('Année');
  await page.getByLabel('Colonne « Nombre de cas »').selectOption('effectif_mg');
  await verifierAccessibilite(page, 'l’étape de correspondance d’un fichier Odissé');
  await page.getByRole('button', { name: 'Vérifier tout le fichier' }).click();
  await expect(page.getByText('Ce fichier ne peut pas être importé tel quel')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Territoire inconnu du référentiel : departement 5300.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importer les valeurs' })).toHaveCount(0);
  await verifierAccessibilite(page, 'le rapport de rejet d’un fichier Odissé');
  expect(erreurs).toEqual([]);
  await contexte.close();
});
