import { describe, expect, it } from 'vitest';
import {
  avertissementEchelle,
  deduireTerritoire,
  echelleIndicateur,
  estEnteteCodeTerritoire,
  lireEchelle,
  lireFrance,
  suggererIndicateurs,
  typeSelonEntete,
} from './fichiers-observatoire';

describe('fichiers des observatoires', () => {
  it('reconnaît les en-têtes usuels du code de territoire, sans égard aux accents ni à la casse', () => {
    for (const e of [
      'CODGEO',
      'Code géographique',
      'Code commune',
      'Code INSEE',
      'code_insee',
      'com',
      'Code',
      'codgeo',
      'Code du territoire',
      'insee',
      'CODE GÉOGRAPHIQUE',
      'Code région',
    ])
      expect(estEnteteCodeTerritoire(e), e).toBe(true);
    for (const e of ['Libellé géographique', 'Commune', 'Population', 'valeur', 'Code indicateur'])
      expect(estEnteteCodeTerritoire(e), e).toBe(false);
    expect(typeSelonEntete('Code région')).toBe('region');
    expect(typeSelonEntete('REG')).toBe('region');
    expect(typeSelonEntete('Code géographique')).toBeNull();
    expect(typeSelonEntete('DEPCOM')).toBe('commune');
  });

  it('déduit le type de territoire de la forme du code', () => {
    expect(deduireTerritoire('35236')).toEqual({ type: 'commune', code: '35236' });
    expect(deduireTerritoire('2A004')).toEqual({ type: 'commune', code: '2A004' });
    expect(deduireTerritoire('2b033')).toEqual({ type: 'commune', code: '2B033' });
    expect(deduireTerritoire(1001)).toEqual({ type: 'commune', code: '01001' });
    expect(deduireTerritoire('243500741')).toEqual({ type: 'epci', code: '243500741' });
    expect(deduireTerritoire('35')).toEqual({ type: 'departement', code: '35' });
    expect(deduireTerritoire('971')).toEqual({ type: 'departement', code: '971' });
    expect(deduireTerritoire('2A')).toEqual({ type: 'departement', code: '2A' });
    expect(deduireTerritoire('53', 'region')).toEqual({ type: 'region', code: '53' });
    expect(deduireTerritoire('ABC')).toBeNull();
    expect(deduireTerritoire('1234567')).toBeNull();
  });

  it('lit la France comme un territoire à part, entière ou métropolitaine', () => {
    for (const t of ['FR', 'France', 'France entière', 'FRANCE ENTIERE', 'FRA'])
      expect(lireFrance(t), t).toEqual({ type: 'france', code: 'FRA' });
    for (const t of ['France métropolitaine', 'FRM', 'France metro'])
      expect(lireFrance(t), t).toEqual({ type: 'france_metro', code: 'FRM' });
    expect(deduireTerritoire('France métropolitaine')).toEqual({ type: 'france_metro', code: 'FRM' });
    expect(lireFrance('Francheville')).toBeNull();
  });

  it('lit les échelles écrites par les fichiers et le catalogue', () => {
    expect(lireEchelle('Densité de généralistes pour 10 000 hab.')?.facteur).toBe(10_000);
    expect(lireEchelle('Taux pour 100 000 habitants')?.facteur).toBe(100_000);
    expect(lireEchelle('pour 100000')?.facteur).toBe(100_000);
    expect(lireEchelle('Part des 75 ans et plus (%)')?.facteur).toBe(100);
    expect(lireEchelle('Taux de natalité (‰)')?.facteur).toBe(1000);
    expect(lireEchelle('pour 1 000 naissances')?.facteur).toBe(1000);
    expect(lireEchelle('Nombre de médecins')).toBeNull();
    expect(lireEchelle('Période 2011/2015')).toBeNull();
    expect(echelleIndicateur({ unite: 'décès', facteur: 100000 })?.facteur).toBe(100_000);
    expect(echelleIndicateur({ unite: 'médecins', facteur: 1 })).toBeNull();
  });

  it('avertit, en français, d’une échelle différente de celle de l’indicateur', () => {
    const ind = { code: 'mortalite', libelle: 'Mortalité générale', unite: 'pour 100 000 habitants', facteur: 100000 };
    const texte = avertissementEchelle('Mortalité pour 10 000 hab.', lireEchelle('pour 10 000 hab.'), ind);
    expect(texte).toContain('pour 10 000');
    expect(texte).toContain('pour 100 000');
    expect(texte).toContain('multiplier par 10');
    expect(avertissementEchelle('x', lireEchelle('pour 100 000 hab.'), ind)).toBeNull();
    expect(avertissementEchelle('x', null, ind)).toBeNull();
  });

  it('propose l’indicateur du catalogue le plus proche de chaque en-tête', () => {
    const catalogue = [
      { code: 'densite_mg_liberaux', libelle: 'Densité de médecins généralistes libéraux', unite: 'pour 10 000 habitants', facteur: 10000 },
      { code: 'taux_pauvrete', libelle: 'Taux de pauvreté', unite: '%', facteur: 100 },
      { code: 'effectif_mg', libelle: 'Médecins généralistes', unite: 'médecins', facteur: 1 },
    ];
    const s = suggererIndicateurs(
      [
        'Code géographique',
        'Densité médecins généralistes libéraux pour 10 000 hab.',
        'Taux de pauvreté (%)',
        'effectif_mg',
        'Population',
        'Commune',
        'Libellé géographique',
      ],
      catalogue,
    );
    expect(s.map((x) => [x.entete, x.code])).toEqual([
      ['Densité médecins généralistes libéraux pour 10 000 hab.', 'densite_mg_liberaux'],
      ['Taux de pauvreté (%)', 'taux_pauvrete'],
      ['effectif_mg', 'effectif_mg'],
    ]);
    expect(s[2].score).toBe(1);
  });
});
