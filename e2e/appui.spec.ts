import { type Browser, expect, type Page, test } from '@playwright/test';
import { simpleParser } from 'mailparser';
import fs from 'node:fs';
import path from 'node:path';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(300_000);
test.use({ actionTimeout: 15_000 });

/** The demo's support team (apps/server/src/demo/appui-demo.ts): its coordinator, its case manager and the GP who sends it requests. */
const EQUIPE = 'Dispositif d’appui à la coordination du pays de Redon';
const COORDINATRICE = 'appui@demo.maillage.fr';
const GESTIONNAIRE = 'gestionnaire@demo.maillage.fr';
const MEDECIN = 'medecin@demo.maillage.fr';

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

/**
 * Axe clean, and no value the screens failed to word (a code, « undefined », « null », « NaN », an object) in the main
 * content: the screens were written before the API, this is where a changed answer shows. A screenshot when
 * E2E_CAPTURES names a folder, to look at the pages.
 */
async function verifierPage(page: Page, nom: string) {
  await verifierAccessibilite(page, nom);
  const texte = await page.locator('main').innerText();
  expect(texte, `valeur brute sur ${nom}`).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|Invalid Date/);
  if (process.env.E2E_CAPTURES)
    await page.screenshot({ path: path.join(process.env.E2E_CAPTURES, `${nom.replace(/[^\p{L}\d]+/gu, '-')}.png`), fullPage: true });
}

async function nouvelOnglet(browser: Browser, email: string, motDePasse?: string) {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, email, motDePasse);
  return { contexte, page, erreurs };
}

test('un médecin traitant demande un appui ; l’équipe évalue, oriente, se concerte, écrit le plan, clôt ; le médecin reçoit l’accusé, l’ouverture et la clôture par courriel', async ({
  browser,
}) => {
  // The demo start writes no message: whatever the GP's outbox holds after this point comes from this test.
  const dejaLa = (await courrielsPour(MEDECIN)).length;

  // The GP: the request form, short, on a phone.
  const medecin = await nouvelOnglet(browser, MEDECIN);
  const gp = medecin.page;
  await gp.setViewportSize({ width: 390, height: 844 });
  await gp.goto('/');
  await gp.getByRole('button', { name: 'Menu' }).click();
  const menu = gp.getByRole('navigation', { name: 'Menu principal' });
  await menu.getByRole('button', { name: 'Appui' }).click();
  await menu.getByRole('link', { name: 'Demander un appui' }).click();
  await expect(gp.getByRole('heading', { level: 1 })).toHaveText('Demander un appui à la coordination');
  await gp.getByLabel('Équipe d’appui').selectOption({ label: EQUIPE });
  await gp.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(gp.getByText('Indiquez le nom de naissance de la personne')).toBeVisible();
  await verifierPage(gp, 'le formulaire de demande d’appui (téléphone)');
  // On a phone, the form fits the screen's width: nothing to scroll sideways.
  expect(await gp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
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
  await expect(gp.getByText(new RegExp(`Demande n° \\d+ reçue par ${EQUIPE}`))).toBeVisible();
  await verifierPage(gp, 'l’accusé de réception');
  // The GP works in no team: no guichet in the menu.
  await gp.setViewportSize({ width: 1280, height: 900 });
  await expect(gp.getByRole('link', { name: 'Guichet de l’équipe' })).toHaveCount(0);

  // The team's coordinator: the inbox, the request, its référent (the case manager).
  const coordination = await nouvelOnglet(browser, COORDINATRICE);
  const c = coordination.page;
  await c.goto('/appui');
  await expect(c.getByRole('heading', { level: 1 })).toHaveText(`Guichet — ${EQUIPE}`);
  await verifierPage(c, 'le guichet de l’équipe');
  await c.getByRole('link', { name: /Demande n° \d+ — .*Lemoine/i }).click();
  await expect(c.getByRole('heading', { level: 1 })).toContainText('Jeanne Marie Lemoine');
  await expect(c.getByText('Chutes répétées, vit seule')).toBeVisible();
  await verifierPage(c, 'une demande à traiter');
  await c.getByLabel('Référent', { exact: true }).selectOption({ label: 'Lucie Pichon' });
  await c.getByRole('button', { name: 'Désigner le référent' }).click();
  await expect(c.getByRole('definition').filter({ hasText: 'Lucie Pichon' })).toBeVisible();

  // The case manager, now référent: the request in her inbox, the first contact, the case.
  const equipe = await nouvelOnglet(browser, GESTIONNAIRE);
  const p = equipe.page;
  await p.goto('/appui');
  await p.getByRole('link', { name: /Demande n° \d+ — .*Lemoine/i }).click();
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Jeanne Marie Lemoine');
  await p.getByRole('button', { name: 'Noter le premier contact (maintenant)' }).click();
  await expect(p.getByRole('button', { name: 'Noter le premier contact (maintenant)' })).toHaveCount(0);
  await p.getByRole('button', { name: 'Ouvrir la situation' }).click();
  await p.waitForURL(/\/appui\/situations\/[0-9a-f-]{36}$/);
  await expect(p.getByText(/Situation n° \d+ ouverte\./)).toBeVisible();
  await verifierPage(p, 'la situation (personne et médecin traitant)');

  // Evaluation: the grid gives the level of answer.
  await p.getByRole('tab', { name: 'Évaluation' }).click();
  await p.getByLabel('Dimension médicale').selectOption('3');
  await p.getByLabel('Dimension sociale').selectOption('2');
  await p.getByLabel('Dimension fonctionnelle').selectOption('3');
  await expect(p.getByText('Niveau de réponse qui en résulte : Coordination (appui soutenu)')).toBeVisible();
  await p.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(p.getByRole('table', { name: 'Évaluations de la situation' })).toContainText('Coordination (appui soutenu)');
  await verifierPage(p, 'l’évaluation');

  // Orientation to a resource of the directory, accepted.
  await p.getByRole('tab', { name: 'Orientations' }).click();
  await p.getByLabel('Nom, type ou organisation de la ressource').fill('CLIC de Redon');
  await p.getByRole('button', { name: /^Orienter vers CLIC de Redon Agglomération/ }).click();
  await expect(p.getByRole('heading', { name: /CLIC de Redon Agglomération/ })).toBeVisible();
  await p.getByLabel('Issue de l’orientation vers CLIC de Redon Agglomération').selectOption('acceptee');
  await p.getByRole('button', { name: 'Enregistrer l’issue' }).click();
  await expect(p.getByText(/Issue : Acceptée/)).toBeVisible();
  await verifierPage(p, 'les orientations');

  // The plan personnalisé, version 1.
  await p.getByRole('tab', { name: 'Plan personnalisé' }).click();
  await p.getByRole('button', { name: 'Écrire le plan personnalisé' }).click();
  await p.getByLabel('Évaluation globale').fill('Perte d’autonomie rapide, isolement, aidante épuisée.');
  await p.getByRole('button', { name: 'Ajouter un problème' }).click();
  await p.getByLabel('Problème 1', { exact: true }).fill('Chutes à domicile');
  await p.getByRole('button', { name: 'Ajouter une action' }).click();
  await p.getByLabel('Action 1', { exact: true }).fill('Visite d’ergothérapeute pour aménager le logement');
  await p.getByLabel('Qui porte l’action 1').fill('CLIC de Redon Agglomération');
  await verifierPage(p, 'l’écriture du plan');
  await p.getByRole('button', { name: 'Enregistrer le plan' }).click();
  await expect(p.getByText(/^Version 1, enregistrée le/)).toBeVisible();
  await verifierPage(p, 'le plan personnalisé');

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
  await verifierPage(p, 'une concertation');
  await p.getByRole('button', { name: 'Enregistrer la concertation' }).click();
  await expect(p.getByText('Pluriprofessionnelle rémunérable')).toBeVisible();
  await expect(p.getByText(/a produit la version 2 du plan/)).toBeVisible();
  await verifierPage(p, 'les concertations');

  // Timeline and read log.
  await p.getByRole('tab', { name: 'Chronologie' }).click();
  const chronologie = p.getByRole('list', { name: 'Chronologie de la situation' });
  await expect(chronologie).toContainText('Ouverture de la situation');
  // In date order: the concertation (a day) comes after the first plan version and before the one it produced.
  await expect(chronologie.getByRole('listitem')).toHaveText([
    /Ouverture de la situation/,
    /Évaluation : coordination \(appui soutenu\)/,
    /Orientation vers CLIC de Redon Agglomération$/,
    /Orientation vers CLIC de Redon Agglomération : acceptée/,
    /Plan personnalisé, version 1/,
    /Concertation pluriprofessionnelle rémunérable/,
    /Plan personnalisé, version 2/,
  ]);
  await verifierPage(p, 'la chronologie');
  await p.getByRole('tab', { name: 'Journal des accès' }).click();
  await expect(p.getByRole('table', { name: /Lectures de la situation/ })).toContainText('Lucie Pichon');
  await verifierPage(p, 'le journal des accès');

  // Closure, asked once.
  await p.getByRole('tab', { name: 'Délais et clôture' }).click();
  await p.getByLabel('Motif de la clôture').selectOption('objectifs_atteints');
  await p.getByRole('button', { name: 'Clôturer la situation' }).click();
  await p.getByRole('button', { name: 'Clôturer et informer le médecin traitant' }).click();
  await expect(p.getByText(/^Situation close : objectifs atteints/)).toBeVisible();
  await verifierPage(p, 'la situation close');

  // The case load and the activity (aggregates only, small counts secret).
  await p.goto('/appui/charge');
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Charge des gestionnaires');
  await expect(p.getByRole('table', { name: 'Situations ouvertes par gestionnaire' })).toContainText('Lucie Pichon');
  await verifierPage(p, 'la charge des gestionnaires');
  // From the guichet, the activity opens on the team's département.
  await p.goto('/appui');
  await p.getByRole('main').getByRole('link', { name: 'Activité' }).click();
  await expect(p.getByRole('list', { name: 'Territoires choisis' })).toContainText('Ille-et-Vilaine');
  await expect(p.locator('span', { hasText: /^secret/ }).first()).toBeVisible();
  await expect(p.getByText('Jeanne Marie')).toHaveCount(0);
  await verifierPage(p, 'l’activité');

  // The GP's outbox: the acknowledgement, the opening and the closing, with no name nor health detail, only a link to log in.
  await expect.poll(async () => (await courrielsPour(MEDECIN)).length).toBe(dejaLa + 3);
  const courriels = (await courrielsPour(MEDECIN)).slice(dejaLa);
  expect(courriels.map((m) => m.sujet)).toEqual([
    expect.stringMatching(/^Demande n° \d+ reçue par /),
    expect.stringMatching(/^Situation n° \d+ ouverte par /),
    expect.stringMatching(/^Situation n° \d+ close par /),
  ]);
  for (const m of courriels) {
    for (const interdit of ['Lemoine', 'Jeanne', '1938', 'Chutes', 'aidante', 'ergothérapeute', 'Coordination (appui soutenu)'])
      expect(m.texte).not.toContain(interdit);
    expect(m.texte).toMatch(/https?:\/\/\S+\/appui\/mes-demandes/);
  }

  // The link of the closing mail: the GP's requests, where they stand, nothing of the person.
  const lien = /https?:\/\/\S+\/appui\/mes-demandes/.exec(courriels[2]!.texte)![0];
  await gp.goto(new URL(lien).pathname);
  await expect(gp.getByRole('heading', { level: 1 })).toHaveText('Mes demandes d’appui');
  const ligne = gp.getByRole('row').filter({ hasText: EQUIPE }).first();
  await expect(ligne).toContainText('Lucie Pichon');
  await expect(ligne).toContainText(/Accompagnement terminé le/);
  await expect(gp.getByText('Lemoine')).toHaveCount(0);
  await verifierPage(gp, 'mes demandes d’appui');
  // The feedback letter the closing mail announces: the GP downloads it here, and it names his patient.
  const [courrier] = await Promise.all([gp.waitForEvent('download'), ligne.getByRole('link', { name: /Courrier de retour/ }).click()]);
  expect(courrier.suggestedFilename()).toMatch(/\.pdf$/);

  expect(medecin.erreurs).toEqual([]);
  expect(coordination.erreurs).toEqual([]);
  expect(equipe.erreurs).toEqual([]);
  await medecin.contexte.close();
  await coordination.contexte.close();
  await equipe.contexte.close();
});

test('la coordinatrice saisit un appel, ouvre par motif la situation d’une collègue, qui le lit au journal ; l’ARS ne voit que l’activité', async ({
  browser,
}) => {
  // A call from a carer, entered by the coordinator: the « who calls » fields, the GP given by name and e-mail.
  const coordination = await nouvelOnglet(browser, COORDINATRICE);
  const c = coordination.page;
  await c.goto('/appui/demande');
  await c.getByLabel('Équipe d’appui').selectOption({ label: EQUIPE });
  await c.getByText('Demande prise au téléphone par l’équipe').click();
  await c.getByLabel('Qui demande').selectOption({ label: 'Un aidant ou un proche' });
  await c.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(c.getByText('Indiquez qui appelle')).toBeVisible();
  await c.getByLabel('Nom de la personne qui appelle').fill('Martine Texier');
  await c.getByLabel('Qualité (facultatif)').fill('fille de la personne');
  await c.getByLabel('Téléphone pour la rappeler (facultatif)').fill('06 12 34 56 78');
  await c.getByLabel('Nom de naissance de la personne').fill('Texier');
  await c.getByLabel('Prénoms').fill('Robert');
  await c.getByLabel('Pourquoi demandez-vous un appui ?').fill('Retour à domicile difficile après une hospitalisation');
  await c.getByText('Immédiate (sous 24 h)').click();
  await c.getByLabel('Nom du médecin traitant (facultatif)').fill('Claire Bernard');
  await c.getByLabel('Courriel du médecin traitant (facultatif)').fill('claire.bernard@exemple.fr');
  await verifierPage(c, 'une demande prise au téléphone');
  await c.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(c.getByText(new RegExp(`Demande n° \\d+ reçue par ${EQUIPE}`))).toBeVisible();
  await c.goto('/appui');
  const ligne = c.getByRole('row').filter({ hasText: /Demande n° \d+ — TEXIER Robert/i });
  await expect(ligne).toContainText('Un aidant ou un proche');
  await expect(ligne).toContainText('Urgence : immédiate');
  await ligne.getByRole('link').click();
  await expect(c.getByRole('definition').filter({ hasText: 'Martine Texier, fille de la personne — 06 12 34 56 78' })).toBeVisible();
  await expect(c.getByRole('definition').filter({ hasText: 'Claire Bernard' })).toBeVisible();
  await verifierPage(c, 'une demande prise au téléphone, à traiter');

  // The demo's case n° 1 is followed by the case manager: the coordinator sees it exists, opens it by a reason.
  await c.goto('/appui');
  await c.getByRole('link', { name: /^Situation n° 1 \(accès restreint\)$/ }).click();
  await expect(c.getByRole('heading', { level: 1 })).toHaveText('Situation n° 1');
  await expect(c.getByText('Yvonne')).toHaveCount(0);
  await verifierPage(c, 'une situation d’une collègue');
  await c.getByLabel('Motif de l’accès').fill('Appel');
  await c.getByRole('button', { name: 'Déclarer le motif et ouvrir' }).click();
  await expect(c.getByText(/10 caractères au moins/)).toBeVisible();
  await c.getByLabel('Motif de l’accès').fill('Appel de l’infirmière pendant le congé de la référente');
  await c.getByRole('button', { name: 'Déclarer le motif et ouvrir' }).click();
  await expect(c.getByRole('heading', { level: 1 })).toHaveText('Situation n° 1 — Yvonne Lebrun');
  await verifierPage(c, 'une situation ouverte par motif');

  // The référent reads it in the case's read log.
  const equipe = await nouvelOnglet(browser, GESTIONNAIRE);
  const p = equipe.page;
  await p.goto('/appui');
  await p.getByRole('link', { name: /^Situation n° 1 — LEBRUN Yvonne$/i }).click();
  await p.getByRole('tab', { name: 'Journal des accès' }).click();
  await expect(
    p.getByRole('row').filter({ hasText: 'Anne Le Roux' }).filter({ hasText: 'Appel de l’infirmière pendant le congé de la référente' }),
  ).toHaveCount(1);
  await verifierPage(p, 'le journal des accès après un motif');

  // An ARS agent: the activity (aggregates), no guichet, no case.
  const ars = await nouvelOnglet(browser, 'ars.bretagne@demo.maillage.fr');
  const a = ars.page;
  await a.goto('/appui/activite');
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('Activité de l’appui à la coordination');
  await expect(a.getByText(/Lebrun|Texier/i)).toHaveCount(0);
  await verifierPage(a, 'l’activité vue par l’ARS');
  await expect(a.getByRole('link', { name: 'Guichet de l’équipe' })).toHaveCount(0);
  await a.goto('/appui');
  await expect(a.getByRole('heading', { level: 1 })).not.toContainText('Guichet');

  expect(coordination.erreurs).toEqual([]);
  expect(equipe.erreurs).toEqual([]);
  expect(ars.erreurs).toEqual([]);
  for (const o of [coordination, equipe, ars]) await o.contexte.close();
});
