import { expect, test } from '@playwright/test';
import { api, seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(120_000);

const REDON = 'Contrat local de santé du Pays de Redon-Bretagne Sud';
const AVIS = 'Un banc à l’arrêt de bus de la maison de santé aiderait beaucoup les personnes âgées.';

test('un habitant donne son avis sans JavaScript, au clavier, sur un téléphone ; il ne paraît qu’après modération, avec la réponse', async ({
  browser,
}) => {
  // The inhabitant: a phone, no JavaScript, the keyboard only.
  const habitant = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 }, isMobile: true });
  const page = await habitant.newPage();
  await page.goto('/public/contrats');
  await page.getByRole('link', { name: REDON }).click();
  const adresse = page.url();
  const section = page.getByRole('region', { name: 'Avis des habitants' });
  // The demo's published opinion and its answer are there; the pending one is not.
  await expect(section.getByText('Une navette le samedi matin')).toBeVisible();
  await expect(section.getByText(/Réponse de la coordination/)).toBeVisible();
  await expect(page.getByText('Les horaires du point écoute')).toHaveCount(0);

  const formulaire = page.getByRole('form', { name: 'Donner votre avis' });
  await formulaire.getByLabel('Une suggestion').focus();
  await page.keyboard.press('Space');
  await formulaire.getByLabel(/Sur quelle action/).focus();
  await page.keyboard.press('ArrowDown');
  // Too short first: the page comes back with the message and the text typed.
  await formulaire.getByLabel(/^Votre avis/).focus();
  await page.keyboard.type('Un banc');
  await page.keyboard.press('Tab');
  await page.keyboard.type('06 12 34 56 78');
  await formulaire.getByRole('button', { name: 'Envoyer mon avis' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Votre avis doit compter au moins 10 caractères').first()).toBeVisible();
  await expect(page.getByLabel(/^Votre avis/)).toHaveValue('Un banc');
  await expect(page.getByLabel(/Votre contact/)).toHaveValue('06 12 34 56 78');
  await page.getByLabel(/^Votre avis/).fill('');
  await page.getByLabel(/^Votre avis/).focus();
  await page.keyboard.type(AVIS);
  await page.getByRole('button', { name: 'Envoyer mon avis' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Merci, votre avis a bien été reçu' })).toBeVisible();
  await expect(page.getByText(AVIS)).toHaveCount(0);

  // axe runs in the page: the same page and the refused form, checked in a phone with JavaScript (which they do not need).
  const lecteur = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
  const l = await lecteur.newPage();
  await l.goto(adresse);
  await verifierAccessibilite(l, 'la page publique d’un contrat et son formulaire d’avis, sur un téléphone');
  await l.getByLabel(/^Votre avis/).fill('Court');
  await l.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(l.getByText('Votre avis doit compter au moins 10 caractères').first()).toBeVisible();
  await verifierAccessibilite(l, 'le formulaire d’avis refusé, avec ses erreurs');
  await lecteur.close();

  // The coordination moderates it, with a public answer.
  const coordination = await browser.newContext();
  const c = await coordination.newPage();
  const erreurs = surveillerConsole(c);
  await seConnecter(c, 'coordination@demo.maillage.fr');
  const cls1 = (await api(c, 'GET', '/api/contrats')).find((x: { intitule: string }) => x.intitule === REDON);
  await c.goto(`/contrats/${cls1.id}?onglet=participation`);
  const moderation = c.getByRole('region', { name: 'Avis des habitants' });
  const carte = moderation.getByRole('article').filter({ hasText: AVIS });
  await expect(carte).toBeVisible();
  await expect(carte.getByText('Contact laissé (jamais publié) : 06 12 34 56 78')).toBeVisible();
  await expect(moderation.getByRole('article').filter({ hasText: 'Les horaires du point écoute' })).toBeVisible();
  await verifierAccessibilite(c, 'la modération des avis');
  await carte.getByLabel('Réponse publique (facultatif)').fill('Merci : un banc sera posé au printemps.');
  await carte.getByRole('button', { name: /^Publier/ }).click();
  await expect(moderation.getByRole('article').filter({ hasText: AVIS })).toHaveCount(0);
  const historique = await api(c, 'GET', `/api/contrats/${cls1.id}/historique?parPage=10`);
  // The journal names an opinion by its first 80 characters.
  expect(historique.elements.map((e: { phrase: string }) => e.phrase)).toContain(
    `Marie Dupont a publié l’avis « ${AVIS.slice(0, 77)}… » sur la page publique`,
  );
  expect(erreurs).toEqual([]);

  await page.goto(adresse);
  await expect(page.getByText(AVIS)).toBeVisible();
  await expect(page.getByText('Merci : un banc sera posé au printemps.')).toBeVisible();
  await expect(page.getByText('06 12 34 56 78')).toHaveCount(0);
  await habitant.close();
  await coordination.close();
});

test('une coordonnatrice enregistre un temps public et en verse des extraits au diagnostic', async ({ browser }) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  const cls2 = (await api(page, 'GET', '/api/contrats')).find((c: { intitule: string }) => c.intitule.includes('2e génération'));
  await page.goto(`/contrats/${cls2.id}?onglet=participation`);
  const section = page.getByRole('region', { name: 'Temps publics' });
  await expect(section.getByRole('heading', { name: 'Forum santé des jeunes du pays de Redon' })).toBeVisible();
  await section.getByRole('button', { name: 'Enregistrer un temps public' }).click();
  await section.getByLabel('Intitulé').fill('Journée santé du quartier de Bellevue');
  await section.getByLabel('Type').selectOption('journee_sante');
  await section.getByLabel('Date').fill('2026-05-20');
  await section.getByLabel('Lieu (facultatif)').fill('Maison de quartier');
  await section.getByLabel('Nombre de participants (facultatif)').fill('120');
  await section.getByLabel('Habitants des quartiers prioritaires (QPV)').check({ force: true });
  await section.getByLabel('Personnes âgées').check({ force: true });
  await section.getByLabel('Intervenants (facultatif)').fill('Infirmière Asalée\nCPAM d’Ille-et-Vilaine');
  await verifierAccessibilite(page, 'le formulaire d’un temps public');
  await section.getByRole('button', { name: 'Ajouter le temps public' }).click();
  const carte = section.getByRole('article').filter({ hasText: 'Journée santé du quartier de Bellevue' });
  await expect(carte.getByText('Participants : 120')).toBeVisible();
  await expect(carte.getByText(/Publics touchés : Personnes âgées, Habitants des quartiers prioritaires/)).toBeVisible();

  await carte.getByRole('button', { name: /Verser des extraits au diagnostic/ }).click();
  await carte
    .getByLabel('Extraits à verser au diagnostic')
    .fill('On attend trois mois pour un dentiste.\n\nLe bus ne passe plus le dimanche.');
  await carte.getByRole('button', { name: 'Verser les 2 extraits' }).click();
  await expect(carte.getByRole('status')).toHaveText('2 verbatims ajoutés au diagnostic.');
  await expect(carte.getByText('2 verbatims versés au diagnostic')).toBeVisible();
  await verifierAccessibilite(page, 'l’onglet Participation, un temps public et ses extraits');
  const diagnostic = await api(page, 'GET', `/api/contrats/${cls2.id}/diagnostic`);
  expect(
    diagnostic.verbatims.filter(
      (v: { source: string }) => v.source === 'Journée santé du quartier de Bellevue (journée santé, 20/05/2026)',
    ),
  ).toHaveLength(2);
  expect(erreurs).toEqual([]);
  await contexte.close();
});
