import { z } from 'zod';
import { LIBELLES_ROLE, ROLES_CONTRAT, type RefContrat, type RoleContrat, type Sujet } from './permissions';

/**
 * Who manages the people of a contract (the « Personnes et accès » tab): pure rules, shared by the server and the
 * web app. Decided for issue 12:
 * - the platform admin, the ARS agents of one of the contract's regions and the contract's référent ARS give and take
 *   every contract role;
 * - its coordinator gives and takes coordonnateur, pilote, membre and lecteur — not référent ARS, which only the ARS
 *   names;
 * - nobody removes the last coordinator of a contract that has one;
 * - a pilote acts for its organisation (it edits the fiches its organisation pilots), so it must have one.
 */

export const ROLES_GERES_PAR_LA_COORDINATION: readonly RoleContrat[] = ['coordonnateur', 'pilote', 'membre', 'lecteur'];

/** What each role lets its holder do, for the invitation form and e-mail. */
export const EXPLICATIONS_ROLE_CONTRAT: Record<RoleContrat, string> = {
  coordonnateur: 'modifie tout le contrat et gère ses personnes',
  referent_ars: 'modifie et valide pour l’ARS, et gère les personnes du contrat',
  pilote: 'renseigne les fiches-action que pilote son organisation et répond aux campagnes de suivi',
  membre: 'lit le contrat et le commente',
  lecteur: 'lit le contrat',
};

const roleSur = (sujet: Sujet, contratId: string): RoleContrat | null =>
  sujet.habilitations.find((h): h is { role: RoleContrat; contratId: string } => 'contratId' in h && h.contratId === contratId)?.role ??
  null;
const estAdmin = (sujet: Sujet) => sujet.habilitations.some((h) => h.role === 'admin');
const arsDuContrat = (sujet: Sujet, contrat: RefContrat) =>
  sujet.habilitations.some((h) => h.role === 'ars_regional' && contrat.regions.includes(h.regionCode));

/** The roles this person may give or take away on this contract (empty: it manages nobody there). */
export function rolesAttribuables(sujet: Sujet | null, contrat: RefContrat): RoleContrat[] {
  if (!sujet) return [];
  if (estAdmin(sujet) || arsDuContrat(sujet, contrat) || roleSur(sujet, contrat.id) === 'referent_ars') return [...ROLES_CONTRAT];
  if (roleSur(sujet, contrat.id) === 'coordonnateur') return [...ROLES_GERES_PAR_LA_COORDINATION];
  return [];
}

/** Who sees the list of the contract's people: whoever holds a role in it, its ARS and the admin. */
export function peutVoirAcces(sujet: Sujet | null, contrat: RefContrat): boolean {
  if (!sujet) return false;
  return estAdmin(sujet) || arsDuContrat(sujet, contrat) || roleSur(sujet, contrat.id) !== null;
}

export interface ChangementAcces {
  /** The person's role on the contract now (null: none, an invitation or a grant). */
  roleActuel: RoleContrat | null;
  /** The role it will have (null: its role is removed). */
  nouveauRole: RoleContrat | null;
  /** How many people are coordinators of the contract now. */
  coordonnateurs: number;
  /** Whether the person belongs to an organisation. */
  aUneOrganisation: boolean;
}

export type RefusAcces = { motif: 'interdit' | 'dernier_coordonnateur' | 'organisation_requise'; message: string };

const role = (r: RoleContrat) => `« ${LIBELLES_ROLE[r]} »`;

/** Why this change of a person's role may not be made, or null when it may. */
export function refusChangementAcces(sujet: Sujet | null, contrat: RefContrat, c: ChangementAcces): RefusAcces | null {
  const permis = rolesAttribuables(sujet, contrat);
  if (permis.length === 0) return { motif: 'interdit', message: 'Vous ne gérez pas les personnes de ce contrat.' };
  for (const r of [c.roleActuel, c.nouveauRole]) {
    if (r && !permis.includes(r))
      return {
        motif: 'interdit',
        message: `Le rôle ${role(r)} se donne et se retire par l’ARS de la région du contrat (ou l’administrateur de la plateforme).`,
      };
  }
  if (c.roleActuel === 'coordonnateur' && c.nouveauRole !== 'coordonnateur' && c.coordonnateurs <= 1)
    return {
      motif: 'dernier_coordonnateur',
      message:
        'Le contrat doit garder au moins un·e coordonnateur·rice : donnez ce rôle à une autre personne avant de le retirer à celle-ci.',
    };
  if (c.nouveauRole === 'pilote' && !c.aUneOrganisation)
    return {
      motif: 'organisation_requise',
      message: 'Un pilote renseigne les fiches-action que pilote son organisation : indiquez l’organisation de la personne.',
    };
  return null;
}

const roleContrat = z.enum(ROLES_CONTRAT, { error: 'Rôle inconnu : coordonnateur, referent_ars, pilote, membre ou lecteur' });
const nomFacultatif = (libelle: string) => z.string().trim().max(100, `Le ${libelle} ne peut dépasser 100 caractères`).nullish();

/** POST /api/contrats/{id}/acces: an existing account gets the role; an unknown address is invited (name needed). */
export const accesSaisieSchema = z.object({
  email: z
    .string({ error: 'L’adresse e-mail est obligatoire' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'L’adresse e-mail n’est pas valide' })),
  role: roleContrat,
  prenom: nomFacultatif('prénom').describe('Pour une personne sans compte : obligatoire'),
  nom: nomFacultatif('nom').describe('Pour une personne sans compte : obligatoire'),
  organisationId: z.uuid('Organisation inconnue').nullish().describe('Son organisation (obligatoire pour un pilote qui n’en a pas encore)'),
});
export type AccesSaisie = z.infer<typeof accesSaisieSchema>;

export const changementRoleSchema = z.object({ role: roleContrat });
export const publicationSchema = z.object({ publie: z.boolean({ error: 'publie : true ou false attendu' }) });
