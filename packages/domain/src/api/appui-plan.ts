/**
 * The contract of the appui routes of issue 18 items 4–6 and 8 (tag Appui) that follow the evaluation: the plan
 * personnalisé de coordination en santé (PPCS, HAS 2019) and its versions, the concertations, the team's follow-up
 * (case load, delays), the closure with its letter to the médecin traitant, and the person's access right.
 *
 * Versions: every save of a plan is a new version; the body carries the version read (0 for the first plan) and a
 * stale one gets 409 with the current plan.
 */
import { z } from 'zod';
import { ETAPES_DELAI, type EtapeDelai } from '../appui/suivi';
import { categorieParticipantSchema, statutActionPlanSchema } from '../appui/plan';
import { MOTIFS_CLOTURE, type MotifCloture } from '../appui/vocabulaire';

const uuid = z.uuid('Identifiant invalide');
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (libelle: string) =>
  z
    .string()
    .regex(DATE, `${libelle} : date attendue au format AAAA-MM-JJ`)
    .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), `${libelle} : cette date n’existe pas`);
const texte = (libelle: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `${libelle} : à renseigner` : `${libelle} : ${min} caractères au moins`)
    .max(max, `${libelle} : ${max} caractères au plus`);

const motifCloture = z.enum(Object.keys(MOTIFS_CLOTURE) as [MotifCloture, ...MotifCloture[]], {
  error: `Motif de clôture inconnu (possible : ${Object.keys(MOTIFS_CLOTURE).join(', ')})`,
});

export const cheminPlanSituation = z.object({ id: uuid });
export const cheminVersionPlan = z.object({ id: uuid, version: z.coerce.number().int().min(1, 'Version de plan invalide') });
export const choixVersionPlan = z.object({
  version: z.coerce.number().int().min(1, 'Version de plan invalide').optional().describe('Une version passée ; la dernière sinon'),
});
export const cheminEquipeAppui = z.object({ id: uuid.describe('L’organisation de l’équipe d’appui') });
export const cheminPersonneAppui = z.object({ id: uuid });

// ---------- Plan personnalisé de coordination en santé

const champsAction = {
  libelle: texte('Action', 1000),
  porteur: texte('Qui la porte', 300),
  echeance: date('Échéance').nullable().default(null).describe('Quand'),
  statut: statutActionPlanSchema.default('a_faire'),
  objectifId: uuid.nullable().default(null).describe('L’objectif qu’elle sert'),
};
export const actionPlanSaisie = z.object({ id: uuid.optional().describe('Absent pour une nouvelle action'), ...champsAction });
export const actionPlanVue = z.object({ id: z.uuid(), ...champsAction });

const champsProbleme = { probleme: texte('Problème', 1000), besoins: z.string().trim().max(2000, 'Besoins : 2000 caractères au plus').default('') };
const champsObjectif = { libelle: texte('Objectif', 1000), problemeId: uuid.nullable().default(null) };
const champsSuivi = { date: date('Date du suivi'), note: texte('Note de suivi', 2000) };

const champsPlan = {
  referent: texte('Référent du plan', 300, 2).describe('Qui coordonne le plan (nom, fonction)'),
  evaluationGlobale: z.string().trim().max(8000, 'Évaluation globale : 8000 caractères au plus').default(''),
  priorites: z.array(texte('Priorité', 500)).max(30, '30 priorités au plus').default([]),
  datesRevision: z.array(date('Date de révision')).max(20, '20 dates de révision au plus').default([]),
  suivi: z.array(z.object(champsSuivi)).max(500, '500 notes de suivi au plus').default([]),
  avisPersonne: z.string().trim().max(2000, 'Avis de la personne : 2000 caractères au plus').default(''),
};
export const contenuPlanSaisie = z.object({
  ...champsPlan,
  problemes: z
    .array(z.object({ id: uuid.optional(), ...champsProbleme }))
    .max(50, '50 problèmes au plus')
    .default([]),
  objectifs: z
    .array(z.object({ id: uuid.optional(), ...champsObjectif }))
    .max(50, '50 objectifs au plus')
    .default([]),
  actions: z.array(actionPlanSaisie).max(150, '150 actions au plus').default([]),
});
export type ContenuPlanSaisie = z.infer<typeof contenuPlanSaisie>;
export const contenuPlanVue = z.object({
  ...champsPlan,
  problemes: z.array(z.object({ id: z.uuid(), ...champsProbleme })),
  objectifs: z.array(z.object({ id: z.uuid(), ...champsObjectif })),
  actions: z.array(actionPlanVue),
});
export type ContenuPlan = z.infer<typeof contenuPlanVue>;

export const planCorps = z.object({
  version: z.number().int().min(0).describe('La version lue (0 : aucun plan encore) ; 409 si quelqu’un a enregistré depuis'),
  contenu: contenuPlanSaisie,
});
export type PlanCorps = z.infer<typeof planCorps>;

const resumeVersion = {
  version: z.number().int(),
  enregistreLe: z.string(),
  auteur: z.string().describe('Le membre de l’équipe qui l’a enregistrée'),
  origine: z.enum(['saisie', 'concertation']),
  concertationId: z.uuid().nullable(),
};
export const versionPlanResume = z.object(resumeVersion);
export const planVersionVue = z.object({
  situationId: z.uuid(),
  ...resumeVersion,
  prochaineRevision: z.string().nullable(),
  contenu: contenuPlanVue,
});
export type PlanVersionVue = z.infer<typeof planVersionVue>;
export const planSituation = z.object({
  plan: planVersionVue.nullable().describe('La dernière version ; null tant qu’aucun plan n’est écrit'),
  versions: z.array(versionPlanResume).describe('Toutes les versions, la plus récente d’abord'),
});

// ---------- Concertations

export const participantConcertation = z.object({
  categorie: categorieParticipantSchema,
  nom: texte('Nom du participant', 200),
  qualite: z.string().trim().max(200, 'Qualité : 200 caractères au plus').default('').describe('Profession, structure, lien'),
});
export const modificationActionPlan = z.object({
  id: uuid,
  statut: statutActionPlanSchema.optional(),
  echeance: date('Échéance').nullable().optional(),
  porteur: texte('Qui la porte', 300).optional(),
});
export const concertationCorps = z.object({
  date: date('Date de la concertation'),
  participants: z.array(participantConcertation).min(1, 'Indiquez au moins un participant').max(40, '40 participants au plus'),
  decisions: texte('Décisions', 8000),
  remunerable: z.boolean().default(false).describe('Concertation pluriprofessionnelle rémunérable'),
  actionsModifiees: z.array(modificationActionPlan).max(150).default([]).describe('Actions du plan que la concertation change'),
  actionsAjoutees: z.array(actionPlanSaisie).max(150).default([]).describe('Actions qu’elle ajoute au plan'),
  versionPlan: z.number().int().min(0).optional().describe('La version du plan lue, requise quand la concertation change le plan'),
});
export type ConcertationCorps = z.infer<typeof concertationCorps>;
export const concertationVue = z.object({
  id: z.uuid(),
  situationId: z.uuid(),
  date: z.string(),
  participants: z.array(participantConcertation),
  decisions: z.string(),
  remunerable: z.boolean(),
  planVersion: z.number().int().nullable().describe('La version du plan qu’elle a produite'),
  auteur: z.string(),
  creeLe: z.string(),
});
export const listeConcertations = z.object({ elements: z.array(concertationVue) });
export const concertationEnregistree = z.object({ concertation: concertationVue, plan: planVersionVue.nullable() });

// ---------- Follow-up: case load and delays

const sourceReglage = z.enum(['equipe', 'configuration']).describe('Réglé par l’équipe, ou la valeur du déploiement');
export const reglagesAppuiCorps = z.object({
  seuilCharge: z
    .number()
    .int()
    .min(1, 'Seuil de charge : 1 au moins')
    .max(500, 'Seuil de charge : 500 au plus')
    .nullable()
    .describe('Situations ouvertes par gestionnaire au-delà desquelles la charge est signalée ; null : inchangé'),
  conservationMois: z
    .number()
    .int()
    .min(1, 'Durée de conservation : 1 mois au moins')
    .max(600, 'Durée de conservation : 600 mois au plus')
    .nullable()
    .describe('Mois de conservation d’une situation close avant sa purge ; null : la valeur du déploiement'),
});
export const reglagesAppuiVue = z.object({
  equipeId: z.uuid(),
  seuilCharge: z.object({ valeur: z.number().int(), source: sourceReglage }),
  conservationMois: z.object({ valeur: z.number().int(), source: sourceReglage }),
});
export const chargeEquipe = z.object({
  equipeId: z.uuid(),
  seuil: z.number().int(),
  source: sourceReglage,
  alertes: z.number().int().describe('Gestionnaires au-delà du seuil'),
  gestionnaires: z.array(
    z.object({
      utilisateurId: z.uuid(),
      libelle: z.string(),
      situationsOuvertes: z.number().int(),
      alerte: z.boolean(),
      message: z.string().nullable(),
    }),
  ),
});
const etapeDelai = z.enum(Object.keys(ETAPES_DELAI) as [EtapeDelai, ...EtapeDelai[]]);
export const delaisEquipeFiltre = z.object({
  du: date('Début de période').optional(),
  au: date('Fin de période').optional(),
});
export const delaisEquipe = z.object({
  equipeId: z.uuid(),
  du: z.string().nullable(),
  au: z.string().nullable(),
  situations: z.number().int().describe('Demandes reçues sur la période'),
  etapes: z.array(
    z.object({
      etape: etapeDelai,
      libelle: z.string(),
      nombre: z.number().int(),
      enAttente: z.number().int(),
      attenteMax: z.number().nullable().describe('Heures'),
      medianeHeures: z.number().nullable(),
      quatreVingtDixiemeHeures: z.number().nullable(),
    }),
  ),
});
export const delaisSituationVue = z.object({
  situationId: z.uuid(),
  jalons: z.object({
    demandeLe: z.string(),
    premierContactLe: z.string().nullable(),
    evaluationLe: z.string().nullable(),
    planLe: z.string().nullable(),
  }),
  delais: z.record(etapeDelai, z.number().nullable()).describe('Heures, null tant que l’étape n’est pas atteinte'),
});

// ---------- Closure

export const clotureCorps = z.object({
  motif: motifCloture,
  precision: z.string().trim().max(2000, 'Précision : 2000 caractères au plus').default('').describe('Requise pour « autre »'),
  version: z.number().int().describe('La version de la situation lue ; 409 si quelqu’un l’a modifiée depuis'),
});
export const clotureVue = z.object({
  situationId: z.uuid(),
  motif: motifCloture,
  motifLibelle: z.string(),
  precision: z.string(),
  clotureLe: z.string(),
  auteur: z.string(),
  medecinInforme: z.boolean().describe('Le courriel (sans détail de santé) est parti au médecin traitant'),
});

// ---------- The person's access right

const brut = z.record(z.string(), z.unknown());
export const droitAccesPersonne = z.object({
  genereLe: z.string(),
  equipe: z.object({ id: z.uuid(), nom: z.string() }),
  personne: z.object({ id: z.uuid() }).catchall(z.unknown()).describe('L’identité telle que saisie (INS non qualifié)'),
  demandes: z.array(
    z.object({
      id: z.uuid(),
      numero: z.number().int(),
      origine: z.string(),
      canal: z.string(),
      urgence: z.string(),
      statut: z.string(),
      demandeur: brut.nullable(),
      motif: z.string(),
      recueLe: z.string(),
      accuseeLe: z.string().nullable(),
      premierContactLe: z.string().nullable(),
      medecinNom: z.string().nullable(),
      medecinRpps: z.string().nullable(),
    }),
  ),
  situations: z.array(
    z.object({
      id: z.uuid(),
      numero: z.number().int(),
      statut: z.string(),
      niveau: z.string().nullable(),
      ouverteLe: z.string(),
      closeLe: z.string().nullable(),
      motifCloture: z.string().nullable(),
      informeeLe: z.string().nullable(),
      oppositionLe: z.string().nullable(),
      oppositionMotif: z.string().nullable(),
      medecinNom: z.string().nullable(),
      medecinRpps: z.string().nullable(),
      medecinCourriel: z.string().nullable(),
      evaluations: z.array(z.object({ evalueeLe: z.string(), niveau: z.string(), grille: brut })),
      orientations: z.array(
        z.object({ ressource: z.string(), issue: z.string(), commentaire: z.string().nullable(), orienteeLe: z.string(), issueLe: z.string().nullable() }),
      ),
      plans: z.array(planVersionVue).describe('Toutes les versions du plan, la plus récente d’abord'),
      concertations: z.array(concertationVue),
      cloture: z.object({ precision: z.string(), closePar: z.string() }).nullable(),
      journalAcces: z.array(z.object({ le: z.string(), utilisateur: z.string(), nature: z.string(), objet: z.string() })),
    }),
  ),
});
export type DroitAccesPersonne = z.infer<typeof droitAccesPersonne>;
