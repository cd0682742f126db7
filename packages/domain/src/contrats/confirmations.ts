/**
 * An organisation named as ARS, porteur or signatory of a contract confirms that role: nobody speaks for an
 * organisation but its own people (issue 11, « publication au nom d’une autre organisation »).
 */

export const ROLES_PARTIE = ['ars', 'porteur', 'signataire'] as const;
export type RolePartie = (typeof ROLES_PARTIE)[number];

export const STATUTS_CONFIRMATION = ['a_confirmer', 'confirme', 'refuse'] as const;
export type StatutConfirmation = (typeof STATUTS_CONFIRMATION)[number];

export const LIBELLES_ROLE_PARTIE: Record<RolePartie, string> = {
  ars: 'ARS',
  porteur: 'collectivité porteuse',
  signataire: 'signataire',
};

/** « son rôle d’ARS », « son rôle de signataire ». */
export const roleDe = (role: RolePartie) => (role === 'ars' ? 'd’ARS' : `de ${LIBELLES_ROLE_PARTIE[role]}`);

export const LIBELLES_CONFIRMATION: Record<StatutConfirmation, string> = {
  a_confirmer: 'À confirmer',
  confirme: 'Confirmé',
  refuse: 'Refusé',
};

/** What the rules need of an organisation named in a contract. */
export interface OrganisationPartie {
  id: string;
  nom: string;
  type: string;
  regionCode: string | null;
}

const TYPES_ARS = ['ars', 'ars_delegation'];

/** What the rules need of the person acting (a Sujet of the permission rules has all of it). */
interface Personne {
  organisationId: string | null;
  habilitations: readonly ({ role: string; regionCode?: string; organisationId?: string } | { role: string })[];
}

/**
 * Whether the user speaks for the organisation: they belong to it, they are its référent d’organisation, or, for an
 * ARS (or one of its délégations), they are an ARS agent of its region. A platform administrator does not.
 */
export function parlePour(personne: Personne | null, organisation: OrganisationPartie): boolean {
  if (!personne) return false;
  if (personne.organisationId === organisation.id) return true;
  return personne.habilitations.some(
    (h) =>
      (h.role === 'referent_organisation' && 'organisationId' in h && h.organisationId === organisation.id) ||
      (h.role === 'ars_regional' &&
        'regionCode' in h &&
        TYPES_ARS.includes(organisation.type) &&
        organisation.regionCode !== null &&
        h.regionCode === organisation.regionCode),
  );
}

export interface PartieConfirmee {
  organisation: OrganisationPartie;
  role: RolePartie;
  statut: StatutConfirmation;
}

/**
 * Why the contract cannot be published, in French; empty when it can. Each region of the perimeter needs an ARS of
 * that region (the agency or one of its délégations) that has confirmed, and every ARS named must have confirmed.
 */
export function empechementsPublication(regions: readonly { code: string; nom: string }[], parties: readonly PartieConfirmee[]): string[] {
  const ars = parties.filter((p) => p.role === 'ars');
  const raisons: string[] = [];
  for (const p of ars) {
    if (p.statut === 'a_confirmer') raisons.push(`${p.organisation.nom} n’a pas encore confirmé être l’ARS de ce contrat.`);
    if (p.statut === 'refuse') raisons.push(`${p.organisation.nom} a refusé d’être l’ARS de ce contrat.`);
  }
  for (const region of regions) {
    const delaRegion = ars.filter((p) => TYPES_ARS.includes(p.organisation.type) && p.organisation.regionCode === region.code);
    if (delaRegion.length === 0)
      raisons.push(`Aucune ARS de la région ${region.nom} n’est nommée : chaque région du périmètre doit avoir son ARS, qui confirme.`);
  }
  return raisons;
}

/** Why a signature date may not be recorded for this signatory yet, or null. */
export function refusDateSignature(nom: string, statut: StatutConfirmation): string | null {
  if (statut === 'confirme') return null;
  return statut === 'refuse'
    ? `${nom} a refusé d’être signataire de ce contrat : aucune date de signature ne peut lui être attribuée.`
    : `${nom} n’a pas encore confirmé être signataire de ce contrat : la date de signature pourra être saisie après sa confirmation.`;
}
