import { JEUX_OUVERTS } from '@maillage/domain/api';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erreursDescripteur, validerCsv } from '../../../test/donnees-ouvertes/valider-table';
import { demarrerServeurDeTest, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
let catalogue: any;
const PUBLIC = 'http://maillage.test'; // PUBLIC_URL of the test server
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';

/** An absolute URL of the catalogue, fetched from the test server (same path, its real port). */
const obtenir = (url: string) => {
  expect(url.startsWith(`${PUBLIC}/`), url).toBe(true);
  return fetch(serveur.url + url.slice(PUBLIC.length));
};

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  const r = await fetch(`${serveur.url}/api/public/catalogue.jsonld`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
  catalogue = await r.json();
});
afterAll(() => serveur.fermer());

describe('catalogue DCAT des données ouvertes (JSON-LD)', () => {
  it('est du JSON-LD qui se développe en un dcat:Catalog et ses dcat:Dataset (jsonld, sans contexte distant)', async () => {
    const developpe = await jsonld.expand(catalogue);
    const noeuds = (await jsonld.flatten(catalogue)) as any;
    const graphe: any[] = noeuds['@graph'] ?? noeuds;
    expect(developpe[0]['@type']).toEqual([`${DCAT}Catalog`]);
    const jeux = graphe.filter((n) => n['@type']?.includes(`${DCAT}Dataset`));
    const distributions = graphe.filter((n) => n['@type']?.includes(`${DCAT}Distribution`));
    expect(jeux.length).toBe(JEUX_OUVERTS.length);
    expect(distributions.length).toBe(JEUX_OUVERTS.length * 2);
    for (const jeu of jeux) {
      for (const propriete of ['title', 'description', 'publisher', 'license', 'identifier'])
        expect(jeu[`${DCT}${propriete}`], `${jeu['@id']} dct:${propriete}`).toBeDefined();
      expect(jeu[`${DCAT}distribution`].length).toBe(2);
      expect(jeu[`${DCT}license`]).toEqual([{ '@id': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' }]);
    }
    for (const d of distributions) expect(d[`${DCAT}downloadURL`][0]['@id']).toMatch(/^http:\/\/maillage\.test\/api\/public\//);
  });

  it('décrit chaque jeu : titre, description, éditeur, licence Etalab 2.0, adresses absolues', () => {
    expect(catalogue['@type']).toBe('dcat:Catalog');
    expect(catalogue['@id']).toBe(`${PUBLIC}/api/public/catalogue.jsonld`);
    expect(catalogue['dct:publisher']).toEqual({ '@type': 'foaf:Agent', 'foaf:name': 'Maillage' });
    expect(catalogue['dcat:dataset'].map((j: any) => j['dct:identifier'])).toEqual(JEUX_OUVERTS.map((j) => `maillage-${j}`));
    for (const jeu of catalogue['dcat:dataset']) {
      expect(jeu['dct:title']).toBeTruthy();
      expect(jeu['dct:description'].length).toBeGreaterThan(40);
      expect(jeu['dcat:keyword'].length).toBeGreaterThan(0);
      expect(jeu['dct:license']).toEqual({ '@id': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' });
      expect(jeu['dcat:distribution'].map((d: any) => d['dct:format'])).toEqual(['CSV', 'JSON']);
    }
  });

  it('chaque distribution répond 200 avec son type de média ; le CSV est conforme au schéma qu’il annonce', async () => {
    for (const jeu of catalogue['dcat:dataset']) {
      const schemaJeu = await obtenir(jeu['dct:conformsTo']['@id']);
      expect(schemaJeu.status).toBe(200);
      const descripteur = (await schemaJeu.json()) as any;
      expect(erreursDescripteur(descripteur)).toEqual([]);
      expect(descripteur.title).toBe(jeu['dct:title']);
      for (const d of jeu['dcat:distribution']) {
        const r = await obtenir(d['dcat:downloadURL']['@id']);
        expect(r.status, d['dcat:downloadURL']['@id']).toBe(200);
        expect(r.headers.get('content-type')?.split(';')[0]).toBe(d['dcat:mediaType']);
        const corps = await r.text();
        if (d['dct:format'] === 'CSV') {
          expect(d['dct:conformsTo']).toEqual(jeu['dct:conformsTo']);
          expect(validerCsv(corps, descripteur)).toEqual([]);
        } else expect(Array.isArray(JSON.parse(corps))).toBe(true);
      }
    }
  });

  it('dit la date de dernière modification de chaque jeu qui a des enregistrements', async () => {
    const contrats = catalogue['dcat:dataset'].find((j: any) => j['dct:identifier'] === 'maillage-contrats');
    const json = (await (await fetch(`${serveur.url}/api/public/contrats`)).json()) as any[];
    const derniere = json
      .map((c: any) => c.modifieLe)
      .sort()
      .at(-1);
    expect(contrats['dct:modified']).toEqual({ '@value': derniere, '@type': 'xsd:dateTime' });
  });

  it('date chaque jeu par la dernière modification de ses enregistrements JSON, sans date pour un jeu vide', async () => {
    for (const jeu of catalogue['dcat:dataset']) {
      const json = jeu['dcat:distribution'].find((d: any) => d['dct:format'] === 'JSON');
      const enregistrements = (await (await obtenir(json['dcat:downloadURL']['@id'])).json()) as any[];
      const derniere = enregistrements
        .map((e) => e.modifieLe)
        .sort()
        .at(-1);
      // No record yet (the demo has no validated value): no dct:modified.
      expect(jeu['dct:modified'], jeu['dct:identifier']).toEqual(derniere && { '@value': derniere, '@type': 'xsd:dateTime' });
    }
  });
});
