// The ANS sample bundle is a file of ../shared: read here, on the server side, so that the domain's tests stay pure.
import fs from 'node:fs';
import path from 'node:path';
import { lireBundleRor } from '@maillage/domain';
import { describe, expect, it } from 'vitest';

const BUNDLE = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../../shared/interop/ror/bundle-recherche.json'), 'utf8'));

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
