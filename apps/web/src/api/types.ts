/** Shapes of the API's responses (see /api/openapi.json). */
import type { Habilitation, TypeOrganisation, TypeTerritoire } from '@maillage/domain';

export interface Session {
  utilisateur: { id: string; email: string; prenom: string; nom: string };
  organisation: { id: string; nom: string; type: string } | null;
  roles: Habilitation[];
  csrfToken: string;
}

export interface Page<T> {
  total: number;
  elements: T[];
}

export interface Organisation {
  id: string;
  nom: string;
  sigle: string | null;
  type: TypeOrganisation;
  siren: string | null;
  siret: string | null;
  finess: string | null;
  regionCode: string | null;
  departementCode: string | null;
  territoireCode: string | null;
  version: number;
  modifieLe: string;
}

export interface Utilisateur {
  id: string;
  email: string;
  prenom: string;
  nom: string;
  organisationId: string | null;
  organisationNom: string | null;
  organisationType: string | null;
  actif: boolean;
  version: number;
  derniereConnexion: string | null;
  habilitations: Habilitation[];
}

export interface JetonApi {
  id: string;
  libelle: string;
  prefixe: string;
  creeLe: string;
  dernierUsage: string | null;
}

export interface JetonApiCree extends JetonApi {
  /** The secret, shown once. */
  jeton: string;
}

export interface Territoire {
  type: TypeTerritoire;
  code: string;
  nom: string;
  population: number;
  departementCode: string | null;
  regionCode: string | null;
  nature: string | null;
}

export interface TerritoireDetail extends Territoire {
  departement: { code: string; nom: string } | null;
  region: { code: string; nom: string } | null;
  membres?: Territoire[];
  epci?: Territoire[];
}

export interface EvenementAudit {
  id: number;
  le: string;
  acteurId: string | null;
  acteurLibelle: string;
  entiteType: string;
  entiteId: string | null;
  action: string;
  diff: Record<string, { avant: unknown; apres: unknown }>;
  contexte: Record<string, unknown>;
  /** The event as a French sentence, actor first. */
  phrase: string;
}

export interface PageAudit extends Page<EvenementAudit> {
  entiteTypes: string[];
  actions: string[];
}
