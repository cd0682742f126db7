import { parlePour, type OrganisationPartie } from './contrats/confirmations';

/**
 * Who may do what. One pure function, deny by default: anything not granted below is refused.
 * Services call it before every use case; the web app calls it to hide what a user cannot use.
 */

export const ROLES_PLATEFORME = ['admin', 'ars_regional', 'referent_organisation'] as const;
export const ROLES_CONTRAT = ['coordonnateur', 'referent_ars', 'pilote', 'membre', 'lecteur'] as const;
export type RolePlateforme = (typeof ROLES_PLATEFORME)[number];
export type RoleContrat = (typeof ROLES_CONTRAT)[number];
export type Role = RolePlateforme | RoleContrat;

export const LIBELLES_ROLE: Record<Role, string> = {
  admin: 'Administrateur de la plateforme',
  ars_regional: 'ARS – niveau régional',
  referent_organisation: 'Référent d’organisation',
  coordonnateur: 'Coordonnateur·rice CLS',
  referent_ars: 'Référent ARS du contrat',
  pilote: 'Pilote de fiches-action',
  membre: 'Membre',
  lecteur: 'Lecteur',
};

/** A role granted to a user, with its scope. */
export type Habilitation =
  | { role: 'admin' }
  | { role: 'ars_regional'; regionCode: string }
  | { role: 'referent_organisation'; organisationId: string }
  | { role: RoleContrat; contratId: string };

export interface Sujet {
  userId: string;
  organisationId: string | null;
  /** Type of the user's organisation: a collectivité or an ARS may start a contract. */
  organisationType?: string | null;
  habilitations: readonly Habilitation[];
}

/** What the rules need to know of a contract: its regions, whether it is published, who is engaged. */
export interface RefContrat {
  id: string;
  regions: readonly string[];
  publie: boolean;
  /** Organisations that sign, partner or lead a fiche in it (organisation-level readers). */
  organisationsEngagees?: readonly string[];
}

export type Ressource =
  | { type: 'plateforme' }
  | { type: 'referentiel' }
  | { type: 'audit' }
  | { type: 'organisation'; id: string | null }
  | { type: 'utilisateur'; id: string | null }
  | { type: 'jeton'; userId: string }
  /** An organisation's webhook subscriptions (decision 0039): its referents and the platform admins manage them. */
  | { type: 'webhooks'; organisationId: string }
  | { type: 'doctrine'; regionCode: string }
  /** Indicator catalogue and imported values: shared by every contract. */
  | { type: 'catalogue' }
  /** The regional portfolio: every contract of a region, its coverage, funding and alerts. */
  | { type: 'portefeuille'; regionCode: string }
  /** A region's DHIS2 mapping (identifiers ↔ indicators and territories): its ARS data team keeps it (decision 0037). */
  | { type: 'correspondance_dhis2'; regionCode: string }
  | { type: 'contrat'; contrat: RefContrat | null; regionCode?: string }
  | { type: 'fiche'; contrat: RefContrat; piloteOrganisationIds: readonly string[]; partenaireOrganisationIds: readonly string[] }
  /** A request to an organisation to confirm its role in a contract: only those who speak for it see and answer it. */
  | { type: 'confirmation'; organisation: OrganisationPartie }
  /**
   * A resource of the directory (issue 17): its organisation, the régions its communes are in, and the contracts whose
   * perimeter holds one of its communes (the service reads them; the rule stays pure).
   */
  | { type: 'ressource'; organisationId: string | null; regions: readonly string[]; contrats: readonly string[] };

export type Action =
  | 'lire'
  | 'creer'
  | 'modifier'
  | 'supprimer'
  | 'valider'
  | 'commenter'
  | 'saisir_suivi'
  | 'rouvrir_suivi'
  | 'administrer'
  | 'publier';

const EDITEURS_CONTRAT: readonly RoleContrat[] = ['coordonnateur', 'referent_ars'];
const ORGANISATIONS_PORTEUSES: readonly string[] = ['commune', 'epci', 'pays', 'departement', 'region', 'ars', 'ars_delegation'];

function roleSurContrat(sujet: Sujet, contratId: string): RoleContrat | null {
  for (const h of sujet.habilitations) {
    if ('contratId' in h && h.contratId === contratId) return h.role;
  }
  return null;
}

const estAdmin = (sujet: Sujet) => sujet.habilitations.some((h) => h.role === 'admin');
const regionsArs = (sujet: Sujet) => sujet.habilitations.flatMap((h) => (h.role === 'ars_regional' ? [h.regionCode] : []));
const organisationsReferent = (sujet: Sujet) =>
  sujet.habilitations.flatMap((h) => (h.role === 'referent_organisation' ? [h.organisationId] : []));

function peutLireContrat(sujet: Sujet | null, contrat: RefContrat): boolean {
  if (contrat.publie) return true;
  if (!sujet) return false;
  if (estAdmin(sujet) || roleSurContrat(sujet, contrat.id)) return true;
  if (regionsArs(sujet).some((r) => contrat.regions.includes(r))) return true;
  return organisationsReferent(sujet).some((o) => contrat.organisationsEngagees?.includes(o) ?? false);
}

export function can(sujet: Sujet | null, action: Action, ressource: Ressource): boolean {
  switch (ressource.type) {
    case 'referentiel':
      return action === 'lire';
    case 'plateforme':
    case 'audit':
      return sujet !== null && estAdmin(sujet) && (action === 'lire' || action === 'administrer');
    case 'organisation':
      if (!sujet) return false;
      if (action === 'lire') return true;
      if (estAdmin(sujet)) return ['creer', 'modifier', 'supprimer', 'administrer'].includes(action);
      // Whoever names organisations in a contract may add a missing one to the directory (checked for duplicates):
      // an ARS agent or an editor (coordination, ARS referent) of some contract.
      if (action === 'creer')
        return regionsArs(sujet).length > 0 || sujet.habilitations.some((h) => 'contratId' in h && EDITEURS_CONTRAT.includes(h.role));
      // A referent keeps its own organisation's record up to date.
      return action === 'modifier' && ressource.id !== null && organisationsReferent(sujet).includes(ressource.id);
    case 'utilisateur':
      if (!sujet) return false;
      if (estAdmin(sujet)) return ['lire', 'creer', 'modifier', 'supprimer', 'administrer'].includes(action);
      return ressource.id === sujet.userId && (action === 'lire' || action === 'modifier');
    case 'jeton':
      return sujet !== null && ressource.userId === sujet.userId && ['lire', 'creer', 'supprimer'].includes(action);
    case 'webhooks':
      return (
        sujet !== null &&
        ['lire', 'creer', 'modifier', 'supprimer'].includes(action) &&
        (estAdmin(sujet) || organisationsReferent(sujet).includes(ressource.organisationId))
      );
    case 'catalogue':
      if (!sujet) return false;
      if (action === 'lire') return true;
      // The data roles: platform admins and ARS agents maintain indicators and import official values.
      return ['creer', 'modifier', 'supprimer'].includes(action) && (estAdmin(sujet) || regionsArs(sujet).length > 0);
    case 'doctrine':
      if (action === 'lire') return sujet !== null;
      if (!sujet) return false;
      return action === 'modifier' && (estAdmin(sujet) || regionsArs(sujet).includes(ressource.regionCode));
    case 'portefeuille':
      // Read-only, and only for the ARS of that region (or a platform admin): a coordinator sees their own contracts.
      return action === 'lire' && sujet !== null && (estAdmin(sujet) || regionsArs(sujet).includes(ressource.regionCode));
    case 'correspondance_dhis2':
      return (
        sujet !== null &&
        (action === 'lire' || action === 'modifier') &&
        (estAdmin(sujet) || regionsArs(sujet).includes(ressource.regionCode))
      );
    case 'confirmation':
      return (action === 'lire' || action === 'valider') && parlePour(sujet, ressource.organisation);
    case 'ressource':
      if (!sujet) return false;
      if (action === 'lire') return true;
      if (action !== 'creer' && action !== 'modifier') return false;
      if (estAdmin(sujet)) return true;
      // The organisation's referents keep its resources; the ARS of the region and the contract's coordination
      // (coordonnateur, référent ARS) those of their territory.
      if (ressource.organisationId !== null && organisationsReferent(sujet).includes(ressource.organisationId)) return true;
      if (regionsArs(sujet).some((r) => ressource.regions.includes(r))) return true;
      return ressource.contrats.some((id) => {
        const role = roleSurContrat(sujet, id);
        return role !== null && EDITEURS_CONTRAT.includes(role);
      });
    case 'contrat': {
      if (!sujet && action !== 'lire') return false;
      if (ressource.contrat === null) {
        // Creating a contract: the platform admin, an ARS for its own region, or someone from a collectivité or an
        // ARS, who becomes its coordinator (the initiative may be "ascendante" or "descendante").
        if (action !== 'creer' || !sujet) return false;
        if (estAdmin(sujet)) return true;
        if (ressource.regionCode !== undefined && regionsArs(sujet).includes(ressource.regionCode)) return true;
        return ORGANISATIONS_PORTEUSES.includes(sujet.organisationType ?? '');
      }
      const contrat = ressource.contrat;
      if (action === 'lire') return peutLireContrat(sujet, contrat);
      if (!sujet) return false;
      if (estAdmin(sujet)) return action !== 'saisir_suivi';
      const role = roleSurContrat(sujet, contrat.id);
      const arsDuContrat = regionsArs(sujet).some((r) => contrat.regions.includes(r));
      switch (action) {
        case 'modifier':
          return role !== null && EDITEURS_CONTRAT.includes(role);
        case 'valider':
          return role === 'referent_ars' || arsDuContrat;
        case 'supprimer':
          return role === 'coordonnateur';
        case 'commenter':
          return role !== null && role !== 'lecteur';
        case 'publier':
          // A display setting, not a contractual change: its coordination and its ARS, at any statut.
          return (role !== null && EDITEURS_CONTRAT.includes(role)) || arsDuContrat;
        default:
          return false;
      }
    }
    case 'fiche': {
      const contrat = ressource.contrat;
      if (action === 'lire') {
        if (peutLireContrat(sujet, contrat)) return true;
        const orgs = sujet ? organisationsReferent(sujet) : [];
        return orgs.some((o) => ressource.piloteOrganisationIds.includes(o) || ressource.partenaireOrganisationIds.includes(o));
      }
      if (!sujet) return false;
      if (estAdmin(sujet)) return action !== 'saisir_suivi';
      const role = roleSurContrat(sujet, contrat.id);
      const pilote = role === 'pilote' && sujet.organisationId !== null && ressource.piloteOrganisationIds.includes(sujet.organisationId);
      switch (action) {
        case 'creer':
        case 'supprimer':
          return role !== null && EDITEURS_CONTRAT.includes(role);
        case 'modifier':
          return (role !== null && EDITEURS_CONTRAT.includes(role)) || pilote;
        case 'saisir_suivi':
          // A pilot organisation answers for its fiche: its referent (a CPAM's) enters and submits its follow-up too.
          return (
            (role !== null && EDITEURS_CONTRAT.includes(role)) ||
            pilote ||
            organisationsReferent(sujet).some((o) => ressource.piloteOrganisationIds.includes(o))
          );
        case 'valider':
          // Validating follow-up values: the contract's coordination and its ARS.
          return (role !== null && EDITEURS_CONTRAT.includes(role)) || regionsArs(sujet).some((r) => contrat.regions.includes(r));
        case 'rouvrir_suivi':
          // Reopening a validated value: the ARS, who answers for the figures it presents (decision 0014).
          return role === 'referent_ars' || regionsArs(sujet).some((r) => contrat.regions.includes(r));
        case 'commenter':
          return role !== null && role !== 'lecteur';
        default:
          return false;
      }
    }
  }
}

/**
 * Which persons of the directory a user may list, and whose contact details (e-mail, telephone) they see.
 * Admins see everyone; an ARS agent the persons of its region's organisations and contracts; a referent its own
 * organisation's; a contract's editors (coordination, ARS referent) the persons of their contracts, with contact
 * details, since they name pilotes, seat members and send invitations; pilotes, members and readers only the names
 * of the persons of their contracts. Null: nothing (anonymous).
 */
export interface PorteeAnnuaire {
  tout: boolean;
  /** Regions whose organisations' persons, and whose contracts' persons, are visible with contact details. */
  regions: string[];
  /** Organisations whose persons are visible with contact details. */
  organisations: string[];
  /** Contracts whose persons are visible with contact details. */
  contratsAvecCoordonnees: string[];
  /** Contracts whose persons are visible by name only. */
  contratsSansCoordonnees: string[];
}

export function porteeAnnuaire(sujet: Sujet | null): PorteeAnnuaire | null {
  if (!sujet) return null;
  if (estAdmin(sujet)) return { tout: true, regions: [], organisations: [], contratsAvecCoordonnees: [], contratsSansCoordonnees: [] };
  const avec = new Set<string>();
  const sans = new Set<string>();
  for (const h of sujet.habilitations) if ('contratId' in h) (EDITEURS_CONTRAT.includes(h.role) ? avec : sans).add(h.contratId);
  return {
    tout: false,
    regions: regionsArs(sujet),
    organisations: organisationsReferent(sujet),
    contratsAvecCoordonnees: [...avec],
    contratsSansCoordonnees: [...sans].filter((c) => !avec.has(c)),
  };
}
