import { describe, expect, it } from 'vitest';
import {
  formaterTotalFinancements,
  financementTerritoireSchema,
  sommerFinancementsTerritoire,
} from '../diagnostics/financements-territoire';
import { engagementMoyensSchema, formaterMoyens, sommerMoyens, sommerMoyensPar, type LigneMoyens } from './moyens';

const org = '8f0c2c3e-0d0a-4a57-9a2b-2f1f4b2a9b10';
const erreurs = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('engagement de moyens', () => {
  it('exige la mesure propre à chaque type, en nommant le champ', () => {
    expect(erreurs(engagementMoyensSchema.safeParse({ organisationId: org, annee: 2022, type: 'temps' }))).toEqual([
      ['quantite', 'Temps de travail : indiquez le nombre de jours ou d’ETP'],
      ['unite', 'Unité du temps de travail : jours ou ETP'],
    ]);
    expect(erreurs(engagementMoyensSchema.safeParse({ organisationId: org, annee: 2022, type: 'financier' }))).toEqual([
      ['montantCentimes', 'Montant : indiquez la somme engagée, en euros'],
    ]);
    expect(erreurs(engagementMoyensSchema.safeParse({ organisationId: org, annee: 2022, type: 'nature' }))).toEqual([
      ['description', 'Apport en nature : décrivez ce qui est apporté'],
    ]);
    expect(
      erreurs(
        engagementMoyensSchema.safeParse({
          organisationId: org,
          annee: 2022,
          type: 'financier',
          montantCentimes: 100,
          quantite: 2,
          unite: 'jours',
        }),
      ),
    ).toEqual([
      ['quantite', 'Un temps de travail ne se saisit que pour un engagement de type « Temps de travail »'],
      ['unite', 'Une unité ne se saisit que pour un engagement de type « Temps de travail »'],
    ]);
    expect(
      erreurs(engagementMoyensSchema.safeParse({ organisationId: org, annee: 2022, type: 'temps', quantite: 0.125, unite: 'etp' })),
    ).toEqual([['quantite', 'Temps de travail : au plus deux décimales']]);
    expect(
      erreurs(engagementMoyensSchema.safeParse({ organisationId: org, annee: 1999, type: 'temps', quantite: 0.2, unite: 'etp' })),
    ).toEqual([['annee', 'Année : entre 2000 et 2100']]);
    expect(
      engagementMoyensSchema.safeParse({
        organisationId: org,
        annee: 2022,
        type: 'temps',
        quantite: 0.2,
        unite: 'etp',
        objectifs: 'CPG 2021',
      }).success,
    ).toBe(true);
  });

  it('somme chaque unité à part, exactement, et compte les apports en nature', () => {
    const lignes: LigneMoyens[] = [
      { type: 'temps', quantite: 0.1, unite: 'etp', montantCentimes: null },
      { type: 'temps', quantite: 0.2, unite: 'etp', montantCentimes: null },
      { type: 'temps', quantite: 12, unite: 'jours', montantCentimes: null },
      { type: 'financier', quantite: null, unite: null, montantCentimes: 150000 },
      { type: 'nature', quantite: null, unite: null, montantCentimes: null },
    ];
    const t = sommerMoyens(lignes);
    // 0,1 + 0,2 in floating point is 0,30000000000000004: the sum is made in hundredths.
    expect(t).toEqual({ jours: 12, etp: 0.3, montantCentimes: 150000, nature: 1, lignes: 5 });
    expect(formaterMoyens(t)).toBe('12\u00a0jours, 0,3\u00a0ETP, 1\u00a0500\u00a0€ et 1 apport en nature');
    expect(formaterMoyens(t, { etpCumules: true })).toContain('0,3\u00a0ETP cumulés sur les années');
    expect(formaterMoyens(sommerMoyens([{ type: 'temps', quantite: 1.5, unite: 'jours', montantCentimes: null }]))).toBe('1,5\u00a0jour');
    expect(formaterMoyens(sommerMoyens([]))).toBe('aucun moyen');
    const parAnnee = sommerMoyensPar(
      lignes.map((l, i) => ({ ...l, annee: i < 2 ? 2022 : 2023 })),
      (l) => String(l.annee),
    );
    expect(parAnnee.map((p) => [p.cle, p.total.etp, p.total.jours])).toEqual([
      ['2022', 0.3, 0],
      ['2023', 0, 12],
    ]);
  });
});

describe('financements existants du territoire', () => {
  it('nomme le champ en faute', () => {
    expect(erreurs(financementTerritoireSchema.safeParse({ dispositif: 'FIR', anneeDebut: 2021, objet: 'Prévention' }))).toEqual([
      ['financeurLibelle', 'Indiquez le financeur'],
    ]);
    expect(
      erreurs(
        financementTerritoireSchema.safeParse({
          financeurLibelle: 'ARS',
          dispositif: 'FIR',
          anneeDebut: 2021,
          anneeFin: 2019,
          objet: 'Prévention',
        }),
      ),
    ).toEqual([['anneeFin', 'La fin de la période précède son début']]);
    expect(
      erreurs(financementTerritoireSchema.safeParse({ financeurLibelle: 'ARS', dispositif: 'F', anneeDebut: 2021, objet: 'Pr' })),
    ).toEqual([
      ['dispositif', 'Dispositif : nommez le dispositif ou le programme (au moins 2 caractères)'],
      ['objet', 'Ce qui est financé : au moins 3 caractères'],
    ]);
  });

  it('un total avec un montant inconnu est un plancher, et le dit', () => {
    expect(formaterTotalFinancements(sommerFinancementsTerritoire([]))).toBe('aucun financement recensé');
    expect(formaterTotalFinancements(sommerFinancementsTerritoire([{ montantCentimes: 4500000 }, { montantCentimes: '500000' }]))).toBe(
      '50\u00a0000\u00a0€',
    );
    const t = sommerFinancementsTerritoire([{ montantCentimes: 4500000 }, { montantCentimes: null }]);
    expect(t).toEqual({ montantCentimes: 4500000, lignes: 2, sansMontant: 1 });
    expect(formaterTotalFinancements(t)).toBe('au moins 45\u00a0000\u00a0€ (1 financement sans montant connu)');
    expect(formaterTotalFinancements(sommerFinancementsTerritoire([{ montantCentimes: null }]))).toBe(
      'montant non connu (1 financement sans montant)',
    );
  });
});
