/**
 * What merging a duplicate organisation moves, table by table, in words (singular, plural): the server's list of
 * references is typed by these keys, so that a table moved by a merge cannot lack its label on the screen.
 */
export const LIBELLES_DEPLACEMENTS = {
  personnes: ['personne de l’annuaire', 'personnes de l’annuaire'],
  habilitations: ['rôle d’utilisateur (référent)', 'rôles d’utilisateurs (référents)'],
  contrat_organisations: ['place d’ARS ou de collectivité porteuse', 'places d’ARS ou de collectivité porteuse'],
  signataires: ['signature de contrat', 'signatures de contrats'],
  confirmations_parties: ['confirmation de rôle dans un contrat', 'confirmations de rôles dans des contrats'],
  partenaires: ['partenariat de contrat', 'partenariats de contrats'],
  fiche_pilotes: ['pilotage de fiche-action', 'pilotages de fiches-action'],
  financements: ['ligne de financement', 'lignes de financement'],
  membres_instance: ['siège dans une instance', 'sièges dans des instances'],
  postes_coordination: ['poste de coordination (employeur)', 'postes de coordination (employeur)'],
  services: ['service', 'services'],
  offres_service: ['offre de service', 'offres de service'],
  engagements_moyens: ['engagement de moyens', 'engagements de moyens'],
  financements_territoire: ['financement existant du territoire', 'financements existants du territoire'],
  fiches: ['fiche-action (partenaire)', 'fiches-action (partenaire)'],
  ressources: ['ressource du répertoire', 'ressources du répertoire'],
} as const satisfies Record<string, readonly [string, string]>;
export type TableDeplacee = keyof typeof LIBELLES_DEPLACEMENTS;

/** The words for a table (singular, plural); the table's own name for one the list does not know. */
export function libellesDeplacement(table: string): readonly [string, string] {
  return (LIBELLES_DEPLACEMENTS as Record<string, readonly [string, string]>)[table] ?? [table, table];
}
