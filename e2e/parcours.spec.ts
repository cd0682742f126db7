import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { seConnecter, surveillerConsole, verifierAccessibilite, api } from './outils';

test.setTimeout(240_000);
test.use({ actionTimeout: 15_000 });

test('la coordinatrice décrit un parcours en quatre étapes, y place une ressource, signale une rupture traitée par une fiche et exporte la grille', async ({
  browser,
}) => {
  const suffixe = Date.now().toString(36);
  const annee = new Date().getFullYear();
  const contexte = await browser.newContext({ acceptDownloads: true });
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');

  // Set-up through the API: a Redon contract of the coordinator with one axe and one fiche-action.
  const organisation = async (nom: string) =>
    (await api(page, 'GET', `/api/organisations?q=${encodeURIComponent(nom)}`)).elements.find((o: { nom: string }) => o.nom === nom)
      .id as string;
  const [arsBretagne, redon] = [await organisation('ARS Bretagne'), await organisation('Redon Agglomération')];
  const { id: contratId } = await api(page, 'POST', '/api/contrats', {
    intitule: `Contrat local de santé de Redon Agglomération — parcours ${suffixe}`,
    perimetre: { epci: ['243500741'], communes: [] },
    generation: 3,
    arsIds: [arsBretagne],
    porteursIds: [redon],
    periode: { debut: `${annee}-01-01`, fin: `${annee + 4}-12-31` },
  });
  const axe = await api(page, 'POST', `/api/contrats/${contratId}/axes`, { intitule: 'Parcours des personnes âgées' });
  const { id: ficheId } = await api(page, 'POST', `/api/contrats/${contratId}/fiches`, {
    intitule: 'Repérer les fragilités des personnes âgées à domicile',
    axeId: axe.id,
    statut: 'en_cours',
  });
  const fiche = await api(page, 'GET', `/api/fiches/${ficheId}`);

  // The contract's « Parcours » tab teaches what a parcours is for, and creates one.
  await page.goto(`/contrats/${contratId}?onglet=parcours`);
  await expect(page.getByRole('heading', { name: 'Aucun parcours décrit' })).toBeVisible();
  await verifierAccessibilite(page, 'l’onglet Parcours vide');
  await page.getByRole('button', { name: 'Décrire le premier parcours' }).click();
  const creation = page.getByRole('form', { name: 'Nouveau parcours' });
  await creation.getByRole('button', { name: 'Créer le parcours' }).click();
  await expect(creation.getByText('Donnez un titre d’au moins 3 caractères au parcours')).toBeVisible();
  await creation.getByLabel('Titre du parcours').fill('Personnes âgées à domicile');
  await creation.getByText('Personnes âgées', { exact: true }).click();
  await verifierAccessibilite(page, 'la création d’un parcours');
  await creation.getByRole('button', { name: 'Créer le parcours' }).click();
  await page.waitForURL(/\/parcours\/[0-9a-f-]{36}$/);
  const urlParcours = page.url();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Parcours « Personnes âgées à domicile »');
  await expect(page.getByText('Le parcours « Personnes âgées à domicile » est créé.')).toBeVisible();
  await verifierAccessibilite(page, 'un parcours sans étape');

  // Four steps: three suggested ones and a free label.
  await page.getByRole('tab', { name: 'Étapes, ressources et fiches' }).click();
  const ajout = page.getByRole('form', { name: 'Ajouter une étape' });
  await expect(ajout.getByRole('combobox', { name: /^Étape / })).toHaveValue('reperage');
  await ajout.getByRole('button', { name: 'Ajouter l’étape' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 1 — Repérage' })).toBeVisible();
  await expect(ajout.getByRole('combobox', { name: /^Étape / })).toHaveValue('information');
  await ajout.getByRole('button', { name: 'Ajouter l’étape' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 2 — Information' })).toBeVisible();
  await ajout.getByRole('combobox', { name: /^Étape / }).selectOption('soins');
  await ajout.getByRole('button', { name: 'Ajouter l’étape' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 3 — Soins' })).toBeVisible();
  await ajout.getByRole('combobox', { name: /^Étape / }).selectOption('libre');
  await ajout.getByRole('button', { name: 'Ajouter l’étape' }).click();
  await expect(ajout.getByText('Donnez un libellé d’au moins 2 caractères à l’étape')).toBeVisible();
  await ajout.getByLabel('Libellé de l’étape').fill('Retour à domicile après hospitalisation');
  await ajout.getByRole('button', { name: 'Ajouter l’étape' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 4 — Retour à domicile après hospitalisation' })).toBeVisible();
  await expect(page.getByText('Étape « Retour à domicile après hospitalisation » ajoutée en position 4.')).toBeAttached();

  // Reordering with the keyboard: the focus stays on the button, and a live region says where the step went.
  const monterSoins = page.getByRole('button', { name: 'Monter l’étape « Soins »' });
  await monterSoins.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Étape 2 — Soins' })).toBeVisible();
  await expect(page.getByText('Étape « Soins » : déplacé en position 2 sur 4.')).toBeAttached();
  await expect(monterSoins).toBeFocused();
  await page.getByRole('button', { name: 'Descendre l’étape « Soins »' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Étape 3 — Soins' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Descendre l’étape « Soins »' })).toBeFocused();
  const titres = page.getByRole('list', { name: 'Étapes dans l’ordre du parcours' }).getByRole('heading', { level: 3 });
  await expect(titres).toHaveText([
    'Étape 1 — Repérage',
    'Étape 2 — Information',
    'Étape 3 — Soins',
    'Étape 4 — Retour à domicile après hospitalisation',
  ]);

  // Renaming a step.
  await page.getByRole('button', { name: 'Renommer l’étape « Information »' }).click();
  await page.getByLabel('Nouveau libellé de l’étape').fill('Information et orientation');
  await page.getByRole('button', { name: 'Enregistrer le libellé' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 2 — Information et orientation' })).toBeVisible();

  // A resource of the directory (the demo's CLIC) at the first step, and the fiche-action serving it.
  await page.getByRole('button', { name: 'Ajouter une ressource à l’étape « Repérage »' }).click();
  await page.getByLabel('Nom, type ou organisation de la ressource').fill('CLIC de Redon');
  await page.getByRole('button', { name: /^Ajouter CLIC de Redon Agglomération \(Redon Agglomération\) à l’étape « Repérage »/ }).click();
  await expect(page.getByText('CLIC de Redon Agglomération ajoutée à l’étape « Repérage ».')).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Retirer la ressource CLIC de Redon Agglomération de l’étape « Repérage »' }),
  ).toBeVisible();
  await page.getByLabel('Relier une fiche-action à l’étape « Repérage »').selectOption(ficheId);
  await page.getByRole('button', { name: 'Relier la fiche' }).first().click();
  await expect(
    page.getByRole('link', { name: `Fiche ${fiche.numero} — Repérer les fragilités des personnes âgées à domicile` }),
  ).toBeVisible();
  await verifierAccessibilite(page, 'l’éditeur d’étapes');

  // A rupture between two steps, with a professional's report, then linked to the fiche and analysed.
  await page.getByRole('tab', { name: 'Ruptures' }).click();
  await expect(page.getByRole('heading', { name: 'Aucune rupture signalée' })).toBeVisible();
  await page.getByRole('button', { name: 'Signaler une rupture' }).click();
  const rupture = page.getByRole('form', { name: 'Signaler une rupture' });
  await rupture.getByLabel('Description de la rupture').fill('Les sorties d’hospitalisation ne sont pas signalées au CLIC');
  await rupture.getByText('Entre deux étapes').click();
  await rupture.getByLabel('Étape d’où l’on part').selectOption({ label: 'Étape 3 — Soins' });
  await rupture.getByLabel('Étape que l’on n’atteint pas').selectOption({ label: 'Étape 4 — Retour à domicile après hospitalisation' });
  await rupture.getByLabel('Gravité').selectOption('elevee');
  await rupture.getByLabel('Ce que le professionnel signale').fill('Trois retours à domicile sans relais en mars');
  await rupture.getByLabel('Auteur du signalement (facultatif)').fill('Infirmière du SSIAD');
  await rupture.getByRole('button', { name: 'Ajouter cette preuve' }).click();
  await expect(rupture.getByText('Signalement de Infirmière du SSIAD : Trois retours à domicile sans relais en mars')).toBeVisible();
  await verifierAccessibilite(page, 'le signalement d’une rupture');
  await rupture.getByRole('button', { name: 'Enregistrer la rupture' }).click();
  await expect(page.getByText('La rupture est enregistrée.')).toBeVisible();
  const carte = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Entre « Soins » et « Retour à domicile/ }) });
  await expect(carte).toContainText('Gravité élevée');
  await expect(carte).toContainText('Signalée');
  await carte.getByLabel('Fiche-action qui traite la rupture').selectOption(ficheId);
  await carte.getByRole('button', { name: 'Lier la fiche' }).click();
  await expect(
    carte.getByRole('link', { name: `fiche ${fiche.numero} — Repérer les fragilités des personnes âgées à domicile` }),
  ).toBeVisible();
  await carte.getByLabel('Changer le statut').selectOption('analysee');
  await carte.getByRole('button', { name: 'Changer le statut' }).click();
  await expect(carte.getByText('Rupture passée à « Analysée ».')).toBeVisible();
  await verifierAccessibilite(page, 'les ruptures du parcours');

  // The parcours at a glance: steps, their resources and open ruptures.
  await page.getByRole('tab', { name: 'Vue d’ensemble' }).click();
  const soins = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Étape 3 — Soins' }) });
  await expect(soins).toContainText('1 rupture ouverte');
  await expect(soins).toContainText('Les sorties d’hospitalisation ne sont pas signalées au CLIC');
  const reperage = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Étape 1 — Repérage' }) });
  await expect(reperage).toContainText('CLIC de Redon Agglomération');
  await verifierAccessibilite(page, 'la vue d’ensemble du parcours');

  // The fiche page shows the parcours it serves and the rupture it treats.
  await page.goto(`/fiches/${ficheId}`);
  const encart = page.getByRole('region', { name: 'Parcours' });
  await expect(encart.getByRole('link', { name: 'Personnes âgées à domicile' })).toBeVisible();
  await expect(encart).toContainText('Étape servie : 1. Repérage');
  await expect(encart).toContainText('Les sorties d’hospitalisation ne sont pas signalées au CLIC (analysée)');
  await verifierAccessibilite(page, 'la fiche et ses parcours');

  // The grille de coopération: the CLIC's row comes from the steps; a cell is edited in the page and kept.
  await page.goto(`${urlParcours}?onglet=grille`);
  const grille = page.getByRole('table', { name: /Grille de coopération locale — parcours « Personnes âgées à domicile »/ });
  await expect(grille.getByRole('rowheader', { name: /CLIC de Redon Agglomération/ })).toBeVisible();
  await expect(grille.getByRole('columnheader', { name: '1. Repérage' })).toBeVisible();
  const repere = grille.getByRole('checkbox', { name: 'Repère — CLIC de Redon Agglomération, étape « Repérage »' });
  await expect(repere).not.toBeChecked();
  // With the keyboard, as the DSFR label covers the box: Space ticks it.
  await repere.focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('CLIC de Redon Agglomération, étape « Repérage » : « Repère » ajouté.')).toBeAttached();
  await grille.getByRole('checkbox', { name: 'Oriente — CLIC de Redon Agglomération, étape « Repérage »' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('CLIC de Redon Agglomération, étape « Repérage » : « Oriente » ajouté.')).toBeAttached();
  await verifierAccessibilite(page, 'la grille de coopération');
  await page.reload();
  await expect(repere).toBeChecked();
  await expect(grille.getByRole('checkbox', { name: 'Oriente — CLIC de Redon Agglomération, étape « Repérage »' })).toBeChecked();
  await expect(grille.getByRole('checkbox', { name: 'Évalue — CLIC de Redon Agglomération, étape « Repérage »' })).not.toBeChecked();

  // The XLSX export holds the grid as edited.
  const [telechargement] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Grille de coopération.*XLSX/ }).click(),
  ]);
  expect(telechargement.suggestedFilename()).toMatch(/\.xlsx$/);
  const classeur = new ExcelJS.Workbook();
  await classeur.xlsx.readFile((await telechargement.path())!);
  const cellules = classeur.worksheets.flatMap((f) => {
    const valeurs: string[] = [];
    f.eachRow((ligne) => ligne.eachCell((c) => valeurs.push(String(c.text ?? c.value ?? ''))));
    return valeurs;
  });
  expect(cellules.some((v) => v.includes('CLIC de Redon Agglomération'))).toBe(true);
  expect(cellules.some((v) => v.includes('Repérage'))).toBe(true);
  expect(cellules).toContain('Repère, Oriente');

  // The contract's document, with the grids of its parcours as an annex when the coordinator asks for it.
  await page.goto(`/contrats/${contratId}?onglet=documents`);
  const pdf = page.getByRole('link', { name: /Contrat \(version actuelle\).*PDF/ });
  await expect(pdf).toHaveAttribute('href', `/api/contrats/${contratId}/document.pdf`);
  await page.getByText('Inclure en annexe les grilles de coopération des parcours').click();
  await expect(pdf).toHaveAttribute('href', `/api/contrats/${contratId}/document.pdf?annexes=grilles`);
  await verifierAccessibilite(page, 'les documents avec l’annexe des grilles');
  const [document] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
  expect(
    fs
      .readFileSync((await document.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  expect(erreurs).toEqual([]);
  await contexte.close();
});
