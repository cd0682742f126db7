import { deconnexionOidcVue, fournisseursOidcVue } from '@maillage/domain/api';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { effacerCookieSession, poserCookieSession } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { DUREE_SESSION_HEURES } from './auth.service';
import * as oidc from './oidc.service';

/** The browser's half of a pending login: the state, which the return must carry (decision 0036). */
const COOKIE_ETAT = 'maillage_oidc';
const CHEMIN_COOKIE = '/api/auth/oidc/';

const fournisseurParam = z.object({ fournisseur: z.string().max(60).describe('proconnect ou prosanteconnect') });
const redirection = z.null().describe('Redirection (en-tête Location)');

/** The web page that explains a refusal in French (apps/web, features/auth). */
const pageRefus = (fournisseur: string, motif: string) =>
  `/connexion/refusee?fournisseur=${encodeURIComponent(fournisseur)}&motif=${encodeURIComponent(motif)}`;

const rediriger = (reponse: FastifyReply, url: string) =>
  reponse.code(302).header('location', url).header('cache-control', 'no-store').send(null);

export function routesOidc(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const securise = ctx.config.secureCookies;

  r.get('/api/auth/oidc/fournisseurs', {
    schema: {
      tags: ['Authentification'],
      summary: 'Fournisseurs d’identité activés (ProConnect, Pro Santé Connect)',
      description:
        'Ceux que la configuration active (variables MAILLAGE_OIDC_*) ; liste vide sinon. La page de connexion n’affiche que leurs boutons.',
      security: [],
      response: { 200: fournisseursOidcVue },
    },
    handler: () => oidc.fournisseursActifs(ctx),
  });

  r.get('/api/auth/oidc/:fournisseur/connexion', {
    schema: {
      tags: ['Authentification'],
      summary: 'Se connecter avec ProConnect ou Pro Santé Connect (redirection)',
      description:
        'Redirige (302) vers le fournisseur : code d’autorisation avec PKCE, `state` et `nonce` neufs, gardés en base dix minutes ; ' +
        'le `state` est aussi posé dans un cookie httpOnly. `retour` : page de Maillage où revenir après la connexion. ' +
        '404 si le fournisseur est inconnu ou non activé ; fournisseur injoignable : redirection vers la page qui l’explique.',
      security: [],
      params: fournisseurParam,
      querystring: z.object({ retour: z.string().max(2000).optional() }),
      response: { 302: redirection, 400: probleme, 404: probleme },
    },
    handler: async (req, reponse) => {
      const depart = await oidc.commencerConnexion(ctx, req.params.fournisseur, req.query.retour);
      if (depart.type === 'refus') return rediriger(reponse, pageRefus(req.params.fournisseur, depart.motif));
      reponse.setCookie(COOKIE_ETAT, depart.etat, {
        path: CHEMIN_COOKIE,
        httpOnly: true,
        // Lax: the provider sends the browser back by a top-level GET, which carries it.
        sameSite: 'lax',
        secure: securise,
        maxAge: oidc.DUREE_DEMANDE_MINUTES * 60,
      });
      return rediriger(reponse, depart.url);
    },
  });

  r.get('/api/auth/oidc/:fournisseur/retour', {
    schema: {
      tags: ['Authentification'],
      summary: 'Retour du fournisseur d’identité (redirect_uri)',
      description:
        'Adresse à déclarer chez le fournisseur. Vérifie que le `state` est celui du navigateur et d’une connexion en cours (une seule fois), ' +
        'échange le code (PKCE), valide le jeton d’identité (signature, émetteur, audience, expiration, nonce), puis retrouve le compte ' +
        'par le `sub` du fournisseur, ou le relie une fois au compte de la même adresse e-mail vérifiée. Succès : cookie de session ' +
        '(la même session qu’après un mot de passe) et redirection vers la page demandée ; refus : redirection vers ' +
        '/connexion/refusee?motif=…, qui dit en français quoi faire.',
      security: [],
      params: fournisseurParam,
      querystring: z.object({
        code: z.string().max(4000).optional(),
        state: z.string().max(400).optional(),
        iss: z.string().max(2000).optional(),
        error: z.string().max(400).optional(),
        error_description: z.string().max(2000).optional(),
      }),
      response: { 302: redirection, 400: probleme, 404: probleme },
    },
    handler: async (req, reponse) => {
      const arrivee = await oidc.terminerConnexion(ctx, req.params.fournisseur, req.url, req.cookies[COOKIE_ETAT], {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reponse.clearCookie(COOKIE_ETAT, { path: CHEMIN_COOKIE });
      if (arrivee.type === 'refus') return rediriger(reponse, pageRefus(req.params.fournisseur, arrivee.motif));
      poserCookieSession(reponse, arrivee.jeton, { securise, dureeHeures: DUREE_SESSION_HEURES });
      return rediriger(reponse, arrivee.retour);
    },
  });

  r.post('/api/auth/oidc/deconnexion', {
    schema: {
      tags: ['Authentification'],
      summary: 'Se déconnecter, aussi chez le fournisseur d’identité',
      description:
        'Ferme la session comme POST /api/auth/logout. Pour une session ouverte par ProConnect ou Pro Santé Connect, `redirection` ' +
        'est la page de déconnexion du fournisseur (end_session_endpoint, avec id_token_hint), d’où le navigateur revient à /connexion.',
      response: { 200: deconnexionOidcVue, 401: probleme, 403: probleme },
    },
    handler: async (req, reponse) => {
      const a = req.authentification;
      const url = a?.sessionId ? await oidc.seDeconnecterOidc(ctx, a.utilisateur, a.sessionId) : null;
      effacerCookieSession(reponse);
      return { redirection: url };
    },
  });
}
