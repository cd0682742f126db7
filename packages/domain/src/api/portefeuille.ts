/** Contract of the regional portfolio route (GET /api/portefeuille). */
import { z } from 'zod';
import { activiteAppuiVue } from './appui-activite';
import { STATUTS_CONTRAT } from '../contrats';

const periode = z.object({ debut: z.string().nullable(), fin: z.string().nullable() });
export const decompte = z.object({
  code: z.string(),
  libelle: z.string(),
  contrats: z.number().int().describe('Contrats en cours concernés'),
  nombre: z.number().int().describe('Fiches-action (ou axes, pour le PRS)'),
});

export const portefeuilleVue = z.object({
  region: z.object({ code: z.string(), nom: z.string(), population: z.number() }),
  cibleCouverturePourcent: z.number().nullable().describe('Cible de la doctrine régionale ; null quand elle n’en fixe pas'),
  objectifCouverture: z
    .object({
      cible: z.number().describe('Part de la population à couvrir, en %'),
      echeance: z.string().nullable().describe('Année de la cible'),
      source: z.string().nullable().describe('Où la cible est fixée (CPOM, PRS…)'),
      reference: z
        .object({ pourcent: z.number(), date: z.string().nullable(), source: z.string().nullable() })
        .nullable()
        .describe('Couverture publiée dont la cible est partie, avec sa date et sa source'),
      actuel: z
        .object({ pourcent: z.number().nullable(), date: z.string() })
        .describe('Couverture calculée aujourd’hui sur les contrats signés ou en évaluation enregistrés'),
      atteinte: z.boolean(),
      manque: z.number().nullable().describe('Points de pourcentage qui manquent pour atteindre la cible'),
      progression: z.number().nullable().describe('Part du chemin parcouru depuis la référence vers la cible, en % (0 à 100)'),
      sousReference: z.boolean().describe('La couverture calculée est inférieure à la couverture de référence publiée'),
    })
    .nullable()
    .describe('Progression vers la cible de couverture de la doctrine régionale ; null sans cible'),
  chiffres: z.object({
    contrats: z.number().int(),
    enVigueur: z.number().int().describe('Contrats signés ou en évaluation'),
    interregionaux: z.number().int(),
    fiches: z.number().int(),
    alertes: z.number().int(),
    parStatut: z.array(z.object({ statut: z.enum(STATUTS_CONTRAT), libelle: z.string(), nombre: z.number().int() })),
    parGeneration: z.array(z.object({ generation: z.number().int(), nombre: z.number().int() })),
  }),
  couverture: z.object({
    population: z.number(),
    populationCouverte: z.number().describe('Population des communes de la région couvertes par un contrat signé ou en évaluation'),
    pourcent: z.number().nullable(),
    ecart: z.object({ atteinte: z.boolean(), manque: z.number() }).nullable(),
    communes: z.number().int(),
    communesCouvertes: z.number().int(),
    parDepartement: z.array(
      z.object({
        code: z.string(),
        nom: z.string(),
        population: z.number(),
        populationCouverte: z.number(),
        pourcent: z.number().nullable(),
        communes: z.number().int(),
        communesCouvertes: z.number().int(),
        contrats: z.number().int(),
      }),
    ),
  }),
  contrats: z.array(
    z.object({
      id: z.uuid(),
      intitule: z.string(),
      statut: z.enum(STATUTS_CONTRAT),
      statutLibelle: z.string(),
      generation: z.number().int(),
      periode,
      dateSignature: z.string().nullable(),
      regions: z.array(z.string()),
      departements: z.array(z.string()),
      population: z.number(),
      nombreCommunes: z.number().int(),
      nombreFiches: z.number().int(),
      publie: z.boolean(),
      interregional: z.boolean(),
      coordonnateurs: z.array(z.string()),
      alertes: z.number().int(),
    }),
  ),
  epciNonCouverts: z.object({
    criteres: z.array(z.object({ indicateur: z.string(), libelle: z.string(), polarite: z.string(), periode: z.string() })),
    epciRegion: z.number().int(),
    epci: z.array(
      z.object({
        code: z.string(),
        nom: z.string(),
        departementCode: z.string().nullable(),
        population: z.number(),
        score: z.number().nullable(),
        scorePartiel: z
          .number()
          .nullable()
          .describe('score sur les seuls critères renseignés, pour un EPCI partiellement renseigné (non classé)'),
        rang: z.number().int().nullable(),
        criteresRenseignes: z.number().int(),
      }),
    ),
  }),
  thematiques: z.array(decompte),
  determinants: z.array(decompte),
  axesPrs: z.array(decompte),
  financements: z.object({
    total: z.number().describe('En centimes, lignes refusées exclues'),
    parFinanceur: z.array(
      z.object({ financeur: z.string(), acquis: z.number(), prevu: z.number(), total: z.number(), contrats: z.number().int() }),
    ),
  }),
  alertes: z.array(
    z.object({ type: z.string(), gravite: z.string(), message: z.string(), contratId: z.uuid(), contratIntitule: z.string() }),
  ),
  activiteAppui: activiteAppuiVue
    .nullable()
    .optional()
    .describe('L’activité des équipes d’appui de la région (agrégée, sous secret statistique)'),
});
export type Portefeuille = z.infer<typeof portefeuilleVue>;
export type Decompte = z.infer<typeof decompte>;
export type ContratPortefeuille = Portefeuille['contrats'][number];
