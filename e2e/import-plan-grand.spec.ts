import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(180_000);

/** A Territoires en Transitions plan of 600 actions: beyond 500 rows, the server imports it as a job. */
async function grandPlanTet(): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook();
  const feuille = classeur.addWorksheet('Fichier dimport');
  feuille.addRow(['Présentation de l’action']);
  feuille.addRow(['Axe (x)', 'Sous-axe (x.x)', "Titre de l'action", 'Statut ']);
  for (let i = 1; i <= 600; i++)
    feuille.addRow([`${(i % 4) + 1}. Axe du grand plan ${(i % 4) + 1}`, null, `Action du grand plan n° ${i} (essai e2e)`, 'À venir']);
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

test('un grand plan est vérifié en tâche de fond : l’écran suit l’avancement puis montre le même rapport', async ({ page }) => {
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  await page.goto('/contrats');
  await page.getByRole('link', { name: 'Contrat local de santé de Redon Agglomération (2e génération)' }).first().click();
  await page.getByRole('tab', { name: 'Documents' }).click();
  await page.getByLabel('Fichier du plan d’action').setInputFiles({
    name: 'grand-plan.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await grandPlanTet(),
  });

  const depot = page.waitForResponse((r) => r.url().includes('/plan/import?dryRun=true'));
  const suivi = page.waitForResponse((r) => /\/plan\/imports\/[0-9a-f-]{36}$/.test(r.url()));
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  expect((await depot).status()).toBe(202);
  // The screen follows the job through its progress address (any server process answers it).
  const premier = await suivi;
  expect(premier.status()).toBe(200);
  expect(await premier.json()).toMatchObject({ dryRun: true, lignesTotal: 600, nomFichier: 'grand-plan.xlsx' });
  await expect(page.getByRole('heading', { name: 'Aperçu : rien n’est encore enregistré' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText('Format reconnu : import de Territoires en Transitions.')).toBeVisible();
  await expect(page.getByText('Fiches à créer : 600', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('table', { name: /Lignes du fichier/ }).getByRole('row', { name: /Action du grand plan n° 600 \(essai e2e\)/ }),
  ).toContainText('Créée');
  await verifierAccessibilite(page, 'le rapport d’un grand plan vérifié en tâche');
  expect(erreurs).toEqual([]);
});
