import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(90_000);

/** A Territoires en Transitions plan as coordinators fill it: axes named by their number, an action and its sub-actions. */
async function planTet(): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook();
  const feuille = classeur.addWorksheet('Fichier dimport');
  const entetes = [
    'Axe (x)',
    'Sous-axe (x.x)',
    "Titre de l'action",
    'Titre de la sous-action',
    'Descriptif',
    'Structure pilote',
    'Statut ',
    'Date de début',
  ];
  feuille.addRow(['Présentation de l’action']);
  feuille.addRow(entetes);
  const action = 'Développer l’aller-vers en santé mentale (essai e2e)';
  feuille.addRow(['Axe 1', null, action, 'Former les élus', null, 'Redon Agglomération', 'En cours', new Date('2027-02-01T00:00:00Z')]);
  feuille.addRow(['Axe 1', null, action, null, 'Aller au-devant des personnes isolées', 'Redon Agglomération', 'En cours', null]);
  feuille.addRow(['Axe 1', null, action, 'Ouvrir une permanence mobile', null, null, 'À venir', null]);
  feuille.addRow(['Axe 2', null, 'Sans sous-action (essai e2e)', null, null, null, 'À venir', null]);
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

test('le rapport d’import d’un plan TeT dit les sous-actions et les axes nommés par leur numéro', async ({ page }) => {
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  await page.goto('/contrats');
  await page.getByRole('link', { name: 'Contrat local de santé de Redon Agglomération (2e génération)' }).first().click();
  await page.getByRole('tab', { name: 'Documents' }).click();
  await page.getByLabel('Fichier du plan d’action').setInputFiles({
    name: 'plan-tet.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await planTet(),
  });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();

  await expect(page.getByRole('heading', { name: 'Aperçu : rien n’est encore enregistré' })).toBeVisible();
  await expect(page.getByText('Format reconnu : import de Territoires en Transitions.')).toBeVisible();
  await expect(page.getByText('Fiches à créer : 2', { exact: true })).toBeVisible();
  await expect(page.getByText('Sous-actions à reprendre comme étapes de leur fiche : 2', { exact: true })).toBeVisible();
  await expect(page.getByText('Lu autrement qu’écrit')).toBeVisible();
  await expect(page.getByText('Axe « Axe 1 » : l’intitulé n’est que son numéro (1), il est gardé tel qu’écrit.')).toBeVisible();
  await expect(page.getByText('Axe « Axe 2 » : l’intitulé n’est que son numéro (2), il est gardé tel qu’écrit.')).toBeVisible();
  const tableau = page.getByRole('table', { name: /Lignes du fichier/ });
  await expect(tableau.getByRole('columnheader', { name: 'Sous-action (étape)' })).toBeVisible();
  await expect(tableau.getByRole('row', { name: /Former les élus/ })).toContainText('Créée');
  await expect(tableau.getByRole('row', { name: /Ouvrir une permanence mobile/ })).toContainText(
    'Développer l’aller-vers en santé mentale (essai e2e)',
  );
  await verifierAccessibilite(page, 'le rapport d’import avec sous-actions');
  expect(erreurs).toEqual([]);
});
