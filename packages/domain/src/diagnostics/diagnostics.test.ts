import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreger,
  agregerSommes,
  comparer,
  comparerIndicatif,
  sommer,
  texteCouverture,
  texteFigurePartielle,
  type FigurePartielle,
  type ValeurCommune,
} from './agregation';
import { arrondiInferieur } from './bornes';
import { ecrireValeur, lirePeriode, lireNombre, lireTypeTerritoire, lireValeur, normaliserCodeTerritoire, type Valeur } from './valeurs';

describe('lecture des valeurs publiées', () => {
  it('lit les nombres à la française et à l’anglaise', () => {
    expect(lireNombre('6,6')).toBe(6.6);
    expect(lireNombre('1 234,5')).toBe(1234.5);
    expect(lireNombre('1\u00a0234,5')).toBe(1234.5);
    expect(lireNombre('1.234,5')).toBe(1234.5);
    expect(lireNombre('58.392')).toBe(58392);
    expect(lireNombre('76.05')).toBe(76.05);
    expect(lireNombre('12,3 %')).toBe(12.3);
    expect(lireNombre('-4,2')).toBe(-4.2);
    expect(lireNombre('abc')).toBeNull();
    expect(lireNombre('')).toBeNull();
  });

  it('garde une classe d’intervalle telle que publiée', () => {
    expect(lireValeur('[856 à 932[')).toEqual({ nature: 'intervalle', borneInf: 856, borneSup: 932, infIncluse: true, supIncluse: false });
    expect(lireValeur(']10,5 ; 20]')).toEqual({ nature: 'intervalle', borneInf: 10.5, borneSup: 20, infIncluse: false, supIncluse: true });
    expect(ecrireValeur(lireValeur('[856 à 932[') as Valeur)).toBe('[856 à 932[');
    expect(lireValeur('[932 à 856[')).toEqual({ nature: 'invalide', texte: '[932 à 856[' });
  });

  it('laisse le fichier dire si « - » vaut zéro ou secret', () => {
    expect(lireValeur('-', 'secret')).toEqual({ nature: 'masquee' });
    expect(lireValeur('-', 'zero')).toEqual({ nature: 'exacte', valeur: 0 });
    expect(lireValeur('-', 'manquant')).toEqual({ nature: 'manquante' });
    expect(lireValeur('s')).toEqual({ nature: 'masquee' });
    expect(lireValeur('')).toEqual({ nature: 'manquante' });
    expect(lireValeur('n/a')).toEqual({ nature: 'manquante' });
  });

  it('répare les codes INSEE abîmés par les tableurs', () => {
    expect(normaliserCodeTerritoire('commune', '1001')).toBe('01001');
    expect(normaliserCodeTerritoire('commune', 1001)).toBe('01001');
    expect(normaliserCodeTerritoire('commune', '2a004')).toBe('2A004');
    expect(normaliserCodeTerritoire('departement', '1')).toBe('01');
    expect(normaliserCodeTerritoire('commune', '35236.0')).toBe('35236');
    expect(lireTypeTerritoire('pays', 'FRM')).toEqual({ type: 'france_metro', code: 'FRM' });
    expect(lireTypeTerritoire('pays', 'FRA')).toEqual({ type: 'france', code: 'FRA' });
    expect(lireTypeTerritoire('Région', '53')).toEqual({ type: 'region', code: '53' });
    expect(lireTypeTerritoire('canton', '1')).toBeNull();
  });

  it('lit les périodes, années ou plages', () => {
    expect(lirePeriode('2019')).toEqual({ libelle: '2019', debut: 2019, fin: 2019 });
    expect(lirePeriode('2011-2015')).toEqual({ libelle: '2011-2015', debut: 2011, fin: 2015 });
    expect(lirePeriode('2015-2011')).toBeNull();
  });

  it('relit ce qu’elle écrit (propriété)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 99 }), (entier, centiemes) => {
        const valeur = (entier * 100 + Math.sign(entier || 1) * centiemes) / 100;
        const relu = lireValeur(ecrireValeur({ nature: 'exacte', valeur }));
        expect(relu).toEqual({ nature: 'exacte', valeur });
      }),
    );
  });
});

const commune = (code: string, population: number, valeur: Valeur, numerateur?: number, denominateur?: number): ValeurCommune => ({
  code,
  population,
  valeur,
  numerateur,
  denominateur,
});
const exacte = (valeur: number): Valeur => ({ nature: 'exacte', valeur });

// Random communes with values that are exact or intervals, positive populations.
const arbValeur = fc.oneof(
  fc.integer({ min: 0, max: 500 }).map(exacte),
  fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 200 }), fc.boolean(), fc.boolean()).map(
    ([inf, largeur, infIncluse, supIncluse]): Valeur => ({
      nature: 'intervalle',
      borneInf: inf,
      borneSup: inf + largeur,
      infIncluse,
      supIncluse,
    }),
  ),
);
const arbCommunes = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 100_000 }), arbValeur), { minLength: 1, maxLength: 40 })
  .map((l) => l.map(([population, valeur], i) => commune(String(i), population, valeur)));

/** A point inside each published value, as the truth could be. */
function realisation(valeurs: ValeurCommune[], t: number) {
  return valeurs.map((v) =>
    v.valeur.nature === 'exacte'
      ? v.valeur.valeur
      : v.valeur.nature === 'intervalle'
        ? v.valeur.borneInf + t * (v.valeur.borneSup - v.valeur.borneInf)
        : 0,
  );
}

describe('agrégation au périmètre', () => {
  it('additionne les effectifs : 40 médecins généralistes sur les communes de Redon', () => {
    const gp = [
      2,
      '-',
      2,
      '-',
      '-',
      1,
      '-',
      1,
      '-',
      4,
      '-',
      '-',
      '-',
      3,
      '-',
      2,
      4,
      13,
      '-',
      2,
      '-',
      '-',
      1,
      '-',
      '-',
      1,
      '-',
      '-',
      1,
      3,
      '-',
    ];
    const zero = agreger(
      'somme',
      gp.map((v, i) => commune(String(i), 1000, lireValeur(String(v), 'zero') as Valeur)),
    );
    expect(zero).toMatchObject({ nature: 'exacte', valeur: 40 });
    expect(gp.filter((v) => v === '-')).toHaveLength(17);
    const secret = agreger(
      'somme',
      gp.map((v, i) => commune(String(i), 1000, lireValeur(String(v), 'secret') as Valeur)),
    );
    expect(secret).toMatchObject({ nature: 'borne_inferieure', valeur: 40, couverture: { communes: 31, renseignees: 14, masquees: 17 } });
    expect((secret as { raison: string }).raison).toBe(
      'Au moins 40 : 17 communes sur 31 sans valeur publiée (17 sous secret statistique).',
    );
  });

  it('recalcule un taux comme ratio des sommes quand numérateur et dénominateur sont connus', () => {
    const r = agreger('ratio', [commune('a', 1000, exacte(10), 10, 100), commune('b', 3000, exacte(30), 90, 300)], 100);
    expect(r).toMatchObject({ nature: 'exacte', valeur: 25 });
  });

  it('rend un taux indisponible quand une commune est masquée, en le disant', () => {
    const r = agreger('moyenne_ponderee', [commune('a', 1000, exacte(10)), commune('b', 1000, { nature: 'masquee' })]);
    expect(r.nature).toBe('indisponible');
    expect((r as { raison: string }).raison).toBe(
      'Non calculable : 1 commune sur 2 sans valeur publiée (1 sous secret statistique), soit 50 % de la population.',
    );
  });

  it('refuse d’agréger un indicateur non agrégeable', () => {
    expect(agreger('non_agregeable', [commune('a', 1, exacte(1))]).nature).toBe('indisponible');
  });

  it('garde les intervalles : la somme de classes est une classe', () => {
    const r = agreger('somme', [commune('a', 1, lireValeur('[856 à 932[') as Valeur), commune('b', 1, exacte(10))]);
    expect(r).toMatchObject({ nature: 'intervalle', borneInf: 866, borneSup: 942, infIncluse: true, supIncluse: false });
  });

  it('contient toujours la vraie valeur, quelle que soit la réalité dans chaque classe (propriété)', () => {
    fc.assert(
      fc.property(arbCommunes, fc.double({ min: 0, max: 1, noNaN: true }), (communes, t) => {
        const points = realisation(communes, t);
        const somme = agreger('somme', communes);
        const vraieSomme = points.reduce((a, b) => a + b, 0);
        const population = communes.reduce((a, c) => a + c.population, 0);
        const moyenne = agreger('moyenne_ponderee', communes);
        const vraieMoyenne = points.reduce((a, p, i) => a + p * communes[i].population, 0) / population;
        for (const [agregat, vrai] of [
          [somme, vraieSomme],
          [moyenne, vraieMoyenne],
        ] as const) {
          if (agregat.nature === 'exacte') expect(agregat.valeur).toBeCloseTo(vrai, 6);
          else if (agregat.nature === 'intervalle') {
            expect(vrai).toBeGreaterThanOrEqual(agregat.borneInf - 1e-6);
            expect(vrai).toBeLessThanOrEqual(agregat.borneSup + 1e-6);
          } else throw new Error(`nature inattendue ${agregat.nature}`);
        }
      }),
    );
  });

  it('donne une borne inférieure jamais dépassée par la réalité quand des communes sont masquées (propriété)', () => {
    fc.assert(
      fc.property(arbCommunes, fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 10 }), (communes, caches) => {
        const avecSecret = [...communes, ...caches.map((_, i) => commune(`s${i}`, 10, { nature: 'masquee' }))];
        const r = agreger('somme', avecSecret);
        expect(r.nature).toBe('borne_inferieure');
        const minimumReel = realisation(communes, 0).reduce((a, b) => a + b, 0) + caches.reduce((a, b) => a + b, 0);
        expect((r as { valeur: number }).valeur).toBeLessThanOrEqual(minimumReel + 1e-9);
        expect(r.couverture.masquees).toBe(caches.length);
      }),
    );
  });

  it('ne dépend pas de l’ordre des communes et se compose par parties (propriété)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 })), { minLength: 2, maxLength: 30 }),
        (lignes) => {
          const communes = lignes.map(([p, v], i) => commune(String(i), p, exacte(v)));
          const tout = agreger('somme', communes);
          const moitie = Math.floor(communes.length / 2);
          const a = agreger('somme', communes.slice(0, moitie || 1));
          const b = agreger('somme', communes.slice(moitie || 1));
          const inverse = agreger('somme', [...communes].reverse());
          expect(tout).toEqual(inverse);
          if (a.nature === 'exacte' && b.nature === 'exacte' && tout.nature === 'exacte') expect(tout.valeur).toBe(a.valeur + b.valeur);
        },
      ),
    );
  });
});

describe('comparaison à un territoire de référence', () => {
  it('colore l’écart selon la polarité', () => {
    expect(comparer(exacte(6.6), exacte(8.8), 'favorable')).toEqual({ ecart: expect.closeTo(-2.2, 6), sens: 'defavorable' });
    expect(comparer(exacte(12.3), exacte(10.1), 'defavorable').sens).toBe('defavorable');
    expect(comparer(lireValeur('[856 à 932[') as Valeur, exacte(759), 'defavorable')).toEqual({ ecart: null, sens: 'defavorable' });
    expect(comparer(lireValeur('[700 à 800[') as Valeur, exacte(759), 'defavorable')).toEqual({ ecart: null, sens: 'indetermine' });
    expect(comparer(exacte(5), { nature: 'masquee' }, 'defavorable').sens).toBe('indetermine');
  });
});

describe('agrégation depuis des sommes', () => {
  // What SQL_SOMMES_PAR_PERIODE computes on the server, for a small perimeter written by hand.
  const communes: ValeurCommune[] = [
    { code: 'a', population: 100, valeur: { nature: 'exacte', valeur: 10 }, numerateur: 1, denominateur: 100 },
    { code: 'b', population: 50, valeur: { nature: 'intervalle', borneInf: 2, borneSup: 4, infIncluse: true, supIncluse: false } },
    { code: 'c', population: 30, valeur: { nature: 'masquee' } },
    { code: 'd', population: 20, valeur: { nature: 'manquante' } },
  ];

  it('résume les communes en comptes et en sommes', () => {
    expect(sommer(communes)).toEqual({
      couverture: { communes: 4, renseignees: 2, masquees: 1, manquantes: 1, partPopulationRenseignee: 0.75 },
      connues: 2,
      populationConnue: 150,
      inf: 12,
      sup: 14,
      infPondere: 1100,
      supPondere: 1200,
      milieuPondere: 1150,
      infIncluse: true,
      supIncluse: false,
      avecTermes: 1,
      numerateur: 1,
      denominateur: 100,
    });
  });

  it('applique les mêmes règles aux sommes qu’aux valeurs', () => {
    for (const methode of ['somme', 'ratio', 'moyenne_ponderee', 'non_agregeable'] as const)
      for (const perimetre of [communes, communes.slice(0, 2), communes.slice(0, 1), []])
        expect(agregerSommes(methode, sommer(perimetre), 100)).toEqual(agreger(methode, perimetre, 100));
    expect(agregerSommes('somme', sommer(communes))).toMatchObject({ nature: 'borne_inferieure', valeur: 12 });
  });
});

describe('figure partielle : une commune sous secret statistique', () => {
  // 37 communes: 36 with a value, one under secret holding 3 % of the population.
  const trenteSix = Array.from({ length: 36 }, (_, i) => i);
  const avecSecret = (valeur: (i: number) => Valeur, termes?: (i: number) => [number, number]) => [
    ...trenteSix.map((i) => commune(String(i), 1000, valeur(i), ...(termes ? termes(i) : []))),
    commune('secret', 1100, { nature: 'masquee' }),
  ];

  it('donne pour un effectif la somme des communes renseignées comme borne inférieure, avec sa couverture', () => {
    const r = agreger(
      'somme',
      avecSecret(() => exacte(2)),
    );
    expect(r).toMatchObject({
      nature: 'borne_inferieure',
      valeur: 72,
      partielle: { portee: 'au_moins', valeur: { nature: 'exacte', valeur: 72 }, renseignees: 36, communes: 37 },
    });
    const p = (r as { partielle: FigurePartielle }).partielle;
    expect(p.partPopulation).toBeCloseTo(36000 / 37100, 10);
    expect(texteCouverture(p)).toBe('36 communes sur 37, 97 % de la population');
    expect(texteFigurePartielle(p, 0)).toBe('au moins 72');
  });

  it('donne pour un taux le ratio des sommes des communes renseignées, sans jamais en faire la valeur du périmètre', () => {
    const r = agreger(
      'ratio',
      avecSecret(
        () => exacte(10),
        (i) => [i, 100],
      ),
      100,
    );
    expect(r.nature).toBe('indisponible');
    expect(r).not.toHaveProperty('valeur');
    expect(r).toMatchObject({
      partielle: { portee: 'sur_renseignees', valeur: { nature: 'exacte', valeur: 17.5 }, renseignees: 36, communes: 37 },
    });
    expect(texteFigurePartielle((r as { partielle: FigurePartielle }).partielle, 1)).toBe('17,5 sur les communes renseignées');
  });

  it('donne pour une moyenne pondérée sur des classes un intervalle partiel', () => {
    const r = agreger(
      'moyenne_ponderee',
      avecSecret((i) => (i === 0 ? (lireValeur('[856 à 932[') as Valeur) : exacte(900))),
    );
    const p = (r as { partielle: FigurePartielle }).partielle;
    expect(p.valeur).toMatchObject({ nature: 'intervalle', infIncluse: true, supIncluse: false });
    expect(p.valeur.nature === 'intervalle' && p.valeur.borneInf).toBeCloseTo((856 + 35 * 900) / 36, 10);
  });

  it('ne donne pas de figure partielle sans aucune commune renseignée', () => {
    expect(agreger('moyenne_ponderee', [commune('a', 10, { nature: 'masquee' })])).not.toHaveProperty('partielle');
  });

  it('compare à titre indicatif, et pas du tout quand les communes renseignées pèsent moins de 80 % de la population', () => {
    const r = agreger(
      'ratio',
      avecSecret(
        () => exacte(10),
        (i) => [i, 100],
      ),
      100,
    ) as { partielle: FigurePartielle };
    expect(comparerIndicatif(r.partielle, exacte(11), 'defavorable')).toEqual({ ecart: 6.5, sens: 'defavorable', indicatif: true });
    expect(comparerIndicatif({ ...r.partielle, partPopulation: 0.79 }, exacte(11), 'defavorable')).toBeNull();
    // A floor above the comparator is above it whatever the missing communes hold; below, nothing can be said.
    const auMoins: FigurePartielle = { portee: 'au_moins', valeur: exacte(50), renseignees: 36, communes: 37, partPopulation: 0.97 };
    expect(comparerIndicatif(auMoins, exacte(40), 'favorable')).toMatchObject({ sens: 'favorable', indicatif: true });
    expect(comparerIndicatif(auMoins, exacte(60), 'favorable')).toMatchObject({ sens: 'indetermine' });
  });
});

describe('arrondi des bornes inférieures', () => {
  it('arrondit vers le bas à la précision affichée', () => {
    expect(arrondiInferieur(9.5)).toBe(9);
    expect(arrondiInferieur(1249.5)).toBe(1249);
    expect(arrondiInferieur(9.99, 1)).toBe(9.9);
    expect(arrondiInferieur(0.29, 2)).toBe(0.29);
    expect(arrondiInferieur(-0.5)).toBe(-1);
    expect(texteFigurePartielle({ portee: 'au_moins', valeur: exacte(1249.5), renseignees: 1, communes: 2, partPopulation: 0.5 }, 0)).toBe(
      'au moins 1\u00a0249',
    );
    expect(texteCouverture({ renseignees: 1, communes: 2, partPopulation: 0.999 })).toBe('1 commune sur 2, 99 % de la population');
  });

  it('dit « au moins 9,5 » et jamais « au moins 10 » quand la somme connue est 9,5', () => {
    const r = agreger('somme', [commune('a', 1, exacte(9.5)), commune('b', 1, { nature: 'masquee' })]);
    expect((r as { raison: string }).raison).toBe('Au moins 9,5 : 1 commune sur 2 sans valeur publiée (1 sous secret statistique).');
    expect(texteFigurePartielle((r as { partielle: FigurePartielle }).partielle, 0)).toBe('au moins 9');
  });

  it('n’affiche jamais une borne inférieure au-dessus de la somme connue (propriété)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 3 }), (n, decimales) => {
        expect(arrondiInferieur(n, decimales)).toBeLessThanOrEqual(n);
        expect(n - arrondiInferieur(n, decimales)).toBeLessThan(10 ** -decimales + 1e-6);
      }),
    );
  });
});
