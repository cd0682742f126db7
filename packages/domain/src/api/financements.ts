/**
 * The contract of the funding routes (tag Financements): a contract's funding lines and their summaries, the lines of
 * the contract itself, and the means organisations engage (staff time, money, in kind). Amounts in cents.
 */
import { z } from 'zod';
import {
  engagementMoyensSchema,
  NATURES_FINANCEMENT,
  OBJETS_FINANCEMENT,
  STATUTS_FINANCEMENT,
  TYPES_MOYEN,
  UNITES_TEMPS,
  type NatureFinancement,
  type ObjetFinancement,
  type TypeMoyen,
  type UniteTemps,
} from '..';

const o = z.looseObject;
const uuid = z.uuid('Identifiant invalide');

export const cheminLigneFinancement = z.object({ id: uuid, ligneId: uuid });
export const cheminMoyen = z.object({ id: uuid, moyenId: uuid });

// ---------- Financements
export const ligneFinancement = o({
  id: z.string(),
  ficheId: z.string().nullable().describe('null : une ligne du contrat lui-même (coordination, diagnostic…)'),
  ficheNumero: z.number().int().nullable(),
  ficheIntitule: z.string().nullable(),
  axe: z.string().nullable().describe('« Axe 1. … », « Fiches sans axe » ou « Contrat (hors fiches) »'),
  objet: z
    .enum(Object.keys(OBJETS_FINANCEMENT) as [ObjetFinancement])
    .nullable()
    .describe('Ce que paie une ligne du contrat lui-même ; null sur une fiche'),
  financeur: z.string(),
  financeurId: z.string().nullable(),
  dispositif: z.string(),
  annee: z.number().int(),
  montantCentimes: z.number(),
  nature: z.enum(Object.keys(NATURES_FINANCEMENT) as [NatureFinancement]),
  statut: z.enum(STATUTS_FINANCEMENT),
  valorisationNature: z.string().nullable(),
});
export type LigneFinancement = z.infer<typeof ligneFinancement>;
/** A summary row: « acquis » is granted or paid, « prévu » is planned or requested; refused lines count nowhere. */
export const totalFinancement = z.object({ cle: z.string(), prevu: z.number(), acquis: z.number(), total: z.number() });
export type TotalFinancement = z.infer<typeof totalFinancement>;
export const financementsContrat = z.object({
  lignes: z.array(ligneFinancement),
  total: z.number().describe('Somme des lignes non refusées'),
  parFinanceur: z.array(totalFinancement),
  parDispositif: z.array(totalFinancement),
  parAnnee: z.array(totalFinancement),
  parAxe: z.array(totalFinancement),
});
export type FinancementsContrat = z.infer<typeof financementsContrat>;

// ---------- Moyens engagés
export const ligneMoyens = o({
  id: z.string(),
  contratId: z.string(),
  contratIntitule: z.string(),
  organisationId: z.string(),
  organisationNom: z.string(),
  organisationSigle: z.string().nullable(),
  annee: z.number().int(),
  type: z.enum(Object.keys(TYPES_MOYEN) as [TypeMoyen]),
  quantite: z.number().nullable().describe('Jours ou ETP, pour un temps de travail'),
  unite: z.enum(Object.keys(UNITES_TEMPS) as [UniteTemps]).nullable(),
  montantCentimes: z.number().nullable(),
  description: z.string().nullable(),
  objectifs: z.string().nullable(),
  indicateurCode: z.string().nullable(),
  indicateurLibelle: z.string().nullable(),
  indicateurSuiviId: z.string().nullable(),
  indicateurSuiviLibelle: z.string().nullable(),
  ficheNumero: z.number().int().nullable().describe('La fiche de l’indicateur de suivi'),
  version: z.number().int(),
});
export type LigneMoyens = z.infer<typeof ligneMoyens>;
/** Days, FTE and euros are never added to one another: each total keeps its unit; things in kind are counted. */
export const totalMoyens = z.object({
  jours: z.number(),
  etp: z.number(),
  montantCentimes: z.number(),
  nature: z.number().int(),
  lignes: z.number().int(),
});
const parAnnee = z.array(z.object({ annee: z.number().int(), total: totalMoyens }));
export const moyensContrat = z.object({
  lignes: z.array(ligneMoyens),
  total: totalMoyens,
  parOrganisation: z.array(z.object({ organisationId: z.string(), nom: z.string(), total: totalMoyens })),
  parAnnee,
});
export type MoyensContrat = z.infer<typeof moyensContrat>;
/** The `moyens` part of an organisation's engagements. */
export const moyensOrganisation = z.object({
  lignes: z.array(ligneMoyens),
  total: totalMoyens,
  parContrat: z.array(z.object({ contratId: z.string(), intitule: z.string(), total: totalMoyens })),
  parAnnee,
});
export type MoyensOrganisation = z.infer<typeof moyensOrganisation>;
export const modificationMoyen = engagementMoyensSchema.and(z.object({ version: z.number().int() }));
export const versionMoyen = z.object({ version: z.number().int() });
export type VersionMoyen = z.infer<typeof versionMoyen>;
