/**
 * The contract of the contract routes (tags Contrats, Stratégie, Avenants, Doctrine régionale, Personnes et accès,
 * Confirmations des parties): defined once, used by the server for validation, serialisation and OpenAPI, and by
 * the web client for its types.
 */
import { z } from 'zod';
import {
  contratSaisieSchema,
  doctrineSchema,
  EVALUATEURS,
  ROLES_CONTRAT,
  ROLES_PARTIE,
  STATUTS_CONFIRMATION,
  STATUTS_CONTRAT,
  TYPES_DISPOSITIF_TERRITORIAL,
  TYPES_EVALUATION_PREVUE,
} from '..';

const uuid = z.uuid('Identifiant invalide');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ');

/** `{ id }` in the path. */
export const cheminId = z.object({ id: uuid });
/** `{ id, <cle> }` in the path. */
export const cheminIdEt = <K extends string>(cle: K) => z.object({ id: uuid, [cle]: uuid } as { id: typeof uuid } & Record<K, typeof uuid>);
/** 201 of a creation. */
export const idCree = z.object({ id: z.uuid() });
export type IdCree = z.infer<typeof idCree>;

// ---------- Contrats

export const filtresContrats = z.object({
  region: z.string().max(3).optional(),
  departement: z.string().max(3).optional(),
  statut: z.enum(STATUTS_CONTRAT).optional(),
  generation: z.coerce.number().int().min(1).optional(),
  q: z.string().max(200).optional(),
});

export const organisationCourte = z.object({ id: z.string(), nom: z.string(), type: z.string(), sigle: z.string().nullable() });
export type OrganisationResume = z.infer<typeof organisationCourte>;
export const confirmationPartie = z
  .object({ id: z.string().nullable(), statut: z.enum(STATUTS_CONFIRMATION), libelle: z.string(), motif: z.string().nullable() })
  .describe('Si l’organisation a confirmé ce rôle (« à confirmer » tant qu’elle n’a pas répondu, « refusé » avec son motif)');
export type ConfirmationPartie = z.infer<typeof confirmationPartie>;
export const partieContrat = organisationCourte.extend({ confirmation: confirmationPartie });
export type PartieContrat = z.infer<typeof partieContrat>;
const periode = z.object({ debut: z.string().nullable(), fin: z.string().nullable() });

export const contratResume = z.object({
  id: z.uuid(),
  intitule: z.string(),
  statut: z.enum(STATUTS_CONTRAT),
  statutLibelle: z.string(),
  generation: z.number().int(),
  periode,
  regions: z.array(z.string()),
  departements: z.array(z.string()),
  population: z.number().int(),
  nombreFiches: z.number().int(),
  publie: z.boolean(),
  role: z.string().nullable().describe('Rôle de l’utilisateur sur ce contrat, le cas échéant'),
});
export type ContratResume = z.infer<typeof contratResume>;

const codeNom = z.object({ code: z.string(), nom: z.string() });
export const objectif = z.object({ id: z.string(), numero: z.string(), intitule: z.string(), objectifsOperationnels: z.array(z.string()) });
export type Objectif = z.infer<typeof objectif>;
export const axe = z.object({
  id: z.string(),
  numero: z.number().int(),
  intitule: z.string(),
  axePrs: z.string().nullable(),
  description: z.string().nullable(),
  objectifs: z.array(objectif),
});
export type Axe = z.infer<typeof axe>;
export const evaluationPrevue = z.object({
  id: z.string(),
  type: z.enum(Object.keys(TYPES_EVALUATION_PREVUE) as ['intermediaire', 'finale']),
  echeance: z.string().nullable(),
  moment: z.string().nullable(),
  evaluateurType: z.enum(Object.keys(EVALUATEURS) as ['interne', 'externe']),
  evaluateurNom: z.string().nullable(),
  questions: z.array(z.string()),
});
export type EvaluationPrevue = z.infer<typeof evaluationPrevue>;
export const dispositifTerritorial = z.object({
  id: z.string(),
  type: z.enum(Object.keys(TYPES_DISPOSITIF_TERRITORIAL) as [keyof typeof TYPES_DISPOSITIF_TERRITORIAL]),
  nom: z.string(),
  territoire: z.string().nullable(),
  debut: z.string().nullable(),
  fin: z.string().nullable(),
  lien: z.string().nullable(),
  nombreFiches: z.number().int().describe('Fiches-action rattachées à ce dispositif'),
});
export type DispositifTerritorial = z.infer<typeof dispositifTerritorial>;
export const signataire = z.object({
  id: z.string(),
  organisation: organisationCourte,
  representant: z.string().nullable(),
  qualite: z.string().nullable(),
  dateSignature: z.string().nullable(),
  confirmation: confirmationPartie,
});
export type Signataire = z.infer<typeof signataire>;
export const partenaireContrat = z.object({ id: z.string(), organisation: organisationCourte, role: z.string().nullable() });
export type PartenaireContrat = z.infer<typeof partenaireContrat>;
const contratLie = z.object({ id: z.string(), intitule: z.string(), generation: z.number() });
export const transitionContrat = z.object({
  statut: z.enum(STATUTS_CONTRAT),
  libelle: z.string(),
  empechements: z.array(z.string()),
  avertissements: z.array(z.string()).describe('À confirmer avant ce passage (confirmerAvertissements), sans l’empêcher'),
});
export type Transition = z.infer<typeof transitionContrat>;

export const contratDetail = contratResume.omit({ nombreFiches: true, role: true }).extend({
  perimetre: z.object({ epci: z.array(z.string()), communes: z.array(z.string()) }),
  predecesseurId: z.string().nullable(),
  origine: z.string().nullable(),
  debutElaboration: z.string().nullable(),
  dateSignature: z.string().nullable(),
  insulaire: z.boolean(),
  contexte: z.string().nullable(),
  nombreCommunes: z.number().int(),
  version: z.number().int(),
  creeLe: z.string(),
  modifieLe: z.string(),
  territoire: z.object({
    population: z.number(),
    nombreCommunes: z.number(),
    regions: z.array(codeNom),
    departements: z.array(codeNom),
    epci: z.array(codeNom),
  }),
  ars: z.array(partieContrat),
  porteurs: z.array(partieContrat),
  signataires: z.array(signataire),
  publication: z
    .object({ empechements: z.array(z.string()) })
    .describe('Pourquoi le contrat ne peut pas être publié (vide : il peut l’être)'),
  partenaires: z.array(partenaireContrat),
  axes: z.array(axe),
  nombreFiches: z.number().int(),
  predecesseur: contratLie.nullable(),
  successeurs: z.array(contratLie),
  ecartsDoctrine: z.array(z.object({ regle: z.string(), message: z.string(), region: z.string() })),
  transitions: z.array(transitionContrat),
  planEvaluation: z.array(evaluationPrevue).describe('Les évaluations prévues (à convenir avant la signature)'),
  dispositifsTerritoriaux: z.array(dispositifTerritorial).describe('Les dispositifs du territoire avec lesquels le contrat s’articule'),
  avenantOuvert: z.object({ id: z.string(), numero: z.number() }).nullable(),
  verrou: z
    .string()
    .nullable()
    .describe('Pourquoi le texte du contrat ne peut pas être modifié maintenant (contrat clos, ou signé sans avenant ouvert)'),
  role: z.string().nullable().describe('Rôle de l’utilisateur sur ce contrat'),
  droits: z.object({
    modifier: z.boolean().describe('Modifier le contrat : jamais quand il est clos (échu, renouvelé, abandonné)'),
    completer: z
      .boolean()
      .describe(
        'Ajouter ce que son état reçoit encore (séances, suivi, évaluation, fichiers ; pour un contrat clos, ce que « verrou » dit possible)',
      ),
    valider: z.boolean(),
    supprimer: z.boolean(),
    creerFiche: z.boolean().describe('Créer une fiche-action : seulement quand le texte est ouvert (pas de verrou)'),
    publier: z.boolean().describe('Publier ou retirer le contrat'),
    voirAcces: z.boolean().describe('Voir la liste des personnes du contrat'),
    gererAcces: z.boolean().describe('Inviter des personnes et changer leurs rôles'),
  }),
});
export type ContratDetail = z.infer<typeof contratDetail>;

export const modificationContrat = contratSaisieSchema.extend({ version: z.number().int() });
export const renouvellementContrat = z.object({ ficheIds: z.array(z.uuid()).default([]), intitule: z.string().max(300).nullish() });
export const generationCreee = z.object({ id: z.uuid(), generation: z.number() });
export type GenerationCreee = z.infer<typeof generationCreee>;

// ---------- Avenants et versions

export const changement = z.object({ type: z.string(), libelle: z.string() });
export type Changement = z.infer<typeof changement>;
export const avenant = z.object({
  id: z.string(),
  numero: z.number(),
  objet: z.string(),
  dateAvenant: z.string().nullable(),
  etat: z.enum(['brouillon', 'signe']),
  changements: z.array(changement),
  creeLe: z.string(),
});
export type Avenant = z.infer<typeof avenant>;
export const versionSignee = z.object({
  id: z.string(),
  dateEffet: z.string(),
  avenantNumero: z.number().nullable(),
  avenantObjet: z.string().nullable(),
});
export type VersionSignee = z.infer<typeof versionSignee>;
export const avenants = z.object({ versions: z.array(versionSignee), avenants: z.array(avenant) });
export type Avenants = z.infer<typeof avenants>;
export const ouvertureAvenant = z.object({ objet: z.string().trim().min(3, 'Décrivez l’objet de l’avenant').max(500) });
export const avenantOuvert = z.object({ id: z.string(), numero: z.number() });
export type AvenantOuvert = z.infer<typeof avenantOuvert>;
export const signatureAvenant = z.object({ dateAvenant: date });
export const avenantSigne = z.object({ numero: z.number(), changements: z.array(changement) });
export type AvenantSigne = z.infer<typeof avenantSigne>;
export const choixVersion = z.object({ date: date.optional(), signe: z.enum(['true', 'false']).optional() });
export const versionContrat = z.object({ dateEffet: z.string(), etat: z.record(z.string(), z.unknown()) });
export type VersionContrat = z.infer<typeof versionContrat>;

// ---------- Doctrine régionale

export const parametreRegion = z.object({ regionCode: z.string().regex(/^\d{2,3}$/, 'Code de région INSEE attendu (53, 84…)') });
export const doctrineRegion = z.object({
  regionCode: z.string(),
  regionNom: z.string(),
  regles: doctrineSchema,
  version: z.number().int(),
  modifieLe: z.string().nullable(),
  modifiable: z.boolean(),
});
export type DoctrineRegion = z.infer<typeof doctrineRegion>;
export const doctrineModifiee = doctrineSchema.extend({ version: z.number().int() });

// ---------- Personnes et accès, publication

const role = z.enum(ROLES_CONTRAT);
export const personneDuContrat = z.object({
  utilisateurId: z.uuid(),
  prenom: z.string(),
  nom: z.string(),
  email: z.string().nullable().describe('Visible de ceux qui gèrent les personnes du contrat'),
  organisation: z.object({ id: z.string(), nom: z.string(), sigle: z.string().nullable() }).nullable(),
  role,
  roleLibelle: z.string(),
  actif: z.boolean(),
  invitationEnAttente: z.boolean().describe('Invitée, elle n’a pas encore choisi son mot de passe'),
  fichesPilotees: z.number().int().describe('Fiches du contrat que pilote son organisation'),
  modifiable: z.boolean().describe('L’utilisateur peut changer ou retirer ce rôle'),
});
export type PersonneDuContrat = z.infer<typeof personneDuContrat>;
export const accesContrat = z.object({
  personnes: z.array(personneDuContrat),
  rolesAttribuables: z.array(z.object({ role, libelle: z.string() })),
});
export type AccesContrat = z.infer<typeof accesContrat>;
export const parametresPersonne = z.object({ id: uuid, utilisateurId: uuid });
export const accesDonne = z.object({
  utilisateurId: z.uuid(),
  role,
  invitation: z.boolean().describe('Un lien pour choisir un mot de passe a été envoyé'),
  compteCree: z.boolean(),
  message: z.string(),
});
export type AccesDonne = z.infer<typeof accesDonne>;
export const publicationChangee = z.object({ publie: z.boolean(), change: z.boolean() });
export type PublicationChangee = z.infer<typeof publicationChangee>;

// ---------- Confirmations des parties

export const demandeConfirmation = z.object({
  id: z.uuid(),
  role: z.enum(ROLES_PARTIE),
  roleLibelle: z.string(),
  statut: z.enum(STATUTS_CONFIRMATION),
  statutLibelle: z.string(),
  motif: z.string().nullable(),
  demandeLe: z.string(),
  demandePar: z.string().describe('Qui a nommé l’organisation'),
  reponduLe: z.string().nullable(),
  reponduPar: z.string().nullable(),
  dateSignature: z.string().nullable().describe('Pour un signataire : la date déjà saisie, le cas échéant'),
  organisation: z.object({ id: z.string(), nom: z.string(), type: z.string(), regionCode: z.string().nullable() }),
  contrat: z.object({
    id: z.string(),
    intitule: z.string(),
    statut: z.enum(STATUTS_CONTRAT),
    regions: z.array(z.string()),
    regionsNoms: z.array(z.string()),
    publie: z.boolean(),
  }),
});
export type DemandeConfirmation = z.infer<typeof demandeConfirmation>;
export const filtreConfirmations = z.object({
  statut: z.enum([...STATUTS_CONFIRMATION, 'toutes'], { error: 'Statut : a_confirmer, confirme, refuse ou toutes' }).default('a_confirmer'),
});
export const reponseConfirmation = z.object({
  statut: z.enum(STATUTS_CONFIRMATION),
  statutLibelle: z.string(),
  depublie: z.boolean().describe('Le refus a retiré la publication du contrat'),
});
export type ReponseConfirmation = z.infer<typeof reponseConfirmation>;
export const refusConfirmation = z.object({ motif: z.string().trim().max(1000, 'Au plus 1000 caractères').nullish() }).default({});
