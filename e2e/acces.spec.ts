import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { api, choisirOrganisation, seConnecter, surveillerConsole, verifierAccessibilite } from './outils';

test.setTimeout(180_000);
test.use({ actionTimeout: 15_000 });

/** Without SMTP_URL the server writes each e-mail to DATA_DIR/outbox: the first link of this kind sent to this address. */
async function lienRecu(destinataire: string, motif: RegExp): Promise<string> {
  const dossier = path.join(process.env.E2E_DATA_DIR!, 'outbox');
  let lien: string | undefined;
  await expect
    .poll(() => {
      const fichiers = fs.existsSync(dossier)
        ? fs
            .readdirSync(dossier)
            .filter((f) => f.includes(destinataire))
            .sort()
        : [];
      const contenu = fichiers
        .map((f) => fs.readFileSync(path.join(dossier, f), 'utf8'))
        .join('\n')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=');
      lien = contenu.match(motif)?.[0];
      return lien;
    })
    .toBeTruthy();
  return lien!.replace(/^https?:\/\/[^/]+/, '');
}

test('la coordinatrice invite un pilote depuis le contrat, il répond à la campagne, et le contrat signé se publie d’un geste', async ({
  browser,
}) => {
  const suffixe = Date.now().toString(36);
  const emailPilote = `pilote.invite.${suffixe}@exemple.fr`;
  // Not named after Belle-Île: the other specs look for the demo's Belle-Île contract by name in shared lists.
  const intitule = `Contrat local de santé insulaire — accès ${suffixe}`;
  const annee = new Date().getFullYear();

  // Set-up through the API: a new contract of the coordinator, with an axe, a fiche piloted by the IREPS, and its
  // signatories, whose roles ARS Bretagne confirms.
  const contexteCoordination = await browser.newContext();
  const page = await contexteCoordination.newPage();
  const erreurs = surveillerConsole(page);
  await seConnecter(page, 'coordination@demo.maillage.fr');
  const organisation = async (nom: string) =>
    (await api(page, 'GET', `/api/organisations?q=${encodeURIComponent(nom)}`)).elements.find((o: { nom: string }) => o.nom === nom)
      .id as string;
  const [arsBretagne, redon, ireps] = [
    await organisation('ARS Bretagne'),
    await organisation('Redon Agglomération'),
    await organisation('IREPS Bretagne'),
  ];
  const { id } = await api(page, 'POST', '/api/contrats', {
    intitule,
    // Belle-Île: a Bretagne-only territory, so ARS Bretagne alone answers for it.
    perimetre: { epci: ['245600465'], communes: [] },
    generation: 3,
    arsIds: [arsBretagne],
    porteursIds: [redon],
    periode: { debut: `${annee}-01-01`, fin: `${annee + 4}-12-31` },
  });
  const axe = await api(page, 'POST', `/api/contrats/${id}/axes`, { intitule: 'Prévention et promotion de la santé' });
  // The fiche's indicator is written once, with the fiche (issue 12, item 4): it is what the campaign asks the pilote.
  const fiche = await api(page, 'POST', `/api/contrats/${id}/fiches`, {
    intitule: 'Ateliers nutrition dans les écoles',
    axeId: axe.id,
    statut: 'en_cours',
    pilotes: [{ organisationId: ireps }],
    indicateurs: [{ libelle: 'Ateliers nutrition tenus', type: 'activite', unite: 'ateliers', cible: '12 par an' }],
  });
  await api(page, 'POST', `/api/contrats/${id}/signataires`, {
    organisationId: redon,
    representant: 'Le président',
    dateSignature: `${annee}-02-01`,
  });
  const signataireArs = await api(page, 'POST', `/api/contrats/${id}/signataires`, {
    organisationId: arsBretagne,
    representant: 'Le directeur général',
  });
  const contexteArs = await browser.newContext();
  const pageArs = await contexteArs.newPage();
  await seConnecter(pageArs, 'ars.bretagne@demo.maillage.fr');
  for (const d of (await api(pageArs, 'GET', '/api/confirmations')).filter((x: { contrat: { id: string } }) => x.contrat.id === id))
    await api(pageArs, 'POST', `/api/confirmations/${d.id}/acceptation`, {});
  await contexteArs.close();
  await api(page, 'PUT', `/api/contrats/${id}/signataires/${signataireArs.id}`, {
    organisationId: arsBretagne,
    representant: 'Le directeur général',
    dateSignature: `${annee}-02-03`,
  });

  // The coordinator invites the IREPS's pilote from the contract's « Personnes et accès » tab.
  await page.goto(`/contrats/${id}`);
  await page.getByRole('tab', { name: 'Personnes et accès' }).click();
  const personnes = page.getByRole('table', { name: 'Personnes qui ont un rôle sur le contrat' });
  await expect(personnes).toContainText('Marie Dupont');
  await expect(personnes).toContainText('Seul·e coordonnateur·rice');
  await verifierAccessibilite(page, 'l’onglet Personnes et accès');
  await page.getByRole('button', { name: 'Inviter une personne' }).click();
  const formulaire = page.getByRole('form', { name: 'Inviter une personne' });
  await formulaire.getByLabel('Adresse e-mail').fill(emailPilote);
  await expect(formulaire.getByLabel('Rôle sur le contrat')).toHaveValue('pilote');
  await formulaire.getByRole('button', { name: 'Inviter' }).click();
  // An unknown address needs a name, and a pilote an organisation: the form says so on each field.
  await expect(formulaire.getByText('Le prénom est obligatoire pour inviter une personne sans compte')).toBeVisible();
  await expect(formulaire.getByText('Le nom est obligatoire pour inviter une personne sans compte')).toBeVisible();
  await expect(formulaire.getByText(/Un pilote renseigne les fiches-action que pilote son organisation : indiquez/)).toBeVisible();
  await formulaire.getByRole('textbox', { name: /^Prénom/ }).fill('Yannick');
  await formulaire.getByRole('textbox', { name: /^Nom/ }).fill('Invité');
  await choisirOrganisation(formulaire, /^Organisation de la personne/, 'IREPS', /^IREPS Bretagne \(IREPS\)/);
  await verifierAccessibilite(page, 'le formulaire d’invitation');
  await formulaire.getByRole('button', { name: 'Inviter' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vous avez invité Yannick Invité (IREPS Bretagne) par courriel' })).toBeVisible();
  const ligne = personnes.getByRole('row', { name: /Yannick Invité/ });
  await expect(ligne).toContainText('Invitation envoyée');
  await expect(ligne).toContainText('Pilote de fiches-action');
  await expect(ligne).toContainText('Son organisation pilote 1 fiche');
  await verifierAccessibilite(page, 'la liste après l’invitation');

  // The campaign now reaches the new pilote.
  await api(page, 'POST', `/api/contrats/${id}/statut`, {
    statut: 'elaboration',
    version: (await api(page, 'GET', `/api/contrats/${id}`)).version,
  });
  await page.goto(`/contrats/${id}?onglet=suivi`);
  await page.getByRole('button', { name: 'Ouvrir une campagne' }).first().click();
  await page.getByLabel('Période suivie').fill(String(annee));
  await page.getByRole('button', { name: 'Ouvrir la campagne et écrire aux pilotes' }).click();
  await expect(page.getByText(`Courriel envoyé à 1 pilote : ${emailPilote}`)).toBeVisible();

  // The pilote follows the invitation's link, chooses a password, then the campaign's link, and answers.
  const contextePilote = await browser.newContext();
  const pilote = await contextePilote.newPage();
  const erreursPilote = surveillerConsole(pilote);
  await pilote.goto(await lienRecu(emailPilote, /https?:\/\/\S+\/reinitialiser-mot-de-passe\?jeton=[\w%-]+/));
  await verifierAccessibilite(pilote, 'le choix du mot de passe de l’invité');
  await pilote.getByRole('textbox', { name: /^Nouveau mot de passe/ }).fill('Ateliers nutrition 2026 !');
  await pilote.getByRole('textbox', { name: 'Confirmation du nouveau mot de passe' }).fill('Ateliers nutrition 2026 !');
  await pilote.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(pilote.getByText('Mot de passe modifié')).toBeVisible();
  await seConnecter(pilote, emailPilote, 'Ateliers nutrition 2026 !');
  await pilote.goto(await lienRecu(emailPilote, /https?:\/\/\S+\/campagnes\/[0-9a-f-]{36}/));
  await expect(pilote.getByRole('heading', { name: 'Vos fiches à renseigner', level: 2 })).toBeVisible();
  const bloc = pilote.getByRole('article', { name: `Fiche ${fiche.numero} — Ateliers nutrition dans les écoles` });
  await bloc.getByLabel('Réalisations').fill('Douze ateliers dans six écoles du territoire.');
  await bloc.getByLabel(`Valeur ${annee} (ateliers)`).fill('12');
  await verifierAccessibilite(pilote, 'la campagne du pilote invité');
  await bloc.getByRole('button', { name: `Soumettre la fiche ${fiche.numero}` }).click();
  await expect(bloc.getByText(`Fiche ${fiche.numero} soumise`)).toBeVisible();
  expect(erreursPilote).toEqual([]);
  await contextePilote.close();
  // The value the pilote entered is the fiche's own indicator's: one indicator, entered once.
  const suivi = await api(page, 'GET', `/api/fiches/${fiche.id}/suivi`);
  expect(suivi.indicateurs.map((i: { libelle: string }) => i.libelle)).toEqual(['Ateliers nutrition tenus']);
  expect(suivi.indicateurs[0].valeurs).toEqual([expect.objectContaining({ periode: String(annee), valeur: 12 })]);

  // Signed, the contract is published with the switch, after a look at its public page — no avenant.
  await api(page, 'POST', `/api/contrats/${id}/statut`, {
    statut: 'signe',
    version: (await api(page, 'GET', `/api/contrats/${id}`)).version,
    confirmerAvertissements: true,
  });
  await page.goto(`/contrats/${id}`);
  await expect(page.getByText('Signé (en vigueur)').first()).toBeVisible();
  await page.getByRole('link', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { name: 'Aperçu : cette page n’est pas encore publique' })).toBeVisible();
  await expect(page.getByRole('heading', { name: intitule, level: 1 })).toBeVisible();
  await expect(page.getByText('Signataires : ')).toContainText('ARS Bretagne');
  await verifierAccessibilite(page, 'l’aperçu de la page publique');
  await page.getByRole('button', { name: 'Publier le contrat' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Le contrat est publié' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ce contrat est publié : voici sa page publique' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retirer la publication' })).toBeVisible();

  // Anybody now finds it among the published contracts.
  const contextePublic = await browser.newContext();
  const visiteur = await contextePublic.newPage();
  await visiteur.goto('/public/contrats');
  await visiteur.getByRole('link', { name: intitule }).click();
  await expect(visiteur.getByRole('heading', { name: intitule, level: 1 })).toBeVisible();
  // exact: the opinion form below also names each fiche, in its « Sur quelle action ? » list.
  await expect(visiteur.getByText('Ateliers nutrition dans les écoles', { exact: true })).toBeVisible();
  await verifierAccessibilite(visiteur, 'la page publique du contrat');
  await contextePublic.close();

  // The history says it in words.
  await page.goto(`/contrats/${id}?onglet=historique`);
  await expect(
    page.getByText(
      `a invité Yannick Invité (IREPS Bretagne) par courriel, avec le rôle « Pilote de fiches-action » sur le contrat « ${intitule} »`,
    ),
  ).toBeVisible();
  await expect(page.getByText(`a publié le contrat « ${intitule} »`)).toBeVisible();
  // The one 400 is the server's answer to the invitation without a name, shown on the form's fields above.
  expect(erreurs.filter((e) => !/status of 400/.test(e))).toEqual([]);
  expect(erreurs.length).toBeLessThanOrEqual(1);
  await contexteCoordination.close();
});
