import { describe, expect, it } from 'vitest';
import { libellesDeplacement } from './organisations-fusion';
import { nomTerritoireValeur } from './diagnostics/valeurs';

describe('libellés partagés par le serveur et le web', () => {
  it('nomme chaque table qu’une fusion d’organisations déplace, y compris confirmations, moyens et financements existants', () => {
    expect(libellesDeplacement('confirmations_parties')).toEqual([
      'confirmation de rôle dans un contrat',
      'confirmations de rôles dans des contrats',
    ]);
    expect(libellesDeplacement('engagements_moyens')[1]).toBe('engagements de moyens');
    expect(libellesDeplacement('financements_territoire')[0]).toBe('financement existant du territoire');
    expect(libellesDeplacement('table_inconnue')).toEqual(['table_inconnue', 'table_inconnue']);
  });

  it('nomme France et France métropolitaine, absentes du référentiel, et garde le nom des autres territoires', () => {
    expect(nomTerritoireValeur('france_metro', 'FRM')).toBe('France métropolitaine');
    expect(nomTerritoireValeur('france', 'FRA', null)).toBe('France');
    expect(nomTerritoireValeur('departement', '35', 'Ille-et-Vilaine')).toBe('Ille-et-Vilaine');
    expect(nomTerritoireValeur('epci', '243500741', null)).toBe('243500741');
  });
});
