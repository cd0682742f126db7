import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.describe('fondations', () => {
  test.describe.configure({ timeout: 90_000 });
  test('une administratrice se connecte, parcourt chaque page et se déconnecte', async ({ browser }) => {
    const contexte = await browser.newContext();
    const page = await contexte.newPage();
    const erreurs = surveillerConsole(page);

    await page.goto('/');
    await expect(page).toHaveURL(/\/connexion/);
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion à Maillage' })).toBeVisible();
    await expect(page.getByText('Maillage', { exact: false }).first()).toBeVisible();
    await verifierAccessibilite(page, 'la connexion');

    await page.getByLabel('Adresse e-mail').fill('admin@demo.maillage.fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill('mauvais mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.')).toBeVisible();
    await verifierAccessibilite(page, 'la connexion refusée');

    await seConnecter(page, 'admin@demo.maillage.fr');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Camille');
    await verifierAccessibilite(page, 'l’accueil administrateur');

    const pages: [string, RegExp | string][] = [
      ['/administration/utilisateurs', 'Utilisateurs'],
      ['/administration/utilisateurs/nouveau', /compte/i],
      ['/administration/organisations', 'Organisations'],
      ['/administration/organisations/nouvelle', /organisation/i],
      ['/administration/journal', /Journal/],
      ['/annuaire', /Annuaire/],
      ['/territoires', 'Territoires'],
      ['/territoires/epci/243500741', 'CA Redon Agglomération'],
      ['/profil', /profil/i],
      ['/accessibilite', /accessibilité/i],
    ];
    for (const [chemin, titre] of pages) {
      await page.goto(chemin);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(titre);
      await verifierAccessibilite(page, chemin);
    }
    // The audit log speaks French: accented entity names, a sentence per event, no code name.
    await page.goto('/administration/journal');
    // (the Entité column keeps a short identifier, and values are the data as entered: both are left out here)
    await expect(page.locator('table tbody tr').first()).toBeVisible();
    const phrases = (await page.locator('table tbody tr td:nth-child(2)').allInnerTexts()).join('\n');
    const champs = (await page.locator('.maillage-diff .fr-text--bold').allInnerTexts()).join('\n');
    const entites = (await page.getByLabel('Type d’entité').locator('option').allInnerTexts()).join('\n');
    expect(phrases).toMatch(/ a (créé|ouvert une session|planifié)/);
    for (const texte of [phrases, champs, entites])
      expect(texte).not.toMatch(/\b(Seance|Decision|Presences|Evaluation|contratId|[a-z]+_[a-z]+|[a-z]+[A-Z][a-z]+)\b/);
    // An EPCI page lists its 31 member communes.
    await page.goto('/territoires/epci/243500741');
    await expect(page.getByRole('row', { name: /Redon/ }).first()).toBeVisible();
    // The members' table by its caption: the published values' table follows it on the page.
    await expect(page.getByRole('table', { name: /^Communes membres de CA Redon Agglomération/ }).locator('tbody tr')).toHaveCount(31);

    await page.goto('/cette/page/nexiste/pas');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Page non trouvée');
    await verifierAccessibilite(page, 'la page 404');

    await page.goto('/');
    await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
    await expect(page).toHaveURL(/\/connexion/);
    await page.goto('/profil');
    await expect(page).toHaveURL(/\/connexion\?retour=/);
    expect(erreurs).toEqual([]);
    await contexte.close();
  });

  test('l’ARS régionale voit sa région, sans le menu d’administration', async ({ browser }) => {
    const contexte = await browser.newContext();
    const page = await contexte.newPage();
    await seConnecter(page, 'ars.bretagne@demo.maillage.fr');
    await expect(page.getByText('Bretagne').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Administration' })).toHaveCount(0);
    await verifierAccessibilite(page, 'l’accueil ARS');
    await page.goto('/administration/utilisateurs');
    await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Utilisateurs');
    await contexte.close();
  });

  test('un mot de passe oublié se réinitialise par le lien reçu par courriel', async ({ browser }) => {
    const contexte = await browser.newContext();
    const page = await contexte.newPage();
    await page.goto('/connexion');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await verifierAccessibilite(page, 'le mot de passe oublié');
    await page.getByLabel('Adresse e-mail').fill('membre@demo.maillage.fr');
    await page.getByRole('button', { name: /Recevoir|Envoyer/ }).click();
    await expect(page.getByText(/Si un compte existe/)).toBeVisible();

    // Without SMTP_URL the server writes mails to DATA_DIR/outbox: read the link there, as an admin would.
    const dossier = path.join(process.env.E2E_DATA_DIR!, 'outbox');
    let lien: string | undefined;
    await expect
      .poll(() => {
        const fichiers = fs.existsSync(dossier) ? fs.readdirSync(dossier).filter((f) => f.includes('membre@demo.maillage.fr')) : [];
        const contenu = fichiers
          .map((f) => fs.readFileSync(path.join(dossier, f), 'utf8'))
          .join('\n')
          .replace(/=\r?\n/g, '')
          .replace(/=3D/g, '=');
        lien = contenu.match(/https?:\/\/\S+\/reinitialiser-mot-de-passe\?jeton=[\w%-]+/)?.[0];
        return lien;
      })
      .toBeTruthy();
    await page.goto(lien!.replace(/^https?:\/\/[^/]+/, ''));
    await verifierAccessibilite(page, 'la réinitialisation');
    await expect(page.getByText(/ferme toutes vos sessions ouvertes.*révoque vos jetons d’API/)).toBeVisible();
    // A trivial password: the server's French reason, shown while typing, before anything is sent.
    await page.getByRole('textbox', { name: /^Nouveau mot de passe/ }).fill('123456789012');
    await expect(page.getByText(/^Mot de passe trop facile à deviner : /)).toBeVisible();
    await page.getByRole('textbox', { name: /^Nouveau mot de passe/ }).fill('mon nouveau mot de passe');
    await expect(page.getByText(/^Mot de passe trop facile à deviner : /)).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Confirmation du nouveau mot de passe' }).fill('mon nouveau mot de passe');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByText('Mot de passe modifié')).toBeVisible();
    await expect(page.getByText(/Toutes vos sessions ouvertes ont été fermées et vos jetons d’API/)).toBeVisible();
    await seConnecter(page, 'membre@demo.maillage.fr', 'mon nouveau mot de passe');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Erwan');
    await contexte.close();
  });
});
