import { describe, expect, it } from 'vitest';
import { motifsDoublon, nomCollectivite, nomCompare } from './organisations-doublons';

describe('doublons d’organisations', () => {
  const chRedon = { nom: 'Centre hospitalier de Redon', siren: '263500079', siret: '26350007900015', finess: '350000220', similarite: 0.3 };

  it('bloque un même SIRET, un même FINESS ou un même nom, aux accents et à la ponctuation près', () => {
    expect(motifsDoublon({ nom: 'CH Redon', siret: '26350007900015' }, chRedon)).toEqual({ motifs: ['siret', 'siren'], bloquant: true });
    expect(motifsDoublon({ nom: 'Hôpital', finess: '350000220' }, chRedon)).toEqual({ motifs: ['finess'], bloquant: true });
    expect(motifsDoublon({ nom: 'CENTRE HOSPITALIER DE REDON' }, { ...chRedon, similarite: 1 })).toEqual({
      motifs: ['nom_identique'],
      bloquant: true,
    });
    expect(nomCompare('CPAM d’Ille-et-Vilaine')).toBe(nomCompare("Cpam d'Ille et Vilaine"));
  });

  it('bloque un même SIREN quand l’un des deux n’a pas de SIRET (l’unité légale elle-même)', () => {
    expect(motifsDoublon({ nom: 'Ville de Redon', siren: '263500079' }, chRedon)).toEqual({ motifs: ['siren'], bloquant: true });
  });

  it('demande confirmation pour un autre établissement du même SIREN ou un nom proche', () => {
    expect(motifsDoublon({ nom: 'CH Redon – site de Carentoir', siret: '26350007900023' }, chRedon)).toEqual({
      motifs: ['siren'],
      bloquant: false,
    });
    expect(motifsDoublon({ nom: 'Centre hospitalier Redon' }, { ...chRedon, similarite: 0.8 })).toEqual({
      motifs: ['nom_proche'],
      bloquant: false,
    });
    expect(motifsDoublon({ nom: 'IREPS Bretagne' }, chRedon)).toEqual({ motifs: [], bloquant: false });
  });
});

describe('nom d’une collectivité du référentiel', () => {
  it('accorde la charnière selon le type de liaison INSEE', () => {
    expect(nomCollectivite('commune', 'Redon', 0)).toBe('Commune de Redon');
    expect(nomCollectivite('commune', 'Le Mans', 2)).toBe('Commune du Mans');
    expect(nomCollectivite('commune', 'La Rochelle', 3)).toBe('Commune de La Rochelle');
    expect(nomCollectivite('commune', "Les Sables-d'Olonne", 4)).toBe("Commune des Sables-d'Olonne");
    expect(nomCollectivite('commune', "L'Haÿ-les-Roses", 5)).toBe("Commune de L'Haÿ-les-Roses");
    expect(nomCollectivite('departement', 'Morbihan', 2)).toBe('Conseil départemental du Morbihan');
    expect(nomCollectivite('departement', 'Ille-et-Vilaine', 1)).toBe('Conseil départemental d’Ille-et-Vilaine');
    expect(nomCollectivite('departement', 'Mayenne', 3)).toBe('Conseil départemental de la Mayenne');
    expect(nomCollectivite('departement', 'Ain', 5)).toBe('Conseil départemental de l’Ain');
  });

  it('écrit en entier la nature d’un EPCI', () => {
    expect(nomCollectivite('epci', 'CC de Belle-Île-en-Mer', null)).toBe('Communauté de communes de Belle-Île-en-Mer');
    expect(nomCollectivite('epci', 'CA Redon Agglomération', null)).toBe('Redon Agglomération');
    expect(nomCollectivite('epci', 'CA du Pays de Saint-Malo', null)).toBe('Communauté d’agglomération du Pays de Saint-Malo');
    expect(nomCollectivite('epci', 'Rennes Métropole', null)).toBe('Rennes Métropole');
  });
});
