import { describe, expect, it } from 'vitest';
import { difference } from './audit';

describe('difference', () => {
  it('ne garde que les champs changés, avec avant et après', () => {
    expect(difference({ nom: 'A', type: 'msp', version: 1 }, { nom: 'B', type: 'msp', version: 2 })).toEqual({
      nom: { avant: 'A', apres: 'B' },
    });
  });
  it('traite une création et une suppression', () => {
    expect(difference(null, { nom: 'A' })).toEqual({ nom: { avant: null, apres: 'A' } });
    expect(difference({ nom: 'A' }, null)).toEqual({ nom: { avant: 'A', apres: null } });
  });
  it('n’écrit jamais un secret dans le journal', () => {
    expect(difference(null, { passwordHash: '$argon2id$…', email: 'a@b.fr' })).toEqual({ email: { avant: null, apres: 'a@b.fr' } });
  });
  it('compare les tableaux et objets par valeur', () => {
    expect(difference({ roles: [{ role: 'admin' }] }, { roles: [{ role: 'admin' }] })).toEqual({});
  });
});
