import { expect, test } from '@playwright/test';
import { seConnecter } from './outils';

// Issue 11: a double click on a creation creates one object. The web client sends the same Idempotency-Key with
// both requests, and the server replays the first answer to the second.
test('un double clic sur « Ajouter l’axe » ne crée qu’un axe', async ({ page }) => {
  await seConnecter(page, 'coordination@demo.maillage.fr');
  const contrats = (await (await page.request.get('/api/contrats')).json()) as { id: string; intitule: string }[];
  const cls2 = contrats.find((c) => c.intitule === 'Contrat local de santé de Redon Agglomération (2e génération)')!.id;
  const envois: (string | null)[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/api/contrats/${cls2}/axes`)) envois.push(r.headers()['idempotency-key'] ?? null);
  });

  await page.goto(`/contrats/${cls2}`);
  await page.getByRole('tab', { name: 'Stratégie et fiches' }).click();
  await page.getByRole('button', { name: 'Ajouter un axe stratégique' }).click();
  await page.getByLabel('Intitulé de l’axe').fill('Axe ajouté d’un double clic');
  await page.getByRole('button', { name: 'Ajouter l’axe' }).dblclick();
  await expect(page.getByRole('heading', { name: /Axe \d+\. Axe ajouté d’un double clic/ })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // Today both clicks reach the server (two POSTs); whatever their number, they carry one key.
  expect(envois.length).toBeGreaterThan(0);
  expect(envois.every((cle) => cle !== null && cle === envois[0])).toBe(true);
  const axes = (await (await page.request.get(`/api/contrats/${cls2}`)).json()).axes as { intitule: string }[];
  expect(axes.filter((a) => a.intitule === 'Axe ajouté d’un double clic')).toHaveLength(1);
});
