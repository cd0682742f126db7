import { describe, expect, it } from 'vitest';
import { alertesContrat, moisEntre, type SituationContrat, type TypeAlerte } from './alertes';

const base: SituationContrat = {
  statut: 'signe',
  aujourdhui: '2014-03-01',
  dateSignature: '2013-01-15',
  debutElaboration: '2012-01-01',
  seancesCopil: ['2013-03-01', '2013-10-01', '2014-02-01'],
  postesCoordination: [{ personne: 'Marie Dupont', debut: '2012-01-01', fin: null }],
  fichesSansPilote: [],
};
const doctrine = { copilParAn: 2, elaborationMoisMax: 12, premierCopilMois: 3 };
const types = (s: Partial<SituationContrat>, d = doctrine) => alertesContrat({ ...base, ...s }, d).map((a) => a.type);

// Each row: a situation, and the alerts it must raise (and only those).
const table: [string, Partial<SituationContrat>, TypeAlerte[]][] = [
  ['contrat en règle', {}, []],
  [
    'Belle-Île : premier COPIL cinq mois après la signature',
    { seancesCopil: ['2013-06-15', '2013-12-01', '2014-02-01'] },
    ['premier_copil_tardif'],
  ],
  ['aucun COPIL depuis la signature', { seancesCopil: [], aujourdhui: '2013-06-01' }, ['premier_copil_tardif']],
  ['un seul COPIL dans l’année', { seancesCopil: ['2013-03-01', '2013-04-01'], aujourdhui: '2014-03-01' }, ['copil_insuffisants']],
  ['une séance prévue ne compte pas encore', { seancesCopil: ['2013-03-01', '2013-10-01', '2014-06-01'] }, ['copil_insuffisants']],
  ['contrat de moins d’un an : pas de compte annuel', { aujourdhui: '2013-06-01', seancesCopil: ['2013-03-01'] }, []],
  ['poste de coordination vacant', { postesCoordination: [{ personne: null, debut: '2013-01-01', fin: null }] }, ['coordination_vacante']],
  [
    'poste terminé',
    { postesCoordination: [{ personne: 'Marie Dupont', debut: '2012-01-01', fin: '2013-12-31' }] },
    ['coordination_vacante'],
  ],
  ['aucun poste', { postesCoordination: [] }, ['coordination_vacante']],
  [
    'élaboration de plus de douze mois',
    { statut: 'elaboration', dateSignature: null, seancesCopil: [], aujourdhui: '2013-06-01' },
    ['elaboration_longue'],
  ],
  ['fiches sans pilote', { fichesSansPilote: [1, 14] }, ['fiches_sans_pilote']],
  [
    'contrat échu : ni COPIL ni coordination attendus',
    { statut: 'echu', seancesCopil: [], postesCoordination: [], fichesSansPilote: [1] },
    [],
  ],
  // Seed 000: Belle-Île signed in January 2013, first COPIL in June 2013; the contract has since ended.
  [
    'contrat échu dont le premier COPIL fut tardif (Belle-Île)',
    { statut: 'echu', dateSignature: '2013-01-01', seancesCopil: ['2013-06-01'], postesCoordination: [], aujourdhui: '2024-01-01' },
    ['premier_copil_tardif'],
  ],
  [
    'contrat renouvelé dont le premier COPIL fut tardif',
    { statut: 'renouvele', seancesCopil: ['2013-06-15'], postesCoordination: [] },
    ['premier_copil_tardif'],
  ],
];

describe('règles d’alerte', () => {
  for (const [libelle, situation, attendues] of table) it(libelle, () => expect(types(situation)).toEqual(attendues));

  it('prend ses seuils dans la doctrine', () => {
    expect(types({ seancesCopil: ['2013-06-15', '2013-12-01', '2014-02-01'] }, { ...doctrine, premierCopilMois: 6 })).toEqual([]);
    expect(types({ seancesCopil: ['2013-03-01', '2013-10-01', '2014-02-01'] }, { ...doctrine, copilParAn: 3 })).toEqual([
      'copil_insuffisants',
    ]);
  });

  it('dit le premier COPIL tardif d’un contrat clos comme une information, chiffrée comme pour un contrat en cours', () => {
    const [alerte] = alertesContrat(
      {
        ...base,
        statut: 'echu',
        dateSignature: '2013-01-01',
        seancesCopil: ['2013-06-01'],
        postesCoordination: [],
        aujourdhui: '2024-01-01',
      },
      doctrine,
    );
    expect(alerte).toEqual({
      type: 'premier_copil_tardif',
      gravite: 'info',
      message: 'Le premier COPIL s’est tenu 5 mois après la signature (au plus 3 mois attendus).',
    });
  });

  it('dit les choses en français', () => {
    const [alerte] = alertesContrat({ ...base, seancesCopil: ['2013-06-15', '2013-12-01', '2014-02-01'] }, doctrine);
    expect(alerte.message).toBe('Le premier COPIL s’est tenu 5 mois après la signature (au plus 3 mois attendus).');
  });

  it('compte les mois calendaires', () => {
    expect(moisEntre('2013-01-15', '2013-06-15')).toBe(5);
    expect(moisEntre('2013-01-15', '2013-06-14')).toBe(4);
  });
});
