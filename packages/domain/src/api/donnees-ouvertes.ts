/**
 * Open data beyond the contracts (issue 19, point 3): the fiches and validated follow-up values of published contracts,
 * the published directory resources, each described by a Table Schema, and the DCAT catalogue that lists them. The
 * CSV of a dataset has the JSON's fields, in this order, as its columns (lists joined with « ; »).
 */
import { z } from 'zod';
import { STATUTS_FICHE } from '../contrats';

/** The public datasets, as their schema and CSV are named (`/api/public/schemas/{jeu}.json`). */
export const JEUX_OUVERTS = ['contrats', 'fiches', 'indicateurs', 'ressources'] as const;
export type JeuOuvert = (typeof JEUX_OUVERTS)[number];

const date = z.string().nullable();

export const ficheOuverteSchema = z.object({
  id: z.uuid().describe('Identifiant stable de la fiche-action'),
  contratId: z.uuid().describe('Identifiant du contrat publié (champ id du jeu « contrats »)'),
  contratIntitule: z.string().describe('Intitulé du contrat'),
  numero: z.number().int().describe('Numéro de la fiche dans son contrat'),
  intitule: z.string().describe('Intitulé de la fiche-action'),
  statut: z.enum(STATUTS_FICHE).describe('Statut (code) : a_venir, en_cours, realisee, en_retard, en_pause, abandonnee'),
  statutLibelle: z.string().describe('Statut en toutes lettres'),
  axe: z.string().nullable().describe('Intitulé de l’axe stratégique, ou vide'),
  objectif: z.string().nullable().describe('Intitulé de l’objectif stratégique, ou vide'),
  debut: date.describe('Début prévu (AAAA-MM-JJ), ou vide'),
  fin: date.describe('Fin prévue (AAAA-MM-JJ), ou vide'),
  description: z.string().nullable().describe('Description de l’action, ou vide'),
  thematiques: z.array(z.string()).describe('Codes des thématiques'),
  publics: z.array(z.string()).describe('Codes des publics visés'),
  pilotes: z.array(z.string()).describe('Organisations pilotes (et leur service), jamais des personnes'),
  avancement: z.number().nullable().describe('Avancement (0 à 100) d’après les valeurs validées, ou le statut ; vide si abandonnée'),
  url: z.string().describe('Adresse de la page publique du contrat'),
  modifieLe: z.string().describe('Dernière modification (date et heure ISO 8601, UTC)'),
});
export type FicheOuverte = z.infer<typeof ficheOuverteSchema>;

export const valeurSuiviOuverteSchema = z.object({
  indicateurId: z.uuid().describe('Identifiant de l’indicateur de suivi'),
  periode: z.string().describe('Période mesurée : année (2024), semestre (2024-S1) ou trimestre (2024-T3)'),
  contratId: z.uuid().describe('Identifiant du contrat publié'),
  ficheId: z.uuid().describe('Identifiant de la fiche-action (champ id du jeu « fiches »)'),
  ficheNumero: z.number().int().describe('Numéro de la fiche dans son contrat'),
  libelle: z.string().describe('Libellé de l’indicateur'),
  type: z.enum(['processus', 'activite', 'resultat']).describe('Type d’indicateur : processus, activite, resultat'),
  unite: z.string().nullable().describe('Unité, ou vide'),
  source: z.string().nullable().describe('Source de la donnée, ou vide'),
  pourcentage: z.boolean().describe('La valeur est un pourcentage (numérateur / dénominateur)'),
  valeur: z.number().nullable().describe('Valeur validée (pour un pourcentage : de 0 à 100)'),
  numerateur: z.number().nullable().describe('Numérateur d’un pourcentage, ou vide'),
  denominateur: z.number().nullable().describe('Dénominateur d’un pourcentage, ou vide'),
  modifieLe: z.string().describe('Dernière modification de la valeur (date et heure ISO 8601, UTC)'),
});
export type ValeurSuiviOuverte = z.infer<typeof valeurSuiviOuverteSchema>;

export const ressourceOuverteSchema = z.object({
  id: z.uuid().describe('Identifiant stable de la ressource'),
  nom: z.string().describe('Nom de la ressource'),
  typeCode: z.string().describe('Type de ressource (code)'),
  typeLibelle: z.string().describe('Type de ressource en toutes lettres'),
  organisation: z.string().describe('Organisation qui la porte'),
  publics: z.array(z.string()).describe('Codes des publics accueillis'),
  missions: z.array(z.string()).describe('Codes des missions'),
  niveau: z.string().describe('Niveau : porte_entree, coordination_proximite, effecteur, cooperation_territoriale'),
  sollicitablePar: z.array(z.string()).describe('Qui peut la solliciter (codes)'),
  adresse: z.string().nullable().describe('Adresse, ou vide'),
  communeCode: z.string().nullable().describe('Code INSEE de sa commune, ou vide'),
  communeNom: z.string().nullable().describe('Nom de sa commune, ou vide'),
  horaires: z.string().nullable().describe('Horaires, ou vide'),
  telephones: z.array(z.string()).describe('Téléphones publiés'),
  courriels: z.array(z.string()).describe('Courriels publiés'),
  sites: z.array(z.string()).describe('Sites internet publiés'),
  criteresInclusion: z.string().nullable().describe('Critères d’inclusion, ou vide'),
  modifieLe: z.string().describe('Dernière modification (date et heure ISO 8601, UTC)'),
});
export type RessourceOuverte = z.infer<typeof ressourceOuverteSchema>;

/** A Table Schema (https://specs.frictionlessdata.io/table-schema/) as served: its descriptor, kept open. */
export const tableSchemaVue = z.looseObject({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  version: z.string(),
  fields: z.array(z.looseObject({ name: z.string(), type: z.string() })),
  primaryKey: z.union([z.string(), z.array(z.string())]),
  missingValues: z.array(z.string()),
});

/** The DCAT catalogue in JSON-LD, kept open: its shape is DCAT's (checked by the tests), not ours. */
export const catalogueDcatVue = z.looseObject({
  '@context': z.record(z.string(), z.unknown()),
  '@id': z.string(),
  '@type': z.literal('dcat:Catalog'),
  'dcat:dataset': z.array(z.looseObject({ '@id': z.string(), '@type': z.literal('dcat:Dataset') })),
});

export const paramJeuOuvert = z.object({
  jeu: z
    .string()
    .max(40)
    .describe(`Le jeu de données : ${JEUX_OUVERTS.join(', ')}`),
});
