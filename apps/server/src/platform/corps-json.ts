import type { FastifyInstance } from 'fastify';
import { ErreurMetier } from './errors';

/** Deeper than any form of ours (a few levels); far below what recursive code (validation, JSON.stringify) survives. */
export const PROFONDEUR_JSON_MAX = 64;

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON body as received, before parsing: what the idempotency check fingerprints. */
    corpsJsonBrut: string | null;
  }
}

export class JsonTropImbrique extends ErreurMetier {
  constructor(quoi = 'Corps JSON') {
    super(400, 'Requête invalide', `${quoi} trop imbriqué (profondeur maximale ${PROFONDEUR_JSON_MAX}).`);
  }
}

/**
 * How deeply arrays and objects nest in a JSON text, read without parsing it (brackets inside strings do not count).
 * Stops as soon as `max` is passed: a hostile text costs one pass over its first bytes, no recursion, no tree.
 */
export function profondeurJson(texte: string, max = Number.POSITIVE_INFINITY): number {
  let profondeur = 0;
  let plusProfond = 0;
  let dansChaine = false;
  for (let i = 0; i < texte.length; i++) {
    const c = texte.charCodeAt(i);
    if (dansChaine) {
      if (c === 0x5c)
        i++; // "\": the next character is escaped
      else if (c === 0x22) dansChaine = false;
    } else if (c === 0x22) dansChaine = true;
    else if (c === 0x5b || c === 0x7b) {
      profondeur++;
      if (profondeur > plusProfond) {
        plusProfond = profondeur;
        if (plusProfond > max) return plusProfond;
      }
    } else if (c === 0x5d || c === 0x7d) profondeur--;
  }
  return plusProfond;
}

/**
 * JSON.parse for a text from outside (a form field, a spreadsheet cell): JSON.parse itself copes with any depth, but
 * the code that walks the result afterwards (validation, JSON.stringify into PostgreSQL) recurses and would overflow
 * the stack. Throws JsonTropImbrique past the limit, SyntaxError for what is not JSON.
 */
export function lireJson(texte: string, quoi?: string): unknown {
  if (profondeurJson(texte, PROFONDEUR_JSON_MAX) > PROFONDEUR_JSON_MAX) throw new JsonTropImbrique(quoi);
  return JSON.parse(texte);
}

/**
 * The JSON body parser of the API: Fastify's own (same protection against prototype poisoning, same errors), after a
 * depth check. A body nested 100 000 levels deep parsed fine, then overflowed the stack in the checks that walk it: 500.
 */
export function installerCorpsJson(app: FastifyInstance) {
  const analyseur = app.getDefaultJsonParser('error', 'error');
  app.decorateRequest('corpsJsonBrut', null);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (requete, corps, fait) => {
    const texte = corps as string;
    if (profondeurJson(texte, PROFONDEUR_JSON_MAX) > PROFONDEUR_JSON_MAX) return fait(new JsonTropImbrique(), undefined);
    requete.corpsJsonBrut = texte;
    analyseur(requete, texte, fait);
  });
}
