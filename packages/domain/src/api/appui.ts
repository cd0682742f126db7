/**
 * The contract of the appui routes (tag Appui, issue 18, decision 0031): support teams and their staff, the guichet
 * unique (requests), cases (situations) with the person, the médecin traitant, evaluations and orientations, the read
 * log, and the aggregated activity. Nominative answers go only to the team's staff with access; every read is logged.
 */
import { z } from 'zod';
import {
  cotationSchema,
  issueOrientationSchema,
  MOTIFS_CLOTURE,
  niveauReponseSchema,
  origineDemandeSchema,
  roleAppuiSchema,
  SEXES,
  urgenceSchema,
} from '..';

const uuid = z.uuid('Identifiant invalide');
const version = z.number().int().describe('La version lue ; 409 si quelqu’un a enregistré depuis');
const texte = (max: number, nom: string) =>
  z
    .string({ error: `${nom} : texte attendu` })
    .trim()
    .max(max, `${nom} : ${max} caractères au plus`);
const requis = (max: number, nom: string) => texte(max, nom).min(1, `${nom} : obligatoire`);
const dateJour = (nom: string) => z.iso.date(`${nom} : date attendue (AAAA-MM-JJ)`);
const instant = (nom: string) => z.iso.datetime({ offset: true, error: `${nom} : date et heure ISO attendues` });

export const cheminAppui = z.object({ id: uuid });
export const cheminMembreAppui = z.object({ id: uuid, utilisateurId: uuid });
export const cheminOrientation = z.object({ id: uuid, orientationId: uuid });

// ---------- Teams and staff

export const equipeAppui = z.object({
  id: z.uuid().describe('L’organisation qu’est l’équipe'),
  nom: z.string(),
  telephone: z.string().nullable(),
  horaires: z.string().nullable(),
  seuilCharge: z.number().int(),
  monRole: roleAppuiSchema.nullable().describe('Le rôle de l’utilisateur dans l’équipe, s’il en est'),
});
export const listeEquipesAppui = z.object({ elements: z.array(equipeAppui) });

export const equipeAppuiCorps = z.object({
  organisationId: uuid,
  telephone: texte(40, 'Téléphone').nullish(),
  horaires: texte(300, 'Horaires').nullish(),
  seuilCharge: z.number().int().min(1, 'Seuil de charge : au moins 1').max(500, 'Seuil de charge : 500 au plus').optional(),
});

export const membreAppui = z.object({ utilisateurId: z.uuid(), libelle: z.string(), email: z.string(), role: roleAppuiSchema });
export const listeMembresAppui = z.object({ elements: z.array(membreAppui) });
export const membreAppuiCorps = z.object({ role: roleAppuiSchema });

// ---------- The person and the médecin traitant

export const identitePersonne = z.object({
  nom: requis(100, 'Nom de naissance'),
  nomUsage: texte(100, 'Nom d’usage').nullish(),
  prenoms: requis(150, 'Prénoms'),
  dateNaissance: dateJour('Date de naissance').nullish(),
  sexe: z.enum(Object.keys(SEXES) as ['F', 'M', 'I'], { error: 'Sexe : F, M ou I' }).nullish(),
  communeCode: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/, 'Commune : code INSEE à 5 caractères')
    .nullish(),
  ins: texte(40, 'INS').nullish().describe('Le matricule INS tel que saisi : il n’est pas qualifié (pas d’appel au téléservice)'),
});
export type IdentitePersonne = z.infer<typeof identitePersonne>;

export const identitePersonneVue = z.object({
  nom: z.string(),
  nomUsage: z.string().nullable(),
  prenoms: z.string(),
  dateNaissance: z.string().nullable(),
  sexe: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeNom: z.string().nullable(),
  ins: z.string().nullable(),
  insQualifie: z.literal(false).describe('Toujours faux : l’INS est gardé tel que saisi'),
});

export const medecinTraitantCorps = z
  .object({
    ressourceId: uuid.nullish().describe('Le médecin pris dans le répertoire des ressources'),
    nom: texte(150, 'Médecin traitant').nullish(),
    rpps: z
      .string()
      .regex(/^\d{11}$/, 'RPPS : 11 chiffres')
      .nullish(),
    courriel: z.email('Courriel du médecin traitant invalide').nullish(),
  })
  .refine((m) => m.ressourceId || m.nom, { message: 'Médecin traitant : choisissez-le dans le répertoire ou saisissez son nom' });

export const medecinTraitantVue = z.object({
  ressourceId: z.uuid().nullable(),
  nom: z.string().nullable(),
  rpps: z.string().nullable(),
  courriel: z.string().nullable(),
});

// ---------- Requests (guichet unique)

export const demandeurCorps = z.object({
  nom: requis(150, 'Demandeur'),
  qualite: texte(150, 'Qualité du demandeur').nullish(),
  telephone: texte(40, 'Téléphone du demandeur').nullish(),
  courriel: z.email('Courriel du demandeur invalide').nullish(),
});

export const demandeCorps = z.object({
  equipeId: uuid.describe('L’équipe d’appui sollicitée'),
  origine: origineDemandeSchema,
  canal: z.enum(['formulaire', 'telephone'], { error: 'Canal : formulaire ou telephone' }).default('formulaire'),
  demandeur: demandeurCorps.nullish().describe('Qui appelle, pour une demande prise au téléphone par l’équipe'),
  personne: identitePersonne,
  motif: requis(4000, 'Motif'),
  urgence: urgenceSchema,
  medecinTraitant: medecinTraitantCorps.nullish(),
});
export type DemandeCorps = z.infer<typeof demandeCorps>;

export const accuseReception = z.object({
  id: z.uuid(),
  numero: z.number().int(),
  recueLe: z.string(),
  accuseLe: z.string(),
  equipe: z.string(),
  telephoneEquipe: z.string().nullable(),
  message: z.string().describe('L’accusé de réception montré au demandeur'),
});

const existenceDemande = {
  id: z.uuid(),
  numero: z.number().int(),
  origine: origineDemandeSchema,
  canal: z.enum(['formulaire', 'telephone']),
  urgence: urgenceSchema,
  statut: z.enum(['recue', 'situation_ouverte', 'sans_suite']),
  recueLe: z.string(),
  accuseLe: z.string().nullable(),
  referent: z.object({ id: z.uuid(), libelle: z.string() }).nullable(),
  premierContactLe: z.string().nullable(),
  delaiPremierContactHeures: z.number().nullable(),
  premierContactEnRetard: z.boolean(),
  situationId: z.uuid().nullable(),
};

export const demandeResume = z.object({
  ...existenceDemande,
  acces: z.enum(['complet', 'existence']),
  personne: z.string().nullable().describe('« NOM Prénoms » pour qui y a accès ; sinon null'),
});
export const listeDemandes = z.object({ elements: z.array(demandeResume) });

export const demandeVue = z.object({
  ...existenceDemande,
  acces: z.literal('complet'),
  organisationId: z.uuid(),
  personneId: z.uuid(),
  personne: identitePersonneVue,
  demandeur: demandeurCorps.nullable(),
  saisiePar: z.object({ id: z.uuid(), libelle: z.string() }).nullable(),
  motif: z.string(),
  medecinTraitant: medecinTraitantVue.nullable(),
  version: z.number().int(),
});
export type DemandeVue = z.infer<typeof demandeVue>;

/** What the professional who sent a request follows of it: no name, no reason, only where it stands. */
export const mesDemandes = z.object({
  elements: z.array(
    z.object({
      id: z.uuid(),
      numero: z.number().int(),
      equipe: z.string(),
      telephoneEquipe: z.string().nullable(),
      recueLe: z.string(),
      statut: z.enum(['recue', 'situation_ouverte', 'sans_suite']),
      referent: z.string().nullable(),
      premierContactLe: z.string().nullable(),
      situation: z
        .object({
          numero: z.number().int(),
          statut: z.enum(['ouverte', 'close']),
          closeLe: z.string().nullable(),
          courrierCloture: z
            .string()
            .nullable()
            .describe('Le courrier de retour en PDF : au médecin traitant, une fois la situation close'),
        })
        .nullable(),
    }),
  ),
});

export const filtreEquipe = z.object({
  equipe: uuid.describe('L’équipe d’appui'),
  statut: z.string().optional().describe('recue, situation_ouverte, sans_suite (demandes) ; ouverte, close (situations)'),
});
export const demandeEnregistree = z.object({ id: z.uuid(), numero: z.number().int(), version: z.number().int() });

export const referentCorps = z.object({ referentId: uuid, version });
export const premierContactCorps = z.object({ le: instant('Premier contact').optional(), version });
export const ouvertureSituationCorps = z.object({ version, medecinTraitant: medecinTraitantCorps.nullish() });
export const sansSuiteCorps = z.object({ version });

// ---------- Cases (situations)

export const evaluationCorps = z.object({
  medicale: cotationSchema,
  psychologique: cotationSchema,
  sociale: cotationSchema,
  environnementale: cotationSchema,
  fonctionnelle: cotationSchema,
  urgence: urgenceSchema,
  commentaire: texte(4000, 'Commentaire').nullish(),
});
export const evaluationVue = evaluationCorps.extend({
  id: z.uuid(),
  niveau: niveauReponseSchema,
  evalueeLe: z.string(),
  evalueePar: z.string().nullable(),
  commentaire: z.string().nullable(),
});

export const orientationCorps = z.object({ ressourceId: uuid, commentaire: texte(2000, 'Commentaire').nullish() });
export const orientationIssueCorps = z.object({
  issue: issueOrientationSchema,
  commentaire: texte(2000, 'Commentaire').nullish(),
  version,
});
export const orientationVue = z.object({
  id: z.uuid(),
  ressourceId: z.uuid(),
  ressourceNom: z.string(),
  typeRessource: z.string(),
  issue: issueOrientationSchema,
  commentaire: z.string().nullable(),
  orienteeLe: z.string(),
  issueLe: z.string().nullable(),
  version: z.number().int(),
});

const existenceSituation = {
  id: z.uuid(),
  numero: z.number().int(),
  organisationId: z.uuid(),
  statut: z.enum(['ouverte', 'close']),
  niveau: niveauReponseSchema.nullable(),
  ouverteLe: z.string(),
  closeLe: z.string().nullable(),
  referent: z.object({ id: z.uuid(), libelle: z.string() }).nullable(),
};

export const situationResume = z.object({
  ...existenceSituation,
  acces: z.enum(['complet', 'existence']),
  personne: z.string().nullable().describe('« NOM Prénoms » pour qui y a accès ; sinon null'),
});
export const listeSituations = z.object({ elements: z.array(situationResume) });

/** What a team member without access sees: that the case exists. Declaring a reason opens it. */
export const situationRestreinte = z.object({ ...existenceSituation, acces: z.literal('existence') });

export const situationComplete = z.object({
  ...existenceSituation,
  acces: z.literal('complet'),
  demandeId: z.uuid(),
  personneId: z.uuid(),
  personne: identitePersonneVue,
  informeeLe: z.string().nullable(),
  oppositionLe: z.string().nullable(),
  oppositionMotif: z.string().nullable(),
  medecinTraitant: medecinTraitantVue.nullable(),
  intervenants: z.array(z.object({ id: z.uuid(), libelle: z.string() })),
  motifCloture: z.enum(Object.keys(MOTIFS_CLOTURE) as [keyof typeof MOTIFS_CLOTURE]).nullable(),
  evaluations: z.array(evaluationVue),
  orientations: z.array(orientationVue),
  version: z.number().int(),
});
export type SituationComplete = z.infer<typeof situationComplete>;

export const situationVue = z.discriminatedUnion('acces', [situationComplete, situationRestreinte]);
export type SituationVue = z.infer<typeof situationVue>;

export const motifAccesCorps = z.object({
  motif: requis(1000, 'Motif').min(10, 'Motif : 10 caractères au moins, pour qu’il dise pourquoi'),
});
export const motifAccesEnregistre = z.object({ valableJusquA: z.string(), dejaOuverte: z.boolean() });

export const personneModification = z.object({ identite: identitePersonne, version });
export const informationCorps = z.object({
  informeeLe: dateJour('Information de la personne').nullish(),
  oppositionLe: dateJour('Opposition').nullish(),
  oppositionMotif: texte(2000, 'Motif de l’opposition').nullish(),
  version,
});
export const medecinModification = z.object({ medecinTraitant: medecinTraitantCorps, version });
export const intervenantsCorps = z.object({ referentId: uuid.optional(), intervenants: z.array(uuid).max(20), version });
export const situationEnregistree = z.object({
  id: z.uuid(),
  numero: z.number().int(),
  version: z.number().int(),
  medecinPrevenu: z.boolean().optional().describe('À l’ouverture : le médecin traitant a reçu le courriel (sans détail de santé)'),
});
export const evaluationEnregistree = z.object({ id: z.uuid(), niveau: niveauReponseSchema });
export const orientationEnregistree = z.object({ id: z.uuid(), version: z.number().int() });

// ---------- Read log

export const entreeJournalAcces = z.object({
  le: z.string(),
  utilisateur: z.string(),
  nature: z.enum(['lecture', 'motif_declare']),
  objet: z.string().describe('Ce qui a été lu : la situation, la demande, le journal…'),
  motif: z.string().nullable().describe('Le motif déclaré, pour une ouverture par motif'),
});
export const journalAcces = z.object({ elements: z.array(entreeJournalAcces) });

// Activity (aggregates, non-nominative): see ./appui-activite.ts.
