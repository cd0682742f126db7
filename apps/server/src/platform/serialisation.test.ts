import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lireConfig } from '../config';
import { compilateurSerialisation } from './serialisation';

const schema = z.object({ id: z.string(), nom: z.string().nullable(), montants: z.array(z.object({ centimes: z.number().int() })) });
const route = { schema, method: 'GET', url: '/api/essai', httpStatus: '200' } as Parameters<ReturnType<typeof compilateurSerialisation>>[0];

describe('écriture des réponses', () => {
  it('n’écrit que les champs du schéma, comme zod, sans le parcourir (production)', () => {
    const ecrire = compilateurSerialisation({ verifier: false })(route);
    const ligne = { id: 'a', nom: null, montants: [{ centimes: 12, secret: 'x' }], passwordHash: 'h' };
    expect(JSON.parse(ecrire(ligne))).toEqual({ id: 'a', nom: null, montants: [{ centimes: 12 }] });
  });

  it('vérifiée (tests, développement) : refuse une réponse hors schéma, comme avant', () => {
    const ecrire = compilateurSerialisation({ verifier: true })(route);
    expect(() => ecrire({ id: 'a', nom: 3, montants: [] })).toThrow();
    expect(JSON.parse(ecrire({ id: 'a', nom: 'b', montants: [], autre: 1 }))).toEqual({ id: 'a', nom: 'b', montants: [] });
  });

  it('vérifiée : échoue si l’écriture rapide diffère de celle de zod', () => {
    // A transform JSON Schema cannot express: zod writes its output, the fast writer the value as given.
    const transforme = z.object({ n: z.string().transform((s) => s.toUpperCase()) });
    const ecrire = compilateurSerialisation({ verifier: true })({ ...route, schema: transforme });
    expect(() => ecrire({ n: 'a' })).toThrow(/différente de zod/);
  });

  it('ne compile l’écriture d’une route qu’à sa première réponse, et une seule fois', () => {
    let lectures = 0;
    const compte = {
      ...route,
      get schema() {
        lectures++;
        return schema;
      },
    };
    const ecrire = compilateurSerialisation({ verifier: false })(compte);
    expect(lectures).toBe(0);
    expect(JSON.parse(ecrire({ id: 'a', nom: null, montants: [] }))).toEqual({ id: 'a', nom: null, montants: [] });
    const apresPremiere = lectures;
    expect(apresPremiere).toBeGreaterThan(0);
    expect(JSON.parse(ecrire({ id: 'b', nom: 'c', montants: [] }))).toEqual({ id: 'b', nom: 'c', montants: [] });
    expect(lectures).toBe(apresPremiere);
  });

  it('vérifie sous NODE_ENV test ou development, pas en production', () => {
    expect(lireConfig({ NODE_ENV: 'test' }).verifierReponses).toBe(true);
    expect(lireConfig({ NODE_ENV: 'production' }).verifierReponses).toBe(false);
    expect(lireConfig({ NODE_ENV: 'production', MAILLAGE_VERIFIER_REPONSES: '1' }).verifierReponses).toBe(true);
  });
});
