import { expect, test, type Page } from '@playwright/test';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(120_000);

async function api(page: Page, chemin: string) {
  return page.evaluate(async (c) => (await fetch(c)).json(), chemin);
}

test('une coordonnatrice crée une organisation depuis un sélecteur, puis choisit l’existante quand l’annuaire la reconnaît', async ({
  page,
}) => {
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  const cls2 = (await api(page, '/api/contrats')).find((c: { intitule: string }) => c.intitule.includes('2e génération'));
  await page.goto(`/contrats/${cls2.id}?onglet=parties`);

  // A commune that is not in the directory: the référentiel offers it, pre-filled (name, type, SIREN).
  await page.getByRole('button', { name: 'Ajouter un signataire' }).click();
  const signataire = page.getByRole('combobox', { name: /^Organisation signataire/ });
  await signataire.fill('Pipriac');
  await expect(page.getByRole('option', { name: /^Créer cette organisation : « Pipriac »/ })).toBeVisible();
  // Keyboard: down to the référentiel's suggestion, Enter opens the pre-filled form.
  const suggestion = page.getByRole('option', { name: /^Créer « Commune de Pipriac » \(Commune, SIREN \d{9}\)/ });
  await expect(suggestion).toBeVisible();
  await verifierAccessibilite(page, 'le sélecteur d’organisation ouvert');
  await suggestion.click();
  const creation = page.getByRole('group', { name: 'Créer une organisation dans l’annuaire' });
  await expect(creation.getByLabel('Nom de l’organisation')).toHaveValue('Commune de Pipriac');
  await expect(creation.getByLabel('Type d’organisation')).toHaveValue('commune');
  await expect(creation.getByLabel(/^SIREN/)).toHaveValue(/^\d{9}$/);
  await verifierAccessibilite(page, 'la création d’une organisation pré-remplie');
  await creation.getByRole('button', { name: 'Créer et choisir' }).click();
  await expect(creation).toBeHidden();
  await expect(signataire).toHaveValue('Commune de Pipriac');
  await page.getByRole('button', { name: 'Ajouter le signataire' }).click();
  await expect(page.getByText('Le signataire est ajouté.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Signataires du contrat' }).getByRole('row', { name: /Commune de Pipriac/ })).toBeVisible();

  // A hospital typed slightly differently from the directory's: the server names the existing one, the coordinator picks it.
  await page.getByRole('button', { name: 'Ajouter un partenaire' }).click();
  const partenaire = page.getByRole('combobox', { name: /^Organisation partenaire/ });
  await partenaire.fill('Centre hospitalier Redon');
  await partenaire.press('ArrowDown');
  await page.getByRole('option', { name: 'Créer cette organisation : « Centre hospitalier Redon »' }).click();
  const creationPartenaire = page.getByRole('group', { name: 'Créer une organisation dans l’annuaire' });
  await creationPartenaire.getByLabel('Type d’organisation').selectOption('hopital');
  await creationPartenaire.getByRole('button', { name: 'Créer et choisir' }).click();
  await expect(creationPartenaire.getByText('Cette organisation est peut-être déjà dans l’annuaire')).toBeVisible();
  await expect(creationPartenaire.getByText(/« Centre hospitalier de Redon » ressemble/)).toBeVisible();
  await verifierAccessibilite(page, 'l’avertissement de doublon');
  await creationPartenaire.getByRole('button', { name: 'Choisir « Centre hospitalier de Redon »' }).click();
  await expect(partenaire).toHaveValue('Centre hospitalier de Redon (CH Redon)');
  await page.getByRole('button', { name: 'Ajouter le partenaire' }).click();
  await expect(page.getByText(/partenaire est ajouté/i).first()).toBeVisible();

  // Nothing was created twice.
  const annuaire = await api(page, '/api/organisations?q=hospitalier&parPage=50');
  expect(
    annuaire.elements.filter((o: { nom: string }) => /Centre hospitalier (de )?Redon/.test(o.nom)).map((o: { nom: string }) => o.nom),
  ).toEqual(['Centre hospitalier de Redon']);
  expect(erreurs).toEqual([]);
});
