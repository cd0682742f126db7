import type { FastifyInstance } from 'fastify';
import { COOKIE_SESSION } from './auth';

/** Answers that are the same for everyone (open data, the API's description): a cache may keep them. */
const PUBLIQUES = [/^\/api\/public(\/|$)/, /^\/api\/openapi\.json$/, /^\/api\/docs(\/|$)/];

/**
 * `Cache-Control: no-store` on every API answer that may be personal: any answer to a request carrying a session cookie or
 * a token, and every answer outside the public routes. Without it a browser's back button, a shared computer's disk
 * cache or a proxy could keep a contract, a directory or an export after logout.
 */
export function installerCacheApi(app: FastifyInstance) {
  app.addHook('onSend', async (requete, reponse, payload) => {
    const chemin = requete.url.split('?')[0];
    if (!chemin.startsWith('/api/')) return payload;
    const identifie = Boolean(requete.headers.authorization || requete.cookies?.[COOKIE_SESSION]);
    if (identifie || !PUBLIQUES.some((p) => p.test(chemin))) reponse.header('cache-control', 'no-store');
    return payload;
  });
}
