import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { can, type Sujet } from '../permissions';
import { communesAtteintes, entreeSollicitation, normaliserMissions, texteHoraires } from './regles';
import { lireBundleRor } from './ror';

const BUNDLE = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../shared/interop/ror/bundle-recherche.json'), 'utf8'));

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

describe('lecture d’un Bundle ROR', () => {
  it('reprend l’offre de l’exemple de l’ANS et dit ce qu’elle n’a pas pu reprendre', () => {
    const { offres, autres, erreurs } = lireBundleRor(BUNDLE);
    expect(erreurs).toEqual([]);
    expect(offres).toHaveLength(1);
    expect(offres[0]).toMatchObject({
      entree: 1,
      rorId: '06/0099999',
      nom: '5812 Chirurgie gynécologique - HOSPITALISATION COMPLETE',
      organisation: null,
      organisationReference: 'Organization/999999',
      typeCode: 'etablissement_sante',
      missions: ['soins'],
      publics: [],
      communeCode: null,
      horaires: 'Lundi au dimanche : 00:00–23:59',
      contacts: [{ type: 'telephone', valeur: '0199999999', libelle: 'Téléphone fixe' }],
    });
    expect(offres[0].nonMappes).toContain('lieu Location/888888 absent du Bundle : adresse et commune non renseignées');
    expect(autres).toEqual([
      {
        entree: 2,
        reference: 'Location/ror-location-exemple',
        type: 'Location',
        nom: null,
        note: 'aucune offre du Bundle n’y renvoie : non reprise',
      },
    ]);
  });

  it('prend la commune et l’adresse du lieu quand l’offre y renvoie, et le FINESS de son organisation', () => {
    const b = structuredClone(BUNDLE);
    b.entry[0].resource.location = [{ reference: 'Location/ror-location-exemple' }];
    b.entry.push({
      resource: {
        resourceType: 'Organization',
        id: '999999',
        name: 'Clinique',
        identifier: [{ system: 'http://finess.sante.gouv.fr', value: '350000139' }],
      },
    });
    const { offres } = lireBundleRor(b);
    expect(offres[0]).toMatchObject({
      communeCode: '78646',
      adresse: '7 rue porte de Buc, 78000 Versailles',
      organisation: { reference: 'Organization/999999', finess: '350000139' },
    });
  });

  it('refuse ce qui n’est pas un Bundle, et nomme l’offre sans nom', () => {
    expect(lireBundleRor({ resourceType: 'Patient' }).erreurs[0].message).toMatch(/n’est pas un Bundle FHIR/);
    expect(lireBundleRor({ resourceType: 'Bundle', entry: [] }).erreurs[0].message).toMatch(/aucune entrée/);
    const b = structuredClone(BUNDLE);
    delete b.entry[0].resource.name;
    expect(lireBundleRor(b).erreurs).toEqual([
      { entree: 1, message: 'Entrée 1 (HealthcareService 06/0099999) : l’offre n’a pas de nom (name).' },
    ]);
  });
});

describe('Bundle ROR mal formé', () => {
  it('lit sans s’arrêter des champs qui ne sont pas à leur forme FHIR', () => {
    const b = structuredClone(BUNDLE);
    Object.assign(b.entry[0].resource, {
      identifier: 'x',
      extension: { url: 1 },
      category: 3,
      availableTime: [{ daysOfWeek: 'mon', availableStartTime: 9 }],
      location: null,
      telecom: [null],
    });
    b.entry.push(null, { resource: 'texte' });
    const { offres, erreurs } = lireBundleRor(b);
    expect(offres[0]).toMatchObject({ rorId: '1234564', horaires: null, contacts: [] });
    expect(erreurs.map((e) => e.entree)).toEqual([3, 4]);
  });
});
