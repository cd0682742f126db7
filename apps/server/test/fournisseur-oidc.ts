import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { CLIENTS_DE_TEST, envFournisseursDeTest, secretDeTest } from './fournisseur-oidc-env';

/**
 * A real OpenID provider in the test process (oidc-provider, the certified implementation), on a real port: what
 * ProConnect and Pro Santé Connect do, at the level of the protocol. Two clients, one per Maillage provider; the
 * ProConnect one gets its userinfo signed (RS256) as ProConnect does. The person who « logs in » at the provider is
 * the one the test names (`seConnecteraComme`), with the claims the test gives; the login page is skipped.
 */

export interface PersonneOidc {
  email?: string;
  email_verified?: boolean;
}

export interface FournisseurDeTest {
  issuer: string;
  /** MAILLAGE_OIDC_* variables for the server under test. */
  env: Record<string, string>;
  personnes: Map<string, PersonneOidc>;
  seConnecteraComme(sub: string): void;
  /** Seconds of validity of the next ID tokens; negative gives tokens already expired. */
  dureeIdToken: number;
  fermer(): Promise<void>;
}

export async function demarrerFournisseurOidc(publicUrl: string, port = 0): Promise<FournisseurDeTest> {
  let courant = '';
  const personnes = new Map<string, PersonneOidc>();
  const etat = { dureeIdToken: 3600 };
  let gestionnaire: http.RequestListener = (_req, res) => res.end();
  const serveur = http.createServer((req, res) => gestionnaire(req, res));
  await new Promise<void>((resolve) => serveur.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
  const cle = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const clients = CLIENTS_DE_TEST.map((c) => ({
    client_id: c.id,
    client_secret: secretDeTest(c.id),
    redirect_uris: [`${publicUrl}/api/auth/oidc/${c.fournisseur}/retour`],
    post_logout_redirect_uris: [`${publicUrl}/connexion`],
    token_endpoint_auth_method: 'client_secret_post' as const,
    grant_types: ['authorization_code'],
    response_types: ['code' as const],
    ...(c.signe ? { userinfo_signed_response_alg: 'RS256' as const } : {}),
  }));
  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [{ ...cle, use: 'sig', alg: 'RS256', kid: 'test' } as never] },
    cookies: { keys: ['cle-des-cookies-du-fournisseur-de-test'] },
    scopes: ['openid', 'email'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...personnes.get(sub) }) }),
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // The default page loads a web font from the Internet: a bare page instead (the tests run offline).
        logoutSource: (ctx, form) => {
          ctx.body = `<!DOCTYPE html><html lang="fr"><head><title>Déconnexion</title></head><body>${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Se déconnecter</button></body></html>`;
        },
      },
    },
    pkce: { required: () => true, methods: ['S256'] },
    ttl: { IdToken: () => etat.dureeIdToken },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  const rappel = provider.callback();
  gestionnaire = (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return rappel(req, res);
    // The person « types their password »: logged in and consenting at once.
    (async () => {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: courant, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: courant }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((e) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  };
  return {
    issuer,
    env: envFournisseursDeTest(issuer),
    personnes,
    seConnecteraComme: (sub) => {
      courant = sub;
    },
    get dureeIdToken() {
      return etat.dureeIdToken;
    },
    set dureeIdToken(s: number) {
      etat.dureeIdToken = s;
    },
    fermer: () => new Promise<void>((r) => serveur.close(() => r())),
  };
}

/** A browser's cookies for one site, from Set-Cookie headers (no path or domain rules: one site per jar). */
export class Biscuits {
  readonly valeurs = new Map<string, string>();
  lire(reponse: Response) {
    for (const c of reponse.headers.getSetCookie()) {
      const [paire, ...attributs] = c.split(';');
      const [nom, ...v] = paire!.split('=');
      const efface = attributs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (efface) this.valeurs.delete(nom!.trim());
      else this.valeurs.set(nom!.trim(), v.join('='));
    }
  }
  get entete() {
    return [...this.valeurs].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

async function aller(url: string, biscuits: Biscuits) {
  const r = await fetch(url, { redirect: 'manual', headers: { cookie: biscuits.entete } });
  biscuits.lire(r);
  return r;
}

/**
 * A browser starting a login at Maillage: follows the redirections through the provider until the provider sends it
 * back to Maillage's redirect_uri (not followed: the test decides what to send there). Returns that return URL, on
 * the server under test, and the browser's cookies for Maillage.
 */
export async function allerChezLeFournisseur(urlMaillage: string, publicUrl: string, fournisseur: string, retour?: string) {
  const maillage = new Biscuits();
  const fournisseurBiscuits = new Biscuits();
  const depart = await aller(
    `${urlMaillage}/api/auth/oidc/${fournisseur}/connexion${retour ? `?retour=${encodeURIComponent(retour)}` : ''}`,
    maillage,
  );
  if (depart.status !== 302) throw new Error(`Connexion : ${depart.status} ${await depart.text()}`);
  let location = depart.headers.get('location')!;
  const autorisation = new URL(location);
  for (let i = 0; i < 10 && !location.startsWith(publicUrl); i++) {
    const r = await aller(location, fournisseurBiscuits);
    if (r.status < 300 || r.status >= 400) throw new Error(`Fournisseur : ${r.status} ${await r.text()}`);
    location = new URL(r.headers.get('location')!, location).href;
  }
  return { autorisation, retour: location.replace(publicUrl, urlMaillage), maillage };
}

/** The browser arriving at Maillage's redirect_uri with its cookies. */
export async function revenir(url: string, biscuits: Biscuits) {
  return aller(url, biscuits);
}
