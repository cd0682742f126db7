import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConsultationPublique } from '@maillage/domain/api';
import type { Contexte } from '../../platform/contexte';
import { ErreurMetier } from '../../platform/errors';
import { echapper, type ErreursPage, formulaire, habiller, pageMessage, type Saisie } from './page-consultation';
import { consultationOuverte, MERCI, repondre } from './reponses.service';

/**
 * The public consultation page, rendered by the server for everybody (decision 0041, after 0029): GET shows the form,
 * POST (a plain form, application/x-www-form-urlencoded) records the answer through the same service as the API and
 * redirects to the thanks (so that reloading does not send it twice), or shows the form again with the errors.
 */

const GABARIT_MINIMAL =
  '<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title><!--titre--></title></head><body><div id="racine"><!--page--></div></body></html>';

export function pagesConsultation(app: FastifyInstance, ctx: Contexte) {
  // The public pages' template of the web build (DSFR stylesheet and script, no React); without a build, a bare page.
  const gabarit = () => {
    const fichier = path.join(ctx.config.webDist, 'public.html');
    return existsSync(fichier) ? readFileSync(fichier, 'utf8') : GABARIT_MINIMAL;
  };
  const envoyer = (reponse: FastifyReply, statut: number, titre: string, contenu: string) =>
    reponse
      .code(statut)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        gabarit()
          .replace('<!--titre-->', () => echapper(`${titre} — Maillage`))
          .replace('<!--page-->', () => habiller(contenu)),
      );
  const erreurPage = (reponse: FastifyReply, e: unknown) => {
    if (!(e instanceof ErreurMetier)) throw e;
    if (e.statut === 410) return envoyer(reponse, 410, 'Consultation close', pageMessage('Consultation close', e.message, accueil));
    if (e.statut === 429) {
      for (const [k, v] of Object.entries(e.entetes)) reponse.header(k, v);
      return envoyer(reponse, 429, 'Trop de réponses', pageMessage('Trop de réponses', e.message));
    }
    return envoyer(reponse, 404, 'Consultation introuvable', pageMessage('Consultation introuvable', e.message, accueil));
  };

  app.get<{ Params: { id: string }; Querystring: { apercu?: string } }>(
    '/public/consultations/:id',
    { schema: { hide: true } },
    async (req, reponse) => {
      let c: ConsultationPublique;
      try {
        c = req.query.apercu !== undefined ? await apercu(app, req) : await consultationOuverte(ctx, uuidOuVide(req.params.id));
      } catch (e) {
        return erreurPage(reponse, e);
      }
      return envoyer(reponse, 200, c.titre, formulaire(c));
    },
  );

  app.get<{ Params: { id: string } }>('/public/consultations/:id/merci', { schema: { hide: true } }, async (_req, reponse) =>
    envoyer(reponse, 200, 'Merci', pageMessage('Merci pour votre participation', MERCI, accueil)),
  );

  // The form's body parser lives in this plugin only: the API keeps accepting JSON alone.
  app.register(async (formulaires) => {
    formulaires.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 256 * 1024 },
      (_req, corps, fait) => {
        const saisie: Saisie = {};
        for (const [cle, valeur] of new URLSearchParams(corps as string)) saisie[cle] = [...(saisie[cle] ?? []), valeur];
        fait(null, saisie);
      },
    );
    formulaires.post<{ Params: { id: string }; Body: Saisie }>(
      '/public/consultations/:id',
      { schema: { hide: true } },
      async (req, reponse) => {
        const id = uuidOuVide(req.params.id);
        // A JSON body (not what the page sends) is read the same way, as lists of strings.
        const saisie: Saisie = {};
        for (const [cle, v] of Object.entries((req.body ?? {}) as Record<string, unknown>))
          saisie[cle] = (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]).map(String);
        const reponses: Record<string, string[]> = {};
        for (const [cle, valeurs] of Object.entries(saisie))
          if (cle.startsWith('q_')) reponses[cle.slice(2)] = valeurs.filter((v) => v.trim());
        try {
          await repondre(ctx, id, { reponses, code: saisie.code?.[0] ?? null, siteWeb: saisie.site_web?.[0] ?? null }, req.ip);
          return reponse.code(303).header('location', `/public/consultations/${id}/merci`).send();
        } catch (e) {
          if (!(e instanceof ErreurMetier) || (e.statut !== 400 && e.statut !== 409)) return erreurPage(reponse, e);
          const c = await consultationOuverte(ctx, id).catch(() => null);
          if (!c) return erreurPage(reponse, e);
          const erreurs: ErreursPage = new Map();
          for (const x of (e.extra.erreurs as { champ: string; message: string }[] | undefined) ?? []) erreurs.set(x.champ, x.message);
          if (e.statut === 409) erreurs.set('code', e.message);
          const general = erreurs.size ? null : e.message;
          return envoyer(reponse, 400, `Erreur — ${c.titre}`, formulaire(c, saisie, erreurs, general));
        }
      },
    );
  });
}

const accueil = { href: '/public/contrats', libelle: 'Voir les contrats locaux de santé publiés' };

/** A path that is not an id gets the same « introuvable » as an unknown id (and no database error). */
const uuidOuVide = (id: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : '00000000-0000-0000-0000-000000000000';

/** The coordinator's preview of a draft: the API's answer with the caller's session, as the app reads it. */
async function apercu(app: FastifyInstance, req: FastifyRequest<{ Params: { id: string } }>): Promise<ConsultationPublique> {
  const r = await app.inject({
    method: 'GET',
    url: `/api/consultations/${encodeURIComponent(req.params.id)}/apercu`,
    headers: req.headers.cookie ? { cookie: req.headers.cookie } : {},
  });
  if (r.statusCode !== 200)
    throw new ErreurMetier(404, 'Introuvable', 'Cet aperçu n’est visible que par la coordination du contrat, connectée.');
  return r.json();
}
