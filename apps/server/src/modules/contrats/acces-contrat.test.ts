import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

/**
 * Issue 12, « Personnes et accès » and the publication switch: the coordinator invites a pilote by e-mail from the
 * contract, the pilote chooses a password through the link and acts; the ARS names a référent; nobody removes the
 * last coordinator; a contract is published and withdrawn at any statut, never through an avenant.
 */

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let ars: ClientHttp;
let lecteur: ClientHttp;
let cls1: string;
let cls2: string;
let intitule2: string;
let cpamId: string;

const INVITE = 'paul.invite@exemple.fr';

async function id(sql: string, params: unknown[]) {
  return (await serveur.ctx.db.query(sql, params)).rows[0].id as string;
}

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  cls1 = await id('select id from contrats where intitule = $1', ['Contrat local de santé du Pays de Redon-Bretagne Sud']);
  intitule2 = 'Contrat local de santé de Redon Agglomération (2e génération)';
  cls2 = await id('select id from contrats where intitule = $1', [intitule2]);
  cpamId = await id('select id from organisations where nom = $1', ['CPAM d’Ille-et-Vilaine']);
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  ars = serveur.client();
  await ars.connecter(DEMO.ars);
  lecteur = serveur.client();
  await lecteur.connecter(DEMO.lecteur);
});
afterAll(() => serveur.fermer());

const acces = async (client: ClientHttp = coordination) => (await client.get(`/api/contrats/${cls2}/acces`)).body;
const ligne = async (email: string) => (await acces()).personnes.find((p: any) => p.email === email);
const courrielsPour = (a: string) => serveur.courriels.filter((c) => c.a === a);
const phrases = async () =>
  (await coordination.get(`/api/contrats/${cls2}/historique?parPage=200`)).body.elements
    .filter((e: any) => e.contexte?.phrase)
    .map((e: any) => `${e.acteurLibelle} ${e.contexte.phrase}`);

describe('la liste des personnes du contrat', () => {
  it('montre à la coordination chaque rôle, avec l’organisation, et les rôles qu’elle peut donner', async () => {
    const r = await coordination.get(`/api/contrats/${cls2}/acces`);
    expect(r.status).toBe(200);
    expect(
      r.body.personnes.map((p: any) => `${p.prenom} ${p.nom} — ${p.roleLibelle} — ${p.organisation?.nom ?? 'sans organisation'}`),
    ).toEqual([
      'Marie Dupont — Coordonnateur·rice CLS — Redon Agglomération',
      'Gaël Morvan — Référent ARS du contrat — ARS Bretagne – Délégation départementale d’Ille-et-Vilaine',
      'Sophie Martin — Pilote de fiches-action — Centre hospitalier de Redon',
      'Erwan Le Bihan — Membre — IREPS Bretagne',
      'Nathalie Rouxel — Lecteur — Conseil régional de Bretagne',
    ]);
    expect(r.body.rolesAttribuables.map((x: any) => x.role)).toEqual(['coordonnateur', 'pilote', 'membre', 'lecteur']);
    // The only coordinator cannot be removed; the référent ARS is the ARS's to manage.
    expect(r.body.personnes.map((p: any) => p.modifiable)).toEqual([false, false, true, true, true]);
    expect(r.body.personnes[0].email).toBe(DEMO.coordination);
  });

  it('l’ARS de la région gère tous les rôles ; un lecteur voit la liste sans les adresses ; les autres ne la voient pas', async () => {
    expect((await acces(ars)).rolesAttribuables.map((x: any) => x.role)).toEqual([
      'coordonnateur',
      'referent_ars',
      'pilote',
      'membre',
      'lecteur',
    ]);
    const vue = await acces(lecteur);
    expect(vue.rolesAttribuables).toEqual([]);
    expect(vue.personnes.every((p: any) => p.email === null && !p.modifiable)).toBe(true);
    const cpam = serveur.client();
    await cpam.connecter(DEMO.cpam);
    // Not engaged in Belle-Île's contract, the CPAM's referent does not even see it exists (she is a partner of
    // Redon's CLS 2, seed 002: without a role in it she may not see who has access either).
    const belleIle = await id('select id from contrats where intitule = $1', ['Contrat local de santé de Belle-Île-en-Mer']);
    expect((await cpam.get(`/api/contrats/${belleIle}/acces`)).status).toBe(404);
    expect((await cpam.get(`/api/contrats/${cls2}/acces`)).status).toBe(403);
    expect((await cpam.get(`/api/contrats/${cls1}/acces`)).status).toBe(403);
    expect((await serveur.client().get(`/api/contrats/${cls2}/acces`)).status).toBe(401);
    expect(
      (await lecteur.post(`/api/contrats/${cls2}/acces`, { email: INVITE, role: 'membre', prenom: 'Paul', nom: 'Invité' })).status,
    ).toBe(403);
  });
});

describe('inviter une personne', () => {
  it('une adresse inconnue demande un nom, et un pilote une organisation ; rien n’est créé', async () => {
    let r = await coordination.post(`/api/contrats/${cls2}/acces`, { email: INVITE, role: 'pilote', prenom: 'Paul', nom: 'Invité' });
    expect(r.status).toBe(422);
    expect(r.body.erreurs).toEqual([
      { champ: 'organisationId', message: expect.stringContaining('indiquez l’organisation de la personne') },
    ]);
    r = await coordination.post(`/api/contrats/${cls2}/acces`, { email: INVITE, role: 'membre' });
    expect(r.status).toBe(400);
    expect(r.body.detail).toBe('Cette adresse n’a pas encore de compte : indiquez le prénom et le nom de la personne pour l’inviter.');
    expect(r.body.erreurs.map((e: any) => e.champ)).toEqual(['prenom', 'nom']);
    // Everything missing is said at once.
    r = await coordination.post(`/api/contrats/${cls2}/acces`, { email: INVITE, role: 'pilote' });
    expect(r.body.erreurs.map((e: any) => e.champ)).toEqual(['prenom', 'nom', 'organisationId']);
    r = await coordination.post(`/api/contrats/${cls2}/acces`, { email: 'pas-une-adresse', role: 'chef' });
    expect(r.status).toBe(400);
    expect(r.body.erreurs.map((e: any) => e.champ).sort()).toEqual(['email', 'role']);
    expect((await serveur.ctx.db.query('select count(*)::int n from utilisateurs where email = $1', [INVITE])).rows[0].n).toBe(0);
    expect(courrielsPour(INVITE)).toEqual([]);
  });

  it('la coordination invite un pilote : son compte est créé, le lien du courriel lui fait choisir son mot de passe, et il pilote', async () => {
    const r = await coordination.post(`/api/contrats/${cls2}/acces`, {
      email: ' Paul.Invite@Exemple.fr ',
      role: 'pilote',
      prenom: 'Paul',
      nom: 'Invité',
      organisationId: cpamId,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      role: 'pilote',
      invitation: true,
      compteCree: true,
      message: `Vous avez invité Paul Invité (CPAM d’Ille-et-Vilaine) par courriel, avec le rôle « Pilote de fiches-action » sur le contrat « ${intitule2} ».`,
    });
    expect(await ligne(INVITE)).toMatchObject({
      role: 'pilote',
      invitationEnAttente: true,
      organisation: { nom: 'CPAM d’Ille-et-Vilaine' },
      modifiable: true,
    });

    const [courriel] = courrielsPour(INVITE);
    expect(courriel.sujet).toBe(`Maillage — Marie Dupont vous invite sur le contrat « ${intitule2} »`);
    expect(courriel.texte).toContain('Marie Dupont vous a donné le rôle « Pilote de fiches-action »');
    const jeton = decodeURIComponent(courriel.texte.match(/reinitialiser-mot-de-passe\?jeton=([\w%-]+)/)![1]);
    expect(
      (await serveur.client().post('/api/auth/mot-de-passe/reinitialisation', { token: jeton, password: 'Mon mot de passe de pilote' }))
        .status,
    ).toBe(204);
    const paul = serveur.client();
    await paul.connecter(INVITE, 'Mon mot de passe de pilote');
    const contrat = (await paul.get(`/api/contrats/${cls2}`)).body;
    expect(contrat.role).toBe('pilote');
    expect(contrat.droits).toMatchObject({ modifier: false, gererAcces: false, voirAcces: true, publier: false });
    expect((await ligne(INVITE)).invitationEnAttente).toBe(false);
  });

  it('un compte existant reçoit le rôle et un courriel ; une personne qui a déjà un rôle se change dans la liste', async () => {
    const r = await ars.post(`/api/contrats/${cls2}/acces`, { email: DEMO.cpam, role: 'referent_ars' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ invitation: false, compteCree: false });
    expect(courrielsPour(DEMO.cpam).at(-1)!.sujet).toBe(`Maillage — votre rôle sur le contrat « ${intitule2} »`);
    const encore = await coordination.post(`/api/contrats/${cls2}/acces`, { email: DEMO.cpam, role: 'membre' });
    expect(encore.status).toBe(409);
    expect(encore.body.detail).toBe(
      'Hélène Guillou (CPAM d’Ille-et-Vilaine) a déjà le rôle « Référent ARS du contrat » sur ce contrat : changez son rôle dans la liste des personnes.',
    );
  });

  it('seule l’ARS nomme un référent ARS', async () => {
    const r = await coordination.post(`/api/contrats/${cls2}/acces`, {
      email: 'autre.agent@exemple.fr',
      role: 'referent_ars',
      prenom: 'Agent',
      nom: 'ARS',
    });
    expect(r.status).toBe(403);
    expect(r.body.detail).toBe(
      'Le rôle « Référent ARS du contrat » se donne et se retire par l’ARS de la région du contrat (ou l’administrateur de la plateforme).',
    );
    const cpam = (await ligne(DEMO.cpam)).utilisateurId;
    expect((await coordination.put(`/api/contrats/${cls2}/acces/${cpam}`, { role: 'lecteur' })).status).toBe(403);
    expect((await coordination.delete(`/api/contrats/${cls2}/acces/${cpam}`)).status).toBe(403);
    expect((await ars.delete(`/api/contrats/${cls2}/acces/${cpam}`)).status).toBe(204);
    expect(await ligne(DEMO.cpam)).toBeUndefined();
  });

  it('réinviter une personne qui n’a pas encore choisi son mot de passe renvoie un lien', async () => {
    const email = 'claire.attente@exemple.fr';
    expect(
      (await coordination.post(`/api/contrats/${cls2}/acces`, { email, role: 'lecteur', prenom: 'Claire', nom: 'Attente' })).status,
    ).toBe(201);
    const r = await coordination.post(`/api/contrats/${cls2}/acces`, { email, role: 'lecteur' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ invitation: true, compteCree: false });
    expect(courrielsPour(email).length).toBe(2);
  });
});

describe('changer et retirer un rôle', () => {
  it('la coordination change un rôle ; personne ne retire la dernière coordinatrice', async () => {
    const erwan = (await ligne('membre@demo.maillage.fr')).utilisateurId;
    expect((await coordination.put(`/api/contrats/${cls2}/acces/${erwan}`, { role: 'lecteur' })).status).toBe(204);
    expect((await ligne('membre@demo.maillage.fr')).role).toBe('lecteur');

    const marie = (await ligne(DEMO.coordination)).utilisateurId;
    for (const client of [coordination, ars]) {
      const r = await client.delete(`/api/contrats/${cls2}/acces/${marie}`);
      expect(r.status).toBe(409);
      expect(r.body.detail).toBe(
        'Le contrat doit garder au moins un·e coordonnateur·rice : donnez ce rôle à une autre personne avant de le retirer à celle-ci.',
      );
      expect((await client.put(`/api/contrats/${cls2}/acces/${marie}`, { role: 'membre' })).status).toBe(409);
    }
    // With a second coordinator, either may step down.
    expect((await coordination.put(`/api/contrats/${cls2}/acces/${erwan}`, { role: 'coordonnateur' })).status).toBe(204);
    expect((await acces()).personnes.filter((p: any) => p.role === 'coordonnateur').every((p: any) => p.modifiable)).toBe(true);
    expect((await coordination.delete(`/api/contrats/${cls2}/acces/${erwan}`)).status).toBe(204);
    expect((await coordination.delete(`/api/contrats/${cls2}/acces/${erwan}`)).status).toBe(404);
  });

  it('chaque changement est tracé par une phrase lisible dans l’historique du contrat', async () => {
    const titre = `« ${intitule2} »`;
    expect(await phrases()).toEqual(
      expect.arrayContaining([
        `Marie Dupont a invité Paul Invité (CPAM d’Ille-et-Vilaine) par courriel, avec le rôle « Pilote de fiches-action » sur le contrat ${titre}`,
        `Yann Le Goff a donné à Hélène Guillou (CPAM d’Ille-et-Vilaine) le rôle « Référent ARS du contrat » sur le contrat ${titre}`,
        `Yann Le Goff a retiré à Hélène Guillou (CPAM d’Ille-et-Vilaine) son rôle « Référent ARS du contrat » sur le contrat ${titre}`,
        `Marie Dupont a renvoyé à Claire Attente l’invitation au rôle « Lecteur » du contrat ${titre}`,
        `Marie Dupont a changé le rôle de Erwan Le Bihan (IREPS Bretagne) sur le contrat ${titre} : « Membre » devient « Lecteur »`,
        `Marie Dupont a retiré à Erwan Le Bihan (IREPS Bretagne) son rôle « Coordonnateur·rice CLS » sur le contrat ${titre}`,
      ]),
    );
  });
});

describe('publier est un interrupteur', () => {
  const publies = async () => (await serveur.client().get('/api/public/contrats')).body.map((c: any) => c.id);

  it('l’aperçu montre la page publique d’un contrat non publié à ceux qui peuvent le publier', async () => {
    const r = await coordination.get(`/api/contrats/${cls2}/publication/apercu`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: cls2, intitule: intitule2, porteurs: ['Redon Agglomération'] });
    expect((await lecteur.get(`/api/contrats/${cls2}/publication/apercu`)).status).toBe(403);
    expect((await serveur.client().get(`/api/contrats/${cls2}/publication/apercu`)).status).toBe(401);
    expect((await serveur.client().get(`/api/public/contrats/${cls2}`)).status).toBe(404);
  });

  it('la coordination publie un contrat en élaboration ; l’ARS le retire ; le même état ne change rien', async () => {
    expect((await lecteur.put(`/api/contrats/${cls2}/publication`, { publie: true })).status).toBe(403);
    let r = await coordination.put(`/api/contrats/${cls2}/publication`, { publie: true });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ publie: true, change: true });
    expect(await publies()).toContain(cls2);
    expect((await coordination.put(`/api/contrats/${cls2}/publication`, { publie: true })).body).toEqual({ publie: true, change: false });
    r = await ars.put(`/api/contrats/${cls2}/publication`, { publie: false });
    expect(r.body).toEqual({ publie: false, change: true });
    expect(await publies()).not.toContain(cls2);
    expect((await coordination.put(`/api/contrats/${cls2}/publication`, { publie: 'oui' })).status).toBe(400);
  });

  it('le formulaire du contrat ne publie plus : il renvoie vers l’interrupteur, et garde l’état sans le champ', async () => {
    const d = (await coordination.get(`/api/contrats/${cls2}`)).body;
    const saisie = {
      intitule: d.intitule,
      perimetre: d.perimetre,
      generation: d.generation,
      predecesseurId: d.predecesseurId,
      arsIds: d.ars.map((o: any) => o.id),
      porteursIds: d.porteurs.map((o: any) => o.id),
      periode: d.periode,
      contexte: d.contexte,
    };
    const r = await coordination.put(`/api/contrats/${cls2}`, { ...saisie, publie: true, version: d.version });
    expect(r.status).toBe(422);
    expect(r.body.erreurs).toEqual([
      { champ: 'publie', message: expect.stringContaining('utilisez l’action « Publier » ou « Retirer la publication »') },
    ]);
    expect((await coordination.put(`/api/contrats/${cls2}`, { ...saisie, version: d.version })).status).toBe(204);
    expect((await coordination.get(`/api/contrats/${cls2}`)).body.publie).toBe(false);
  });

  it('un contrat signé puis clos se retire et se republie sans avenant', async () => {
    expect((await coordination.get(`/api/contrats/${cls1}`)).body).toMatchObject({
      statut: 'renouvele',
      publie: true,
      avenantOuvert: null,
    });
    expect((await coordination.put(`/api/contrats/${cls1}/publication`, { publie: false })).body.change).toBe(true);
    expect(await publies()).not.toContain(cls1);
    expect((await coordination.put(`/api/contrats/${cls1}/publication`, { publie: true })).body.change).toBe(true);
    expect(await publies()).toContain(cls1);
  });

  it('sans la confirmation de l’ARS de chaque région, la publication est refusée en disant ce qui manque', async () => {
    await serveur.ctx.db.query(
      `update confirmations_parties set statut = 'a_confirmer' where contrat_id = $1 and role = 'ars' and organisation_id = (select id from organisations where nom = 'ARS Pays de la Loire')`,
      [cls2],
    );
    const r = await coordination.put(`/api/contrats/${cls2}/publication`, { publie: true });
    expect(r.status).toBe(422);
    expect(r.body.detail).toBe('Publication impossible : ARS Pays de la Loire n’a pas encore confirmé être l’ARS de ce contrat.');
    expect(r.body.erreurs).toEqual([{ champ: 'publie', message: r.body.detail }]);
    expect(await publies()).not.toContain(cls2);
  });

  it('publier et retirer sont tracés', async () => {
    const h = (await coordination.get(`/api/contrats/${cls1}/historique?parPage=50`)).body.elements;
    expect(
      h
        .filter((e: any) => e.contexte?.phrase)
        .map((e: any) => `${e.acteurLibelle} ${e.contexte.phrase}`)
        .slice(0, 2),
    ).toEqual([
      'Marie Dupont a publié le contrat « Contrat local de santé du Pays de Redon-Bretagne Sud » : sa page publique et ses données ouvertes sont visibles de tous',
      'Marie Dupont a retiré la publication du contrat « Contrat local de santé du Pays de Redon-Bretagne Sud » : il n’est plus visible du public',
    ]);
  });
});
