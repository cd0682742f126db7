/** The contract of the fiche-action routes (tag Fiches-action). */
import { z } from 'zod';
import { ficheSaisieSchema, PRIORITES, STATUTS_FICHE, type FicheSaisie } from '..';

export const filtresFiches = z.object({
  axe: z.uuid().optional(),
  statut: z.enum(STATUTS_FICHE).optional(),
  pilote: z.uuid().optional(),
  thematique: z.string().max(50).optional(),
  financeur: z.uuid().optional(),
  public: z.string().max(50).optional(),
  q: z.string().max(200).optional(),
  tri: z.enum(['ordre', 'numero', 'intitule', 'statut', 'debut']).default('ordre'),
});

export const piloteFiche = z.object({
  organisationId: z.string().nullable(),
  organisationNom: z.string().nullable(),
  organisationSigle: z.string().nullable(),
  service: z.string().nullable(),
  libelle: z.string(),
});
export type PiloteFiche = z.infer<typeof piloteFiche>;
export const financementFiche = z.object({
  id: z.string(),
  financeurId: z.string().nullable(),
  financeurNom: z.string().nullable(),
  financeurLibelle: z.string().nullable(),
  dispositif: z.string(),
  annee: z.number(),
  montantCentimes: z.number(),
  nature: z.string(),
  statut: z.string(),
  valorisationNature: z.string().nullable(),
});
export type FinancementFiche = z.infer<typeof financementFiche>;

/** The columns every view of a fiche carries: what the contract names (numero, ordre, intitule, statut, axe, pilotes)… */
const colonnesFiche = {
  id: z.uuid(),
  contratId: z.uuid(),
  numero: z.number().int(),
  ordre: z.number().int(),
  intitule: z.string(),
  statut: z.enum(STATUTS_FICHE),
  statutLibelle: z.string(),
  priorite: z.enum(PRIORITES).nullable(),
  axe: z.object({ id: z.string(), numero: z.number(), intitule: z.string() }).nullable(),
  objectif: z.object({ id: z.string(), numero: z.string(), intitule: z.string() }).nullable(),
  pilotes: z.array(piloteFiche),
  debut: z.string().nullable(),
  fin: z.string().nullable(),
  financements: z.array(financementFiche),
  totalFinancementCentimes: z.number(),
  version: z.number().int(),
};

/**
 * A fiche in a list (GET /api/contrats/{id}/fiches): what the list screens show — strategy table and tree, calendar
 * (the étapes' names and dates), synthesis, sessions, renewal, evaluation. The rest of the template, the follow-up
 * indicators and the linked schemes are read with the fiche itself (GET /api/fiches/{id}).
 */
export const ficheListee = z.object({
  ...colonnesFiche,
  etapes: z
    .array(z.object({ libelle: z.string(), debut: z.string().nullable(), fin: z.string().nullable() }))
    .describe('Les étapes du déroulé, nom et dates seulement (calendrier)'),
});

/** A fiche with every field of its template: those not named here travel as stored (the schema lets them through). */
export const ficheResume = z.looseObject({
  ...colonnesFiche,
  thematiques: z.array(z.string()),
  publics: z.array(z.string()),
  dispositifsTerritoriaux: z
    .array(z.object({ id: z.string(), type: z.string(), nom: z.string() }))
    .describe('Dispositifs du territoire auxquels la fiche se rattache'),
  modifieLe: z.string(),
});

export const ficheDetail = ficheResume.extend({
  historiqueStatuts: z.array(z.object({ statut: z.string(), le: z.string(), par: z.string() })),
  modifiable: z.boolean(),
  verrou: z.string().nullable().describe('Pourquoi seul le statut peut changer (contrat signé sans avenant ouvert, ou clos)'),
});

/**
 * The other fields of the fiche template travel as they are stored (the schema lets them through): their type is the
 * one of the entry schema, so a fiche read and a fiche written never disagree.
 */
type ChampsDuModele = Partial<Omit<FicheSaisie, keyof typeof ficheResume.shape>>;
/** A fiche-action as the list gives it (ficheListee). */
export type Fiche = z.infer<typeof ficheListee>;
/** A fiche-action with every field of the template, as a change answers it. */
export type FicheComplete = z.infer<typeof ficheResume> & ChampsDuModele;
export type FicheDetail = z.infer<typeof ficheDetail> & ChampsDuModele;

export const creationFiche = ficheSaisieSchema.and(
  z.object({ numero: z.number().int().min(1).optional(), position: z.number().int().min(1).optional() }),
);
export const ficheCreee = z.object({ id: z.uuid(), numero: z.number().int() });
export type FicheCreee = z.infer<typeof ficheCreee>;
export const modificationFiche = ficheSaisieSchema.and(z.object({ version: z.number().int() }));
export const dispositifsLies = z.object({ dispositifsTerritoriaux: z.array(z.object({ id: z.string(), nom: z.string() })) });
export type DispositifsLies = z.infer<typeof dispositifsLies>;
