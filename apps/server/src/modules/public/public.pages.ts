import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COOKIE_SESSION } from '../../platform/auth';

/** What the web app's server build exports (apps/web/src/publique/entree-serveur.tsx). */
interface RenduPublic {
  rendrePagePublique(
    chemin: string,
    donnees:
      | { page: 'liste'; contrats: unknown[] }
      | { page: 'contrat'; id: string; contrat: { intitule: string }; avis?: unknown[]; formulaireAvis?: FormulaireAvisRendu },
  ): { html: string; titre: string };
}

/** A form sent without JavaScript that the API refused: shown again with its values and the errors. */
interface FormulaireAvisRendu {
  detail: string;
  erreurs: { champ: string; message: string }[];
  valeurs: Record<string, string>;
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
  // The opinion form of a public page works without JavaScript; with no server rendering, errors go back to the app.
  brancherFormulaireAvis(app, existsSync(module) && existsSync(gabarit) ? (...a) => rendreContrat(...a) : null);
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
    const html = await rendreContrat(req.params.id, req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
    // An unknown or unpublished contract: the app shows its own "page not found".
    if (html === null) return pageApplication(req, reponse);
    return envoyer(reponse, html);
  });

  /** The public page of a contract with its published opinions, or null when the contract is not public. */
  async function rendreContrat(id: string, recherche = '', formulaireAvis?: FormulaireAvisRendu): Promise<string | null> {
    const cible = encodeURIComponent(id);
    const [r, avis] = await Promise.all([
      app.inject({ method: 'GET', url: `/api/public/contrats/${cible}` }),
      app.inject({ method: 'GET', url: `/api/public/contrats/${cible}/avis` }),
    ]);
    if (r.statusCode !== 200) return null;
    const donnees = { page: 'contrat' as const, id, contrat: r.json(), avis: avis.statusCode === 200 ? avis.json() : [], formulaireAvis };
    return page(`/public/contrats/${id}${recherche}`, donnees);
  }
}

/**
 * POST /public/contrats/:id/avis: the opinion form of the public page, sent by the browser without JavaScript
 * (application/x-www-form-urlencoded). It goes through the public API (same checks, same rate limit, on the visitor's
 * address); accepted, the browser is sent back to the page (303) which thanks; refused, the page comes back with the
 * errors and what was typed (nothing is lost).
 */
function brancherFormulaireAvis(
  app: FastifyInstance,
  rendreContrat: ((id: string, recherche: string, f: FormulaireAvisRendu) => Promise<string | null>) | null,
) {
  app.register(async (portee) => {
    // Only here: the rest of the API takes JSON.
    portee.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, corps, fait) =>
      fait(null, Object.fromEntries(new URLSearchParams(corps as string))),
    );
    portee.post<{ Params: { id: string }; Body: Record<string, string> }>(
      '/public/contrats/:id/avis',
      { schema: { hide: true } },
      async (req, reponse) => {
        const valeurs = typeof req.body === 'object' && req.body ? req.body : {};
        const id = req.params.id;
        const r = await app.inject({
          method: 'POST',
          url: `/api/public/contrats/${encodeURIComponent(id)}/avis`,
          payload: valeurs,
          remoteAddress: req.ip,
        });
        const page = `/public/contrats/${encodeURIComponent(id)}`;
        if (r.statusCode === 202) return reponse.code(303).header('location', `${page}?avis=merci#avis`).send();
        const probleme = r.json() as { detail?: string; erreurs?: FormulaireAvisRendu['erreurs'] };
        if (r.headers['retry-after']) reponse.header('retry-after', r.headers['retry-after']);
        const html =
          rendreContrat && r.statusCode !== 404
            ? await rendreContrat(id, '', {
                detail: probleme.detail ?? 'Votre avis n’a pas pu être envoyé.',
                erreurs: probleme.erreurs ?? [],
                valeurs,
              })
            : null;
        if (html === null) return reponse.code(303).header('location', `${page}?avis=erreur#avis`).send();
        return reponse.code(r.statusCode).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
      },
    );
  });
}
