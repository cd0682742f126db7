import { expect, test, type Page } from '@playwright/test';
import { api, seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(120_000);

test('une coordonnatrice planifie un COPIL, invite, note les présences et une décision, et voit la fiche changer', async ({ browser }) => {
  const contexte = await browser.newContext({ acceptDownloads: true });
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  const cls2 = (await api(page, 'GET', '/api/contrats')).find((c: { intitule: string }) => c.intitule.includes('2e génération'));
  const fiche = await api(page, 'POST', `/api/contrats/${cls2.id}/fiches`, { intitule: 'Développer M’T dents dans les écoles' });

  await page.goto(`/contrats/${cls2.id}?onglet=gouvernance`);
  await expect(page.getByRole('heading', { name: 'Séances', level: 2 })).toBeVisible();
  await verifierAccessibilite(page, 'l’onglet gouvernance');

  // The page says who receives invitations; a member without an account gets an invitation address.
  await expect(page.getByText(/Les invitations aux séances partent vers les utilisateurs de Maillage/).first()).toBeVisible();
  await page
    .getByRole('button', { name: /^Adresse d’invitation de Redon Agglomération/ })
    .first()
    .click();
  await page.getByLabel('Adresse e-mail (laisser vide pour la retirer)').fill('secretariat.sante@redon-agglomeration.example.fr');
  await verifierAccessibilite(page, 'l’adresse d’invitation d’un membre');
  await page.getByRole('button', { name: 'Enregistrer l’adresse' }).click();
  await expect(page.getByText('Les invitations partiront aussi à secretariat.sante@redon-agglomeration.example.fr.')).toBeVisible();
  await expect(page.getByText('dont secretariat.sante@redon-agglomeration.example.fr').first()).toBeVisible();

  // A COPIL in twenty days, with an agenda item linked to the fiche.
  await page.getByRole('button', { name: 'Planifier une séance' }).click();
  const jour = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Date', { exact: true }).fill(jour);
  await page.getByLabel('Heure de début').fill('14:00');
  await page.getByLabel('Heure de fin (facultatif)').fill('16:30');
  await page.getByLabel('Lieu (facultatif)').fill('Hôtel d’agglomération, Redon');
  await page.getByLabel('Point 1 : intitulé').fill('Lancement de la fiche M’T dents');
  await page.locator('summary', { hasText: 'Fiches-action liées au point 1' }).click();
  await page.getByLabel(`${fiche.numero}. ${fiche.intitule ?? 'Développer M’T dents dans les écoles'}`).check({ force: true });
  await verifierAccessibilite(page, 'la planification');
  await page.getByRole('button', { name: 'Planifier la séance' }).click();
  await page.waitForURL(/\/seances\//);
  await expect(page.getByRole('heading', { name: 'Ordre du jour' })).toBeVisible();
  await expect(page.locator('li', { hasText: 'Quand :' })).toContainText('14:00 à 16:30');

  // Invitations by e-mail, with the calendar file.
  await page.getByRole('button', { name: 'Envoyer les invitations' }).click();
  await expect(page.getByRole('heading', { name: /Invitations envoyées à/ })).toBeVisible();
  await verifierAccessibilite(page, 'la séance après les invitations');
  const [ics] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' }).click(),
  ]);
  expect(ics.suggestedFilename()).toMatch(/\.ics$/);

  // Attendance.
  const presences = page.locator('.maillage-presence');
  await presences.filter({ hasText: 'ARS Bretagne' }).getByText('Présent', { exact: true }).click();
  await presences.filter({ hasText: 'Redon Agglomération' }).getByText('Excusé', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(page.getByText('Présences enregistrées.')).toBeVisible();

  // A decision that starts the fiche.
  await page.getByRole('combobox', { name: 'Fiche-action concernée' }).selectOption(fiche.id);
  await page.getByRole('combobox', { name: /Nouveau statut de la fiche/ }).selectOption('en_cours');
  await page.getByLabel(/Texte de la décision/).fill('Le COPIL lance la fiche M’T dents dès la rentrée.');
  // The COPIL is in twenty days: the form asks to confirm a decision taken before it.
  await page.getByRole('button', { name: 'Ajouter et appliquer la décision' }).click();
  await expect(page.getByText('Cochez la case pour confirmer une décision avant la séance')).toBeVisible();
  await verifierAccessibilite(page, 'la décision d’une séance à venir');
  await page.getByText(/Je confirme : la séance du .* n’a pas encore eu lieu/).click();
  await page.getByRole('button', { name: 'Ajouter et appliquer la décision' }).click();
  await expect(page.getByRole('heading', { name: 'Décision enregistrée' })).toBeVisible();
  await expect(page.locator('.fr-alert--success', { hasText: 'Décision enregistrée' })).toContainText(
    `Fiche ${fiche.numero} : À venir → En cours`,
  );
  await verifierAccessibilite(page, 'la décision appliquée');

  // The presentation shown at the séance, kept with it.
  await page
    .getByRole('form', { name: 'Déposer un fichier' })
    .locator('input[type=file]')
    .setInputFiles({ name: 'diaporama COPIL.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%essai\n') });
  await page.getByRole('button', { name: 'Déposer le fichier' }).click();
  await expect(page.getByText('Le fichier « diaporama COPIL.pdf » est déposé.')).toBeVisible();
  await verifierAccessibilite(page, 'les documents de la séance');

  // The fiche has changed, and its history says why.
  await page.getByRole('link', { name: `Ouvrir la fiche ${fiche.numero}` }).click();
  await page.waitForURL(/\/fiches\//);
  await expect(page.getByText('Statut : En cours')).toBeVisible();
  await expect(page.getByText(/En cours — .*\(décision du/)).toBeVisible();
  await verifierAccessibilite(page, 'la fiche après la décision');
  expect(erreurs).toEqual([]);
  await contexte.close();
});

test('un contrat clos dit ce qu’il reçoit encore et n’offre plus que cela', async ({ browser }) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  // The first generation of Redon's CLS is renewed: closed (decision 0006).
  const cls1 = (await api(page, 'GET', '/api/contrats')).find(
    (c: { intitule: string; generation: number }) => c.generation === 1 && c.intitule.includes('Redon'),
  );
  await page.goto(`/contrats/${cls1.id}?onglet=gouvernance`);
  await expect(page.getByText(/Ce contrat est renouvelé : il ne reçoit plus de nouvelle fiche, instance/)).toBeVisible();
  await expect(page.getByText(/Restent possibles : son évaluation/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Séances', level: 2 })).toBeVisible();
  // Closed without any instance (as the demo's first generation is): no séance can be held any more, and it says so.
  await expect(page.getByText(/Ce contrat est clos sans instance/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Créer (une instance|le comité de pilotage)/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Ajouter un membre/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Ajouter (le|un autre) poste/ })).toHaveCount(0);
  await verifierAccessibilite(page, 'la gouvernance d’un contrat clos');
  await page.goto(`/contrats/${cls1.id}?onglet=financements`);
  await expect(page.getByRole('heading', { name: 'Financements', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajouter une ligne du contrat' })).toHaveCount(0);
  await verifierAccessibilite(page, 'les financements d’un contrat clos');
  expect(erreurs).toEqual([]);
  await contexte.close();
});

test('un lecteur voit les noms des personnes de ses contrats, sans leurs adresses', async ({ browser }) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'lecteur@demo.maillage.fr');
  await page.goto('/annuaire?onglet=personnes');
  await expect(page.getByRole('heading', { name: 'Personnes', level: 2 })).toBeVisible();
  await expect(page.getByText(/ne sont montrés qu’à qui organise le contrat/)).toBeVisible();
  await expect(page.locator('a[href^="mailto:"]')).toHaveCount(0);
  await verifierAccessibilite(page, 'l’annuaire d’un lecteur');
  expect(erreurs).toEqual([]);
  await contexte.close();
});
