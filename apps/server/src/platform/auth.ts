import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Utilisateur } from './contexte';
import { ErreurMetier, nonAuthentifie } from './errors';

export const COOKIE_SESSION = 'maillage_session';

/**
 * Who made a request. The comptes module fills it (app.ts hands its functions to installerAuthentification) and
 * widens it with what it alone reads (declaration merging in comptes/auth.service.ts): the platform knows no module.
 */
export interface Authentification {
  utilisateur: Utilisateur;
  sessionId: string | null;
  csrfToken: string | null;
}

/** How to recognise a session cookie or an API token: given by the module that owns accounts. */
export interface Authentifiant {
  parSession(jeton: string): Promise<Authentification | null>;
  parJeton(jeton: string): Promise<Authentification | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    utilisateur: Utilisateur | null;
    authentification: Authentification | null;
  }
}

const METHODES_SURES = new Set(['GET', 'HEAD', 'OPTIONS']);
// These routes do not act with the session: logging in again or asking for a reset link needs no CSRF token.
const SANS_SESSION = new Set(['/api/auth/login', '/api/auth/mot-de-passe/demande', '/api/auth/mot-de-passe/reinitialisation']);

/** Constant-time equality of two secrets (a CSRF token, an OpenID Connect state). */
export function egal(a: string, b: string) {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/**
 * Resolves the caller from the session cookie or a personal API token (Authorization: Bearer), then checks
 * the CSRF token on cookie-authenticated requests that change state. Bearer requests carry no ambient
 * credential, so they need no CSRF token.
 */
export async function installerAuthentification(app: FastifyInstance, authentifiant: Authentifiant) {
  await app.register(cookie);
  app.decorateRequest('utilisateur', null);
  app.decorateRequest('authentification', null);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const entete = req.headers.authorization;
    if (entete) {
      const [schema, jeton] = entete.split(' ');
      if (schema?.toLowerCase() !== 'bearer' || !jeton) throw nonAuthentifie('En-tête Authorization attendu : Bearer <jeton>.');
      const auth = await authentifiant.parJeton(jeton);
      if (!auth) throw nonAuthentifie('Jeton d’API inconnu ou révoqué.');
      req.authentification = auth;
      req.utilisateur = auth.utilisateur;
      return;
    }
    const jeton = req.cookies[COOKIE_SESSION];
    if (!jeton) return;
    const auth = await authentifiant.parSession(jeton);
    if (!auth) return; // expired or closed session: the caller is anonymous
    if (!METHODES_SURES.has(req.method) && !SANS_SESSION.has(req.url.split('?')[0])) {
      const envoye = req.headers['x-csrf-token'];
      if (typeof envoye !== 'string' || !egal(envoye, auth.csrfToken!)) {
        throw new ErreurMetier(
          403,
          'Jeton CSRF manquant ou invalide',
          'Cette requête doit porter l’en-tête X-CSRF-Token reçu à la connexion.',
        );
      }
    }
    req.authentification = auth;
    req.utilisateur = auth.utilisateur;
  });
}

/** The cookie lives as long as the session it carries (the comptes module says how long). */
export function poserCookieSession(
  reponse: FastifyReply,
  jeton: string,
  { securise, dureeHeures }: { securise: boolean; dureeHeures: number },
) {
  reponse.setCookie(COOKIE_SESSION, jeton, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: securise,
    maxAge: dureeHeures * 3600,
  });
}

export function effacerCookieSession(reponse: FastifyReply) {
  reponse.clearCookie(COOKIE_SESSION, { path: '/' });
}

export function exigerConnecte(utilisateur: Utilisateur | null): Utilisateur {
  if (!utilisateur) throw nonAuthentifie();
  return utilisateur;
}
