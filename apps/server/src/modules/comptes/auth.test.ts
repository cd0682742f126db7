import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
});
afterAll(() => serveur.fermer());

describe('connexion et session', () => {
  it('connecte, pose un cookie httpOnly et renvoie le jeton CSRF', async () => {
    const client = serveur.client();
    const r = await client.post('/api/auth/login', { email: 'ADMIN@demo.maillage.fr ', password: 'maillage-demo-2026' });
    expect(r.status).toBe(200);
    expect(r.body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(r.body.roles).toEqual([{ role: 'admin' }]);
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith('maillage_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // Only the token's hash is stored.
    const jeton = decodeURIComponent(client.cookie!.split('=')[1]);
    const { rows } = await serveur.ctx.db.query(`select count(*) n from sessions where token_hash = sha256(convert_to($1, 'UTF8'))`, [
      jeton,
    ]);
    expect(rows[0].n).toBe(1);
    const { rows: enClair } = await serveur.ctx.db.query(
      `select count(*) n from sessions where encode(token_hash, 'escape') like '%' || $1 || '%'`,
      [jeton],
    );
    expect(enClair[0].n).toBe(0);

    const session = await client.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.utilisateur.email).toBe(DEMO.admin);
    expect(session.body.csrfToken).toBe(r.body.csrfToken);
  });

  it('donne l’organisation et les rôles de l’utilisateur', async () => {
    const client = serveur.client();
    const r = await client.connecter(DEMO.cpam);
    expect(r.body.organisation).toMatchObject({ nom: 'CPAM d’Ille-et-Vilaine', type: 'cpam' });
    expect(r.body.roles).toEqual([
      { role: 'referent_organisation', organisationId: r.body.organisation.id, organisationNom: 'CPAM d’Ille-et-Vilaine' },
    ]);
  });

  it('répond 401 sans session', async () => {
    const r = await serveur.client().get('/api/auth/session');
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });

  it('répond la même chose à un mauvais mot de passe, que le compte existe ou non', async () => {
    const existe = await serveur.client().post('/api/auth/login', { email: DEMO.lecteur, password: 'mauvais-mot-de-passe' });
    const inconnu = await serveur
      .client()
      .post('/api/auth/login', { email: 'personne@demo.maillage.fr', password: 'mauvais-mot-de-passe' });
    expect(existe.status).toBe(401);
    expect(inconnu.status).toBe(401);
    const sansInstance = ({ instance, ...reste }: any) => reste;
    expect(sansInstance(existe.body)).toEqual(sansInstance(inconnu.body));
    expect(existe.body.detail).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('exige le jeton CSRF sur les requêtes qui modifient, avec le cookie', async () => {
    const client = serveur.client();
    await client.connecter(DEMO.coordination);
    const sans = await client.post('/api/moi/jetons', { libelle: 'script' }, { csrf: false });
    expect(sans.status).toBe(403);
    expect(sans.body.detail).toMatch(/X-CSRF-Token/);
    const faux = await fetch(`${serveur.url}/api/moi/jetons`, {
      method: 'POST',
      headers: { cookie: client.cookie!, 'x-csrf-token': 'faux', 'content-type': 'application/json' },
      body: JSON.stringify({ libelle: 'script' }),
    });
    expect(faux.status).toBe(403);
    const avec = await client.post('/api/moi/jetons', { libelle: 'script' });
    expect(avec.status).toBe(201);
  });

  it('ferme la session à la déconnexion', async () => {
    const client = serveur.client();
    await client.connecter(DEMO.lecteur);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(401);
    const { rows } = await serveur.ctx.db.query(
      `select action from audit_evenements where entite_type = 'session' order by id desc limit 2`,
    );
    expect(rows.map((r) => r.action)).toEqual(['deconnexion', 'connexion']);
  });

  it('ralentit les tentatives de connexion (le détail est dans frein.test.ts)', async () => {
    const client = serveur.client();
    const email = 'membre@demo.maillage.fr';
    for (let i = 0; i < 5; i++) expect((await client.post('/api/auth/login', { email, password: `essai-${i}` })).status).toBe(401);
    const freine = await client.post('/api/auth/login', { email, password: 'maillage-demo-2026' });
    expect(freine.status).toBe(429);
    expect(freine.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(freine.body.detail).toMatch(/Trop de tentatives/);
  });
});

describe('jetons d’API personnels', () => {
  it('authentifient un script sans CSRF, jusqu’à leur révocation', async () => {
    const navigateur = serveur.client();
    await navigateur.connecter(DEMO.admin);
    const cree = await navigateur.post('/api/moi/jetons', { libelle: 'Export nocturne' });
    expect(cree.status).toBe(201);
    expect(cree.body.jeton).toMatch(/^mlg_/);

    const script = serveur.client();
    script.bearer = cree.body.jeton;
    const session = await script.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.csrfToken).toBeNull();
    const organisation = await script.post('/api/organisations', { nom: 'Mairie de Redon', type: 'commune' });
    expect(organisation.status).toBe(201);

    const liste = await navigateur.get('/api/moi/jetons');
    expect(liste.body.map((j: any) => j.libelle)).toContain('Export nocturne');
    expect(JSON.stringify(liste.body)).not.toContain(cree.body.jeton);

    expect((await navigateur.delete(`/api/moi/jetons/${cree.body.id}`)).status).toBe(204);
    const apres = await script.get('/api/auth/session');
    expect(apres.status).toBe(401);
    expect(apres.body.detail).toMatch(/révoqué/);
  });

  it('refuse un en-tête Authorization mal formé', async () => {
    const r = await fetch(`${serveur.url}/api/auth/session`, { headers: { authorization: 'Basic abc' } });
    expect(r.status).toBe(401);
  });
});

describe('réinitialisation du mot de passe par courriel', () => {
  it('envoie un lien par SMTP, qui change le mot de passe une seule fois, ferme les sessions et révoque les jetons', async () => {
    const ancienneSession = serveur.client();
    await ancienneSession.connecter('pilote@demo.maillage.fr');
    const script = serveur.client();
    script.bearer = (await ancienneSession.post('/api/moi/jetons', { libelle: 'Script du pilote' })).body.jeton;
    expect((await script.get('/api/auth/session')).status).toBe(200);

    const demande = await serveur.client().post('/api/auth/mot-de-passe/demande', { email: 'pilote@demo.maillage.fr' });
    expect(demande.status).toBe(202);
    const inconnu = await serveur.client().post('/api/auth/mot-de-passe/demande', { email: 'inconnu@demo.maillage.fr' });
    expect(inconnu.status).toBe(202);
    expect(inconnu.body).toEqual(demande.body);

    await expect.poll(() => serveur.courriels.filter((c) => c.a === 'pilote@demo.maillage.fr').length).toBe(1);
    expect(serveur.courriels.some((c) => c.a === 'inconnu@demo.maillage.fr')).toBe(false);
    const courriel = serveur.courriels.find((c) => c.a === 'pilote@demo.maillage.fr')!;
    expect(courriel.sujet).toBe('Maillage — réinitialisation de votre mot de passe');
    const lien = courriel.texte.match(/http:\/\/maillage\.test\/reinitialiser-mot-de-passe\?jeton=(\S+)/);
    expect(lien).not.toBeNull();
    const token = decodeURIComponent(lien![1]);

    const trop = await serveur.client().post('/api/auth/mot-de-passe/reinitialisation', { token, password: 'court' });
    expect(trop.status).toBe(400);
    expect(trop.body.erreurs[0]).toEqual({ champ: 'password', message: 'Le mot de passe doit compter au moins 12 caractères' });

    // Trivial or common passwords are refused with the reason, and the link stays usable.
    for (const [faible, raison] of [
      [' '.repeat(12), 'Le mot de passe ne peut pas être fait que d’espaces'],
      ['aaaaaaaaaaaa', /^Mot de passe trop facile à deviner : les caractères répétés/],
      ['123456789012', /^Mot de passe trop facile à deviner : /],
      ['pilotepilote2', /^Mot de passe trop facile à deviner : /],
    ] as const) {
      const refus = await serveur.client().post('/api/auth/mot-de-passe/reinitialisation', { token, password: faible });
      expect(refus.status, faible).toBe(400);
      expect(refus.body.erreurs[0].champ).toBe('password');
      expect(refus.body.erreurs[0].message).toMatch(raison);
    }

    const ok = await serveur.client().post('/api/auth/mot-de-passe/reinitialisation', { token, password: 'un nouveau mot de passe' });
    expect(ok.status).toBe(204);
    expect((await ancienneSession.get('/api/auth/session')).status).toBe(401);
    const revoque = await script.get('/api/auth/session');
    expect(revoque.status).toBe(401);
    expect(revoque.body.detail).toMatch(/révoqué/);
    const { rows } = await serveur.ctx.db.query(
      `select contexte from audit_evenements where action = 'reinitialisation_mot_de_passe' order by id desc limit 1`,
    );
    expect(rows[0].contexte).toEqual({ sessionsFermees: 1, jetonsRevoques: 1, restrictionsLevees: true });
    const encore = await serveur.client().post('/api/auth/mot-de-passe/reinitialisation', { token, password: 'encore un autre mot' });
    expect(encore.status).toBe(400);
    expect(encore.body.detail).toMatch(/invalide, déjà utilisé ou expiré/);

    await serveur.client().connecter('pilote@demo.maillage.fr', 'un nouveau mot de passe');
    const ancien = await serveur.client().post('/api/auth/login', { email: 'pilote@demo.maillage.fr', password: 'maillage-demo-2026' });
    expect(ancien.status).toBe(401);
  });

  it('change son mot de passe en donnant l’ancien, ce qui ferme ses autres sessions', async () => {
    const client = serveur.client();
    await client.connecter('referent.ars@demo.maillage.fr');
    const autre = serveur.client();
    await autre.connecter('referent.ars@demo.maillage.fr');
    const faible = await client.post('/api/moi/mot-de-passe', { ancien: 'maillage-demo-2026', nouveau: '123456789012' });
    expect(faible.status).toBe(400);
    expect(faible.body.erreurs).toEqual([{ champ: 'nouveau', message: expect.stringMatching(/^Mot de passe trop facile à deviner : /) }]);
    // Built on the person's own e-mail: refused by the server, which knows it.
    const personnel = await client.post('/api/moi/mot-de-passe', { ancien: 'maillage-demo-2026', nouveau: 'referent.ars2026' });
    expect(personnel.status).toBe(400);
    expect(personnel.body.erreurs[0]).toMatchObject({
      champ: 'nouveau',
      message: expect.stringMatching(/^Mot de passe trop facile à deviner/),
    });
    const faux = await client.post('/api/moi/mot-de-passe', { ancien: 'pas le bon', nouveau: 'nouveau mot de passe sûr' });
    expect(faux.status).toBe(400);
    expect(faux.body.erreurs).toEqual([{ champ: 'ancien', message: 'Le mot de passe actuel est incorrect' }]);
    const ok = await client.post('/api/moi/mot-de-passe', { ancien: 'maillage-demo-2026', nouveau: 'nouveau mot de passe sûr' });
    expect(ok.status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect((await autre.get('/api/auth/session')).status).toBe(401);
    await serveur.client().connecter('referent.ars@demo.maillage.fr', 'nouveau mot de passe sûr');
  });
});
