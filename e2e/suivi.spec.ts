import { expect, test, type Page } from '@playwright/test';
import { api, seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(150_000);
test.use({ actionTimeout: 15_000 });

test('un pilote répond à la campagne de suivi et la coordination valide', async ({ browser }) => {
  const periode = String(new Date().getFullYear());

  // Set-up through the API: an axe and a fiche piloted by the hospital of Redon, with one indicator and its target.
  const coordination = await browser.newContext({ acceptDownloads: true });
  const page = await coordination.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  const cls2 = (await api(page, 'GET', '/api/contrats')).find(
    (c: { generation: number; intitule: string }) => c.generation === 2 && c.intitule.includes('Redon'),
  );
  const hopital = (await api(page, 'GET', `/api/organisations?q=${encodeURIComponent('Centre hospitalier de Redon')}`)).elements[0];
  const axe = await api(page, 'POST', `/api/contrats/${cls2.id}/axes`, { intitule: 'Prévenir et dépister' });
  const fiche = await api(page, 'POST', `/api/contrats/${cls2.id}/fiches`, {
    intitule: 'Sensibiliser les aînés à la vaccination',
    axeId: axe.id,
    statut: 'en_cours',
    pilotes: [{ organisationId: hopital.id, service: 'Pôle prévention' }],
  });
  const indicateur = await api(page, 'POST', `/api/fiches/${fiche.id}/indicateurs-suivi`, {
    libelle: 'Ateliers de sensibilisation tenus',
    type: 'activite',
    unite: 'ateliers',
    methode: 'Feuilles d’émargement',
    reference: { valeur: 0 },
    cibles: [{ periode, valeur: 10 }],
  });
  expect(indicateur.id).toBeTruthy();

  // The coordinator opens the campaign from the contract's « Suivi et évaluation » tab.
  await page.goto(`/contrats/${cls2.id}?onglet=suivi`);
  await expect(page.getByRole('heading', { name: 'Avancement du contrat', level: 2 })).toBeVisible();
  const ligneFiche = page.locator('.maillage-avancement__ligne', { hasText: `Fiche ${fiche.numero} — Sensibiliser les aînés` });
  await expect(ligneFiche).toContainText('selon le statut');
  await expect(ligneFiche).toContainText('50 %');
  const avancementAvant = await page.locator('#titre-avancement ~ div .maillage-chiffre .fr-h3').textContent();
  await verifierAccessibilite(page, 'l’onglet suivi et évaluation');

  await page.getByRole('button', { name: 'Ouvrir une campagne' }).first().click();
  await page.getByLabel('Période suivie').fill(periode);
  await page.getByLabel('Message aux pilotes (facultatif)').fill('Merci de répondre avant le COPIL de décembre.');
  await verifierAccessibilite(page, 'l’ouverture d’une campagne');
  await page.getByRole('button', { name: 'Ouvrir la campagne et écrire aux pilotes' }).click();
  await expect(page.getByRole('heading', { name: `Campagne ${periode} ouverte` })).toBeVisible();
  await expect(page.getByText(/Courriel envoyé à 1 pilote : pilote@demo\.maillage\.fr/)).toBeVisible();
  const lien = page.getByRole('link', { name: 'Suivre les réponses sur le tableau de bord' });
  const campagne = (await lien.getAttribute('href'))!.split('/').pop()!;
  await expect(page.getByRole('link', { name: `Campagne ${periode}` })).toBeVisible();
  await verifierAccessibilite(page, 'la campagne ouverte');

  // The pilote follows the link of the e-mail, enters the value and the report, and submits.
  const contextePilote = await browser.newContext();
  const pilote = await contextePilote.newPage();
  const erreursPilote = surveillerConsole(pilote);
  await seConnecter(pilote, 'pilote@demo.maillage.fr');
  await pilote.goto(`/campagnes/${campagne}`);
  await expect(pilote.getByRole('heading', { name: 'Vos fiches à renseigner', level: 2 })).toBeVisible();
  await expect(pilote.getByText('Merci de répondre avant le COPIL de décembre.')).toBeVisible();
  const bloc = pilote.getByRole('article', { name: `Fiche ${fiche.numero} — Sensibiliser les aînés à la vaccination` });
  await expect(bloc).toContainText(`Cible ${periode} : 10 ateliers`);
  await bloc.getByLabel(`Valeur ${periode} (ateliers)`).fill('8');
  await bloc.getByLabel('Récit de la valeur (facultatif)').fill('Huit ateliers, dont trois dans les communes rurales.');
  await bloc.getByLabel('Réalisations').fill('Huit ateliers tenus avec les pharmacies et les centres sociaux.');
  await bloc.getByLabel('Difficultés (facultatif)').fill('Peu de soignants disponibles en été.');
  await verifierAccessibilite(pilote, 'le formulaire du pilote');
  await bloc.getByRole('button', { name: `Enregistrer la fiche ${fiche.numero}` }).click();
  await expect(bloc.getByText(`Fiche ${fiche.numero} enregistrée en brouillon`)).toBeVisible();
  await bloc.getByRole('button', { name: `Soumettre la fiche ${fiche.numero}` }).click();
  await expect(bloc.getByText(`Fiche ${fiche.numero} soumise`)).toBeVisible();
  await expect(bloc.getByText('Soumis, à valider')).toBeVisible();
  await expect(bloc.getByRole('button', { name: `Soumettre la fiche ${fiche.numero}` })).toHaveCount(0);
  await verifierAccessibilite(pilote, 'la fiche soumise par le pilote');
  expect(erreursPilote).toEqual([]);
  await contextePilote.close();

  // The coordinator reads what was submitted on the dashboard and validates.
  await page.goto(`/campagnes/${campagne}`);
  await expect(page.getByRole('heading', { name: 'À valider (1)' })).toBeVisible();
  const aValider = page.getByRole('article', { name: `Fiche ${fiche.numero} — Sensibiliser les aînés à la vaccination` });
  await expect(aValider).toContainText('Huit ateliers tenus avec les pharmacies');
  await expect(aValider).toContainText('8 ateliers');
  await expect(page.getByRole('table', { name: 'Courriels de la campagne, du plus récent au plus ancien' })).toContainText(
    'pilote@demo.maillage.fr',
  );
  await verifierAccessibilite(page, 'le tableau de bord de la campagne');
  await aValider.getByRole('button', { name: `Valider la fiche ${fiche.numero}` }).click();
  await expect(page.getByText(`Fiche ${fiche.numero} validée`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'À valider (0)' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: `État de chaque fiche pour ${periode}` }).getByRole('row', { name: /Sensibiliser les aînés/ }),
  ).toContainText('Validé');
  const [bilan] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bilan annuel (DOCX)' }).click()]);
  expect(bilan.suggestedFilename()).toMatch(/^bilan-.*\.docx$/);
  await verifierAccessibilite(page, 'le tableau de bord après validation');

  // The fiche's follow-up shows the validated value; the contract's progress now comes from it.
  await page.goto(`/fiches/${fiche.id}`);
  const tableau = page.getByRole('table', { name: 'Cibles et valeurs de « Ateliers de sensibilisation tenus »' });
  const ligne = tableau.getByRole('row', { name: new RegExp(`^${periode}`) });
  await expect(ligne).toContainText('8 ateliers');
  await expect(ligne).toContainText('Validé');
  await expect(ligne).toContainText('Période verrouillée');
  await ligne.getByText(`Étapes de la valeur ${periode}`).click();
  await expect(ligne).toContainText('Validation (validé) — Marie Dupont');
  await verifierAccessibilite(page, 'le suivi de la fiche');

  await page.goto(`/contrats/${cls2.id}?onglet=suivi`);
  await expect(ligneFiche).toContainText('valeurs validées (1 indicateur sur 1)');
  await expect(ligneFiche).toContainText('80 %');
  await expect(page.locator('#titre-avancement ~ div .maillage-chiffre .fr-h3')).not.toHaveText(avancementAvant ?? '');
  expect(erreurs).toEqual([]);
  await coordination.close();
});

test('la coordination définit un indicateur en pourcentage lié au diagnostic et renvoie sa valeur ; le référent ARS la valide (quatre yeux), la rouvre avec un motif, et l’évaluation la cite', async ({
  browser,
}) => {
  const periode = String(new Date().getFullYear());
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  const cls2 = (await api(page, 'GET', '/api/contrats')).find(
    (c: { generation: number; intitule: string }) => c.generation === 2 && c.intitule.includes('Redon'),
  );
  const fiche = await api(page, 'POST', `/api/contrats/${cls2.id}/fiches`, {
    intitule: 'Vacciner les aînés contre la grippe',
    statut: 'en_cours',
  });

  // The indicator: a percentage with its numerator and denominator, a target, and the link to the diagnostic.
  await page.goto(`/fiches/${fiche.id}`);
  await expect(page.getByRole('heading', { name: 'Aucun indicateur de suivi' })).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
  await page.getByRole('textbox', { name: /^Libellé/ }).fill('Part des 65 ans et plus vaccinés');
  await page.getByLabel(/^Type/).selectOption('resultat');
  await page.getByText('Pourcentage (saisi par numérateur et dénominateur)').click();
  await page.getByLabel('Numérateur de référence').fill('300');
  await page.getByLabel('Dénominateur de référence').fill('600');
  await page.getByRole('button', { name: 'Ajouter une cible' }).click();
  await expect(page.getByLabel('Période de la cible 1')).toHaveValue(periode);
  await page.getByLabel('Numérateur de la cible 1').fill('420');
  await page.getByLabel('Dénominateur de la cible 1').fill('six cents');
  await page.getByLabel(/^Indicateur du diagnostic lié/).selectOption('densite_mg_liberaux');
  await page.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
  await expect(page.getByText('Dénominateur : nombre attendu')).toBeVisible();
  await page.getByLabel('Dénominateur de la cible 1').fill('600');
  await verifierAccessibilite(page, 'le formulaire d’indicateur de suivi');
  await page.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
  await expect(page.getByText('Indicateur « Part des 65 ans et plus vaccinés » ajouté.')).toBeVisible();
  const bloc = page.getByRole('article', { name: /Part des 65 ans et plus vaccinés/ });
  await expect(bloc).toContainText('Référence :50 % (300 / 600)');
  await expect(bloc).toContainText('Lié au diagnostic : Densité de médecins généralistes libéraux');
  const tableau = bloc.getByRole('table', { name: 'Cibles et valeurs de « Part des 65 ans et plus vaccinés »' });
  const ligne = tableau.getByRole('row', { name: new RegExp(`^${periode}`) });
  await expect(ligne).toContainText('70 % (420 / 600)');
  await expect(ligne).toContainText('Non saisi');

  // Entered, submitted, sent back with a comment (mandatory), corrected, submitted again, validated.
  await ligne.getByRole('button', { name: new RegExp(`Saisir la valeur ${periode}`) }).click();
  await page.getByLabel('Numérateur', { exact: true }).fill('390');
  await page.getByLabel('Dénominateur', { exact: true }).fill('600');
  await page.getByLabel('Récit (facultatif)').fill('Campagne d’automne avec les pharmacies.');
  await page.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(ligne).toContainText('65 % (390 / 600)');
  await expect(ligne).toContainText('Brouillon');
  await ligne.getByRole('button', { name: /^Soumettre/ }).click();
  await expect(ligne).toContainText('Soumis');
  await ligne.getByRole('button', { name: /^Renvoyer pour correction/ }).click();
  const modale = page.getByRole('dialog', { name: 'Renvoyer la valeur pour correction' });
  await expect(modale).toBeVisible();
  await modale.getByRole('button', { name: 'Renvoyer pour correction' }).click();
  await expect(modale.getByText('Dites ce qui est à corriger')).toBeVisible();
  await modale.getByLabel(/Ce qui est à corriger/).fill('Le dénominateur est de 640 cette année.');
  await verifierAccessibilite(page, 'la fenêtre de renvoi');
  await modale.getByRole('button', { name: 'Renvoyer pour correction' }).click();
  await expect(ligne).toContainText('Renvoyé pour correction');
  await ligne.getByRole('button', { name: /^Corriger/ }).click();
  await page.getByLabel('Numérateur', { exact: true }).fill('416');
  await page.getByLabel('Dénominateur', { exact: true }).fill('640');
  await page.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(ligne).toContainText('65 % (416 / 640)');
  await ligne.getByRole('button', { name: /^Soumettre/ }).click();
  // Four eyes: she submitted it, someone else validates it.
  await expect(ligne).toContainText('Vous l’avez soumise : une autre personne la valide (validation à quatre yeux).');
  await expect(ligne.getByRole('button', { name: /^Valider/ })).toHaveCount(0);

  // The ARS referent validates, then reopens it with a reason (mandatory); it goes back for correction.
  const contexteArs = await browser.newContext();
  const pageArs = await contexteArs.newPage();
  const erreursArs = surveillerConsole(pageArs);
  await seConnecter(pageArs, 'referent.ars@demo.maillage.fr');
  await pageArs.goto(`/fiches/${fiche.id}`);
  const ligneArs = pageArs
    .getByRole('table', { name: 'Cibles et valeurs de « Part des 65 ans et plus vaccinés »' })
    .getByRole('row', { name: new RegExp(`^${periode}`) });
  await ligneArs.getByRole('button', { name: /^Valider/ }).click();
  await expect(ligneArs).toContainText('Validé');
  await ligneArs.getByRole('button', { name: /^Rouvrir/ }).click();
  const reouverture = pageArs.getByRole('dialog', { name: 'Rouvrir la valeur validée' });
  await reouverture.getByRole('button', { name: 'Rouvrir pour correction' }).click();
  await expect(reouverture.getByText('Dites pourquoi vous rouvrez cette saisie validée')).toBeVisible();
  await reouverture.getByLabel(/Motif de la réouverture/).fill('Le registre de la pharmacie de Redon manquait.');
  await verifierAccessibilite(pageArs, 'la fenêtre de réouverture');
  await reouverture.getByRole('button', { name: 'Rouvrir pour correction' }).click();
  await expect(ligneArs).toContainText('Renvoyé pour correction');

  // Back in the normal cycle: submitted again by the coordination, validated by the ARS referent.
  await page.reload();
  await ligne.getByRole('button', { name: /^Soumettre/ }).click();
  await expect(ligne).toContainText('Soumis');
  await pageArs.reload();
  await ligneArs.getByRole('button', { name: /^Valider/ }).click();
  await expect(ligneArs).toContainText('Validé');
  expect(erreursArs).toEqual([]);
  await contexteArs.close();
  await page.reload();
  await expect(ligne).toContainText('Validé');
  await ligne.getByText(`Étapes de la valeur ${periode}`).click();
  await expect(ligne).toContainText('« Le dénominateur est de 640 cette année. »');
  await expect(ligne).toContainText('« Le registre de la pharmacie de Redon manquait. »');
  await verifierAccessibilite(page, 'la valeur validée');

  // An evaluation whose question cites the validated value.
  await page.goto(`/contrats/${cls2.id}?onglet=suivi`);
  await page.getByRole('button', { name: 'Nouvelle évaluation' }).first().click();
  await page.getByLabel('Intitulé').fill('Évaluation à mi-parcours du CLS 2');
  await page.getByRole('button', { name: 'Créer et ouvrir l’évaluation' }).click();
  await expect(page.getByRole('heading', { name: 'Évaluation à mi-parcours du CLS 2', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter une question (efficacité)' }).click();
  await page.getByLabel('Question évaluative 1 (efficacité)').fill('Les actions ont-elles touché les communes rurales ?');
  await page.getByRole('button', { name: 'Ajouter une question (efficacité)' }).click();
  await page.getByLabel('Question évaluative 2 (efficacité)').fill('La couverture vaccinale des aînés a-t-elle progressé ?');
  await page.getByRole('button', { name: 'Monter la question 2 (efficacité)' }).click();
  await expect(page.getByLabel('Question évaluative 1 (efficacité)')).toHaveValue('La couverture vaccinale des aînés a-t-elle progressé ?');
  await expect(page.getByRole('button', { name: 'Descendre la question 1 (efficacité)' })).toBeFocused();
  await page.getByLabel('Appréciation (question 1 (efficacité))').selectOption('plutot_satisfaisant');
  await page.getByLabel('Jugement (question 1 (efficacité))').fill('Oui : de 50 % à 65 %.');
  const choix = page.getByLabel('Ajouter une preuve à la question 1 (efficacité)');
  await expect(choix.locator('option', { hasText: '65 % (416 / 640)' })).toHaveCount(1);
  await choix.selectOption({ label: (await choix.locator('option', { hasText: '65 % (416 / 640)' }).textContent())! });
  await page.getByRole('button', { name: 'Ajouter la preuve choisie à la question 1 (efficacité)' }).click();
  await page.getByRole('button', { name: 'Ajouter une recommandation' }).click();
  await page.getByLabel('Recommandation 1', { exact: true }).fill('Étendre la campagne aux pharmacies rurales');
  await page.getByLabel('Priorité (recommandation 1)').selectOption('haute');
  await verifierAccessibilite(page, 'l’éditeur d’évaluation');
  await page.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(page.getByText('Évaluation enregistrée.')).toBeVisible();

  // Someone else saves meanwhile: the stale save shows what changed and lets the user choose.
  const id = page.url().split('/').pop()!;
  const lue = await api(page, 'GET', `/api/evaluations/${id}`);
  const { preuves: _p, id: _i, contratId: _c, version, creeLe: _cl, modifieLe: _m, ...saisie } = lue;
  await api(page, 'PUT', `/api/evaluations/${id}`, { ...saisie, synthese: 'Synthèse écrite par une collègue', version });
  await page.getByLabel('Synthèse (facultatif)').fill('Ma synthèse');
  await page.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(page.getByRole('heading', { name: 'Cette évaluation a été modifiée entre-temps' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Différences entre votre saisie et la version enregistrée' })).toContainText(
    'Synthèse écrite par une collègue',
  );
  await page.getByRole('button', { name: 'Enregistrer ma saisie à la place' }).click();
  await expect(page.getByText('Évaluation enregistrée.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Question évaluative 1 (efficacité)')).toHaveValue('La couverture vaccinale des aînés a-t-elle progressé ?');
  await expect(page.locator('li', { hasText: `Fiche ${fiche.numero} — Part des 65 ans et plus vaccinés` })).toContainText('Valeur validée');
  await expect(page.getByLabel('Synthèse (facultatif)')).toHaveValue('Ma synthèse');
  expect(erreurs).toEqual([]);
  await contexte.close();
});
