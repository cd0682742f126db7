import { describe, expect, it } from 'vitest';
import { estFichierInsee, estFichierOdisse, lireVariableInsee, proposerColonnesOdisse } from './fichiers-sante-publique';
import { lireCelluleStatistique } from './secret-statistique';

describe('cellules des fichiers Odissé et INSEE', () => {
  it('vide, « s », « nd », « n.d. » : secret statistique, jamais 0', () => {
    for (const c of ['', '  ', null, undefined, 's', 'S', 'nd', 'ND', 'n.d.', 'secret'])
      expect(lireCelluleStatistique(c), String(c)).toEqual({ nature: 'masquee' });
  });
  it('« NA » : non disponible (ni secret ni 0)', () => {
    for (const c of ['NA', 'n/a', 'NaN']) expect(lireCelluleStatistique(c)).toEqual({ nature: 'manquante' });
  });
  it('les nombres et les classes comme ailleurs, « - » selon l’import', () => {
    expect(lireCelluleStatistique('12.5')).toEqual({ nature: 'exacte', valeur: 12.5 });
    expect(lireCelluleStatistique(0)).toEqual({ nature: 'exacte', valeur: 0 });
    expect(lireCelluleStatistique('-', 'zero')).toEqual({ nature: 'exacte', valeur: 0 });
    expect(lireCelluleStatistique('abc')).toEqual({ nature: 'invalide', texte: 'abc' });
  });
});

describe('fichiers INSEE et Odissé', () => {
  it('variables INSEE : année d’après le préfixe', () => {
    expect(lireVariableInsee('P21_POP', 2026)).toEqual({ prefixe: 'P', annee: 2021, variable: 'POP' });
    expect(lireVariableInsee('c15_act1564', 2026)).toEqual({ prefixe: 'C', annee: 2015, variable: 'ACT1564' });
    expect(lireVariableInsee('P99_POP', 2026)).toEqual({ prefixe: 'P', annee: 1999, variable: 'POP' });
    expect(lireVariableInsee('CODGEO')).toBeNull();
    expect(lireVariableInsee('LIBGEO')).toBeNull();
  });
  it('reconnaît un fichier large INSEE et un export Odissé', () => {
    expect(estFichierInsee(['CODGEO', 'LIBGEO', 'P21_POP'])).toBe(true);
    expect(estFichierInsee(['code_insee', 'P21_POP'])).toBe(false);
    const odisse = {
      format: 'csv',
      encodage: 'UTF-8 (avec BOM)',
      separateur: ',',
      entetes: ['Année', 'Département Code', 'Nombre de cas'],
    };
    expect(estFichierOdisse(odisse)).toBe(true);
    expect(estFichierOdisse({ ...odisse, separateur: ';' })).toBe(false);
    expect(proposerColonnesOdisse(['Année', 'Département', 'Département Code', 'Région', 'Région Code', 'Nombre de cas'])).toEqual({
      territoire: 'Département Code',
      territoireType: 'departement',
      periode: 'Année',
      indicateur: null,
      valeur: null,
    });
  });
});
