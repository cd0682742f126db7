import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ZodError } from 'zod';

export interface ErreurChamp {
  champ: string;
  message: string;
}

/** A failure the client should understand: it becomes an RFC 9457 problem with a French detail. */
export class ErreurMetier extends Error {
  constructor(
    readonly statut: number,
    readonly titre: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
    /** Response headers, e.g. Retry-After on a 429. */
    readonly entetes: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const introuvable = (detail: string) => new ErreurMetier(404, 'Ressource introuvable', detail);
export const interdit = (detail = 'Vous n’avez pas les droits nécessaires pour cette action.') =>
  new ErreurMetier(403, 'Action non autorisée', detail);
export const nonAuthentifie = (detail = 'Vous devez être connecté.') => new ErreurMetier(401, 'Authentification requise', detail);
export const conflit = (detail: string, courant?: unknown) =>
  new ErreurMetier(409, 'Conflit de modification', detail, courant === undefined ? {} : { courant });
export const invalide = (detail: string, erreurs: ErreurChamp[] = []) => new ErreurMetier(400, 'Données invalides', detail, { erreurs });

export function erreursDeZod(erreur: ZodError): ErreurChamp[] {
  return erreur.issues.map((i) => ({ champ: i.path.join('.') || '(racine)', message: i.message }));
}

const LIEUX: Record<string, string> = { body: 'corps', querystring: 'paramètres', params: 'chemin', headers: 'en-têtes' };

/** The JSON 404 of the API (and of missing files). */
export function repondreIntrouvable(requete: FastifyRequest, reponse: FastifyReply) {
  const chemin = requete.url.split('?')[0];
  return reponse
    .code(404)
    .type('application/problem+json')
    .send({
      type: 'about:blank',
      title: 'Ressource introuvable',
      status: 404,
      detail: `Aucune route ${requete.method} ${chemin}.`,
      instance: requete.url,
    });
}

/**
 * Where a text cannot be stored: a NUL character (PostgreSQL text refuses it) or a lone UTF-16 surrogate (not
 * Unicode; JSON columns refuse it). Named like any invalid field.
 */
function champsIllisibles(valeur: unknown, chemin: string, trouves: ErreurChamp[]) {
  if (trouves.length >= 20) return;
  if (typeof valeur === 'string') {
    if (valeur.includes('\u0000')) trouves.push({ champ: chemin || '(racine)', message: 'Caractère nul (\\u0000) interdit' });
    else if (!(valeur as string & { isWellFormed(): boolean }).isWellFormed())
      trouves.push({ champ: chemin || '(racine)', message: 'Texte mal formé : caractère Unicode incomplet' });
  } else if (Array.isArray(valeur)) valeur.forEach((v, i) => champsIllisibles(v, chemin ? `${chemin}.${i}` : String(i), trouves));
  else if (valeur && typeof valeur === 'object')
    for (const [cle, v] of Object.entries(valeur)) champsIllisibles(v, chemin ? `${chemin}.${cle}` : cle, trouves);
}

export function installerGestionErreurs(app: FastifyInstance) {
  // Before validation: a NUL character or broken Unicode anywhere in the path, the query or a JSON body is refused.
  app.addHook('preValidation', async (requete) => {
    const trouves: ErreurChamp[] = [];
    champsIllisibles(requete.params, '', trouves);
    champsIllisibles(requete.query, '', trouves);
    if (requete.body && typeof requete.body === 'object' && !Buffer.isBuffer(requete.body)) champsIllisibles(requete.body, '', trouves);
    if (trouves.length) throw invalide(`Données invalides — ${trouves.map((t) => `${t.champ} : ${t.message}`).join(' ; ')}`, trouves);
  });

  app.setErrorHandler((erreur: FastifyError, requete, reponse) => {
    const probleme = (statut: number, titre: string, detail: string, extra: Record<string, unknown> = {}) =>
      reponse
        .code(statut)
        .type('application/problem+json')
        .send({ type: 'about:blank', title: titre, status: statut, detail, instance: requete.url, ...extra });

    if (erreur instanceof ErreurMetier) {
      reponse.headers(erreur.entetes);
      return probleme(erreur.statut, erreur.titre, erreur.message, erreur.extra);
    }
    if (hasZodFastifySchemaValidationErrors(erreur)) {
      const erreurs = erreur.validation.map((v) => ({
        champ: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(racine)',
        message: v.message ?? 'Valeur invalide',
      }));
      const lieu = LIEUX[erreur.validationContext ?? 'body'] ?? 'requête';
      const liste = erreurs.map((e) => `${e.champ} : ${e.message}`).join(' ; ');
      return probleme(400, 'Données invalides', `Données invalides (${lieu}) — ${liste}`, { erreurs });
    }
    if (isResponseSerializationError(erreur)) {
      requete.log.error({ err: erreur, issues: erreur.cause.issues }, 'réponse non conforme au schéma');
      return probleme(500, 'Erreur interne', 'Une erreur interne est survenue. Elle a été journalisée.');
    }
    // The static file server refuses directories (403) and misses files (404): both are just not found.
    if (erreur.statusCode === 403 || erreur.statusCode === 404) return repondreIntrouvable(requete, reponse);
    if (erreur.statusCode === 429) return probleme(429, 'Trop de requêtes', 'Trop de tentatives. Réessayez dans quelques minutes.');
    if (erreur.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return probleme(
        415,
        'Format non pris en charge',
        // A file upload route says so (its schema consumes multipart), the others take JSON.
        (requete.routeOptions?.schema as { consumes?: string[] } | undefined)?.consumes?.includes('multipart/form-data')
          ? 'Envoyez le fichier en multipart/form-data, dans le champ « fichier ».'
          : 'Le contenu doit être envoyé en JSON.',
      );
    if (erreur.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || erreur.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || erreur.statusCode === 400)
      return probleme(400, 'Requête invalide', 'Le corps de la requête n’est pas un JSON valide.');
    if (erreur.statusCode === 413) return probleme(413, 'Contenu trop volumineux', 'Le contenu envoyé est trop volumineux.');
    requete.log.error({ err: erreur }, 'erreur non gérée');
    return probleme(500, 'Erreur interne', 'Une erreur interne est survenue. Elle a été journalisée.');
  });
}
