import { describe, expect, it } from 'vitest';
import { ETATS_FICHE_CAMPAGNE, etatFicheCampagne, ficheCampagneComplete, LIBELLES_ETAT_FICHE_CAMPAGNE } from './campagnes';

describe('état d’une fiche dans une campagne', () => {
  it('se lit des états de son bilan et de ses valeurs', () => {
    expect(etatFicheCampagne([null, null])).toBe('a_faire');
    expect(etatFicheCampagne(['brouillon', null])).toBe('en_cours');
    expect(etatFicheCampagne(['valide', 'a_corriger'])).toBe('a_corriger');
    expect(etatFicheCampagne(['soumis', 'valide'])).toBe('soumis');
    expect(etatFicheCampagne(['valide', 'valide'])).toBe('valide');
    expect(ficheCampagneComplete('soumis') && ficheCampagneComplete('valide') && !ficheCampagneComplete('en_cours')).toBe(true);
  });
  it('a un libellé, un seul, pour chaque état', () => {
    expect(Object.keys(LIBELLES_ETAT_FICHE_CAMPAGNE)).toEqual([...ETATS_FICHE_CAMPAGNE]);
    expect(LIBELLES_ETAT_FICHE_CAMPAGNE.a_corriger).toBe('Renvoyé pour correction');
  });
});
