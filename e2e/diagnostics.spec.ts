import { expect, test } from '@playwright/test';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(120_000);

// A CSV as administrations export it: ";" separator, decimal commas, a "-" and a rejected row fixed on the second try.
const entete = 'indicateur;territoire_type;territoire_code;periode;valeur;source\n';
const valide = `${entete}taux_chomage;epci;243500741;2019;12,4;Insee 2019\ntaux_chomage;region;53;2019;10,9;Insee 2019\neffectif_orthophonistes;commune;35236;2019;-;Rezone CPTS\n`;
const fautif = `${valide}taux_chomage;epci;999999999;2019;10;Insee 2019\n`;

test('une ARS importe des valeurs : aperçu, essai, rejet motivé, import, puis le diagnostic du contrat les montre', async ({ browser }) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'ars.bretagne@demo.maillage.fr');

  await page.goto('/indicateurs');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Indicateurs');
  await verifierAccessibilite(page, 'le catalogue');

  const lireFichier = async (nom: string, contenu: string) => {
    await page.goto('/indicateurs/import-valeurs');
    await page.getByLabel('Fichier de valeurs').setInputFiles({ name: nom, mimeType: 'text/csv', buffer: Buffer.from(contenu, 'utf8') });
    await page.getByRole('button', { name: 'Lire le fichier' }).click();
    await expect(page.getByRole('heading', { name: 'Ce qui a été détecté' })).toBeVisible();
  };

  // A rejected row: nothing is written, and the report says which line and why.
  await lireFichier('fautif.csv', fautif);
  await verifierAccessibilite(page, 'l’aperçu de l’import');
  await page.getByRole('button', { name: 'Vérifier tout le fichier' }).click();
  await expect(page.getByText('Ce fichier ne peut pas être importé tel quel')).toBeVisible();
  await expect(page.getByText('Territoire inconnu du référentiel : epci 999999999.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importer les valeurs' })).toHaveCount(0);
  await verifierAccessibilite(page, 'le rapport de rejet');

  // The corrected file: dry run, then import.
  await lireFichier('valeurs.csv', valide);
  await page.getByRole('button', { name: 'Vérifier tout le fichier' }).click();
  await expect(page.getByText('Vérification réussie : rien n’est encore enregistré')).toBeVisible();
  await page.getByRole('button', { name: 'Importer les valeurs' }).click();
  await verifierAccessibilite(page, 'la confirmation d’import');
  await page.getByRole('dialog').getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByText('Valeurs importées')).toBeVisible();
  await verifierAccessibilite(page, 'le rapport d’import');
  await contexte.close();

  // The coordinator sees the new value on Redon's diagnostic, compared with Bretagne.
  const coordination = await browser.newContext();
  const page2 = await coordination.newPage();
  const erreurs2 = surveillerConsole(page2);
  await seConnecter(page2, 'coordination@demo.maillage.fr');
  await page2.goto('/contrats');
  await page2.getByRole('link', { name: /Redon Agglomération \(2e génération\)/ }).first().click();
  await page2.getByRole('tab', { name: /diagnostic/i }).click();
  await expect(page2.getByText('Taux de chômage').first()).toBeVisible();
  await expect(page2.getByText('[856 à 932[').first()).toBeVisible();
  await verifierAccessibilite(page2, 'le diagnostic du contrat');
  expect([...erreurs, ...erreurs2]).toEqual([]);
  await coordination.close();
});
