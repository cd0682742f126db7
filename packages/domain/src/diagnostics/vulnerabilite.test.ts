import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indiceVulnerabilite, ordreVulnerabilite, texteCouvertureCriteres } from './vulnerabilite';

describe('indice de vulnérabilité', () => {
  const territoires = ['a', 'b', 'c', 'd'];
  const valeurs = new Map([
    [
      'pauvrete',
      new Map([
        ['a', 10],
        ['b', 20],
        ['c', 15],
        ['d', 30],
      ]),
    ],
    [
      'densite_mg',
      new Map([
        ['a', 9],
        ['b', 6],
        ['c', 8],
        ['d', 5],
      ]),
    ],
  ]);

  it('classe les EPCI, le plus vulnérable en premier', () => {
    const r = indiceVulnerabilite(
      territoires,
      [
        { indicateur: 'pauvrete', polarite: 'defavorable', poids: 1 },
        { indicateur: 'densite_mg', polarite: 'favorable', poids: 1 },
      ],
      valeurs,
    );
    expect(r.map((s) => s.territoire)).toEqual(['d', 'b', 'c', 'a']);
    expect(r[0].rang).toBe(1);
  });

  it('ne change pas de classement quand on change l’unité d’un indicateur (propriété)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (echelle, decalage) => {
          const transforme = new Map([...valeurs].map(([k, m]) => [k, new Map([...m].map(([t, v]) => [t, v * echelle + decalage]))]));
          const criteres = [
            { indicateur: 'pauvrete', polarite: 'defavorable' as const, poids: 2 },
            { indicateur: 'densite_mg', polarite: 'favorable' as const, poids: 1 },
          ];
          expect(indiceVulnerabilite(territoires, criteres, transforme).map((s) => s.territoire)).toEqual(
            indiceVulnerabilite(territoires, criteres, valeurs).map((s) => s.territoire),
          );
        },
      ),
    );
  });

  it('note un territoire sur les critères renseignés et laisse sans rang celui qui n’en a aucun', () => {
    const r = indiceVulnerabilite([...territoires, 'e'], [{ indicateur: 'pauvrete', polarite: 'defavorable', poids: 1 }], valeurs);
    expect(r.at(-1)).toMatchObject({ territoire: 'e', score: null, rang: null, criteresRenseignes: 0 });
  });

  it('ne classe jamais un territoire partiellement renseigné comme s’il était complet : il vient après, sans rang, avec sa couverture', () => {
    // 'e' has only the poverty rate, and the worst of all: scored on it alone it would come first.
    const avecE = new Map([...valeurs].map(([k, m]) => [k, new Map(m)]));
    avecE.get('pauvrete')!.set('e', 60);
    const criteres = [
      { indicateur: 'pauvrete', polarite: 'defavorable' as const, poids: 1 },
      { indicateur: 'densite_mg', polarite: 'favorable' as const, poids: 1 },
    ];
    const r = indiceVulnerabilite([...territoires, 'e'], criteres, avecE);
    expect(r.filter((s) => s.rang !== null).map((s) => s.territoire)).toEqual(['d', 'b', 'c', 'a']);
    expect(r[0]).toMatchObject({ territoire: 'd', rang: 1, complet: true, criteresRenseignes: 2, criteresRetenus: 2 });
    expect(r.at(-1)).toMatchObject({ territoire: 'e', rang: null, score: null, complet: false, criteresRenseignes: 1, criteresRetenus: 2 });
    expect(r.at(-1)!.scorePartiel).toBeGreaterThan(0);
    expect(texteCouvertureCriteres(1, 2)).toBe('1 critère sur 2');
    expect(texteCouvertureCriteres(2, 2)).toBe('2 critères sur 2');
  });

  it('donne un ordre que toute liste de vulnérabilité peut reprendre : l’indice le respecte, quels que soient les territoires retenus (propriété)', () => {
    const criteres = [
      { indicateur: 'pauvrete', polarite: 'defavorable' as const, poids: 1 },
      { indicateur: 'densite_mg', polarite: 'favorable' as const, poids: 1 },
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(fc.integer({ min: 0, max: 100 })), fc.option(fc.integer({ min: 0, max: 20 }))), {
          minLength: 1,
          maxLength: 12,
        }),
        (lignes) => {
          const noms = lignes.map((_, i) => `t${String(i).padStart(2, '0')}`);
          const v = new Map([
            ['pauvrete', new Map<string, number>()],
            ['densite_mg', new Map<string, number>()],
          ]);
          lignes.forEach(([p, d], i) => {
            if (p !== null) v.get('pauvrete')!.set(noms[i], p);
            if (d !== null) v.get('densite_mg')!.set(noms[i], d);
          });
          const r = indiceVulnerabilite(noms, criteres, v);
          // Another list (the portfolio's uncovered EPCIs) sorted by the same order keeps the index's order.
          const reprise = [...r].reverse().sort((a, b) => ordreVulnerabilite(a, b) || a.territoire.localeCompare(b.territoire));
          expect(reprise.map((s) => s.territoire)).toEqual(r.map((s) => s.territoire));
        },
      ),
    );
    expect(
      ordreVulnerabilite({ rang: 3, criteresRenseignes: 2, scorePartiel: null }, { rang: null, criteresRenseignes: 1, scorePartiel: 9 }),
    ).toBeLessThan(0);
    expect(
      ordreVulnerabilite(
        { rang: null, criteresRenseignes: 0, scorePartiel: null },
        { rang: null, criteresRenseignes: 1, scorePartiel: -2 },
      ),
    ).toBeGreaterThan(0);
  });
});
