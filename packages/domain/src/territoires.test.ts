import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { resoudrePerimetre, type CommuneReferentiel } from './territoires';
import { motsDeRecherche, normaliser } from './texte';

// The real référentiel, read from the same package the server loads.
const require = createRequire(import.meta.url);
const communesBrutes: { code: string; nom: string; departement: string; region: string; type: string; population?: number }[] =
  require('@etalab/decoupage-administratif/data/communes.json');
const epciBruts: { code: string; membres: { code: string }[] }[] = require('@etalab/decoupage-administratif/data/epci.json');

const referentiel = {
  communes: new Map<string, CommuneReferentiel>(
    communesBrutes
      .filter((c) => c.type === 'commune-actuelle')
      .map((c) => [c.code, { code: c.code, nom: c.nom, departement: c.departement, region: c.region, population: c.population ?? 0 }]),
  ),
  membresEpci: new Map(epciBruts.map((e) => [e.code, e.membres.map((m) => m.code)])),
};

describe('resoudrePerimetre', () => {
  it('résout Redon Agglomération (EPCI 243500741) : 31 communes, 3 départements, 2 régions', () => {
    const resultat = resoudrePerimetre({ epci: ['243500741'], communes: [] }, referentiel);
    expect(resultat.communes).toHaveLength(31);
    expect(resultat.departements).toEqual(['35', '44', '56']);
    expect(resultat.regions).toEqual(['52', '53']);
    const somme = resultat.communes.reduce((t, c) => t + referentiel.communes.get(c.code)!.population, 0);
    expect(resultat.population).toBe(somme);
    expect(resultat.population).toBeGreaterThan(60000);
    expect(resultat.communes.map((c) => c.nom)).toContain('Redon');
    expect(resultat.inconnus).toEqual([]);
  });

  it('compte une seule fois une commune citée seule et par son EPCI, et ajoute les communes isolées', () => {
    const seul = resoudrePerimetre({ epci: ['243500741'], communes: [] }, referentiel);
    const avecDoublon = resoudrePerimetre({ epci: ['243500741'], communes: ['35236', '35238'] }, referentiel);
    expect(avecDoublon.communes).toHaveLength(32);
    expect(avecDoublon.population).toBe(seul.population + referentiel.communes.get('35238')!.population);
  });

  it('signale les codes inconnus au lieu de les ignorer', () => {
    const resultat = resoudrePerimetre({ epci: ['999999999'], communes: ['00000'] }, referentiel);
    expect(resultat.communes).toEqual([]);
    expect(resultat.population).toBe(0);
    expect(resultat.inconnus).toEqual([
      { type: 'epci', code: '999999999' },
      { type: 'commune', code: '00000' },
    ]);
  });

  it('gère la Corse (2A/2B)', () => {
    const resultat = resoudrePerimetre({ epci: [], communes: ['2A004', '2B033'] }, referentiel);
    expect(resultat.departements).toEqual(['2A', '2B']);
    expect(resultat.regions).toEqual(['94']);
  });
});

describe('normalisation de recherche', () => {
  it('retire accents et majuscules', () => {
    expect(normaliser('Guémené-Penfao')).toBe('guemene-penfao');
    expect(normaliser('ŒUVRE Île')).toBe('oeuvre ile');
  });
  it('découpe en mots', () => {
    expect(motsDeRecherche('CA Redon  Agglomération')).toEqual(['ca', 'redon', 'agglomeration']);
    expect(motsDeRecherche("L'Abergement-Clémenciat")).toEqual(['l', 'abergement', 'clemenciat']);
  });
});
