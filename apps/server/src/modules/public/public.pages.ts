import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COOKIE_SESSION } from '../../platform/auth';

/** What the web app's server build exports (apps/web/src/publique/entree-serveur.tsx). */
interface RenduPublic {
  rendrePagePublique(
    chemin: string,
    donnees: { page: 'liste'; contrats: unknown[] } | { page: 'contrat'; id: string; contrat: { intitule: string } },
  ): { html: string; titre: string };
}

/** Sessions are read on /api/ requests only: a session cookie (even an expired one) gets the app and its header. */
const avecSession = (req: FastifyRequest) => !!req.cookies[COOKIE_SESSION];

const echapper = (texte: string) => texte.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The public list of contracts and a public contract page, rendered on the server for a visitor without a session
 * (inhabitants and elected officials on their phones, without a session cookie): the HTML carries the page, the browser runs DSFR's script
 * only. A logged-in user, or a build without the server bundle, gets the app as before (`pageApplication`).
 * The data come from the public API itself (`inject`): the same answer, checked by the same schema.
 */
export async function brancherPagesPubliques(
  app: FastifyInstance,
  dossier: string,
  pageApplication: (req: FastifyRequest, reponse: FastifyReply) => unknown,
) {
  // A dot directory: react-dsfr's prebuild, which scans apps/web for the DSFR components the app uses, skips it (the
  // bundle carries react-dsfr whole and would put every component's CSS in the app's stylesheet).
  const module = path.join(dossier, '.serveur', 'entree-serveur.js');
  const gabarit = path.join(dossier, 'public.html');
  if (!existsSync(module) || !existsSync(gabarit)) return;
  const rendu = (await import(pathToFileURL(module).href)) as RenduPublic;
  // Read at each request, as index.html is: a rebuild is served without a restart.
  const page = (chemin: string, donnees: Parameters<RenduPublic['rendrePagePublique']>[1]) => {
    const { html, titre } = rendu.rendrePagePublique(chemin, donnees);
    // Replacer functions: a title holding « $& » or « $' » must not splice the template into the page.
    return readFileSync(gabarit, 'utf8')
      .replace('<!--titre-->', () => echapper(titre))
      .replace('<!--page-->', () => html);
  };
  const envoyer = (reponse: FastifyReply, html: string) =>
    reponse.header('cache-control', 'no-cache').header('vary', 'cookie').type('text/html; charset=utf-8').send(html);

  app.get('/public/contrats', { schema: { hide: true } }, async (req, reponse) => {
    if (avecSession(req)) return pageApplication(req, reponse);
    const r = await app.inject({ method: 'GET', url: '/api/public/contrats' });
    if (r.statusCode !== 200) return pageApplication(req, reponse);
    return envoyer(reponse, page('/public/contrats', { page: 'liste', contrats: r.json() }));
  });
  app.get<{ Params: { id: string } }>('/public/contrats/:id', { schema: { hide: true } }, async (req, reponse) => {
    if (avecSession(req)) return pageApplication(req, reponse);
    const r = await app.inject({ method: 'GET', url: `/api/public/contrats/${encodeURIComponent(req.params.id)}` });
    // An unknown or unpublished contract: the app shows its own "page not found".
    if (r.statusCode !== 200) return pageApplication(req, reponse);
    return envoyer(reponse, page(`/public/contrats/${req.params.id}`, { page: 'contrat', id: req.params.id, contrat: r.json() }));
  });
}
