/** Contracts of a contract's diagnostic (GET /api/contrats/{id}/diagnostic), its funding already on the territory, vulnerability and typologies. */
import { z } from 'zod';
import { POLARITES, type Polarite } from '../diagnostics/agregation';
import { agregatIndicateur, territoireCode } from './diagnostics';

export const verbatimVue = z.object({
  id: z.uuid(),
  texte: z.string(),
  locuteur: z.string(),
  communeCode: z.string().nullable(),
  source: z.string().nullable(),
  dateRecueil: z.string().nullable(),
});
export type Verbatim = z.infer<typeof verbatimVue>;
export const rencontreVue = z.object({
  id: z.uuid(),
  type: z.string(),
  titre: z.string(),
  dateRencontre: z.string().nullable(),
  participants: z.string().nullable(),
  synthese: z.string().nullable(),
});
export type Rencontre = z.infer<typeof rencontreVue>;
export const constatVue = z.object({
  id: z.uuid(),
  intitule: z.string(),
  description: z.string().nullable(),
  indicateurs: z.array(z.string()),
  verbatims: z.array(z.string()),
  besoins: z.array(z.string()),
});
export type Constat = z.infer<typeof constatVue>;
export const besoinVue = z.object({
  id: z.uuid(),
  intitule: z.string(),
  description: z.string().nullable(),
  constats: z.array(z.string()),
  priorites: z.array(z.string()),
});
export type Besoin = z.infer<typeof besoinVue>;
export const prioriteVue = z.object({
  id: z.uuid(),
  intitule: z.string(),
  description: z.string().nullable(),
  besoins: z.array(z.string()),
  axes: z.array(z.string()),
});
export type PrioriteDiagnostic = z.infer<typeof prioriteVue>;
export const axeDiagnostic = z.object({ id: z.uuid(), numero: z.number().int(), intitule: z.string() });
export type AxeDiagnostic = z.infer<typeof axeDiagnostic>;

/** A funding already on the territory (seed 003). */
export const financementTerritoireVue = z.object({
  id: z.uuid(),
  financeurId: z.string().nullable(),
  financeur: z.string(),
  financeurLibelle: z.string().nullable(),
  dispositif: z.string(),
  montantCentimes: z.number().nullable(),
  anneeDebut: z.number().int(),
  anneeFin: z.number().int().nullable(),
  objet: z.string(),
  source: z.string().nullable(),
});
export type FinancementTerritoire = z.infer<typeof financementTerritoireVue>;

/** The `financementsTerritoire` part of the diagnostic: the lines, their total (a floor when an amount is unknown), the contract's own funding. */
export const financementsTerritoireVue = z.object({
  lignes: z.array(financementTerritoireVue),
  total: z.object({
    montantCentimes: z.number(),
    lignes: z.number().int(),
    sansMontant: z.number().int().describe('Lignes sans montant connu : le total est alors un plancher'),
  }),
  contrat: z
    .object({
      fichesCentimes: z.number(),
      horsFichesCentimes: z.number(),
      totalCentimes: z.number(),
      acquisCentimes: z.number(),
      lignes: z.number().int(),
    })
    .describe('Le financement propre du contrat (fiches et contrat), lignes refusées exclues'),
});
export type FinancementsTerritoire = z.infer<typeof financementsTerritoireVue>;

export const diagnosticVue = z.object({
  contrat: z.object({ id: z.uuid(), intitule: z.string(), population: z.number(), nombreCommunes: z.number().int() }),
  territoires: z.array(territoireCode),
  indicateurs: z.array(agregatIndicateur),
  verbatims: z.array(verbatimVue),
  rencontres: z.array(rencontreVue),
  constats: z.array(constatVue),
  besoins: z.array(besoinVue),
  priorites: z.array(prioriteVue),
  axes: z.array(axeDiagnostic),
  financementsTerritoire: financementsTerritoireVue,
});
export type Diagnostic = z.infer<typeof diagnosticVue>;

/** GET /api/typologies: a typology of a region's EPCIs, its classes as published. */
export const typologieVue = z.object({
  code: z.string(),
  regionCode: z.string(),
  intitule: z.string(),
  source: z.string(),
  note: z.string().nullable(),
  classes: z.array(
    z.object({
      code: z.string(),
      description: z.string(),
      nombreEpciPublie: z.number().nullable(),
      habitantsPublies: z.number().nullable(),
      partPopulationPubliee: z.number().nullable(),
      epciAffectes: z.number(),
    }),
  ),
});
export type Typologie = z.infer<typeof typologieVue>;

/** GET /api/vulnerabilite */
export const vulnerabiliteVue = z.object({
  region: z.string(),
  criteres: z.array(
    z.object({
      indicateur: z.string(),
      libelle: z.string(),
      polarite: z.enum(Object.keys(POLARITES) as [Polarite, ...Polarite[]]),
      poids: z.number(),
      periode: z.string().nullable(),
      choixPeriode: z
        .enum(['choisie', 'derniere_par_epci'])
        .describe('Une période choisie pour tous les EPCI, ou la plus récente de chacun'),
      periodesUtilisees: z.array(z.string()),
    }),
  ),
  typologie: typologieVue.nullable(),
  classe: z.string().nullable(),
  epci: z.array(
    z.object({
      territoire: z.string(),
      nom: z.string(),
      population: z.number(),
      score: z.number().nullable().describe('Seulement pour un EPCI renseigné pour tous les critères'),
      scorePartiel: z.number().nullable().describe('Sur les seuls critères renseignés : indicatif, sans rang'),
      rang: z.number().int().nullable(),
      complet: z.boolean(),
      contributions: z.record(z.string(), z.number().nullable()),
      criteresRenseignes: z.number().int(),
      criteresRetenus: z.number().int(),
      couverture: z.object({ renseignes: z.number().int(), retenus: z.number().int(), texte: z.string() }),
      valeurs: z.record(z.string(), z.number().nullable()),
      periodes: z.record(z.string(), z.string().nullable()),
      classe: z.object({ code: z.string(), description: z.string() }).nullable(),
      contrats: z.array(z.object({ id: z.uuid(), intitule: z.string(), statut: z.string() })),
      couvert: z.boolean(),
      departementCode: z.string().nullable().optional(),
    }),
  ),
});
export type Vulnerabilite = z.infer<typeof vulnerabiliteVue>;
