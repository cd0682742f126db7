import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreger } from './agregation';
import { arrondiInferieur, arrondiSuperieur, ecrireBorne, ecrireNombreExact, texteAuMoins } from './bornes';
import { ecrireValeur } from './valeurs';

describe('une seule écriture des bornes (issue 13, 1.1)', () => {
  it('arrondit une borne inférieure vers le bas et une borne supérieure vers le haut', () => {
    expect(texteAuMoins(9.5, 0)).toBe('au moins 9');
    expect(texteAuMoins(1249.5, 0)).toBe('au moins 1\u00a0249');
    expect(ecrireBorne(9.5, 'superieure', 0)).toBe('10');
    expect(ecrireBorne(20.25, 'superieure', 1)).toBe('20,3');
    expect(ecrireBorne(20.25, 'inferieure', 1)).toBe('20,2');
    expect(ecrireBorne(0.29, 'inferieure')).toBe('0,29');
    expect(ecrireBorne(-0.5, 'inferieure', 0)).toBe('-1');
    expect(ecrireBorne(-0.5, 'superieure', 0)).toBe('0');
    expect(arrondiSuperieur(9.01, 1)).toBe(9.1);
    expect(arrondiSuperieur(0.1 + 0.2, 2)).toBe(0.31);
  });

  it('élargit un intervalle calculé au lieu de le rétrécir', () => {
    // Nearest rounding gave "[10,3 à 10,8]": a lower bound above the truth.
    expect(ecrireValeur({ nature: 'intervalle', borneInf: 10.25, borneSup: 10.75, infIncluse: true, supIncluse: true }, 1)).toBe(
      '[10,2 à 10,8]',
    );
    expect(ecrireValeur({ nature: 'intervalle', borneInf: 9.5, borneSup: 20.4, infIncluse: true, supIncluse: false }, 0)).toBe('[9 à 21[');
    // A class as published keeps its figures.
    expect(ecrireValeur({ nature: 'intervalle', borneInf: 856, borneSup: 932, infIncluse: true, supIncluse: false })).toBe('[856 à 932[');
  });

  it('garde dans la raison la valeur exacte, avec une virgule décimale', () => {
    const raison = (v: number) =>
      (
        agreger('somme', [
          { code: 'a', population: 1, valeur: { nature: 'exacte', valeur: v } },
          { code: 'b', population: 1, valeur: { nature: 'masquee' } },
        ]) as { raison: string }
      ).raison;
    expect(raison(9.5)).toMatch(/^Au moins 9,5 : /);
    expect(raison(1249.5)).toMatch(/^Au moins 1\u00a0249,5 : /);
    expect(raison(9.555)).toMatch(/^Au moins 9,555 : /);
    expect(ecrireNombreExact(0.1 + 0.2)).toBe('0,3');
  });

  it('ne surestime jamais une borne inférieure ni ne sous-estime une borne supérieure (propriété)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 3 }), (n, decimales) => {
        const bas = arrondiInferieur(n, decimales);
        const haut = arrondiSuperieur(n, decimales);
        expect(bas).toBeLessThanOrEqual(n);
        expect(haut).toBeGreaterThanOrEqual(n);
        expect(haut - bas).toBeLessThan(10 ** -decimales + 1e-6);
      }),
    );
  });
});
