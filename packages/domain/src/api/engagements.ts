/**
 * The contract of an organisation's engagements (tag Organisations): every contract and fiche where it has a role
 * (the CPAM case, domain.md §6), its referents, its offers of service and the means it engages.
 */
import { z } from 'zod';
import {
  ROLES_ENGAGEMENT,
  ROLES_FICHE_ENGAGEMENT,
  STATUTS_CONTRAT,
  STATUTS_FICHE,
  type RoleEngagement,
  type RoleFicheEngagement,
} from '..';
import { organisationVue } from './comptes';
import { moyensOrganisation } from './financements';

const o = z.looseObject;
const uuid = z.uuid('Identifiant invalide');

export const cheminFicheOffre = z.object({ id: uuid, offreId: uuid });

const roleEngagement = z.enum(Object.keys(ROLES_ENGAGEMENT) as [RoleEngagement]);
export const ficheEngagement = o({
  id: z.string(),
  numero: z.number().int(),
  intitule: z.string(),
  statut: z.enum(STATUTS_FICHE),
  roles: z.array(z.enum(Object.keys(ROLES_FICHE_ENGAGEMENT) as [RoleFicheEngagement])),
  offres: z.array(z.string()).describe('Intitulés des offres de l’organisation rattachées à la fiche'),
});
export type FicheEngagement = z.infer<typeof ficheEngagement>;
export const contratEngagement = o({
  id: z.string(),
  intitule: z.string(),
  statut: z.enum(STATUTS_CONTRAT),
  statutLibelle: z.string(),
  generation: z.number().int(),
  roles: z.array(roleEngagement),
  financementCentimes: z.number().describe('Financement non refusé que l’organisation apporte au contrat'),
  fiches: z.array(ficheEngagement),
});
export type ContratEngagement = z.infer<typeof contratEngagement>;
export const offreService = o({ id: z.string(), intitule: z.string(), description: z.string().nullable(), nombreFiches: z.number().int() });
export type OffreService = z.infer<typeof offreService>;
export const referentOrganisation = o({
  prenom: z.string(),
  nom: z.string(),
  email: z.string().nullable(),
  role: z.string().describe('« référent » ou « membre »'),
});
export const engagementsOrganisation = z.object({
  organisation: organisationVue.loose(),
  contrats: z.array(contratEngagement).describe('Les contrats que le lecteur peut voir'),
  referents: z.array(referentOrganisation),
  offres: z.array(offreService),
  financementTotalCentimes: z.number(),
  moyens: moyensOrganisation.describe('Les moyens engagés, sommés par contrat et par année'),
});
export type EngagementsOrganisation = z.infer<typeof engagementsOrganisation>;
export const offreSaisie = z.object({
  intitule: z.string().trim().min(2, 'Intitulé trop court').max(300),
  description: z.string().max(5000).nullish(),
});
export type OffreSaisie = z.input<typeof offreSaisie>;
