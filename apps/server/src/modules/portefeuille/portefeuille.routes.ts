import { STATUTS_CONTRAT } from '@maillage/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { exporterPortefeuilleCsv, exporterPortefeuilleXlsx, portefeuille, regionDemandee } from './portefeuille.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme };
const requete = z.object({
  region: z.string().regex(/^\d{2,3}$/, 'Code INSEE de région attendu (ex. 53)').optional().describe('Code INSEE de la région ; par défaut, celle de l’agent ARS'),
});
const periode = z.object({ debut: z.string().nullable(), fin: z.string().nullable() });
const decompte = z.object({ code: z.string(), libelle: z.string(), contrats: z.number().int().describe('Contrats en cours concernés'), nombre: z.number().int().describe('Fiches-action (ou axes, pour le PRS)') });

const portefeuilleVue = z.object({
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
      actuel: z.object({ pourcent: z.number().nullable(), date: z.string() }).describe('Couverture calculée aujourd’hui sur les contrats signés ou en évaluation enregistrés'),
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
      z.object({ code: z.string(), nom: z.string(), population: z.number(), populationCouverte: z.number(), pourcent: z.number().nullable(), communes: z.number().int(), communesCouvertes: z.number().int(), contrats: z.number().int() }),
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
      z.object({ code: z.string(), nom: z.string(), departementCode: z.string().nullable(), population: z.number(), score: z.number().nullable(), scorePartiel: z.number().nullable().describe('score sur les seuls critères renseignés, pour un EPCI partiellement renseigné (non classé)'), rang: z.number().int().nullable(), criteresRenseignes: z.number().int() }),
    ),
  }),
  thematiques: z.array(decompte),
  determinants: z.array(decompte),
  axesPrs: z.array(decompte),
  financements: z.object({
    total: z.number().describe('En centimes, lignes refusées exclues'),
    parFinanceur: z.array(z.object({ financeur: z.string(), acquis: z.number(), prevu: z.number(), total: z.number(), contrats: z.number().int() })),
  }),
  alertes: z.array(z.object({ type: z.string(), gravite: z.string(), message: z.string(), contratId: z.uuid(), contratIntitule: z.string() })),
});

export function routesPortefeuille(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Portefeuille régional'];

  r.get('/api/portefeuille', {
    schema: {
      tags: t,
      summary: 'Le portefeuille régional : contrats de la région (interrégionaux compris), couverture de la population, EPCI non couverts, thématiques, financements, alertes',
      description: 'Réservé à l’ARS de la région et aux administrateurs. Les montants sont en centimes.',
      querystring: requete,
      response: { 200: portefeuilleVue, ...erreurs },
    },
    handler: (req) => portefeuille(ctx, req.utilisateur, regionDemandee(req.utilisateur, req.query.region)),
  });

  for (const format of ['xlsx', 'csv'] as const) {
    r.get(`/api/portefeuille.${format}`, {
      schema: {
        tags: t,
        summary: format === 'xlsx' ? 'Le portefeuille en classeur Excel (une feuille par section)' : 'Les contrats du portefeuille en CSV pour Excel (séparateur « ; », UTF-8 avec BOM)',
        querystring: requete,
        produces: [format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv'],
        response: { 200: z.unknown().describe('Fichier en pièce jointe'), ...erreurs },
      },
      handler: async (req, rep) => {
        const region = regionDemandee(req.utilisateur, req.query.region);
        const f = format === 'xlsx' ? await exporterPortefeuilleXlsx(ctx, req.utilisateur, region) : await exporterPortefeuilleCsv(ctx, req.utilisateur, region);
        return rep.type(f.type).header('content-disposition', `attachment; filename="${f.nom}"`).send(f.contenu);
      },
    });
  }
}
