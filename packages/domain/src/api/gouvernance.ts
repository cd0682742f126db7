/**
 * The contract of the governance routes (tag Gouvernance): instances and members, séances, coordination, alerts,
 * e-mail preferences. The read models let through fields they do not name (`looseObject`), as before they were
 * described. Financements, moyens and engagements are not described here yet.
 */
import { z } from 'zod';
import {
  decisionSchema,
  ETATS_PRESENCE,
  posteCoordinationSchema,
  QUALITES_MEMBRE,
  type QualiteMembre,
  seanceSchema,
  TYPES_INSTANCE,
  type TypeInstance,
} from '..';

const o = z.looseObject;
const uuid = z.uuid('Identifiant invalide');
const typeInstance = z.enum(Object.keys(TYPES_INSTANCE) as [TypeInstance]);

export const cheminInstance = z.object({ id: uuid, instanceId: uuid });
export const cheminMembre = z.object({ id: uuid, instanceId: uuid, membreId: uuid });
export const cheminPoste = z.object({ id: uuid, posteId: uuid });

export const membreInstance = o({
  id: z.string(),
  organisationId: z.string().nullable(),
  organisationNom: z.string().nullable(),
  personneId: z.string().nullable(),
  personne: z.string().nullable(),
  role: z.string().nullable(),
  qualite: z
    .enum(Object.keys(QUALITES_MEMBRE) as [QualiteMembre])
    .nullable()
    .describe('Ce qu’est le membre ; representant_usagers est compté dans les présences'),
  copresidence: z.boolean(),
  debut: z.string().nullable(),
  fin: z.string().nullable(),
  email: z.string().nullable().describe('L’adresse donnée par la coordination, pour un membre sans compte'),
  destinataires: z.number().describe('Adresses que ses invitations atteignent (0 : personne ne les recevrait)'),
});
export type MembreInstance = z.infer<typeof membreInstance>;
export const instance = o({
  id: z.string(),
  type: typeInstance,
  nom: z.string(),
  frequenceParAn: z.number().nullable(),
  presidence: z.string().nullable(),
  membres: z.array(membreInstance),
  nombreSeances: z.number(),
  representantsUsagers: z.number().describe('Membres de l’instance qui représentent les usagers'),
  presencesRepresentantsUsagers: z.number().describe('Présences de représentants des usagers, cumulées sur les séances tenues'),
  seancesAvecRepresentantsUsagers: z.number().describe('Séances tenues où au moins un représentant des usagers était présent'),
  prochaineSeance: z.string().nullable(),
});
export type Instance = z.infer<typeof instance>;
export const courrielMembreChange = z.object({
  email: z.string().nullable(),
  destinataires: z.number().int().describe('Adresses que ses invitations atteignent'),
});
export type CourrielMembreChange = z.infer<typeof courrielMembreChange>;
export const qualiteMembreChange = z.object({
  qualite: z.enum(Object.keys(QUALITES_MEMBRE) as [QualiteMembre], { error: 'Qualité inconnue' }).nullable(),
});
export const lienCalendrier = z.object({ url: z.string() });
export type LienCalendrier = z.infer<typeof lienCalendrier>;

export const STATUTS_SEANCE = ['prevue', 'tenue', 'annulee'] as const;
export type StatutSeance = (typeof STATUTS_SEANCE)[number];
export type EtatPresence = keyof typeof ETATS_PRESENCE;
export const ACTIONS_DECISION = ['valider_fiche', 'statut_fiche', 'financement_fiche'] as const;
export type ActionDecision = (typeof ACTIONS_DECISION)[number];
const effet = z.record(z.string(), z.unknown());
export const pointOrdreDuJour = o({
  id: z.string(),
  intitule: z.string(),
  dureeMinutes: z.number().nullable(),
  ficheIds: z.array(z.string()),
});
export type PointOrdreDuJour = z.infer<typeof pointOrdreDuJour>;
export const presence = o({
  membreId: z.string(),
  etat: z.enum(Object.keys(ETATS_PRESENCE) as [EtatPresence]),
  representePar: z.string().nullable(),
});
export type Presence = z.infer<typeof presence>;
export const decision = o({
  id: z.string(),
  texte: z.string(),
  action: z.enum(ACTIONS_DECISION).nullable().describe('null : une décision sans effet sur une fiche'),
  ficheId: z.string().nullable(),
  parametres: o({ statut: z.string().optional(), rang: z.number().nullish(), ligne: z.unknown().optional() }),
  appliqueeLe: z.string().nullable(),
  effet: z.record(z.string(), o({ avant: z.unknown(), apres: z.unknown() })).nullable(),
});
export type Decision = z.infer<typeof decision>;
export const seance = o({
  id: z.string(),
  instanceId: z.string(),
  instanceNom: z.string(),
  instanceType: typeInstance,
  contratId: z.string(),
  debut: z.string(),
  fin: z.string().nullable(),
  lieu: z.string().nullable(),
  visio: z.string().nullable(),
  statut: z.enum(STATUTS_SEANCE),
  compteRendu: z.string().nullable().describe('Assaini par le serveur : seule une mise en forme sans risque reste'),
  version: z.number(),
  ordreDuJour: z.array(pointOrdreDuJour),
  presences: z.array(presence),
  decisions: z.array(decision),
  invitationsEnvoyees: z.number(),
  representantsUsagersPresents: z.number().describe('Représentants des usagers présents en personne à la séance'),
});
export type Seance = z.infer<typeof seance>;
export const modificationSeance = seanceSchema.and(z.object({ version: z.number().int() }));
export const invitationsEnvoyees = z.object({ invites: z.array(z.string()) });
export type InvitationsEnvoyees = z.infer<typeof invitationsEnvoyees>;
export const priseDeDecision = decisionSchema.and(
  z.object({ confirmerSeanceFuture: z.boolean().optional().describe('Enregistrer la décision d’une séance qui n’a pas encore eu lieu') }),
);
export const decisionPrise = z.object({ id: uuid, effet: effet.nullable(), resume: z.string().nullable() });
export type DecisionPrise = z.infer<typeof decisionPrise>;

export const posteCoordination = o({
  id: z.string(),
  intitule: z.string(),
  personne: z.string().nullable().describe('null : le poste est vacant'),
  employeurId: z.string().nullable(),
  employeurNom: z.string().nullable(),
  etp: z.number().nullable(),
  cofinancements: z.array(o({ financeur: z.string(), part: z.number() })),
  debut: z.string().nullable(),
  fin: z.string().nullable(),
  notesPassation: z.string().nullable(),
  version: z.number(),
  vacant: z.boolean(),
  ecartDoctrine: z.string().nullable().describe('Le contrôle « parts égales » de la doctrine, en français, ou null'),
});
export type PosteCoordination = z.infer<typeof posteCoordination>;
export const modificationPoste = posteCoordinationSchema.and(z.object({ version: z.number().int() }));

export const alerte = z.object({ type: z.string(), gravite: z.string(), message: z.string() });
export type Alerte = z.infer<typeof alerte>;
export const preferencesCourriel = z.object({ syntheseHebdomadaire: z.boolean() });
export type PreferencesCourriel = z.infer<typeof preferencesCourriel>;
export const synthesesEnvoyees = z.object({ envoyes: z.array(z.string()) });
