import { expect, test } from '@playwright/test';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(180_000);

// A dataValueSet as an ARS's DHIS2 exports it: its own UIDs, none mapped yet.
const fichier = JSON.stringify({
  dataValues: [{ dataElement: 'kx3VjMPpUQD', categoryOptionCombo: 'HllvX50cXC0', orgUnit: 'Rp268JB6Ne4', period: '2030Q2', value: '17' }],
});

test('une ARS importe un fichier DHIS2 : identifiants non reliés listés, correspondance complétée depuis l’import, puis import', async ({
  page,
}) => {
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'ars.bretagne@demo.maillage.fr');
  const verifier = async () => {
    await page.goto('/indicateurs/import-valeurs');
    await page
      .getByLabel('Fichier de valeurs')
      .setInputFiles({ name: 'dataValueSets.json', mimeType: 'application/json', buffer: Buffer.from(fichier) });
    await page.getByRole('button', { name: 'Lire le fichier' }).click();
    await expect(page.getByRole('heading', { name: 'Ce qui a été détecté' })).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Vérifier tout le fichier' }).click();
  };

  await verifier();
  await expect(page.getByText('Identifiants DHIS2 sans correspondance (2)')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Importer les valeurs' })).toHaveCount(0);
  await verifierAccessibilite(page, 'le rapport des identifiants DHIS2 non reliés');

  await page.getByRole('link', { name: 'Compléter la correspondance DHIS2 avec ces identifiants' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Correspondance DHIS2' })).toBeVisible();
  await expect(page.getByLabel('dataElement de la ligne 1')).toHaveValue('kx3VjMPpUQD');
  await expect(page.getByLabel('orgUnit de la ligne 1')).toHaveValue('Rp268JB6Ne4');
  await verifierAccessibilite(page, 'la correspondance DHIS2');

  // A territory the référentiel lacks: the error is shown on its field.
  await page.getByLabel('Indicateur de la ligne 1').selectOption('effectif_mg');
  await page.getByLabel('Type de territoire de la ligne 1').selectOption('epci');
  await page.getByLabel('Code du territoire de la ligne 1').fill('999999999');
  await page.getByRole('button', { name: 'Enregistrer la correspondance' }).click();
  await expect(page.getByText('Territoire inconnu du référentiel : epci 999999999').first()).toBeVisible();
  await expect(page.getByLabel('Code du territoire de la ligne 1')).toHaveAttribute('aria-invalid', 'true');
  await verifierAccessibilite(page, 'une erreur de correspondance');

  await page.getByLabel('Code du territoire de la ligne 1').fill('243500741');
  await page.getByRole('button', { name: 'Enregistrer la correspondance' }).click();
  await expect(page.getByText('Correspondance enregistrée (version 1).')).toBeVisible();

  await verifier();
  await expect(page.getByText('Vérification réussie : rien n’est encore enregistré')).toBeVisible({ timeout: 60_000 });
  // The refused save above is a 400 on purpose: the browser logs it, nothing else may show.
  expect(erreurs.filter((e) => !e.includes('status of 400'))).toEqual([]);
});
