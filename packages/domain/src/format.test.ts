import { describe, expect, it } from 'vitest';
import { formaterDate, formaterMontant, formaterNombre, formaterPeriode, nombreFr, ordinal } from './format';

describe('formats français', () => {
  it('écrit les dates comme on les lit', () => {
    expect(formaterDate('2021-07-01')).toBe('1er juillet 2021');
    expect(formaterDate('2013-01-15')).toBe('15 janvier 2013');
    expect(formaterDate(null)).toBe('');
  });
  it('sépare les milliers par une espace et met une virgule décimale', () => {
    expect(formaterNombre(12345.6, 1)).toBe('12\u00a0345,6');
    expect(formaterMontant(2000000)).toBe('20\u00a0000\u00a0€');
    expect(formaterMontant(123456)).toBe('1\u00a0234,56\u00a0€');
  });
  it('écrit les entiers exactement comme Intl en fr-FR (chemin rapide des entiers)', () => {
    const entiers = [0, -0, 7, -7, 999, 1000, -1000, 12345, -123456, 1234567, 10 ** 15, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    for (let i = 0; i < 200; i++) entiers.push(Math.round((Math.random() - 0.5) * 10 ** (i % 16)));
    for (const n of entiers)
      for (const [min, max] of [
        [undefined, 2],
        [0, 0],
        [undefined, 6],
        [0, 1],
      ] as const)
        expect(nombreFr(n, min, max), `${n} (${min}, ${max})`).toBe(
          new Intl.NumberFormat(
            'fr-FR',
            min === undefined ? { maximumFractionDigits: max } : { minimumFractionDigits: min, maximumFractionDigits: max },
          ).format(n),
        );
    expect(nombreFr(5, 1, 1)).toBe('5,0');
  });
  it('écrit périodes et ordinaux', () => {
    expect(formaterPeriode('2015-01-01', '2020-12-31')).toBe('du 1er janvier 2015 au 31 décembre 2020');
    expect(ordinal(1)).toBe('1re');
    expect(ordinal(2)).toBe('2e');
  });
});
