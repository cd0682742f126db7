import { LIBELLES_ROLE, TYPES_ORGANISATION, type Habilitation } from '@maillage/domain';

export function libelleTypeOrganisation(type: string | null | undefined): string {
  if (!type) return '—';
  return (TYPES_ORGANISATION as Record<string, string>)[type] ?? type;
}

/** "Administrateur de la plateforme", "ARS – niveau régional (région 53)"… */
export function libelleHabilitation(
  h: Habilitation,
  noms: { regions?: Map<string, string>; organisations?: Map<string, string> } = {},
): string {
  const role = LIBELLES_ROLE[h.role] ?? h.role;
  switch (h.role) {
    case 'admin':
      return role;
    case 'ars_regional':
      return `${role} (${noms.regions?.get(h.regionCode) ?? `région ${h.regionCode}`})`;
    case 'referent_organisation':
      return `${role} (${noms.organisations?.get(h.organisationId) ?? 'organisation'})`;
    default: {
      // The server sends the contract's title with each contract role.
      const intitule = (h as { contratIntitule?: string }).contratIntitule;
      return intitule ? `${role} du contrat « ${intitule} »` : `${role} d’un contrat`;
    }
  }
}

export const NATURES_EPCI: Record<string, string> = {
  CC: 'Communauté de communes',
  CA: 'Communauté d’agglomération',
  CU: 'Communauté urbaine',
  METRO: 'Métropole',
  MET69: 'Métropole de Lyon',
};

/** The kinds of speaker of a verbatim (LOCUTEURS), as a form or a list says them. */
export const LIBELLES_LOCUTEUR: Record<string, string> = {
  habitant: 'Habitant·e',
  'acteur du territoire': 'Acteur du territoire',
  élu: 'Élu·e',
  professionnel: 'Professionnel·le',
  usager: 'Usager·ère',
  autre: 'Autre',
};
