import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

// Issue 20: a coordinator consults the inhabitants, three of them answer without an account, and what they wrote
// enters the diagnostic as a verbatim, then a constat.

// A stuck step fails in seconds, not at the end of the whole scenario's time.
test.use({ actionTimeout: 15_000 });

const TITRE = `Votre santé au Pays de Redon ${Date.now().toString(36)}`;

const question = (page: Page, n: number) => page.getByRole('group', { name: `Question ${n}`, exact: true });

/** Fills one question of the builder: kind, text, options or scale, required or not. */
async function composer(q: Locator, type: string, libelle: string, options: { choix?: string[]; obligatoire?: boolean } = {}) {
  await q.getByLabel('Type de question').selectOption(type);
  await q.getByLabel('Libellé de la question').fill(libelle);
  if (options.choix) await q.getByLabel('Options proposées').fill(options.choix.join('\n'));
  if (options.obligatoire) await q.getByText('Réponse obligatoire').click();
}

/** Presses Tab until the focused element matches, as a keyboard user would reach it (a bounded number of times). */
async function tabulerJusqua(page: Page, selecteur: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selecteur)) return;
  }
  throw new Error(`Le clavier n’atteint pas ${selecteur}`);
}

/** One anonymous inhabitant answers on the public page (no session), in a context of its own. */
async function repondre(
  browser: Browser,
  lien: string,
  options: { telephone?: boolean; clavier?: boolean },
  saisie: { acces: string; freins: string[]; note: string; commune: string; texte: string },
) {
  const contexte = await browser.newContext(
    options.telephone ? { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } : {},
  );
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await page.goto(lien);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITRE);
  await verifierAccessibilite(page, `la consultation publique${options.telephone ? ' sur un téléphone' : ''}`);
  if (options.clavier) {
    // Keyboard only: Tab to each field, Space to tick, arrows inside a group of radios, typing, Enter to send.
    await tabulerJusqua(page, 'input[type=radio]');
    const premier = await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent ?? '');
    expect(premier).toBe('Facile');
    await page.keyboard.press('ArrowDown'); // « Difficile »
    await tabulerJusqua(page, 'input[type=checkbox]');
    await page.keyboard.press('Space');
    await tabulerJusqua(page, 'input[type=radio][value="4"], input[type=radio][value="1"]');
    for (let i = 1; i < Number(saisie.note); i++) await page.keyboard.press('ArrowRight');
    await tabulerJusqua(page, 'select');
    await page.keyboard.press('ArrowDown');
    await tabulerJusqua(page, 'textarea');
    await page.keyboard.type(saisie.texte);
    await tabulerJusqua(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
  } else {
    await page.getByRole('radio', { name: saisie.acces, exact: true }).check({ force: true });
    for (const f of saisie.freins) await page.getByRole('checkbox', { name: f }).check({ force: true });
    await page
      .getByRole('group', { name: /Votre santé, de 1 à 5/ })
      .getByRole('radio', { name: new RegExp(`^${saisie.note}`) })
      .check({ force: true });
    await page.getByRole('combobox', { name: /Commune de résidence/ }).selectOption({ label: saisie.commune });
    await page.getByRole('textbox', { name: /Qu’est-ce qui vous aiderait/ }).fill(saisie.texte);
    await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Merci pour votre participation');
  await verifierAccessibilite(page, 'le remerciement');
  expect(erreurs).toEqual([]);
  await contexte.close();
}

test('une consultation des habitants, de la composition au constat du diagnostic', async ({ browser }) => {
  test.setTimeout(180_000);
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  await page.goto('/contrats');
  await page
    .getByRole('link', { name: /Redon Agglomération \(2e génération\)/ })
    .first()
    .click();
  await page.getByRole('tab', { name: 'Participation' }).click();
  await expect(page.getByRole('heading', { name: 'Consultations' })).toBeVisible();
  await verifierAccessibilite(page, 'l’onglet Participation du contrat');

  // A new consultation, then its builder: two sections, five questions, one moved with the keyboard.
  await page.getByRole('button', { name: 'Préparer une consultation' }).first().click();
  await page.getByLabel('Titre de la consultation').fill(TITRE);
  await page.getByRole('button', { name: 'Créer et composer le questionnaire' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITRE);
  await page.getByLabel('Titre de la section 1 (facultatif)').fill('Votre accès aux soins');
  await composer(question(page, 1), 'choix_unique', 'Comment jugez-vous l’accès à un médecin ?', {
    choix: ['Facile', 'Difficile', 'Très difficile'],
    obligatoire: true,
  });
  await page.getByRole('button', { name: 'Ajouter une question à la section 1' }).click();
  // The new question's first field takes the focus.
  await expect(question(page, 2).getByLabel('Type de question')).toBeFocused();
  await composer(question(page, 2), 'choix_multiple', 'Qu’est-ce qui vous freine ?', {
    choix: ['Les délais', 'La distance', 'Le coût'],
  });
  await page.getByRole('button', { name: 'Ajouter une question à la section 1' }).click();
  await composer(question(page, 3), 'echelle', 'Votre santé, de 1 à 5');
  await page.getByRole('button', { name: 'Ajouter une section' }).click();
  await page.getByLabel('Titre de la section 2 (facultatif)').fill('Vous');
  await composer(question(page, 4), 'texte_long', 'Qu’est-ce qui vous aiderait à mieux vous soigner ?');
  await page.getByRole('button', { name: 'Ajouter une question à la section 2' }).click();
  await composer(question(page, 5), 'commune', 'Commune de résidence');
  // « Monter » with the keyboard: the commune goes before the free text, and the focus follows it.
  await question(page, 5)
    .getByRole('button', { name: /^Monter/ })
    .focus();
  await page.keyboard.press('Enter');
  await expect(question(page, 4).getByLabel('Libellé de la question')).toHaveValue('Commune de résidence');
  await expect(question(page, 4).getByRole('button', { name: /^Monter/ })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'déplacée en position 4' })).toHaveCount(1);
  await verifierAccessibilite(page, 'le constructeur de questionnaire');
  await page.getByRole('button', { name: 'Enregistrer le questionnaire (5 questions)' }).click();
  await expect(page.getByText('Questionnaire enregistré.')).toBeVisible();

  // The preview, as the public will see it.
  await page.getByRole('tab', { name: 'Aperçu' }).click();
  await expect(page.getByRole('group', { name: /1\. Comment jugez-vous l’accès à un médecin \? \(obligatoire\)/ })).toBeVisible();
  await expect(page.getByLabel(/^4\. Commune de résidence/)).toBeVisible();
  await verifierAccessibilite(page, 'l’aperçu du questionnaire');

  // Opened from today for a month: the public link and its QR code.
  await page.getByRole('tab', { name: 'Diffusion' }).click();
  await page.getByRole('button', { name: 'Ouvrir au public' }).click();
  const lien = page.getByRole('link', { name: /\/public\/consultations\/[0-9a-f-]+$/ });
  await expect(lien).toBeVisible();
  const adresse = (await lien.getAttribute('href'))!;
  const qr = page.getByRole('img', { name: /QR code menant à/ });
  await expect(qr).toBeVisible();
  // The server draws it: the image has loaded (an SVG of its own size), not a broken link.
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1))).toBeGreaterThan(0);
  await verifierAccessibilite(page, 'la diffusion de la consultation');

  // Three inhabitants, no account: one on a computer, one on a phone, one with the keyboard alone.
  const texteClavier = 'Un bus vers la maison de santé le samedi matin';
  await repondre(
    browser,
    adresse,
    {},
    {
      acces: 'Difficile',
      freins: ['Les délais', 'La distance'],
      note: '2',
      commune: 'Redon',
      texte: 'Plus de médecins le soir, après le travail.',
    },
  );
  await repondre(
    browser,
    adresse,
    { telephone: true },
    {
      acces: 'Très difficile',
      freins: ['La distance'],
      note: '3',
      commune: 'Allaire',
      texte: 'Une permanence de médecin dans ma commune.',
    },
  );
  await repondre(browser, adresse, { clavier: true }, { acces: 'Difficile', freins: [], note: '4', commune: '', texte: texteClavier });

  // Closed: the results, every chart with its table.
  await page.reload();
  await page.getByRole('button', { name: 'Clore la consultation' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clore', exact: true }).click();
  await expect(page.getByText('La consultation est clôturée : elle ne reçoit plus de réponse.')).toBeVisible();
  await page.getByRole('tab', { name: 'Résultats' }).click();
  await expect(page.getByText('3 personnes ont répondu.')).toBeVisible();
  await expect(page.getByRole('img', { name: /la réponse la plus choisie est « Difficile » \(2, 66,7 %\)/ })).toBeVisible();
  const tableau = page.getByRole('table', { name: 'Réponses à « Comment jugez-vous l’accès à un médecin ? »' });
  await page.getByText('Voir les données en tableau').first().click();
  await expect(tableau.getByRole('row', { name: /Difficile 2 66,7 %/ })).toBeVisible();
  await expect(tableau.getByRole('row', { name: /Très difficile 1 33,3 %/ })).toBeVisible();
  await expect(page.getByText(/moyenne 3 · médiane 3/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Résultats/ })).toBeVisible();
  await verifierAccessibilite(page, 'les résultats de la consultation');

  // One answer becomes a verbatim of the diagnostic, then a constat citing it.
  const reponse = page.getByRole('listitem').filter({ hasText: texteClavier });
  await reponse.getByRole('button', { name: /Transformer en verbatim/ }).click();
  await expect(page.getByText('1 verbatim ajouté au diagnostic.')).toBeVisible();
  await reponse.getByRole('link', { name: /Formuler un constat à partir de ce verbatim/ }).click();
  await expect(page.getByRole('tab', { name: 'Territoire et diagnostic', selected: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: new RegExp(texteClavier.slice(0, 30)) })).toBeChecked();
  await page.getByLabel('Intitulé', { exact: true }).fill('Des habitants sans moyen de transport vers les soins');
  await page.getByRole('button', { name: 'Ajouter le constat' }).click();
  const constat = page.getByRole('article', { name: 'Des habitants sans moyen de transport vers les soins' });
  await expect(constat).toBeVisible();
  await expect(constat.getByRole('link', { name: new RegExp(texteClavier.slice(0, 30)) })).toBeVisible();
  await verifierAccessibilite(page, 'le diagnostic avec le nouveau constat');
  expect(erreurs).toEqual([]);
  await contexte.close();
});

test('un avis laissé sur une fiche depuis la page publique n’y paraît qu’après modération', async ({ browser }) => {
  test.setTimeout(120_000);
  const CONTRAT = 'Contrat local de santé du Pays de Redon-Bretagne Sud';
  const texte = `Il faudrait plus de séances de dépistage au marché de Redon (${Date.now().toString(36)})`;

  // An inhabitant, no account, on the contract's public page: the opinion concerns one of its fiches.
  const habitant = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const publique = await habitant.newPage();
  const erreursPubliques = surveillerConsole(publique);
  await publique.goto('/public/contrats');
  await publique.getByRole('link', { name: CONTRAT }).click();
  await expect(publique.getByRole('heading', { level: 1 })).toHaveText(CONTRAT);
  const adressePublique = publique.url();
  const fiche = publique.getByLabel('Sur quelle action ? (facultatif)');
  const premiereFiche = (await fiche.locator('option').nth(1).textContent())!;
  await fiche.selectOption({ label: premiereFiche });
  await publique.getByRole('textbox', { name: /^Votre avis/ }).fill(texte);
  await publique.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(publique.getByText('Merci, votre avis a bien été reçu')).toBeVisible();
  await verifierAccessibilite(publique, 'la page publique après l’envoi d’un avis');
  // Not moderated: nowhere on the public page, nor in the public API.
  await publique.goto(adressePublique);
  await expect(publique.getByText(texte)).toHaveCount(0);

  // The coordination moderates it in the contract's Participation tab.
  const coordination = await browser.newContext();
  const page = await coordination.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  await page.goto('/contrats');
  await page.getByRole('link', { name: CONTRAT }).first().click();
  await page.getByRole('tab', { name: 'Participation' }).click();
  const avis = page.getByRole('article').filter({ hasText: texte });
  await expect(avis).toBeVisible();
  await verifierAccessibilite(page, 'la modération des avis');
  await avis.getByRole('button', { name: /^Publier/ }).click();
  await expect(page.getByRole('article').filter({ hasText: texte })).toHaveCount(0);

  // Published: now on the public page, with the fiche it concerns.
  await publique.goto(adressePublique);
  await expect(publique.getByText(texte)).toBeVisible();
  await verifierAccessibilite(publique, 'la page publique avec l’avis publié');
  expect([...erreurs, ...erreursPubliques]).toEqual([]);
  await coordination.close();
  await habitant.close();
});
