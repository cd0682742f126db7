import { expect, test, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import fs from 'node:fs';
import path from 'node:path';
import { api, seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(300_000);
test.use({ actionTimeout: 15_000 });

const MOT_DE_PASSE = 'appui à la coordination 2026';

/** Without SMTP_URL the server writes each e-mail to DATA_DIR/outbox, the address in the file name: the mails of one address. */
async function courrielsPour(destinataire: string) {
  const dossier = path.join(process.env.E2E_DATA_DIR!, 'outbox');
  const fichiers = fs.existsSync(dossier)
    ? fs
        .readdirSync(dossier)
        .filter((f) => f.includes(destinataire))
        .sort()
    : [];
  return Promise.all(
    fichiers.map(async (f) => {
      const m = await simpleParser(fs.readFileSync(path.join(dossier, f)));
      return { sujet: m.subject ?? '', texte: `${m.subject ?? ''}\n${m.text ?? ''}\n${typeof m.html === 'string' ? m.html : ''}` };
    }),
  );
}

async function nouvelOnglet(browser: import('@playwright/test').Browser, email: string, motDePasse?: string) {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, email, motDePasse);
  return { contexte, page, erreurs };
}

/** The set-up a test needs but does not test, as the platform administrator: a DAC, its staff member, a GP account. */
async function preparer(page: Page, suffixe: string) {
  const dac = await api(page, 'POST', '/api/organisations', { nom: `DAC du pays de Redon ${suffixe}`, type: 'dac', departementCode: '35' });
  await api(page, 'POST', '/api/appui/equipes', {
    organisationId: dac.id,
    telephone: '02 99 00 00 00',
    horaires: 'Du lundi au vendredi, 8 h – 19 h',
  });
  const compte = (email: string, prenom: string, nom: string, organisationId: string | null) =>
    api(page, 'POST', '/api/utilisateurs', { email, prenom, nom, organisationId, password: MOT_DE_PASSE, habilitations: [] });
  const membre = await compte(`gestion.${suffixe}@exemple.fr`, 'Gaëlle', 'Gestion', dac.id);
  await api(page, 'PUT', `/api/appui/equipes/${dac.id}/membres/${membre.id}`, { role: 'coordinateur_appui' });
  await compte(`medecin.${suffixe}@exemple.fr`, 'Yves', 'Généraliste', null);
  return {
    membreId: membre.id as string,
    equipe: `DAC du pays de Redon ${suffixe}`,
    membre: `gestion.${suffixe}@exemple.fr`,
    medecin: `medecin.${suffixe}@exemple.fr`,
  };
}

test('un médecin traitant demande un appui ; l’équipe évalue, oriente, se concerte, écrit le plan, clôt ; le médecin reçoit les deux courriels', async ({
  browser,
}) => {
  const suffixe = Date.now().toString(36);
  const admin = await nouvelOnglet(browser, 'admin@demo.maillage.fr');
  const comptes = await preparer(admin.page, suffixe);
  await admin.contexte.close();

  // The GP: the request form, short, on a phone.
  const medecin = await nouvelOnglet(browser, comptes.medecin, MOT_DE_PASSE);
  const gp = medecin.page;
  await gp.setViewportSize({ width: 390, height: 844 });
  await gp.goto('/appui/demande');
  await expect(gp.getByRole('heading', { level: 1 })).toHaveText('Demander un appui à la coordination');
  await gp.getByLabel('Équipe d’appui').selectOption({ label: comptes.equipe });
  await gp.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(gp.getByText('Indiquez le nom de naissance de la personne')).toBeVisible();
  await verifierAccessibilite(gp, 'le formulaire de demande d’appui (téléphone)');
  await gp.getByLabel('Nom de naissance de la personne').fill('Lemoine');
  await gp.getByLabel('Prénoms').fill('Jeanne Marie');
  await gp.getByLabel('Date de naissance (facultatif)').fill('1938-04-12');
  await gp.getByLabel('Commune de résidence (facultatif)').fill('Redon');
  await gp.getByLabel('Commune trouvée').selectOption({ label: 'Redon (35)' });
  await gp.getByLabel('Pourquoi demandez-vous un appui ?').fill('Chutes répétées, vit seule, refus des aides jusqu’ici, aidante épuisée');
  await gp.getByText('Rapide (sous 72 h)').click();
  await expect(gp.getByLabel('Je suis le médecin traitant de cette personne')).toBeChecked();
  await gp.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(gp.getByRole('heading', { level: 1 })).toHaveText('Demande envoyée');
  await expect(gp.getByText(new RegExp(`Demande n° \\d+ reçue par ${comptes.equipe}`))).toBeVisible();
  await verifierAccessibilite(gp, 'l’accusé de réception');
  // The GP works in no team: no guichet in the menu.
  await gp.setViewportSize({ width: 1280, height: 900 });
  await expect(gp.getByRole('link', { name: 'Guichet de l’équipe' })).toHaveCount(0);

  // The team member: the inbox, the request, its référent, the first contact, the case.
  const equipe = await nouvelOnglet(browser, comptes.membre, MOT_DE_PASSE);
  const p = equipe.page;
  await p.goto('/appui');
  await expect(p.getByRole('heading', { level: 1 })).toHaveText(`Guichet — ${comptes.equipe}`);
  await verifierAccessibilite(p, 'le guichet de l’équipe');
  await p.getByRole('link', { name: /Demande n° \d+ — .*Lemoine/i }).click();
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Jeanne Marie Lemoine');
  await expect(p.getByText('Chutes répétées, vit seule')).toBeVisible();
  await verifierAccessibilite(p, 'une demande à traiter');
  await p.getByLabel('Référent', { exact: true }).selectOption(comptes.membreId);
  await p.getByRole('button', { name: 'Désigner le référent' }).click();
  await p.getByRole('button', { name: 'Noter le premier contact (maintenant)' }).click();
  await expect(p.getByRole('button', { name: 'Noter le premier contact (maintenant)' })).toHaveCount(0);
  await p.getByRole('button', { name: 'Ouvrir la situation' }).click();
  await p.waitForURL(/\/appui\/situations\/[0-9a-f-]{36}$/);
  await expect(p.getByText(/Situation n° \d+ ouverte\./)).toBeVisible();
  await verifierAccessibilite(p, 'la situation (personne et médecin traitant)');

  // Evaluation: the grid gives the level of answer.
  await p.getByRole('tab', { name: 'Évaluation' }).click();
  await p.getByLabel('Dimension médicale').selectOption('3');
  await p.getByLabel('Dimension sociale').selectOption('2');
  await p.getByLabel('Dimension fonctionnelle').selectOption('3');
  await expect(p.getByText('Niveau de réponse qui en résulte : Coordination (appui soutenu)')).toBeVisible();
  await p.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(p.getByRole('table', { name: 'Évaluations de la situation' })).toContainText('Coordination (appui soutenu)');
  await verifierAccessibilite(p, 'l’évaluation');

  // Orientation to a resource of the directory, accepted.
  await p.getByRole('tab', { name: 'Orientations' }).click();
  await p.getByLabel('Nom, type ou organisation de la ressource').fill('CLIC de Redon');
  await p.getByRole('button', { name: /^Orienter vers CLIC de Redon Agglomération/ }).click();
  await expect(p.getByRole('heading', { name: /CLIC de Redon Agglomération/ })).toBeVisible();
  await p.getByLabel('Issue de l’orientation vers CLIC de Redon Agglomération').selectOption('acceptee');
  await p.getByRole('button', { name: 'Enregistrer l’issue' }).click();
  await expect(p.getByText(/Issue : Acceptée/)).toBeVisible();
  await verifierAccessibilite(p, 'les orientations');

  // The plan personnalisé, version 1.
  await p.getByRole('tab', { name: 'Plan personnalisé' }).click();
  await p.getByRole('button', { name: 'Écrire le plan personnalisé' }).click();
  await p.getByLabel('Évaluation globale').fill('Perte d’autonomie rapide, isolement, aidante épuisée.');
  await p.getByRole('button', { name: 'Ajouter un problème' }).click();
  await p.getByLabel('Problème 1', { exact: true }).fill('Chutes à domicile');
  await p.getByRole('button', { name: 'Ajouter une action' }).click();
  await p.getByLabel('Action 1', { exact: true }).fill('Visite d’ergothérapeute pour aménager le logement');
  await p.getByLabel('Qui porte l’action 1').fill('CLIC de Redon Agglomération');
  await verifierAccessibilite(p, 'l’écriture du plan');
  await p.getByRole('button', { name: 'Enregistrer le plan' }).click();
  await expect(p.getByText(/^Version 1, enregistrée le/)).toBeVisible();
  await verifierAccessibilite(p, 'le plan personnalisé');

  // A concertation: two professionals and the person; it moves the action forward (plan version 2).
  await p.getByRole('tab', { name: 'Concertations' }).click();
  await p.getByRole('button', { name: 'Tracer une concertation' }).click();
  await p.getByLabel('Nom du participant 1').fill('Dr Yves Généraliste');
  await p.getByRole('button', { name: 'Ajouter un participant' }).click();
  await p.getByLabel('Nom du participant 2').fill('Infirmière du SSIAD');
  await p.getByRole('button', { name: 'Ajouter un participant' }).click();
  await p.getByLabel('Participant 3 : qui est-ce').selectOption('personne');
  await p.getByLabel('Nom du participant 3').fill('Jeanne Marie Lemoine');
  await p.getByLabel('Décisions').fill('Passage de l’ergothérapeute la semaine prochaine ; portage des repas.');
  await p.getByText('Concertation pluriprofessionnelle rémunérable').click();
  await p.getByLabel(/^Nouveau statut de « Visite d’ergothérapeute/).selectOption('en_cours');
  await verifierAccessibilite(p, 'une concertation');
  await p.getByRole('button', { name: 'Enregistrer la concertation' }).click();
  await expect(p.getByText('Pluriprofessionnelle rémunérable')).toBeVisible();
  await expect(p.getByText(/a produit la version 2 du plan/)).toBeVisible();

  // Timeline and read log.
  await p.getByRole('tab', { name: 'Chronologie' }).click();
  const chronologie = p.getByRole('list', { name: 'Chronologie de la situation' });
  await expect(chronologie).toContainText('Ouverture de la situation');
  await expect(chronologie).toContainText('Plan personnalisé, version 2');
  await verifierAccessibilite(p, 'la chronologie');
  await p.getByRole('tab', { name: 'Journal des accès' }).click();
  await expect(p.getByRole('table', { name: /Lectures de la situation/ })).toContainText('Gestion');
  await verifierAccessibilite(p, 'le journal des accès');

  // Closure, asked once.
  await p.getByRole('tab', { name: 'Délais et clôture' }).click();
  await p.getByLabel('Motif de la clôture').selectOption('objectifs_atteints');
  await p.getByRole('button', { name: 'Clôturer la situation' }).click();
  await p.getByRole('button', { name: 'Clôturer et informer le médecin traitant' }).click();
  await expect(p.getByText(/^Situation close : objectifs atteints/)).toBeVisible();
  await verifierAccessibilite(p, 'la situation close');

  // The case load and the activity (aggregates only, small counts secret).
  await p.goto('/appui/charge');
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Charge des gestionnaires');
  await verifierAccessibilite(p, 'la charge des gestionnaires');
  await p.goto('/appui/activite?territoires=departement:35');
  await expect(p.locator('span', { hasText: /^secret/ }).first()).toBeVisible();
  await expect(p.getByText('Jeanne Marie')).toHaveCount(0);
  await verifierAccessibilite(p, 'l’activité');

  // The GP's outbox: the opening and the closing, with no health detail, only a link to log in.
  await expect.poll(async () => (await courrielsPour(comptes.medecin)).length).toBeGreaterThanOrEqual(2);
  const courriels = await courrielsPour(comptes.medecin);
  expect(courriels.some((c) => /ouvert|ouverture/i.test(c.texte))).toBe(true);
  expect(courriels.some((c) => /clos|clôtur/i.test(c.texte))).toBe(true);
  for (const c of courriels) {
    expect(c.texte).not.toContain('Chutes');
    expect(c.texte).not.toContain('Lemoine');
    expect(c.texte).toMatch(/https?:\/\/\S+/);
  }

  expect(medecin.erreurs).toEqual([]);
  expect(equipe.erreurs).toEqual([]);
  await medecin.contexte.close();
  await equipe.contexte.close();
});
