import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { choisirOrganisation, seConnecter, surveillerConsole, verifierAccessibilite, api } from './outils';

test.setTimeout(180_000);
test.use({ actionTimeout: 15_000 });

const ICI = path.dirname(fileURLToPath(import.meta.url));
// The shared ROR sample (ANS examples wrapped in a searchset Bundle): one HealthcareService, a Location nobody cites.
const BUNDLE = path.resolve(ICI, '../../shared/interop/ror/bundle-recherche.json');
const NOM_OFFRE = /^5812\s+Chirurgie gynécologique/;

test('une coordonnatrice importe l’échantillon du ROR, retrouve la ressource dans le répertoire et sur la carte, et exporte une vue', async ({
  browser,
}) => {
  // Set-up as the administrator: commune contours for the map (the demo imports none). The coordinator imports the
  // sample herself: its offer names no commune, and she records it for the structure that carries her contract.
  const admin = await (await browser.newContext()).newPage();
  await seConnecter(admin, 'admin@demo.maillage.fr');
  // Commune contours for the map: two test squares, Redon and its neighbour Bains-sur-Oust (the demo imports none).
  const carre = (x: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, 47.6],
        [x + 0.1, 47.6],
        [x + 0.1, 47.7],
        [x, 47.7],
        [x, 47.6],
      ],
    ],
  });
  const contours = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { INSEE_COM: '35236' }, geometry: carre(-2.1) },
      { type: 'Feature', properties: { INSEE_COM: '35013' }, geometry: carre(-2.2) },
    ],
  });
  const statutContours = await admin.evaluate(async (texte) => {
    const session = await (await fetch('/api/auth/session')).json();
    const formulaire = new FormData();
    formulaire.append('fichier', new Blob([texte]), 'communes.geojson');
    const r = await fetch('/api/contours/import?type=commune', {
      method: 'POST',
      body: formulaire,
      headers: { 'X-CSRF-Token': session.csrfToken },
    });
    return r.status;
  }, contours);
  expect(statutContours).toBe(200);
  await admin.context().close();

  const contexte = await browser.newContext({ acceptDownloads: true });
  const page = await contexte.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');

  // The directory, from the header.
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Ressources' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Répertoire des ressources' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'CLIC de Redon Agglomération' })).toBeVisible();
  await verifierAccessibilite(page, 'le répertoire des ressources');

  // The import: a dry run without an organisation to attach to refuses the offer and says why; nothing is written.
  await page.getByRole('link', { name: 'Importer (ROR, tableur)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer des ressources' })).toBeVisible();
  await verifierAccessibilite(page, 'l’import des ressources');
  await page.getByLabel('Fichier des ressources').setInputFiles(BUNDLE);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('Ce fichier ne peut pas être importé')).toBeVisible({ timeout: 60_000 });
  const rapport = page.getByRole('table', { name: /Entrées du fichier/ });
  await expect(rapport.getByText('Refusée').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importer ces ressources' })).toHaveCount(0);
  await verifierAccessibilite(page, 'le rapport de refus de l’import');

  // Attached to Redon Agglomération: the dry run maps the offer, says what it could not, then the import.
  await choisirOrganisation(page, /^Organisation de rattachement/, 'Redon Agglom', /^Redon Agglomération/);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('Aperçu : rien n’est encore enregistré')).toBeVisible({ timeout: 60_000 });
  await expect(rapport.getByText('À créer')).toBeVisible();
  await expect(rapport.getByRole('cell', { name: NOM_OFFRE })).toBeVisible();
  await expect(rapport.getByText(/Location\/888888/).first()).toBeVisible();
  await verifierAccessibilite(page, 'l’aperçu de l’import');
  await page.getByRole('button', { name: 'Importer ces ressources' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByText('Ressources importées')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: /Entrées du fichier/ }).getByText('Créée')).toBeVisible();
  await verifierAccessibilite(page, 'le rapport d’import');

  // Found in the directory by its name.
  await page.getByRole('link', { name: 'Voir le répertoire' }).click();
  await page.getByLabel('Rechercher une ressource').fill('gynécologique');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByText('1 ressource trouvée.')).toBeVisible();
  await page.getByRole('link', { name: NOM_OFFRE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOM_OFFRE);
  await expect(page.getByText(/identifiant ROR : (?!non renseigné)/)).toBeVisible();
  await expect(page.getByText('Aucune zone ni commune : la ressource n’atteint aucune commune.')).toBeVisible();
  await verifierAccessibilite(page, 'la page d’une ressource');

  // The ROR did not say where it is: the coordinator places it at Redon and serves families.
  await page.getByRole('link', { name: 'Modifier la ressource' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Modifier');
  await page.getByLabel('Commune (code INSEE)').fill('3523');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByText(/Code INSEE de commune attendu/)).toBeVisible();
  await verifierAccessibilite(page, 'le formulaire d’une ressource avec son erreur');
  await page.getByLabel('Commune (code INSEE)').fill('35236');
  await page.getByLabel('Familles').check({ force: true });
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByText(/La ressource « .* » est enregistrée\./)).toBeVisible();
  await expect(page.getByText(/— Redon \(35236\)/)).toBeVisible();

  // A stale edit: someone saves the resource while the form is open; the save shows what changed and lets choose.
  const id = page.url().split('/').pop()!;
  await page.getByRole('link', { name: 'Modifier la ressource' }).click();
  await expect(page.getByLabel('Commune (code INSEE)')).toHaveValue('35236');
  const actuelle = await api(page, 'GET', `/api/ressources/${id}`);
  const { organisationId, nom, typeCode, publics, missions, niveau, sollicitablePar, zone, communeCode, contacts, statut, rorId, publie } =
    actuelle;
  await api(page, 'PUT', `/api/ressources/${id}`, {
    ...{ organisationId, nom, typeCode, publics, missions, niveau, sollicitablePar, zone, communeCode, contacts, statut, rorId, publie },
    horaires: 'Du lundi au vendredi, de 9 h à 17 h',
    version: actuelle.version,
  });
  await page.getByLabel('Capacité').fill('12 lits');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByRole('heading', { name: 'Cette ressource a été modifiée entre-temps' })).toBeVisible();
  const differences = page.getByRole('table', { name: 'Différences entre votre saisie et la version enregistrée' });
  await expect(differences.getByRole('row', { name: /Horaires/ })).toContainText('Du lundi au vendredi, de 9 h à 17 h');
  await verifierAccessibilite(page, 'le conflit de version d’une ressource');
  await page.getByRole('button', { name: 'Abandonner ma saisie et reprendre la version enregistrée' }).click();
  await expect(page.getByLabel('Horaires')).toHaveValue('Du lundi au vendredi, de 9 h à 17 h');
  await page.getByLabel('Capacité').fill('12 lits');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByText(/La ressource « .* » est enregistrée\./)).toBeVisible();
  await expect(page.getByText('12 lits')).toBeVisible();

  // The views of Redon Agglomération's contract: the table by level, the map's tables, an export.
  await page.goto('/ressources/vues');
  await page.getByLabel('Périmètre d’un contrat').selectOption({ label: 'Contrat local de santé de Redon Agglomération (2e génération)' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Les trois vues — périmètre du contrat/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Par niveau' }).click();
  await expect(page.getByRole('table', { name: /^Effecteur/ }).getByRole('link', { name: NOM_OFFRE })).toBeVisible();
  await page.getByLabel('Public de la couverture').selectOption('familles');
  await page.getByLabel('Mission de la couverture').selectOption('soins');
  const situees = page.getByRole('table', { name: /Ressources actives situées dans le périmètre/ });
  await expect(situees.getByRole('row', { name: /Redon/ }).getByRole('link', { name: NOM_OFFRE })).toBeVisible();
  // On the map: Redon reached (with the marker of the resource placed there), Bains-sur-Oust a zone blanche.
  const carte = page.getByRole('group', { name: /^Carte : Ressources actives qui atteignent chaque commune/ });
  await expect(carte.getByRole('img', { name: 'Redon : 1 ressource' })).toBeVisible();
  await expect(carte.getByRole('img', { name: 'Bains-sur-Oust : aucune ressource : zone blanche' })).toBeVisible();
  await expect(page.getByText(/Sans contour importé, donc absents de la carte/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Zones blanches', exact: true })).toBeVisible();
  // Redon is reached by the resource now placed there; its neighbours are zones blanches for this public and mission.
  const blanches = page.getByRole('table', { name: 'Communes en zone blanche' });
  await expect(blanches.getByRole('cell', { name: 'Bains-sur-Oust', exact: true })).toBeVisible();
  await expect(blanches.getByRole('cell', { name: 'Redon', exact: true })).toHaveCount(0);
  await verifierAccessibilite(page, 'les vues et la carte des ressources');
  const [telechargement] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Vue par niveau.*XLSX/ }).click(),
  ]);
  expect(telechargement.suggestedFilename()).toMatch(/\.xlsx$/);
  const fichier = await telechargement.path();
  expect(fs.readFileSync(fichier).subarray(0, 2).toString()).toBe('PK');
  await expect(page.getByText(/Fichier .*\.xlsx téléchargé\./)).toBeVisible();

  // The contract's diagnostic tab has the zones blanches card.
  const contrats = await api(page, 'GET', '/api/contrats?q=Redon%20Agglom%C3%A9ration');
  const contrat = contrats.find((c: { intitule: string }) => c.intitule.includes('2e génération'));
  await page.goto(`/contrats/${contrat.id}?onglet=diagnostic`);
  await expect(page.getByRole('heading', { name: 'Zones blanches des ressources' })).toBeVisible();
  await page.getByLabel('Public de la couverture').selectOption('familles');
  await page.getByLabel('Mission de la couverture').selectOption('soins');
  await expect(page.getByRole('table', { name: 'Communes en zone blanche' })).toBeVisible();
  await verifierAccessibilite(page, 'le diagnostic avec les zones blanches');

  expect(erreurs).toEqual([]);
  await contexte.close();
});
