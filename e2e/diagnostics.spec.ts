import { expect, test } from '@playwright/test';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(120_000);

// A CSV as administrations export it: ";" separator, decimal commas, a "-" and a rejected row fixed on the second try.
const entete = 'indicateur;territoire_type;territoire_code;periode;valeur;source\n';
const valide = `${entete}taux_chomage;epci;243500741;2019;12,4;Insee 2019\ntaux_chomage;region;53;2019;10,9;Insee 2019\neffectif_orthophonistes;commune;35236;2019;-;Rezone CPTS\n`;
const fautif = `${valide}taux_chomage;epci;999999999;2019;10;Insee 2019\n`;

test('une ARS importe des valeurs : aperçu, essai, rejet motivé, import, puis le diagnostic du contrat les montre', async ({ browser }) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'ars.bretagne@demo.maillage.fr');

  await page.goto('/indicateurs');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Indicateurs');
  await verifierAccessibilite(page, 'le catalogue');

  const lireFichier = async (nom: string, contenu: string) => {
    await page.goto('/indicateurs/import-valeurs');
    await page.getByLabel('Fichier de valeurs').setInputFiles({ name: nom, mimeType: 'text/csv', buffer: Buffer.from(contenu, 'utf8') });
    await page.getByRole('button', { name: 'Lire le fichier' }).click();
    await expect(page.getByRole('heading', { name: 'Ce qui a été détecté' })).toBeVisible({ timeout: 60_000 });
  };

  // A rejected row: nothing is written, and the report says which line and why.
  await lireFichier('fautif.csv', fautif);
  await verifierAccessibilite(page, 'l’aperçu de l’import');
  await page.getByRole('button', { name: 'Vérifier tout le fichier' }).click();
  await expect(page.getByText('Ce fichier ne peut pas être importé tel quel')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Territoire inconnu du référentiel : epci 999999999.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importer les valeurs' })).toHaveCount(0);
  await verifierAccessibilite(page, 'le rapport de rejet');

  // The corrected file: dry run, then import.
  await lireFichier('valeurs.csv', valide);
  await page.getByRole('button', { name: 'Vérifier tout le fichier' }).click();
  await expect(page.getByText('Vérification réussie : rien n’est encore enregistré')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Importer les valeurs' }).click();
  await verifierAccessibilite(page, 'la confirmation d’import');
  await page.getByRole('dialog').getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByText('Valeurs importées')).toBeVisible({ timeout: 60_000 });
  await verifierAccessibilite(page, 'le rapport d’import');
  await contexte.close();

  // The coordinator sees the new value on Redon's diagnostic, compared with Bretagne.
  const coordination = await browser.newContext();
  const page2 = await coordination.newPage();
  const erreurs2 = surveillerConsole(page2);
  await seConnecter(page2, 'coordination@demo.maillage.fr');
  await page2.goto('/contrats');
  await page2
    .getByRole('link', { name: /Redon Agglomération \(2e génération\)/ })
    .first()
    .click();
  await page2.getByRole('tab', { name: /diagnostic/i }).click();
  await expect(page2.getByText('Taux de chômage').first()).toBeVisible();
  await expect(page2.getByText('[856 à 932[').first()).toBeVisible();
  await verifierAccessibilite(page2, 'le diagnostic du contrat');
  expect([...erreurs, ...erreurs2]).toEqual([]);
  await coordination.close();
});

// Redon Agglomération's 31 communes (the Rezone CPTS table): Redon under secret, Bains-sur-Oust published as a class.
const COMMUNES_REDON = [
  '56001',
  '44007',
  '35013',
  '56011',
  '35045',
  '35064',
  '44044',
  '44057',
  '56060',
  '44067',
  '35145',
  '35151',
  '44092',
  '56154',
  '44123',
  '35219',
  '44128',
  '35236',
  '35237',
  '56194',
  '35268',
  '56216',
  '56221',
  '56223',
  '35285',
  '44185',
  '56232',
  '56239',
  '35294',
  '35328',
  '56250',
];

test('une commune sous secret : un chiffre partiel avec sa couverture, des comparaisons indicatives, la classe d’intervalle telle que publiée', async ({
  browser,
}) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'ars.bretagne@demo.maillage.fr');

  const lignes = ['indicateur;territoire_type;territoire_code;periode;valeur;numerateur;denominateur;source'];
  for (const code of COMMUNES_REDON) {
    const secret = code === '35236';
    lignes.push(`effectif_orthophonistes;commune;${code};2022;${secret ? 's' : code === '35013' ? '[2 à 5[' : '1'};;;Observatoire test`);
    lignes.push(`part_80_ans_plus_seuls;commune;${code};2022;${secret ? 's;;' : '40;40;100'};Observatoire test`);
  }
  lignes.push(
    'part_80_ans_plus_seuls;region;53;2022;38,5;;;Observatoire test',
    'part_80_ans_plus_seuls;pays;FRM;2022;42;;;Observatoire test',
  );
  await page.goto('/indicateurs/import-valeurs');
  await page
    .getByLabel('Fichier de valeurs')
    .setInputFiles({ name: 'secret.csv', mimeType: 'text/csv', buffer: Buffer.from(lignes.join('\n'), 'utf8') });
  await page.getByRole('button', { name: 'Lire le fichier' }).click();
  await page.getByRole('button', { name: 'Vérifier tout le fichier' }).click();
  await page.getByRole('button', { name: 'Importer les valeurs' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByText('Valeurs importées')).toBeVisible({ timeout: 60_000 });

  // The contract's diagnostic: the count is "au moins 31", the rate is given on the communes with a value, both partial.
  await page.goto('/contrats');
  await page
    .getByRole('link', { name: /Redon Agglomération \(2e génération\)/ })
    .first()
    .click();
  await page.getByRole('tab', { name: /diagnostic/i }).click();
  const effectif = page.locator('#indicateur-effectif_orthophonistes');
  // The card's headline figure (the evolution chart, drawn once ECharts has loaded, labels its 2022 point the same way).
  await expect(effectif.locator('.fr-card__desc').getByText('au moins 31', { exact: true })).toBeVisible();
  await expect(effectif.getByText(/^Chiffre partiel : 30 communes sur 31, \d+ % de la population\.$/)).toBeVisible();
  await expect(effectif.getByText('Partiel', { exact: true })).toBeVisible();
  const taux = page.locator('#indicateur-part_80_ans_plus_seuls');
  await expect(taux.getByText('40,0 % sur les communes renseignées', { exact: true })).toBeVisible();
  await expect(taux.getByText('Moins favorable (indicatif)', { exact: true }).first()).toBeVisible();
  await expect(taux.getByText('Plus favorable (indicatif)', { exact: true }).first()).toBeVisible();
  await expect(taux.getByText(/Barre en pointillés : chiffre partiel/)).toBeVisible();
  await expect(taux.getByText('Non comparable')).toHaveCount(0);
  // The chart's table says it too.
  await taux.getByText('Voir les données en tableau').first().click();
  await expect(
    taux.getByRole('cell', { name: /40,0 % sur les communes renseignées \(chiffre partiel : 30 communes sur 31/ }).first(),
  ).toBeVisible();
  await expect(taux.getByRole('cell', { name: 'Moins favorable (indicatif)' })).toBeVisible();

  // The commune table shows the class as published.
  await page.getByLabel('Indicateur à voir par commune').selectOption({ label: 'Nombre d’orthophonistes' });
  await expect(page.getByRole('cell', { name: '[2 à 5[' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Redon.*secret statistique/ })).toBeVisible();
  await verifierAccessibilite(page, 'le diagnostic avec un chiffre partiel');

  // The commune's page and the indicator's page list it as published.
  await page.getByRole('link', { name: 'Bains-sur-Oust' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bains-sur-Oust');
  await expect(page.getByRole('row', { name: /Nombre d’orthophonistes 2022 \[2 à 5\[ Observatoire test/ })).toBeVisible();
  await verifierAccessibilite(page, 'la page d’une commune avec ses valeurs');
  await page.goto('/indicateurs/effectif_orthophonistes');
  await page.getByLabel('Type de territoire').selectOption('commune');
  await expect(page.getByRole('row', { name: /Bains-sur-Oust 2022 \[2 à 5\[/ })).toBeVisible();
  await verifierAccessibilite(page, 'la page d’un indicateur avec ses valeurs');
  expect(erreurs).toEqual([]);
  await contexte.close();
});

test('un fichier d’observatoire : « Code géographique » reconnu, indicateur proposé par l’en-tête, échelle signalée avant import, France acceptée', async ({
  browser,
}) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'ars.bretagne@demo.maillage.fr');
  const csv = [
    'Code géographique;Libellé géographique;Mortalité générale pour 10 000 hab.',
    '243500741;CA Redon Agglomération;85',
    'FR;France entière;78',
  ].join('\n');
  await page.goto('/indicateurs/import-valeurs');
  await page
    .getByLabel('Fichier de valeurs')
    .setInputFiles({ name: 'observatoire.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Lire le fichier' }).click();
  await expect(page.getByRole('heading', { name: 'Ce qui a été détecté' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Colonne du code du territoire')).toHaveValue('Code géographique');
  const colonne = page.getByLabel(/Colonne « Mortalité générale pour 10 000 hab\. »/);
  await expect(colonne).toHaveValue('mortalite_generale_std');
  await expect(page.getByText('Proposé d’après l’en-tête : vérifiez-le avant d’importer')).toBeVisible();
  await expect(
    page.getByText(
      /le fichier donne des valeurs pour 10 000, l’indicateur « Taux standardisé de mortalité générale » \(mortalite_generale_std\) attend pour 100 000/,
    ),
  ).toBeVisible();
  await verifierAccessibilite(page, 'l’aperçu avec un avertissement d’échelle');

  await page.getByLabel('Période de toutes les valeurs').fill('2034');
  await page.getByRole('button', { name: 'Vérifier tout le fichier' }).click();
  await expect(page.getByText('Vérification réussie : rien n’est encore enregistré')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/attend pour 100 000/).last()).toBeVisible();
  expect(erreurs).toEqual([]);
  await contexte.close();
});

test('un effectif se déclare dénombrement et refuse les décimales ; un résultat vide dit pourquoi', async ({ browser }) => {
  const contexte = await browser.newContext();
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'ars.bretagne@demo.maillage.fr');

  // The indicator form shows the choice, ticked for the demo's numbers of professionals.
  await page.goto('/indicateurs/effectif_mg');
  await expect(page.getByLabel('Les valeurs sont des dénombrements (nombres entiers)')).toBeChecked();
  await page.goto('/indicateurs/densite_mg_liberaux');
  await expect(page.getByLabel('Les valeurs sont des dénombrements (nombres entiers)')).not.toBeChecked();
  await verifierAccessibilite(page, 'le formulaire d’un indicateur avec le choix du dénombrement');

  // 2,5 médecins: a row error, nothing imported.
  await page.goto('/indicateurs/import-valeurs');
  await page.getByLabel('Fichier de valeurs').setInputFiles({
    name: 'decimal.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${entete}effectif_mg;commune;35236;2031;2,5;Test\n`, 'utf8'),
  });
  await page.getByRole('button', { name: 'Lire le fichier' }).click();
  // Said in the preview already, then in the full check's report.
  await expect(
    page.getByRole('cell', {
      name: /^Rejetée : Valeur décimale pour effectif_mg .* « 2,5 »\. Cet indicateur compte des unités : sa valeur est un nombre entier\.$/,
    }),
  ).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Vérifier tout le fichier' }).click();
  await expect(page.getByText('Ce fichier ne peut pas être importé tel quel')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Importer les valeurs' })).toHaveCount(0);

  // A contract on Redon Agglomération plus Rennes: the density, published for the EPCI only, cannot be computed.
  const { csrfToken } = await (await page.request.get('/api/auth/session')).json();
  const organisation = async (nom: string) =>
    (
      (await (await page.request.get(`/api/organisations?q=${encodeURIComponent(nom)}`)).json()).elements as { id: string; nom: string }[]
    ).find((o) => o.nom === nom)!.id;
  const cree = await page.request.post('/api/contrats', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      intitule: 'CLS de Redon Agglomération et de Rennes (essai)',
      perimetre: { epci: ['243500741'], communes: ['35238'] },
      generation: 1,
      arsIds: [await organisation('ARS Bretagne')],
      porteursIds: [await organisation('Redon Agglomération')],
      periode: { debut: '2027-01-01', fin: '2031-12-31' },
    },
  });
  expect(cree.status(), await cree.text()).toBe(201);
  await page.goto(`/contrats/${(await cree.json()).id}`);
  await page.getByRole('tab', { name: /diagnostic/i }).click();
  const densite = page.locator('#indicateur-densite_mg_liberaux');
  await expect(densite.getByText('Non disponible', { exact: true })).toBeVisible();
  await expect(
    densite.getByText(
      /^Aucune commune de ce périmètre n’a de valeur pour cet indicateur : il n’est publié que pour CA Redon Agglomération \(EPCI, 2019\)/,
    ),
  ).toBeVisible();
  await verifierAccessibilite(page, 'un diagnostic avec un indicateur sans résultat');
  expect(erreurs).toEqual([]);
  await contexte.close();
});
