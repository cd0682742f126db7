import { describe, expect, it } from 'vitest';
import { avertissementsSignature, dispositifTerritorialSchema, evaluationPrevueSchema } from './articulation';
import { changementsEntre, type EtatContrat } from './avenants';

describe('plan d’évaluation', () => {
  it('avertit à la signature sans évaluation prévue, puis sans question évaluative, et plus ensuite', () => {
    expect(avertissementsSignature({ evaluationsPrevues: [] })[0]).toMatch(/^Aucune évaluation n’est prévue/);
    expect(avertissementsSignature({ evaluationsPrevues: [{ questions: [] }] })).toEqual([
      'Le plan d’évaluation ne formule encore aucune question évaluative.',
    ]);
    expect(avertissementsSignature({ evaluationsPrevues: [{ questions: [] }, { questions: ['Pertinence ?'] }] })).toEqual([]);
  });

  it('demande quand l’évaluation aura lieu, par une date ou en mots', () => {
    expect(evaluationPrevueSchema.safeParse({ type: 'finale', evaluateurType: 'externe' }).success).toBe(false);
    expect(evaluationPrevueSchema.safeParse({ type: 'finale', evaluateurType: 'externe', moment: 'Avant le CLS 2' }).success).toBe(true);
  });
});

describe('dispositifs du territoire', () => {
  it('n’acceptent qu’un lien web et une fin après le début', () => {
    expect(dispositifTerritorialSchema.safeParse({ type: 'cpts', nom: 'CPTS', lien: 'javascript:alert(1)' }).success).toBe(false);
    expect(dispositifTerritorialSchema.safeParse({ type: 'cpts', nom: 'CPTS', lien: 'https://exemple.fr' }).success).toBe(true);
  });
});

describe('avenants', () => {
  const etat = (f: Record<string, unknown>, plan?: unknown[]): EtatContrat => ({
    intitule: 'CLS',
    periode: { debut: null, fin: null },
    perimetre: { epci: [], communes: [] },
    signataires: [],
    axes: [],
    fiches: [{ id: 'f', numero: 1, intitule: 'Fiche', ...f }],
    ...(plan ? { planEvaluation: plan } : {}),
  });

  it('voient un changement du plan d’évaluation, mais ni la case retirée ni les liens aux dispositifs', () => {
    expect(
      changementsEntre(etat({ lienContratVille: true }), etat({ dispositifsTerritoriaux: [{ id: 'd', nom: 'Contrat de ville' }] }, [])),
    ).toEqual([]);
    expect(changementsEntre(etat({}), etat({}, [{ type: 'finale' }])).map((c) => c.type)).toEqual(['plan_evaluation']);
  });
});
