import { expect, test } from '@playwright/test';
import { demarrerFournisseurOidc, type FournisseurDeTest } from '../apps/server/test/fournisseur-oidc';
import { seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

// The server of this run points ProConnect and Pro Santé Connect at this port (playwright.config.ts).
const PORT = Number(process.env.E2E_PORT);
let fournisseur: FournisseurDeTest;

test.beforeAll(async () => {
  fournisseur = await demarrerFournisseurOidc(`http://127.0.0.1:${PORT}`, PORT + 1);
});
test.afterAll(() => fournisseur?.fermer());

test.describe('connexion par ProConnect et Pro Santé Connect', () => {
  test.describe.configure({ timeout: 90_000 });

  test('le bouton ProConnect du système de design connecte une pilote, puis la déconnecte aussi chez le fournisseur', async ({
    browser,
  }) => {
    const contexte = await browser.newContext();
    const page = await contexte.newPage();
    const erreurs = surveillerConsole(page);
    fournisseur.personnes.set('agent-pilote', { email: 'pilote@demo.maillage.fr', email_verified: true });
    fournisseur.seConnecteraComme('agent-pilote');

    await page.goto('/connexion');
    const groupe = page.locator('.fr-connect-group');
    await expect(groupe.locator('a.fr-btn.fr-connect')).toHaveText(/S’identifier avec\s*ProConnect/);
    await expect(groupe.getByRole('link', { name: /Qu’est-ce que ProConnect \?/ })).toHaveAttribute(
      'href',
      'https://www.proconnect.gouv.fr/',
    );
    await expect(page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' })).toBeVisible();
    await verifierAccessibilite(page, 'la connexion avec les fournisseurs d’identité');

    await groupe.locator('a.fr-connect').click();
    // Through the provider and back: the usual home page, logged in.
    await expect(page.getByRole('button', { name: 'Se déconnecter' }).first()).toBeVisible();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);

    await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
    // The provider asks to confirm its own logout, then sends the browser back to the login page.
    await expect(page).toHaveURL(new RegExp(`:${PORT + 1}/session/end`));
    await page.locator('button[name="logout"][value="yes"]').click();
    await expect(page).toHaveURL(/\/connexion$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion à Maillage' })).toBeVisible();
    await page.goto('/profil');
    await expect(page).toHaveURL(/\/connexion\?retour=/);
    expect(erreurs).toEqual([]);
    await contexte.close();
  });

  test('une identité sans compte arrive sur une page qui dit à qui s’adresser', async ({ browser }) => {
    const contexte = await browser.newContext();
    const page = await contexte.newPage();
    fournisseur.personnes.set('medecin-inconnue', { email: 'dr.inconnue@exemple.fr', email_verified: true });
    fournisseur.seConnecteraComme('medecin-inconnue');
    await page.goto('/connexion');
    await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).click();
    await expect(page).toHaveURL(/\/connexion\/refusee\?fournisseur=prosanteconnect&motif=compte-inconnu$/);
    await expect(page.getByRole('heading', { level: 2 })).toContainText(
      'Aucun compte Maillage n’est relié à votre identité Pro Santé Connect',
    );
    await expect(page.getByText(/coordinatrice ou au coordinateur de votre contrat local de santé/)).toBeVisible();
    await verifierAccessibilite(page, 'la connexion refusée par fournisseur');
    await page.getByRole('link', { name: 'Revenir à la page de connexion' }).click();
    await expect(page).toHaveURL(/\/connexion$/);
    await contexte.close();
  });

  test('une session ouverte par mot de passe se ferme comme avant, sans passer par un fournisseur', async ({ browser }) => {
    const contexte = await browser.newContext();
    const page = await contexte.newPage();
    await seConnecter(page, 'lecteur@demo.maillage.fr');
    await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/connexion$/);
    await page.goto('/profil');
    await expect(page).toHaveURL(/\/connexion\?retour=/);
    await contexte.close();
  });
});
