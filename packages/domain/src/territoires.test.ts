import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { deduireTerritoire } from './diagnostics/fichiers-observatoire';
import { verbatimSchema } from './diagnostics/qualitatif';
import {
  codeCommuneInseeSchema,
  estCodeCommuneInsee,
  MESSAGE_CODE_COMMUNE_INSEE,
  perimetreSchema,
  resoudrePerimetre,
  type CommuneReferentiel,
} from './territoires';
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

describe('codes INSEE de commune', () => {
  it('acceptent chaque commune du référentiel (Corse 2A/2B, outre-mer compris) et refusent un nom ou une forme impossible', () => {
    const communes = communesBrutes.filter((c) => c.type === 'commune-actuelle');
    expect(communes.length).toBeGreaterThan(34000);
    expect(communes.filter((c) => !estCodeCommuneInsee(c.code)).map((c) => c.code)).toEqual([]);
    for (const code of ['35145', '2A004', '2B033', '97101', '97611', '98714']) expect(estCodeCommuneInsee(code), code).toBe(true);
    // « Langon » is a name (two communes bear it); 20xxx is no département since 1976; 00, 96, 99 are none; no commune 000.
    for (const code of ['Langon', '', '3514', '351450', '20004', '2C004', '2a004', '00123', '96001', '99138', '35000', '97100', '97901'])
      expect(estCodeCommuneInsee(code), code).toBe(false);
  });

  it('se valident par un schéma qui nettoie la saisie et dit en français ce qui est attendu', () => {
    expect(codeCommuneInseeSchema.parse(' 2a004 ')).toBe('2A004');
    const refus = codeCommuneInseeSchema.safeParse('Langon');
    expect(refus.success).toBe(false);
    expect(refus.error?.issues[0].message).toBe(MESSAGE_CODE_COMMUNE_INSEE);
    expect(perimetreSchema.safeParse({ epci: [], communes: ['20004'] }).success).toBe(false);
    expect(verbatimSchema.safeParse({ texte: 'Pas de transport à la demande', locuteur: 'habitant', communeCode: 'Langon' }).success).toBe(
      false,
    );
    expect(verbatimSchema.parse({ texte: 'Pas de transport à la demande', locuteur: 'habitant', communeCode: '35145' }).communeCode).toBe(
      '35145',
    );
  });

  it('sont reconnus comme communes dans un fichier sans colonne de type, et 20xxx n’en est pas une', () => {
    expect(deduireTerritoire('2B033')).toEqual({ type: 'commune', code: '2B033' });
    expect(deduireTerritoire('35145')).toEqual({ type: 'commune', code: '35145' });
    expect(deduireTerritoire('20004')).toBeNull();
  });
});
