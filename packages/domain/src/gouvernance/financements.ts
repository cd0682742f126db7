import { z } from 'zod';
import { financementSaisieSchema } from '../contrats/schemas';

/**
 * The funding lines of a contract itself (not of a fiche), and the roles an organisation holds in a contract: the
 * labels the server writes in its workbooks and the web shows, written once.
 */

/** What a funding line of the contract itself pays for. */
export const OBJETS_FINANCEMENT = {
  coordination: 'Poste de coordination',
  diagnostic: 'Diagnostic',
  evaluation: 'Évaluation',
  animation: 'Animation',
  autre: 'Autre',
} as const;
export type ObjetFinancement = keyof typeof OBJETS_FINANCEMENT;

/** A funding line of the contract itself: a fiche's line plus what it pays for. */
export const ligneContratSchema = financementSaisieSchema.and(
  z.object({ objet: z.enum(Object.keys(OBJETS_FINANCEMENT) as [ObjetFinancement], { error: 'Objet inconnu' }) }),
);
export type LigneContratSaisie = z.output<typeof ligneContratSchema>;

export const NATURES_FINANCEMENT = { fonctionnement: 'Fonctionnement', investissement: 'Investissement' } as const;
export type NatureFinancement = keyof typeof NATURES_FINANCEMENT;

/** The roles of an organisation in a contract (the CPAM case, domain.md §6). */
export const ROLES_ENGAGEMENT = {
  ars: 'ARS du contrat',
  porteur: 'Collectivité porteuse',
  signataire: 'Signataire',
  partenaire: 'Partenaire',
  pilote: 'Pilote de fiches-action',
  financeur: 'Financeur',
  moyens: 'Apporte des moyens',
} as const;
export type RoleEngagement = keyof typeof ROLES_ENGAGEMENT;

/** The roles of an organisation on one fiche. */
export const ROLES_FICHE_ENGAGEMENT = { pilote: 'Pilote', partenaire: 'Partenaire', financeur: 'Financeur' } as const;
export type RoleFicheEngagement = keyof typeof ROLES_FICHE_ENGAGEMENT;
