/** Contracts of the accounts routes (auth, profile, organisations, users, directory): one zod schema per shape, used by the server and, inferred, by the web app. */
import { z } from 'zod';
import { ROLES_CONTRAT } from '../permissions';
import { typeOrganisationSchema } from '../organisations';

export const pagination = z.object({
  page: z.coerce.number().int().min(1).default(1),
  parPage: z.coerce.number().int().min(1).max(200).default(50),
});

export const page = <T extends z.ZodType>(element: T) => z.object({ total: z.number().int(), elements: z.array(element) });
export interface Page<T> {
  total: number;
  elements: T[];
}

export const habilitationVue = z.union([
  z.object({ role: z.literal('admin') }),
  z.object({ role: z.literal('ars_regional'), regionCode: z.string() }),
  z.object({ role: z.literal('referent_organisation'), organisationId: z.string(), organisationNom: z.string().optional() }),
  z.object({ role: z.enum(ROLES_CONTRAT), contratId: z.string(), contratIntitule: z.string().optional() }),
]);
export type HabilitationVue = z.infer<typeof habilitationVue>;

export const organisationVue = z.object({
  id: z.uuid(),
  nom: z.string(),
  sigle: z.string().nullable(),
  type: typeOrganisationSchema,
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  finess: z.string().nullable(),
  regionCode: z.string().nullable(),
  departementCode: z.string().nullable(),
  territoireCode: z.string().nullable(),
  version: z.number().int(),
  modifieLe: z.string(),
});
export type Organisation = z.infer<typeof organisationVue>;

/** A possible duplicate named in the 409 of an organisation's creation. */
export const doublonOrganisation = organisationVue.extend({
  motifs: z.array(z.enum(['siret', 'finess', 'siren', 'nom_identique', 'nom_proche'])),
  bloquant: z.boolean().describe('Certainement la même organisation : la création est refusée'),
});
export type DoublonOrganisation = z.infer<typeof doublonOrganisation>;

export const utilisateurVue = z.object({
  id: z.uuid(),
  email: z.string(),
  prenom: z.string(),
  nom: z.string(),
  organisationId: z.string().nullable(),
  organisationNom: z.string().nullable(),
  organisationType: z.string().nullable(),
  actif: z.boolean(),
  version: z.number().int(),
  derniereConnexion: z.string().nullable(),
  habilitations: z.array(habilitationVue),
});
export type Utilisateur = z.infer<typeof utilisateurVue>;

export const sessionVue = z.object({
  utilisateur: z.object({ id: z.uuid(), email: z.string(), prenom: z.string(), nom: z.string() }),
  organisation: z.object({ id: z.uuid(), nom: z.string(), type: z.string() }).nullable(),
  roles: z.array(habilitationVue),
  csrfToken: z.string().nullable().describe('À renvoyer dans l’en-tête X-CSRF-Token (null pour un jeton d’API)'),
});
export type Session = z.infer<typeof sessionVue>;

export const jetonApi = z.object({
  id: z.uuid(),
  libelle: z.string(),
  prefixe: z.string(),
  creeLe: z.string(),
  dernierUsage: z.string().nullable(),
});
export type JetonApi = z.infer<typeof jetonApi>;
/** The secret, shown once. */
export const jetonApiCree = jetonApi.extend({ jeton: z.string() });
export type JetonApiCree = z.infer<typeof jetonApiCree>;

export const messageVue = z.object({ message: z.string() });
export type MessageVue = z.infer<typeof messageVue>;
export const identifiantVue = z.object({ id: z.uuid() });
export type Identifiant = z.infer<typeof identifiantVue>;

// ---------- Directory (annuaire)

export const personneSaisie = z.object({
  prenom: z.string().trim().min(1, 'Le prénom est obligatoire').max(100),
  nom: z.string().trim().min(1, 'Le nom est obligatoire').max(100),
  email: z.email({ error: 'L’adresse e-mail n’est pas valide' }).nullish(),
  telephone: z.string().trim().max(40).nullish(),
  fonction: z.string().trim().max(200).nullish(),
  organisationId: z.uuid('Organisation inconnue').nullish(),
});
export type SaisiePersonne = z.input<typeof personneSaisie>;

export const personneVue = z.object({
  id: z.uuid(),
  prenom: z.string(),
  nom: z.string(),
  email: z.string().nullable(),
  telephone: z.string().nullable(),
  fonction: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationNom: z.string().nullable(),
  version: z.number().int(),
  aUnCompte: z.boolean(),
  coordonneesVisibles: z.boolean().describe('Faux quand les rôles ne donnent que le nom : ni adresse e-mail ni téléphone'),
});
export type Personne = z.infer<typeof personneVue>;

export const serviceOrganisation = z.object({ id: z.uuid(), nom: z.string() });
export type ServiceOrganisation = z.infer<typeof serviceOrganisation>;

export const fusionOrganisations = z.object({ gardee: z.string(), deplaces: z.record(z.string(), z.number()) });
export type FusionOrganisations = z.infer<typeof fusionOrganisations>;

export const statutLigneAnnuaire = z.enum(['cree', 'mis_a_jour', 'inchange', 'rejete']);
export type StatutLigneAnnuaire = z.infer<typeof statutLigneAnnuaire>;
export const rapportImportAnnuaire = z.object({
  dryRun: z.boolean(),
  applique: z.boolean(),
  colonnesInconnues: z.array(z.string()),
  lignes: z.array(
    z.object({ ligne: z.number().int(), statut: statutLigneAnnuaire, nom: z.string().optional(), raison: z.string().optional() }),
  ),
  resume: z.object({ crees: z.number().int(), misAJour: z.number().int(), inchanges: z.number().int(), rejetes: z.number().int() }),
});
export type RapportImportAnnuaire = z.infer<typeof rapportImportAnnuaire>;
