import { describe, expect, it } from 'vitest';
import { finessValide, sirenValide, siretValide } from './identifiants';
import { organisationSaisieSchema } from './organisations';

describe('identifiants', () => {
  it('valide un SIREN par sa clé de Luhn', () => {
    expect(sirenValide('243500741')).toBe(true); // Redon Agglomération
    expect(sirenValide('243500742')).toBe(false);
    expect(sirenValide('24350074')).toBe(false);
  });
  it('valide un SIRET', () => {
    expect(siretValide('13002526500013')).toBe(true);
    expect(siretValide('13002526500014')).toBe(false);
    expect(siretValide('1300252650001A')).toBe(false);
  });
  it('accepte les établissements de La Poste (somme des chiffres multiple de 5)', () => {
    expect(siretValide('35600000049837')).toBe(true);
    expect(siretValide('35600000049838')).toBe(false);
  });
  it('valide un FINESS', () => {
    expect(finessValide('750712184')).toBe(true); // AP-HP
    expect(finessValide('750712185')).toBe(false);
    expect(finessValide('75071218')).toBe(false);
    expect(finessValide('2A0000016')).toBe(true); // Corse : 2A compte pour 20 dans la clé
    expect(finessValide('2B0000019')).toBe(false);
  });
  it('nomme le champ fautif dans le schéma d’organisation', () => {
    const resultat = organisationSaisieSchema.safeParse({ nom: 'CH de Redon', type: 'hopital', siret: '123', finess: '750712185' });
    expect(resultat.success).toBe(false);
    const chemins = resultat.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(chemins).toContainEqual(['siret', 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte']);
    expect(chemins).toContainEqual(['finess', 'FINESS invalide : 9 caractères avec une clé de contrôle correcte']);
  });
  it('retire les espaces et accepte un identifiant vide', () => {
    const resultat = organisationSaisieSchema.parse({ nom: 'Ville', type: 'commune', siret: '130 025 265 00013', finess: '' });
    expect(resultat.siret).toBe('13002526500013');
    expect(resultat.finess).toBeNull();
  });
});
