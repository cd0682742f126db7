import type { FournisseurOidc } from '@maillage/domain';
import * as client from 'openid-client';
import type { FournisseurOidcConfig } from '../../config-oidc';

/**
 * The OpenID Connect protocol, done by openid-client (decision 0036): discovery, PKCE, state and nonce checks, ID token
 * validation (signature, issuer, audience, expiry, nonce), userinfo, end-session URL. This file only keeps one
 * discovered configuration per provider and says which claims Maillage reads.
 */

const configurations = new Map<string, Promise<client.Configuration>>();

/** Discovered once per process and provider; a failed discovery is retried at the next login. */
export function configurationDe(fournisseur: FournisseurOidc, c: FournisseurOidcConfig): Promise<client.Configuration> {
  const cle = `${fournisseur} ${c.issuer} ${c.clientId}`;
  let configuration = configurations.get(cle);
  if (!configuration) {
    const url = new URL(c.issuer);
    const local = url.protocol === 'http:'; // config-oidc.ts admits http on localhost only (a provider started by the tests)
    configuration = client.discovery(
      url,
      c.clientId,
      { client_secret: c.clientSecret, ...(c.userinfoAlg ? { userinfo_signed_response_alg: c.userinfoAlg } : {}) },
      client.ClientSecretPost(c.clientSecret),
      { execute: local ? [client.allowInsecureRequests] : [], timeout: 10 },
    );
    configuration.catch(() => configurations.delete(cle));
    configurations.set(cle, configuration);
  }
  return configuration;
}

export interface Autorisation {
  url: string;
  etat: string;
  nonce: string;
  verificateurPkce: string;
}

export async function preparerAutorisation(
  configuration: client.Configuration,
  c: FournisseurOidcConfig,
  redirectUri: string,
): Promise<Autorisation> {
  const verificateurPkce = client.randomPKCECodeVerifier();
  const etat = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: c.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(verificateurPkce),
    code_challenge_method: 'S256',
    state: etat,
    nonce,
    ...(c.acrValues ? { acr_values: c.acrValues } : {}),
  });
  return { url: url.href, etat, nonce, verificateurPkce };
}

export interface IdentiteRecue {
  sub: string;
  email: string | null;
  emailVerifie: boolean;
  idToken: string;
}

/** The provider refused or the user cancelled (an `error` in the return), as opposed to an answer that fails our checks. */
export const estRefusDuFournisseur = (e: unknown) => e instanceof client.AuthorizationResponseError;

/**
 * Exchanges the code (with the PKCE verifier) and validates the ID token; then reads the e-mail from userinfo (where
 * ProConnect and Pro Santé Connect put it), checked to be about the same `sub`. Throws on any failed check.
 */
export async function recevoirIdentite(
  configuration: client.Configuration,
  urlRetour: URL,
  attendu: { etat: string; nonce: string; verificateurPkce: string },
): Promise<IdentiteRecue> {
  const jetons = await client.authorizationCodeGrant(configuration, urlRetour, {
    pkceCodeVerifier: attendu.verificateurPkce,
    expectedState: attendu.etat,
    expectedNonce: attendu.nonce,
    idTokenExpected: true,
  });
  const revendications = jetons.claims()!;
  const infos = await client.fetchUserInfo(configuration, jetons.access_token, revendications.sub);
  const email = infos.email ?? revendications.email;
  const verifie = infos.email_verified ?? revendications.email_verified;
  return {
    sub: revendications.sub,
    email: typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : null,
    emailVerifie: verifie === true,
    idToken: jetons.id_token!,
  };
}

/** Where to send the browser to end the session at the provider too, or null when it offers no end_session_endpoint. */
export function urlFinDeSession(configuration: client.Configuration, idToken: string, retour: string): string | null {
  if (!configuration.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: retour }).href;
}
