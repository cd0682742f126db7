import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { choisirOrganisation, seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(120_000);

test('une coordonnatrice crée un CLS sur Redon Agglomération, le construit, le fait signer et télécharge le PDF', async ({ browser }) => {
  const contexte = await browser.newContext({ acceptDownloads: true });
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');

  // The contract, on Redon Agglomération's 31 communes.
  await page.goto('/contrats/nouveau');
  await page.getByRole('button', { name: 'Créer le contrat' }).click();
  await verifierAccessibilite(page, 'la création de contrat avec ses erreurs');
  await page.getByLabel('Intitulé').fill('Contrat local de santé de Redon Agglomération 2027-2031');
  await page.getByLabel('Ajouter un EPCI ou une commune').fill('243500741');
  await page.getByRole('button', { name: /Ajouter CA Redon Agglomération au périmètre/ }).click();
  await expect(page.getByText('Le périmètre compte 31 communes')).toBeVisible();
  const ars = page.locator('fieldset', { has: page.locator('legend', { hasText: /^ARS/ }) });
  await choisirOrganisation(ars, /^Organisation à ajouter \(ARS\)/, 'ARS Bretagne', 'ARS Bretagne (ARS) — Agence régionale de santé (ARS)');
  await expect(ars.getByRole('button', { name: 'Retirer ARS Bretagne' })).toBeVisible();
  const porteurs = page.locator('fieldset', { has: page.locator('legend', { hasText: 'Collectivités porteuses' }) });
  await choisirOrganisation(porteurs, /^Organisation à ajouter \(Collectivités porteuses\)/, 'Redon', /^Redon Agglomération — EPCI/);
  await expect(porteurs.getByRole('button', { name: 'Retirer Redon Agglomération' })).toBeVisible();
  await page.getByLabel('Début de la période du contrat').fill('2027-01-01');
  await page.getByLabel('Fin de la période du contrat').fill('2031-12-31');
  await page.getByRole('spinbutton', { name: /^Génération/ }).fill('3');
  await verifierAccessibilite(page, 'la création de contrat remplie');
  await page.getByRole('button', { name: 'Créer le contrat' }).click();
  await page.waitForURL(/\/contrats\/[0-9a-f-]{36}$/);
  const urlContrat = page.url();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Redon Agglomération 2027-2031');
  await verifierAccessibilite(page, 'la page du contrat');

  // An axe.
  await page.getByRole('tab', { name: 'Stratégie et fiches' }).click();
  await verifierAccessibilite(page, 'la stratégie vide');
  await page.getByRole('button', { name: 'Ajouter un axe stratégique' }).click();
  await page.getByLabel('Intitulé de l’axe').fill('Améliorer l’accès aux soins de premier recours');
  await page.getByRole('button', { name: 'Ajouter l’axe' }).click();
  await expect(page.getByRole('heading', { name: /Axe 1\. Améliorer/ })).toBeVisible();
  await verifierAccessibilite(page, 'la stratégie avec un axe');

  // A fiche with a funding line.
  await page.getByRole('link', { name: 'Nouvelle fiche' }).first().click();
  await page.waitForURL(/fiches\/nouvelle/);
  await verifierAccessibilite(page, 'la création de fiche');
  await page.getByLabel('Intitulé de la fiche-action').fill('Accueillir les internes en médecine générale');
  await page.getByLabel('Axe stratégique', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Ajouter une ligne de financement' }).click();
  await choisirOrganisation(page, /^Financeur \(ligne 1\)/, 'ARS Bretagne', 'ARS Bretagne (ARS) — Agence régionale de santé (ARS)');
  await page.getByLabel('Montant en euros (ligne 1)').fill('20 000');
  await page.getByLabel('Année (ligne 1)').fill('2027');
  await page.getByLabel('Statut (ligne 1)').selectOption('accorde');
  // Étapes, a partner and an indicator entered at creation, in the same form.
  await page.getByRole('button', { name: 'Description, objectifs opérationnels et étapes' }).click();
  await page.getByRole('button', { name: 'Ajouter une étape' }).click();
  await page.getByLabel('Étape 1', { exact: true }).fill('Recenser les logements disponibles');
  await page.getByRole('button', { name: 'Partenaires', exact: true }).click();
  await page.getByRole('button', { name: 'Ajouter un partenaire' }).click();
  await page.getByLabel('Acteur (partenaire 1)').fill('Bailleurs sociaux du pays de Redon');
  await page.getByRole('button', { name: 'Suivi et évaluation' }).click();
  await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
  await page.getByLabel('Libellé de l’indicateur 1').fill('Internes accueillis');
  await page.getByLabel('Type de l’indicateur 1').selectOption('activite');
  await page.getByLabel('Unité (indicateur 1, facultatif)').fill('internes');
  await page.getByLabel('Cible (indicateur 1, facultatif)').fill('6 par an');
  await verifierAccessibilite(page, 'la création de fiche complétée');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await page.waitForURL(/\/fiches\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Accueillir les internes');
  await expect(page.getByText(/20\s000\s€/).first()).toBeVisible();
  await expect(page.getByText('Recenser les logements disponibles').first()).toBeVisible();
  await expect(page.getByText('Bailleurs sociaux du pays de Redon').first()).toBeVisible();
  await verifierAccessibilite(page, 'la fiche-action');
  // The indicator typed in the fiche is the follow-up's: the Suivi tab has it, nothing typed twice.
  const ficheId = page.url().split('/').pop()!;
  const suivi = await page.evaluate(async (id) => (await fetch(`/api/fiches/${id}/suivi`)).json(), ficheId);
  expect(suivi.indicateurs.map((i: { libelle: string; unite: string; cible: string }) => [i.libelle, i.unite, i.cible])).toEqual([
    ['Internes accueillis', 'internes', '6 par an'],
  ]);

  // Two signatories. Redon Agglomération is the coordinator's own organisation: its date goes in at once. ARS Bretagne
  // must first confirm being a signatory: until then its role is « À confirmer » and it has no date.
  await page.goto(`${urlContrat}?onglet=parties`);
  for (const [nom, filtre, date, representant] of [
    ['ARS Bretagne (ARS) — Agence régionale de santé (ARS)', 'ARS Bretagne', null, 'Directrice générale'],
    ['Redon Agglomération — EPCI (communauté de communes, d’agglomération…)', 'Redon Agglo', '2027-01-20', 'Président'],
  ]) {
    await page.getByRole('button', { name: 'Ajouter un signataire' }).click();
    await choisirOrganisation(page, /^Organisation signataire/, filtre!, nom!);
    await page.getByLabel('Représentant (facultatif)').fill(representant!);
    if (date) await page.getByLabel('Date de signature (facultatif)').fill(date);
    await page.getByRole('button', { name: 'Ajouter le signataire' }).click();
    await expect(page.getByText('Le signataire est ajouté.')).toBeVisible();
  }
  const signataires = page.getByRole('table', { name: 'Signataires du contrat' });
  await expect(signataires.getByRole('row', { name: /ARS Bretagne/ })).toContainText('À confirmer');
  await expect(signataires.getByRole('row', { name: /Redon Agglomération/ })).toContainText('Confirmé');
  await verifierAccessibilite(page, 'les parties');

  // ARS Bretagne's agent finds the requests from the home page and confirms both roles.
  const contexteArs = await browser.newContext();
  const pageArs = await contexteArs.newPage();
  const erreursArs = surveillerConsole(pageArs);
  await seConnecter(pageArs, 'ars.bretagne@demo.maillage.fr');
  await expect(pageArs.getByRole('heading', { name: /demandes de confirmation attendent votre réponse/ })).toBeVisible();
  await pageArs.getByRole('link', { name: 'Voir les demandes de confirmation' }).click();
  await expect(pageArs.getByRole('heading', { level: 1 })).toHaveText('Demandes de confirmation');
  await verifierAccessibilite(pageArs, 'les demandes de confirmation');
  const contrat = 'Contrat local de santé de Redon Agglomération 2027-2031';
  await pageArs.getByRole('button', { name: `Refuser : ARS Bretagne, ARS du contrat ${contrat}` }).click();
  await expect(pageArs.getByRole('heading', { name: `Refuser le rôle d’ARS du contrat « ${contrat} »` })).toBeVisible();
  await verifierAccessibilite(pageArs, 'le refus d’une demande');
  await pageArs.getByRole('button', { name: 'Annuler' }).click();
  for (const role of ['signataire', 'ARS']) {
    await pageArs.getByRole('button', { name: `Confirmer : ARS Bretagne, ${role} du contrat ${contrat}` }).click();
    await expect(pageArs.getByText(`ARS Bretagne est confirmée comme ${role} du contrat « ${contrat} ».`)).toBeVisible();
  }
  expect(erreursArs).toEqual([]);
  await contexteArs.close();

  // Now its signature date can be entered.
  await page.reload();
  await expect(signataires.getByRole('row', { name: /ARS Bretagne/ })).toContainText('Confirmé');
  await page.getByRole('button', { name: 'Modifier le signataire ARS Bretagne' }).click();
  await page.getByLabel('Date de signature (facultatif)').fill('2027-01-15');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Le signataire ARS Bretagne est enregistré.')).toBeVisible();

  // Élaboration, then signature.
  await page.goto(urlContrat);
  for (const statut of ['En élaboration', 'Signé (en vigueur)']) {
    await page.getByRole('button', { name: `Passer à « ${statut} »` }).click();
    await verifierAccessibilite(page, `la confirmation « ${statut} »`);
    if (statut.startsWith('Signé')) {
      // No evaluation planned yet (seed 003: « avant la signature du contrat »): signing warns and asks to acknowledge.
      await expect(page.getByRole('dialog')).toContainText('évaluation');
      // The DSFR label covers its box: click the label, as a person does.
      await page
        .getByRole('dialog')
        .getByText('J’ai pris connaissance de cet avertissement et je confirme le changement de statut')
        .click();
      await expect(page.getByRole('dialog').getByRole('checkbox')).toBeChecked();
    }
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  await expect(page.getByText('Étape 4 sur 6')).toBeVisible();
  await verifierAccessibilite(page, 'le contrat signé');

  // The signed contract as a PDF.
  await page.getByRole('tab', { name: 'Documents' }).click();
  await verifierAccessibilite(page, 'les documents');
  const [telechargement] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Contrat tel que signé.*PDF/ }).click(),
  ]);
  const chemin = await telechargement.path();
  const pdf = fs.readFileSync(chemin!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(telechargement.suggestedFilename()).toMatch(/-signe\.pdf$/);

  // Historique tells what happened.
  await page.goto(`${urlContrat}?onglet=historique`);
  await expect(page.getByText(/Marie Dupont/).first()).toBeVisible();
  // Sentences for people: no raw action or table name ("« valider » sur suivi_fiche").
  const evenements = await page.getByRole('list', { name: 'Événements du contrat' }).innerText();
  expect(evenements).toMatch(/Marie Dupont a créé la fiche \d+/);
  expect(evenements).not.toMatch(/a enregistré «|\b[a-z]+_[a-z]+\b/);
  await verifierAccessibilite(page, 'l’historique');
  expect(erreurs).toEqual([]);
  await contexte.close();
});
