import { describe, expect, it } from 'vitest';
import { accesDemande, accesSituation, delaiHeures, niveauReponse, peutLireJournalAcces, premierContactEnRetard } from '.';

const grille = (medicale: number, psychologique: number, sociale: number, environnementale: number, fonctionnelle: number) => ({
  medicale,
  psychologique,
  sociale,
  environnementale,
  fonctionnelle,
});

describe('niveau de réponse', () => {
  it('gradue de l’information à la gestion de cas', () => {
    expect(niveauReponse(grille(0, 1, 1, 0, 1))).toBe('information_orientation');
    expect(niveauReponse(grille(2, 0, 1, 0, 0))).toBe('appui_ponctuel');
    expect(niveauReponse(grille(2, 2, 2, 0, 1))).toBe('coordination');
    expect(niveauReponse(grille(3, 0, 3, 0, 0))).toBe('coordination');
    expect(niveauReponse(grille(3, 2, 3, 2, 0))).toBe('gestion_de_cas');
    expect(niveauReponse(grille(3, 3, 3, 0, 0))).toBe('gestion_de_cas');
  });
  it('l’urgence immédiate relève d’un cran, sans mener seule à la gestion de cas', () => {
    expect(niveauReponse(grille(0, 0, 0, 0, 0), 'immediate')).toBe('appui_ponctuel');
    expect(niveauReponse(grille(2, 2, 2, 0, 0), 'immediate')).toBe('coordination');
    expect(niveauReponse(grille(2, 0, 0, 0, 0), 'rapide')).toBe('appui_ponctuel');
  });
});

describe('accès à une situation', () => {
  const equipe = 'e1';
  const situation = { organisationId: equipe, referentId: 'ref', intervenants: ['gc2'] };
  const membre = (role: 'coordinateur_appui' | 'gestionnaire_cas', organisationId = equipe) => [{ organisationId, role }];
  it('complet pour le référent et les intervenants, existence pour l’équipe, rien pour les autres', () => {
    expect(accesSituation('ref', membre('gestionnaire_cas'), situation)).toBe('complet');
    expect(accesSituation('gc2', membre('gestionnaire_cas'), situation)).toBe('complet');
    expect(accesSituation('gc3', membre('gestionnaire_cas'), situation)).toBe('existence');
    expect(accesSituation('coord', membre('coordinateur_appui'), situation)).toBe('existence');
    expect(accesSituation('autre', membre('coordinateur_appui', 'e2'), situation)).toBe('aucun');
    expect(accesSituation('ref', [], situation)).toBe('aucun');
  });
  it('un motif déclaré ouvre la situation à un membre de l’équipe, jamais à un étranger', () => {
    expect(accesSituation('gc3', membre('gestionnaire_cas'), situation, true)).toBe('complet');
    expect(accesSituation('autre', [], situation, true)).toBe('aucun');
  });
  it('le journal des accès : le référent et la coordination de l’équipe', () => {
    expect(peutLireJournalAcces('ref', membre('gestionnaire_cas'), situation)).toBe(true);
    expect(peutLireJournalAcces('coord', membre('coordinateur_appui'), situation)).toBe(true);
    expect(peutLireJournalAcces('gc2', membre('gestionnaire_cas'), situation)).toBe(false);
  });
  it('une demande : la coordination trie, le référent et qui l’a saisie la lisent', () => {
    const demande = { organisationId: equipe, referentId: null, saisieParId: 'tel' };
    expect(accesDemande('coord', membre('coordinateur_appui'), demande)).toBe('complet');
    expect(accesDemande('tel', membre('gestionnaire_cas'), demande)).toBe('complet');
    expect(accesDemande('gc3', membre('gestionnaire_cas'), demande)).toBe('existence');
    expect(accesDemande('tel', [], demande)).toBe('aucun');
  });
});

describe('délais', () => {
  it('mesure le délai en heures et dit le retard selon l’urgence', () => {
    expect(delaiHeures('2026-01-05T08:00:00Z', '2026-01-06T20:00:00Z')).toBe(36);
    expect(delaiHeures('2026-01-05T08:00:00Z', null)).toBeNull();
    expect(premierContactEnRetard('immediate', '2026-01-05T08:00:00Z', '2026-01-06T20:00:00Z')).toBe(true);
    expect(premierContactEnRetard('rapide', '2026-01-05T08:00:00Z', '2026-01-06T20:00:00Z')).toBe(false);
    expect(premierContactEnRetard('normale', '2026-01-05T08:00:00Z', null, new Date('2026-01-13T08:00:00Z'))).toBe(true);
  });
});
