import { JEUX_OUVERTS, type JeuOuvert } from '@maillage/domain/api';
import type { Contexte } from '../../platform/contexte';
import { dernieresModifications } from './donnees-ouvertes.queries';
import { schemaDuJeu } from './donnees-ouvertes.service';
import { contratsPublies } from './public.service';

/** Licence Ouverte 2.0 as data.gouv.fr recognises it (its URL, the licence's identifier « etalab-2.0 »). */
export const LICENCE_OUVERTE = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

/**
 * Where each dataset's JSON and CSV live and what it is about; the schema is `/api/public/schemas/<jeu>.json`. The
 * resources' JSON is `ressources.json`: `/api/public/ressources` is the directory's search (filters, 500 at most).
 */
const JEUX: Record<JeuOuvert, { json: string; csv: string; page: string; motsCles: string[] }> = {
  contrats: {
    json: '/api/public/contrats',
    csv: '/api/public/contrats.csv',
    page: '/public/contrats',
    motsCles: ['santé', 'contrat local de santé', 'CLS', 'territoire'],
  },
  fiches: {
    json: '/api/public/fiches',
    csv: '/api/public/fiches.csv',
    page: '/public/contrats',
    motsCles: ['santé', 'contrat local de santé', 'fiche-action', 'plan d’action'],
  },
  indicateurs: {
    json: '/api/public/indicateurs',
    csv: '/api/public/indicateurs.csv',
    page: '/public/contrats',
    motsCles: ['santé', 'contrat local de santé', 'indicateur', 'suivi', 'évaluation'],
  },
  ressources: {
    json: '/api/public/ressources.json',
    csv: '/api/public/ressources.csv',
    page: '/public/ressources',
    motsCles: ['santé', 'annuaire', 'ressources', 'dispositifs', 'accès aux soins'],
  },
};

const CONTEXTE = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const lien = (url: string) => ({ '@id': url });
const horodatage = (iso: string) => ({ '@value': iso, '@type': 'xsd:dateTime' });

function jeuDcat(base: string, jeu: JeuOuvert, editeur: object, modifie: string | null) {
  const { json, csv, page, motsCles } = JEUX[jeu];
  const schema = schemaDuJeu(jeu);
  const urlSchema = `${base}/api/public/schemas/${jeu}.json`;
  // The schema describes the CSV (a table): the JSON distribution carries the same records, but conforms to no Table Schema.
  const distribution = (format: 'CSV' | 'JSON', url: string, mediaType: string) => ({
    '@id': `${url}#distribution`,
    '@type': 'dcat:Distribution',
    'dct:title': `${schema.title} (${format})`,
    'dct:format': format,
    'dcat:mediaType': mediaType,
    'dcat:downloadURL': lien(url),
    'dcat:accessURL': lien(url),
    'dct:license': lien(LICENCE_OUVERTE),
    ...(format === 'CSV' ? { 'dct:conformsTo': lien(urlSchema) } : {}),
    ...(modifie ? { 'dct:modified': horodatage(modifie) } : {}),
  });
  return {
    '@id': `${base}/api/public/catalogue.jsonld#${jeu}`,
    '@type': 'dcat:Dataset' as const,
    'dct:identifier': `maillage-${jeu}`,
    'dct:title': schema.title,
    'dct:description': schema.description,
    'dcat:keyword': motsCles,
    'dct:publisher': editeur,
    'dct:license': lien(LICENCE_OUVERTE),
    'dct:language': lien('http://publications.europa.eu/resource/authority/language/FRA'),
    'dct:accrualPeriodicity': lien('http://purl.org/cld/freq/continuous'),
    'dct:conformsTo': lien(urlSchema),
    'dcat:landingPage': lien(`${base}${page}`),
    ...(modifie ? { 'dct:modified': horodatage(modifie) } : {}),
    'dcat:distribution': [distribution('CSV', `${base}${csv}`, 'text/csv'), distribution('JSON', `${base}${json}`, 'application/json')],
  };
}

/**
 * The DCAT catalogue of the open data, in JSON-LD, for data.gouv.fr's DCAT harvester (and any other): one dcat:Dataset
 * per public dataset with its CSV and JSON distributions, each conforming to the dataset's Table Schema. Every URL is
 * absolute, from PUBLIC_URL.
 */
export async function catalogueDcat(ctx: Contexte) {
  const base = ctx.config.publicUrl;
  const editeur = { '@type': 'foaf:Agent', 'foaf:name': ctx.config.editeurDonnees };
  // Each dataset dated by one max() query over the published contracts' rows, not by reading the four datasets.
  const publies = (await contratsPublies(ctx)).map((c) => c.id);
  const modifies = await dernieresModifications(ctx.db, publies);
  const jeux = JEUX_OUVERTS.map((jeu) => jeuDcat(base, jeu, editeur, modifies[jeu]));
  const derniere = Object.values(modifies)
    .filter((m): m is string => m !== null)
    .sort()
    .at(-1);
  return {
    '@context': CONTEXTE,
    '@id': `${base}/api/public/catalogue.jsonld`,
    '@type': 'dcat:Catalog' as const,
    'dct:title': `Données ouvertes de ${ctx.config.editeurDonnees} : contrats locaux de santé`,
    'dct:description':
      'Les contrats locaux de santé publiés, leurs fiches-action, les valeurs validées de leurs indicateurs de suivi et le répertoire des ressources publiées, chacun décrit par un schéma Table Schema.',
    'dct:publisher': editeur,
    'dct:license': lien(LICENCE_OUVERTE),
    'dct:language': lien('http://publications.europa.eu/resource/authority/language/FRA'),
    'foaf:homepage': lien(`${base}/public/contrats`),
    ...(derniere ? { 'dct:modified': horodatage(derniere) } : {}),
    'dcat:dataset': jeux,
  };
}
