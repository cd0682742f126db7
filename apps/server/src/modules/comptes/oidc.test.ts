import { texteRefusOidc } from '@maillage/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allerChezLeFournisseur, Biscuits, demarrerFournisseurOidc, type FournisseurDeTest, revenir } from '../../../test/fournisseur-oidc';
import { ClientHttp, DEMO, demarrerServeurDeTest, type ServeurDeTest } from '../../../test/harness';

/**
 * OpenID Connect login end to end (issue 19, decision 0036): a real provider (oidc-provider) on a real port, the real
 * server, real HTTP redirections followed as a browser does, the real PostgreSQL.
 */

const PUBLIC = 'http://maillage.test';
let fournisseur: FournisseurDeTest;
let serveur: ServeurDeTest;
let admin: ClientHttp;
let compteur = 0;
const unique = () => `${Date.now().toString(36)}${compteur++}`;

beforeAll(async () => {
  fournisseur = await demarrerFournisseurOidc(PUBLIC);
  serveur = await demarrerServeurDeTest({ env: fournisseur.env });
  admin = serveur.client();
  await admin.connecter(DEMO.admin);
}, 180_000);
afterAll(async () => {
  await serveur?.fermer();
  await fournisseur?.fermer();
});
beforeEach(() => {
  fournisseur.dureeIdToken = 3600;
});

/** A new person at the provider, with a fresh `sub`. */
function personne(claims: { email?: string; email_verified?: boolean }) {
  const sub = `sub-${unique()}`;
  fournisseur.personnes.set(sub, claims);
  return sub;
}

/** The whole login of `sub` through `f`, as a browser does it; answers Maillage's answer at the redirect_uri. */
async function seConnecter(sub: string, f = 'proconnect', retour?: string) {
  fournisseur.seConnecteraComme(sub);
  const parcours = await allerChezLeFournisseur(serveur.url, PUBLIC, f, retour);
  const reponse = await revenir(parcours.retour, parcours.maillage);
  return { ...parcours, reponse, location: reponse.headers.get('location') ?? '' };
}

/** A client holding the session a login gave (null: no session was opened). */
async function clientDe(biscuits: Biscuits) {
  const jeton = biscuits.valeurs.get('maillage_session');
  if (!jeton) return null;
  const client = new ClientHttp(serveur.url);
  client.cookie = `maillage_session=${jeton}`;
  const session = await client.get('/api/auth/session');
  if (session.status !== 200) return null;
  client.csrf = session.body.csrfToken;
  return { client, session: session.body };
}

async function liens(sub: string) {
  const { rows } = await serveur.ctx.db.query(
    `select i.fournisseur, u.email from identites_oidc i join utilisateurs u on u.id = i.utilisateur_id where i.sub = $1`,
    [sub],
  );
  return rows;
}

async function compteInvite() {
  const email = `invitee.${unique()}@exemple.fr`;
  const r = await admin.post('/api/utilisateurs', { email, prenom: 'Inès', nom: 'Invitée', habilitations: [] });
  expect(r.status).toBe(201);
  return email;
}

describe('connexion OpenID Connect', () => {
  it('liste les fournisseurs activés par la configuration, et répond 404 en français pour un autre', async () => {
    const liste = await serveur.client().get('/api/auth/oidc/fournisseurs');
    expect(liste.body).toEqual([
      { id: 'proconnect', libelle: 'ProConnect', connexion: '/api/auth/oidc/proconnect/connexion' },
      { id: 'prosanteconnect', libelle: 'Pro Santé Connect', connexion: '/api/auth/oidc/prosanteconnect/connexion' },
    ]);
    const inconnu = await serveur.client().get('/api/auth/oidc/franceconnect/connexion');
    expect(inconnu.status).toBe(404);
    expect(inconnu.headers.get('content-type')).toContain('application/problem+json');
    expect(inconnu.body.detail).toBe('Fournisseur d’identité inconnu : « franceconnect » (proconnect ou prosanteconnect).');
  });

  it('sans configuration, aucun fournisseur : 404 et liste vide', async () => {
    const nu = await demarrerServeurDeTest({ demo: false });
    try {
      expect((await nu.client().get('/api/auth/oidc/fournisseurs')).body).toEqual([]);
      const r = await nu.client().get('/api/auth/oidc/proconnect/connexion');
      expect(r.status).toBe(404);
      expect(r.body.detail).toBe('La connexion avec ProConnect n’est pas activée sur cette plateforme.');
    } finally {
      await nu.fermer();
    }
  });

  it('une bonne connexion relie le compte invité (e-mail vérifié), ouvre la session habituelle et le trace', async () => {
    const email = await compteInvite();
    const sub = personne({ email: email.toUpperCase(), email_verified: true });
    const r = await seConnecter(sub, 'proconnect', '/contrats?vue=carte');
    // The authorization request: code flow with PKCE (S256), a state and a nonce.
    const p = r.autorisation.searchParams;
    expect([p.get('response_type'), p.get('code_challenge_method'), p.get('client_id')]).toEqual(['code', 'S256', 'maillage-pc']);
    expect(p.get('state')).toMatch(/^[\w-]{30,}$/);
    expect(p.get('nonce')).toMatch(/^[\w-]{30,}$/);
    expect(p.get('redirect_uri')).toBe(`${PUBLIC}/api/auth/oidc/proconnect/retour`);
    expect(r.reponse.status).toBe(302);
    expect(r.location).toBe('/contrats?vue=carte');
    const connecte = await clientDe(r.maillage);
    expect(connecte?.session.utilisateur.email).toBe(email);
    expect(await liens(sub)).toEqual([{ fournisseur: 'proconnect', email }]);
    const { rows } = await serveur.ctx.db.query(
      `select entite_type, action, acteur_libelle, contexte ->> 'phrase' as phrase from audit_evenements
       where acteur_id = (select id from utilisateurs where email = $1) and entite_type in ('identite_oidc', 'session') order by id`,
      [email],
    );
    expect(rows).toEqual([
      { entite_type: 'identite_oidc', action: 'creation', acteur_libelle: 'Inès Invitée', phrase: null },
      { entite_type: 'session', action: 'connexion_oidc', acteur_libelle: 'Inès Invitée', phrase: 'a ouvert une session avec ProConnect' },
    ]);
    // The state cookie served once and is gone.
    expect(r.maillage.valeurs.has('maillage_oidc')).toBe(false);
  });

  it('refuse un state modifié, ou venu sans le cookie du navigateur qui a commencé', async () => {
    const sub = personne({ email: DEMO.pilote, email_verified: true });
    fournisseur.seConnecteraComme(sub);
    const parcours = await allerChezLeFournisseur(serveur.url, PUBLIC, 'proconnect');
    const url = new URL(parcours.retour);
    url.searchParams.set('state', `${url.searchParams.get('state')}x`);
    const modifie = await revenir(url.href, parcours.maillage);
    expect(modifie.status).toBe(302);
    expect(modifie.headers.get('location')).toBe('/connexion/refusee?fournisseur=proconnect&motif=demande-invalide');
    expect(modifie.headers.getSetCookie().some((c) => c.startsWith('maillage_session='))).toBe(false);
    // The right state from another browser (no cookie) is refused too.
    const ailleurs = await revenir(parcours.retour, new Biscuits());
    expect(ailleurs.headers.get('location')).toBe('/connexion/refusee?fournisseur=proconnect&motif=demande-invalide');
    expect(await liens(sub)).toEqual([]);
  });

  it('refuse un code rejoué : le même retour une seconde fois, et l’ancien code dans une nouvelle connexion', async () => {
    const sub = personne({ email: DEMO.lecteur, email_verified: true });
    const premiere = await seConnecter(sub);
    expect(premiere.location).toBe('/');
    // The same return again, with the state cookie it had: the pending login was used.
    const biscuits = new Biscuits();
    biscuits.valeurs.set('maillage_oidc', new URL(premiere.retour).searchParams.get('state')!);
    const rejeu = await revenir(premiere.retour, biscuits);
    expect(rejeu.headers.get('location')).toBe('/connexion/refusee?fournisseur=proconnect&motif=demande-invalide');
    // The old code inside a fresh, valid login: the provider refuses the code, Maillage opens nothing.
    const nouvelle = await allerChezLeFournisseur(serveur.url, PUBLIC, 'proconnect');
    const url = new URL(nouvelle.retour);
    url.searchParams.set('code', new URL(premiere.retour).searchParams.get('code')!);
    const ancienCode = await revenir(url.href, nouvelle.maillage);
    expect(ancienCode.headers.get('location')).toBe('/connexion/refusee?fournisseur=proconnect&motif=reponse-invalide');
    expect(nouvelle.maillage.valeurs.has('maillage_session')).toBe(false);
  });

  it('un sub inconnu sans compte à son adresse arrive sur la page qui dit à qui s’adresser', async () => {
    const sub = personne({ email: `inconnue.${unique()}@exemple.fr`, email_verified: true });
    const r = await seConnecter(sub, 'prosanteconnect');
    expect(r.location).toBe('/connexion/refusee?fournisseur=prosanteconnect&motif=compte-inconnu');
    expect(await clientDe(r.maillage)).toBeNull();
    expect(await liens(sub)).toEqual([]);
    const page = texteRefusOidc('compte-inconnu', 'prosanteconnect');
    expect(page.titre).toBe('Aucun compte Maillage n’est relié à votre identité Pro Santé Connect');
    expect(page.texte).toContain('coordinatrice ou au coordinateur de votre contrat local de santé');
    expect(page.texte).toContain('administrateur Maillage de votre organisation');
  });

  it('refuse un jeton d’identité expiré', async () => {
    const sub = personne({ email: DEMO.coordination, email_verified: true });
    fournisseur.dureeIdToken = -300;
    const r = await seConnecter(sub);
    expect(r.location).toBe('/connexion/refusee?fournisseur=proconnect&motif=reponse-invalide');
    expect(await clientDe(r.maillage)).toBeNull();
    expect(await liens(sub)).toEqual([]);
  });

  it('la seconde connexion passe par le lien, même si l’adresse e-mail a changé chez le fournisseur', async () => {
    const email = await compteInvite();
    const sub = personne({ email, email_verified: true });
    expect((await clientDe((await seConnecter(sub, 'prosanteconnect')).maillage))?.session.utilisateur.email).toBe(email);
    // Now the provider sends the address of another account: the link wins, never the e-mail.
    fournisseur.personnes.set(sub, { email: DEMO.admin, email_verified: true });
    const seconde = await seConnecter(sub, 'prosanteconnect');
    expect((await clientDe(seconde.maillage))?.session.utilisateur.email).toBe(email);
    expect(await liens(sub)).toEqual([{ fournisseur: 'prosanteconnect', email }]);
    // And another identity with this account's address is not linked a second time.
    const autre = personne({ email, email_verified: true });
    expect((await seConnecter(autre, 'prosanteconnect')).location).toBe(
      '/connexion/refusee?fournisseur=prosanteconnect&motif=compte-deja-relie',
    );
  });

  it('ne relie pas une adresse e-mail que le fournisseur ne garantit pas', async () => {
    const email = await compteInvite();
    for (const claims of [{ email, email_verified: false }, { email }]) {
      const sub = personne(claims);
      const r = await seConnecter(sub);
      expect(r.location).toBe('/connexion/refusee?fournisseur=proconnect&motif=email-non-verifie');
      expect(await clientDe(r.maillage)).toBeNull();
      expect(await liens(sub)).toEqual([]);
    }
  });

  it('la déconnexion ferme la session et renvoie vers la déconnexion du fournisseur (id_token_hint)', async () => {
    const sub = personne({ email: DEMO.referentArs, email_verified: true });
    const r = await seConnecter(sub);
    const { client } = (await clientDe(r.maillage))!;
    const sortie = await client.post('/api/auth/oidc/deconnexion');
    expect(sortie.status).toBe(200);
    const url = new URL(sortie.body.redirection);
    expect(url.origin + url.pathname).toBe(`${fournisseur.issuer}/session/end`);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC}/connexion`);
    expect((await client.get('/api/auth/session')).status).toBe(401);
    // The provider accepts it (its confirmation page), which it would not for a bad hint or redirect.
    expect((await fetch(url)).status).toBe(200);
    // A password session has nothing to end elsewhere.
    const motDePasse = serveur.client();
    await motDePasse.connecter(DEMO.lecteur);
    expect((await motDePasse.post('/api/auth/oidc/deconnexion')).body).toEqual({ redirection: null });
    expect((await motDePasse.get('/api/auth/session')).status).toBe(401);
  });
});
