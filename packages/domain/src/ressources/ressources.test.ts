import { describe, expect, it } from 'vitest';
import { can, type Sujet } from '../permissions';
import { communesAtteintes, entreeSollicitation, normaliserMissions, texteHoraires } from './regles';

describe('règles du répertoire des ressources', () => {
  it('une activité de la mission 2 implique la mission 2, dans l’ordre du vocabulaire', () => {
    expect(normaliserMissions(['soins', 'concertation'])).toEqual(['appui_parcours', 'concertation', 'soins']);
    expect(normaliserMissions(['information_orientation'])).toEqual(['information_orientation']);
  });

  it('une ressource sans zone atteint sa commune, et rien sans commune', () => {
    expect(communesAtteintes(['35236', '35145', '35236'], '56152')).toEqual(['35145', '35236']);
    expect(communesAtteintes([], '35236')).toEqual(['35236']);
    expect(communesAtteintes([], null)).toEqual([]);
  });

  it('range qui sollicite en entrée public, professionnels ou les deux', () => {
    expect(entreeSollicitation(['usager', 'aidant'])).toBe('public');
    expect(entreeSollicitation(['medecin_traitant'])).toBe('professionnels');
    expect(entreeSollicitation(['aidant', 'etablissement'])).toBe('les_deux');
    expect(entreeSollicitation([])).toBe('non_renseigne');
  });

  it('écrit les horaires en regroupant les jours aux mêmes heures', () => {
    expect(texteHoraires(['mon', 'tue', 'wed', 'thu', 'fri'].map((j) => ({ jours: [j], debut: '09:00:00', fin: '17:30:00' })))).toBe(
      'Lundi au vendredi : 09:00–17:30',
    );
    expect(
      texteHoraires([
        { jours: ['mon', 'thu'], debut: '14:00', fin: '18:00' },
        { jours: ['sat'], toujours: true },
      ]),
    ).toBe('Lundi, jeudi : 14:00–18:00 ; samedi : 24 h sur 24');
    expect(texteHoraires([])).toBeNull();
  });

  it('laisse modifier les référents de l’organisation, l’ARS de la région et la coordination d’un contrat du territoire', () => {
    const ressource = { type: 'ressource' as const, organisationId: 'org-1', regions: ['53'], contrats: ['cls-1'] };
    const sujet = (habilitations: Sujet['habilitations']): Sujet => ({ userId: 'u', organisationId: null, habilitations });
    expect(can(sujet([{ role: 'referent_organisation', organisationId: 'org-1' }]), 'modifier', ressource)).toBe(true);
    expect(can(sujet([{ role: 'referent_organisation', organisationId: 'org-2' }]), 'modifier', ressource)).toBe(false);
    expect(can(sujet([{ role: 'ars_regional', regionCode: '53' }]), 'modifier', ressource)).toBe(true);
    expect(can(sujet([{ role: 'ars_regional', regionCode: '52' }]), 'modifier', ressource)).toBe(false);
    expect(can(sujet([{ role: 'coordonnateur', contratId: 'cls-1' }]), 'creer', ressource)).toBe(true);
    expect(can(sujet([{ role: 'pilote', contratId: 'cls-1' }]), 'modifier', ressource)).toBe(false);
    expect(can(sujet([{ role: 'coordonnateur', contratId: 'cls-1' }]), 'supprimer', ressource)).toBe(false);
    expect(can(null, 'lire', ressource)).toBe(false);
  });
});
