import { z } from 'zod';
import { perimetreSchema } from '../territoires';
import {
  codes,
  DETERMINANTS,
  DIMENSIONS_RIFKIN,
  DISPOSITIFS,
  INTERVENTIONS,
  ISTS,
  PRIORITES,
  PUBLICS,
  SECTEURS,
  STATUTS_FICHE,
  STATUTS_FINANCEMENT,
  THEMATIQUES,
  TYPES_INDICATEUR_SUIVI,
  TYPES_PARTICIPATION,
} from './taxonomies';
import { STATUTS_CONTRAT } from './statuts';
import { cibleSuiviSchema, referenceSuiviSchema } from '../suivi/schemas';

const date = (libelle: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${libelle} : date attendue au format AAAA-MM-JJ`);
const texte = (max: number) => z.string().trim().max(max, `Au plus ${max} caractères`);
const texteLong = texte(20000).nullish();
const ouiNon = z.boolean().nullish();
const uuid = (message: string) => z.uuid(message);

export const ORIGINES_CONTRAT = {
  ascendante: 'À l’initiative de la collectivité (ascendante)',
  descendante: 'À l’initiative de l’ARS (descendante)',
  mixte: 'Conjointe',
} as const;

export const periodeSchema = z
  .object({ debut: date('Début').nullish(), fin: date('Fin').nullish() })
  .refine((p) => !p.debut || !p.fin || p.fin >= p.debut, { message: 'La fin de la période précède son début', path: ['fin'] });

export const contratSaisieSchema = z.object({
  intitule: texte(300).min(5, 'L’intitulé doit compter au moins 5 caractères'),
  perimetre: perimetreSchema.refine((p) => p.epci.length + p.communes.length > 0, {
    message: 'Le périmètre doit compter au moins un EPCI ou une commune',
  }),
  generation: z.number({ error: 'Génération attendue (1, 2, 3…)' }).int().min(1, 'La génération commence à 1').max(10),
  predecesseurId: uuid('Contrat précédent inconnu').nullish(),
  arsIds: z.array(uuid('ARS inconnue')).min(1, 'Choisissez au moins une ARS'),
  porteursIds: z.array(uuid('Collectivité inconnue')).min(1, 'Choisissez au moins une collectivité porteuse'),
  origine: z.enum(Object.keys(ORIGINES_CONTRAT) as [keyof typeof ORIGINES_CONTRAT], { error: 'Origine inconnue' }).nullish(),
  periode: periodeSchema,
  debutElaboration: date('Début de l’élaboration').nullish(),
  insulaire: z.boolean().default(false),
  contexte: texteLong,
  publie: z
    .boolean()
    .optional()
    .describe('À la création seulement ; ensuite, la publication se règle par PUT /api/contrats/{id}/publication'),
});
export type ContratSaisie = z.infer<typeof contratSaisieSchema>;

export const changementStatutSchema = z.object({
  statut: z.enum(STATUTS_CONTRAT, { error: 'Statut inconnu' }),
  version: z.number().int(),
  confirmerAvertissements: z
    .boolean({ error: 'confirmerAvertissements : true ou false attendu' })
    .optional()
    .describe(
      'Signer malgré les avertissements (aucune évaluation prévue…) : sans cela, la signature répond 422 avec la liste des avertissements',
    ),
});

export const signataireSaisieSchema = z.object({
  organisationId: uuid('Organisation inconnue'),
  representant: texte(200).nullish(),
  qualite: texte(200).nullish(),
  dateSignature: date('Date de signature').nullish(),
});

export const partenaireSaisieSchema = z.object({
  organisationId: uuid('Organisation inconnue'),
  role: texte(300).nullish(),
});

export const axeSaisieSchema = z.object({
  intitule: texte(300).min(3, 'L’intitulé de l’axe doit compter au moins 3 caractères'),
  axePrs: texte(300).nullish(),
  description: texte(5000).nullish(),
});

export const objectifSaisieSchema = z.object({
  intitule: texte(500).min(3, 'L’intitulé de l’objectif doit compter au moins 3 caractères'),
  objectifsOperationnels: z.array(texte(500).min(1)).max(30).default([]),
});

export const reordonnancementSchema = z.object({ ids: z.array(z.uuid()).min(1) });

const piloteSchema = z.object({
  organisationId: uuid('Organisation inconnue').nullable().describe('null : « à définir »'),
  service: texte(200).nullish(),
});

/** A step of the fiche; a Territoires en Transitions sub-action is one (decision 0012), with its own pilote and status. */
const etapeSchema = z
  .object({
    libelle: texte(500).min(1, 'Le libellé de l’étape est obligatoire'),
    description: texte(5000).nullish(),
    pilote: texte(500).nullish().describe('Qui porte l’étape, en texte libre (« Structure (service) »)'),
    statut: z.enum(STATUTS_FICHE, { error: 'Statut d’étape inconnu' }).nullish(),
    debut: date('Début').nullish(),
    fin: date('Fin').nullish(),
  })
  .refine((e) => !e.debut || !e.fin || e.fin >= e.debut, { message: 'La fin de l’étape précède son début', path: ['fin'] });

const partenaireFicheSchema = z.object({
  secteur: z.enum(codes(SECTEURS), { error: 'Secteur inconnu' }),
  acteur: texte(300).min(1, 'Nommez l’acteur'),
  organisationId: uuid('Organisation inconnue').nullish(),
  participation: z.array(z.enum(codes(TYPES_PARTICIPATION), { error: 'Type de participation inconnu' })).default([]),
});

/**
 * An indicator of the fiche, as the fiche form enters it: it is the fiche's follow-up indicator (decision 0007).
 * `id` names one of the fiche's indicators; without it, an indicator of the fiche with the same label is taken up,
 * otherwise one is created. A field left out keeps its value (a new indicator: the default).
 */
export const indicateurFicheSchema = z.object({
  id: uuid('Indicateur inconnu').nullish(),
  version: z.number().int().nullish().describe('La version de l’indicateur lue : une autre version répond 409'),
  libelle: texte(500).min(1, 'Le libellé de l’indicateur est obligatoire'),
  type: z.enum(TYPES_INDICATEUR_SUIVI, { error: 'Type d’indicateur inconnu (processus, activité ou résultat)' }),
  unite: texte(100).nullish(),
  methode: texte(2000).nullish(),
  source: texte(500).nullish(),
  cible: texte(200).nullish(),
  pourcentage: z.boolean().optional(),
  poids: z.number({ error: 'Poids : nombre attendu' }).positive('Le poids doit être positif').max(100, 'Poids au plus 100').optional(),
  reference: referenceSuiviSchema.nullish(),
  cibles: z.array(cibleSuiviSchema).max(40, 'Au plus 40 cibles').optional(),
  indicateurDiagnostic: texte(100).nullish(),
});
export type IndicateurFicheSaisie = z.infer<typeof indicateurFicheSchema>;

export const financementSaisieSchema = z
  .object({
    financeurId: uuid('Financeur inconnu').nullish(),
    financeurLibelle: texte(200).nullish(),
    dispositif: z.enum(DISPOSITIFS, { error: 'Dispositif inconnu' }),
    annee: z.number({ error: 'Année attendue' }).int().min(2000, 'Année invalide').max(2100, 'Année invalide'),
    montantCentimes: z.number({ error: 'Montant attendu' }).int('Montant en centimes entiers').min(0, 'Le montant ne peut être négatif'),
    nature: z.enum(['fonctionnement', 'investissement'], { error: 'Fonctionnement ou investissement' }),
    statut: z.enum(STATUTS_FINANCEMENT, { error: 'Statut de financement inconnu' }),
    valorisationNature: texte(300).nullish().describe('Apport en nature ou en ETP, décrit'),
  })
  .refine((f) => f.financeurId || f.financeurLibelle, { message: 'Indiquez le financeur', path: ['financeurLibelle'] });

const rifkinSchema = z.partialRecord(
  z.enum(codes(DIMENSIONS_RIFKIN)),
  z.number().int().min(1, 'Niveau de 1 à 5').max(5, 'Niveau de 1 à 5'),
);

/** Every field of ARS Bretagne's fiche-action template (domain.md §4), plus funding, status and priority. */
export const ficheSaisieSchema = z
  .object({
    intitule: texte(500).min(3, 'L’intitulé de la fiche doit compter au moins 3 caractères'),
    axeId: uuid('Axe inconnu').nullish(),
    objectifId: uuid('Objectif inconnu').nullish(),
    pilotes: z.array(piloteSchema).default([]),
    personnesReferentes: texte(500).nullish(),
    duree: z.enum(['annuelle', 'pluriannuelle'], { error: 'Durée : annuelle ou pluriannuelle' }).nullish(),
    debut: date('Début').nullish(),
    fin: date('Fin').nullish(),
    argumentation: texteLong,
    istsIdentifiees: ouiNon,
    ists: z.array(z.enum(codes(ISTS), { error: 'ISTS inconnue' })).default([]),
    istsPrecision: texte(1000).nullish(),
    territoireTout: z.boolean().default(true),
    territoiresConcernes: texte(2000).nullish(),
    publics: z.array(z.enum(codes(PUBLICS), { error: 'Public inconnu' })).default([]),
    publicPrecision: texte(1000).nullish(),
    publicCibleIsts: ouiNon,
    dejaEnCours: ouiNon,
    phase: z.enum(['mise_en_oeuvre', 'evaluation'], { error: 'Phase inconnue' }).nullish(),
    description: texteLong,
    objectifsOperationnels: z.array(texte(500).min(1)).max(30).default([]),
    objectifsCiblentIsts: ouiNon,
    etapes: z.array(etapeSchema).max(50).default([]),
    determinants: z.array(z.enum(codes(DETERMINANTS), { error: 'Déterminant inconnu' })).default([]),
    interventions: z.array(z.enum(codes(INTERVENTIONS), { error: 'Intervention inconnue' })).default([]),
    partenaires: z.array(partenaireFicheSchema).max(50).default([]),
    participationCitoyenne: ouiNon,
    rifkin: rifkinSchema.default({}),
    facteursFacilitants: texte(5000).nullish(),
    difficultes: texte(5000).nullish(),
    indicateurs: z.array(indicateurFicheSchema).max(50).optional().describe('Les indicateurs de suivi de la fiche ; absent : inchangés'),
    methodeEvaluation: texte(5000).nullish(),
    financements: z.array(financementSaisieSchema).max(100).default([]),
    statut: z.enum(STATUTS_FICHE, { error: 'Statut de fiche inconnu' }).default('a_venir'),
    priorite: z.enum(PRIORITES, { error: 'Priorité inconnue' }).nullish(),
    thematiques: z.array(z.enum(codes(THEMATIQUES), { error: 'Thématique inconnue' })).default([]),
    notes: texte(5000).nullish(),
  })
  .refine((f) => !f.debut || !f.fin || f.fin >= f.debut, { message: 'La fin précède le début', path: ['fin'] });
export type FicheSaisie = z.infer<typeof ficheSaisieSchema>;
