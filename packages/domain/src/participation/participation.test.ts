import { describe, expect, it } from 'vitest';
import { mediane, pourcentage, problemesQuestionnaire, raisonOuvertureImpossible, validerReponses } from '.';

const Q = [
  { id: 'a', type: 'choix_unique' as const, libelle: 'Médecin ?', obligatoire: true, choix: ['Oui', 'Non'] },
  { id: 'b', type: 'choix_multiple' as const, libelle: 'Freins', obligatoire: false, choix: ['Distance', 'Coût'] },
  { id: 'c', type: 'echelle' as const, libelle: 'Santé', obligatoire: false, echelle: { min: 0, max: 10 } },
  { id: 'd', type: 'texte_court' as const, libelle: 'Un mot', obligatoire: false },
];

describe('réponses à une consultation', () => {
  it('garde les valeurs valides, une ligne par option cochée, sans doublon ni vide', () => {
    const r = validerReponses(Q, { a: 'Oui', b: ['Coût', 'Coût', ''], c: '0', d: '  ' }, new Set());
    expect(r).toEqual({
      ok: true,
      valeurs: [
        { questionId: 'a', valeur: 'Oui' },
        { questionId: 'b', valeur: 'Coût' },
        { questionId: 'c', valeur: '0' },
      ],
    });
  });
  it('refuse en nommant la question : plusieurs réponses à un choix unique, échelle non entière', () => {
    const r = validerReponses(Q, { a: ['Oui', 'Non'], c: '2.5' }, new Set());
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.erreurs.map((e) => e.message)).toEqual([
        '« Médecin ? » : une seule réponse est attendue',
        '« Santé » : choisissez un nombre entier de 0 à 10',
      ]);
  });
});

describe('questionnaire et chiffres', () => {
  it('signale une option de trop sur une question qui n’en prend pas', () => {
    expect(problemesQuestionnaire([{ questions: [{ type: 'texte_court', libelle: 'Un mot', obligatoire: false, choix: ['x'] }] }])).toEqual(
      [{ champ: 'sections.0.questions.0.choix', message: 'Question « Un mot » : seules les questions à choix ont des options' }],
    );
  });
  it('refuse un identifiant de section ou de question donné deux fois', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(
      problemesQuestionnaire([
        { id, questions: [] },
        { id, questions: [] },
      ]).map((p) => p.message),
    ).toEqual(['Section 2 : identifiant en double']);
  });
  it('ouvre une période qui n’est pas passée, avec au moins une question', () => {
    expect(raisonOuvertureImpossible(1, '2026-01-01', '2026-12-07', '2026-12-07')).toBeNull();
    expect(raisonOuvertureImpossible(1, '2026-01-01', '2026-12-06', '2026-12-07')).toContain('déjà passée');
    expect(raisonOuvertureImpossible(1, '2026-12-31', '2026-12-30', '2026-12-07')).toContain('précède');
  });
  it('pourcentage à une décimale, médiane paire et impaire', () => {
    expect(pourcentage(1, 3)).toBe(33.3);
    expect(pourcentage(2, 3)).toBe(66.7);
    expect(pourcentage(0, 0)).toBe(0);
    expect(mediane([5, 2, 4, 5])).toBe(4.5);
    expect(mediane([3, 1, 2])).toBe(2);
    expect(mediane([])).toBeNull();
  });
});
