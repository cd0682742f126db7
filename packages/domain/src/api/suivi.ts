/**
 * The contract of the follow-up and evaluation routes (tag « Suivi et évaluation »). The large read models (a fiche's
 * follow-up, a campaign's dashboard and form, an evaluation) let through fields they do not name (`looseObject`), as
 * they did before being described: the names below are those the web app reads.
 */
import { z } from 'zod';
import { activiteAppuiVue } from './appui-activite';
import {
  ACTIONS_SUIVI,
  ETATS_FICHE_CAMPAGNE,
  ETATS_SUIVI,
  evaluationSchema,
  indicateurSuiviSchema,
  periodeSuiviSchema,
  STATUTS_FICHE,
  type EvaluationSaisie,
} from '..';

const o = z.looseObject;
const etatSuivi = z.enum(ETATS_SUIVI);
const statutFiche = z.enum(STATUTS_FICHE);
const nombre = z.number().nullable();

export const cheminIdPeriode = z.object({ id: z.uuid('Identifiant invalide'), periode: periodeSuiviSchema });

// ---------- Avancement

const ficheAvancement = z.object({
  id: z.string(),
  numero: z.number(),
  intitule: z.string(),
  statut: z.string(),
  statutLibelle: z.string(),
  poids: z.number(),
  avancement: z.number().nullable().describe('De 0 à 100 ; null pour une fiche abandonnée'),
  source: z
    .enum(['indicateurs', 'statut', 'exclue'])
    .describe('D’où vient l’avancement : valeurs validées des indicateurs, ou statut faute de mesure'),
  indicateurs: z.number(),
  indicateursMesures: z.number(),
  historiqueStatuts: z.array(z.object({ statut: z.string(), le: z.string(), par: z.string().nullable() })),
});
export type FicheAvancement = z.infer<typeof ficheAvancement>;
export type SourceAvancement = FicheAvancement['source'];
export const avancement = z.object({
  avancement: z.number().nullable().describe('Avancement du contrat, de 0 à 100, moyenne pondérée de ses fiches'),
  fiches: z.number(),
  parStatut: z.record(z.string(), z.number()),
  axes: z.array(
    z.object({
      id: z.string(),
      numero: z.number(),
      intitule: z.string(),
      avancement: z.number().nullable(),
      poids: z.number(),
      objectifs: z.array(
        z.object({
          id: z.string(),
          numero: z.string(),
          intitule: z.string(),
          avancement: z.number().nullable(),
          poids: z.number(),
          fiches: z.array(ficheAvancement),
        }),
      ),
      fichesSansObjectif: z.array(ficheAvancement),
    }),
  ),
  fichesSansAxe: z.array(ficheAvancement),
  activiteAppui: activiteAppuiVue
    .nullable()
    .optional()
    .describe('L’activité des équipes d’appui sur le périmètre du contrat (agrégée, sous secret) ; null si vos rôles ne la montrent pas'),
});
export type Avancement = z.infer<typeof avancement>;
export type AxeAvancement = Avancement['axes'][number];
export type ObjectifAvancement = AxeAvancement['objectifs'][number];

// ---------- Suivi d'une fiche

/** One step of the workflow: who did what, when, and why (a send-back always says why). */
export const etapeSuivi = o({
  action: z.enum(['saisir', ...ACTIONS_SUIVI]),
  etat: etatSuivi,
  par: z.string().nullable(),
  le: z.string(),
  commentaire: z.string().nullable(),
});
export type EtapeSuivi = z.infer<typeof etapeSuivi>;
export const valeurSuivi = o({
  id: z.string(),
  indicateurId: z.string(),
  periode: z.string(),
  valeur: nombre,
  numerateur: nombre,
  denominateur: nombre,
  recit: z.string().nullable(),
  etat: etatSuivi,
  version: z.number(),
  modifieLe: z.string(),
  etapes: z.array(etapeSuivi),
  mesure: nombre.describe('Le nombre que la valeur représente : le taux en % pour un pourcentage'),
  soumisPar: z.string().nullish().describe('Qui l’a soumise en dernier (compte) : à quatre yeux, cette personne ne la valide pas'),
});
export type ValeurSuivi = z.infer<typeof valeurSuivi>;
export const cibleSuivi = o({
  periode: z.string(),
  valeur: nombre.optional(),
  numerateur: nombre.optional(),
  denominateur: nombre.optional(),
  mesure: nombre,
});
export type CibleSuivi = z.infer<typeof cibleSuivi>;
const ecartRegion = o({ periode: z.string(), region: z.string(), ecart: z.number(), sens: z.string() });
export type EcartRegion = z.infer<typeof ecartRegion>;
export const TENDANCES_ECART = ['se_reduit', 's_accroit', 'stable', 'indeterminee'] as const;
export type TendanceEcart = (typeof TENDANCES_ECART)[number];
/** The diagnostic indicator an indicator is linked to: the territory's series and the gap to the region. */
const diagnosticLie = o({
  code: z.string(),
  libelle: z.string(),
  unite: z.string().nullable(),
  serie: z.array(o({ periode: z.string(), texte: z.string() })),
  ecartInitial: ecartRegion.nullable(),
  ecartActuel: ecartRegion.nullable(),
  tendance: z.enum(TENDANCES_ECART),
});
export type DiagnosticLie = z.infer<typeof diagnosticLie>;
/** An indicator as stored (the 409 of a stale edit carries this row as `courant`). */
export const indicateurSuiviLigne = o({
  id: z.string(),
  ficheId: z.string(),
  contratId: z.string(),
  rang: z.number(),
  libelle: z.string(),
  type: z.enum(['processus', 'activite', 'resultat']),
  unite: z.string().nullable(),
  methode: z.string().nullable(),
  source: z.string().nullable(),
  cible: z.string().nullable(),
  pourcentage: z.boolean(),
  poids: z.number(),
  referenceValeur: nombre,
  referenceNumerateur: nombre,
  referenceDenominateur: nombre,
  referenceDate: z.string().nullable(),
  cibles: z.array(o({ periode: z.string(), valeur: nombre.optional(), numerateur: nombre.optional(), denominateur: nombre.optional() })),
  indicateurDiagnostic: z.string().nullable(),
  version: z.number(),
});
export type IndicateurSuiviLigne = z.infer<typeof indicateurSuiviLigne>;
export const indicateurSuivi = indicateurSuiviLigne.extend({
  reference: nombre,
  cibles: z.array(cibleSuivi),
  valeurs: z.array(valeurSuivi),
  diagnostic: diagnosticLie.nullish(),
});
export type IndicateurSuivi = z.infer<typeof indicateurSuivi>;
export const bilanFiche = o({
  id: z.string(),
  ficheId: z.string(),
  periode: z.string(),
  recit: z.string().nullable(),
  difficultes: z.string().nullable(),
  perspectives: z.string().nullable(),
  statutPropose: statutFiche.nullable(),
  etat: etatSuivi,
  version: z.number(),
  modifieLe: z.string().optional(),
  etapes: z.array(etapeSuivi).optional(),
  dernierRenvoi: z.string().nullish().describe('Dans le formulaire d’une campagne : le commentaire du dernier renvoi'),
  soumisPar: z.string().nullish().describe('Qui l’a soumis en dernier (compte)'),
});
export type BilanFiche = z.infer<typeof bilanFiche>;
const droitsSuivi = o({
  saisir: z.boolean(),
  valider: z.boolean(),
  rouvrir: z
    .boolean()
    .optional()
    .describe('Rouvrir une saisie validée, avec un motif : le référent ARS du contrat, l’ARS de sa région, l’administration'),
  quatreYeux: z.boolean().optional().describe('La validation est faite par une autre personne que celle qui a soumis (doctrine régionale)'),
  definir: z.boolean().optional().describe('Définir les indicateurs (référence, cibles) : éditeurs et pilotes de la fiche'),
});
export type DroitsSuivi = z.infer<typeof droitsSuivi>;
export const suiviFiche = o({
  fiche: o({ id: z.string(), numero: z.number(), intitule: z.string(), statut: statutFiche, contratId: z.string(), poids: z.number() }),
  droits: droitsSuivi.extend({ definir: z.boolean(), ajouterIndicateur: z.boolean() }),
  indicateurs: z.array(indicateurSuivi),
  bilans: z.array(bilanFiche),
  historiqueStatuts: z.array(o({ statut: statutFiche, le: z.string(), par: z.string().nullable() })),
});
export type SuiviFiche = z.infer<typeof suiviFiche>;

export const modificationIndicateurSuivi = indicateurSuiviSchema.and(z.object({ version: z.number().int() }));
export const versionModifiee = z.object({ id: z.string(), version: z.number() });
export type VersionModifiee = z.infer<typeof versionModifiee>;
/** What a value, a report or a fiche's period became after an entry or a transition. */
export const etatRetour = z.object({
  id: z.string().optional(),
  etat: z.string(),
  version: z.number().optional(),
  elements: z.number().optional(),
});
export type EtatRetour = z.infer<typeof etatRetour>;

// ---------- Campagnes

export const campagne = o({
  id: z.string(),
  contratId: z.string(),
  periode: z.string(),
  echeance: z.string(),
  message: z.string().nullable(),
  etat: z.enum(['ouverte', 'close']),
  ouvertePar: z.string(),
  ouverteLe: z.string(),
  closeLe: z.string().nullable(),
});
export type Campagne = z.infer<typeof campagne>;
export const campagneResume = campagne.extend({ fiches: z.number(), completes: z.number(), validees: z.number() });
export type CampagneResume = z.infer<typeof campagneResume>;
const etatFicheCampagne = z.enum(ETATS_FICHE_CAMPAGNE);
export const ficheCampagne = o({
  id: z.string(),
  numero: z.number(),
  intitule: z.string(),
  statut: statutFiche,
  pilotes: z.array(o({ organisationId: z.string().nullable(), nom: z.string().nullable(), service: z.string().nullable() })),
  etatBilan: etatSuivi.nullable(),
  indicateurs: z.number(),
  valeursSaisies: z.number(),
  valeursValidees: z.number(),
  etat: etatFicheCampagne,
  etatLibelle: z.string(),
});
export type FicheCampagne = z.infer<typeof ficheCampagne>;
export const MOTIFS_COURRIEL = ['ouverture', 'relance_j7', 'relance_j1', 'relance'] as const;
export type MotifCourriel = (typeof MOTIFS_COURRIEL)[number];
const contratCourt = o({ id: z.string(), intitule: z.string() });
export const tableauCampagne = campagne.extend({
  contrat: contratCourt,
  peutGerer: z.boolean(),
  taux: z.number().describe('Part des fiches soumises ou validées, de 0 à 100'),
  parEtat: z.record(etatFicheCampagne, z.number()),
  fiches: z.array(ficheCampagne),
  organisations: z.array(
    o({ organisationId: z.string().nullable(), nom: z.string(), fiches: z.number(), completes: z.number(), validees: z.number() }),
  ),
  courriels: z.array(o({ motif: z.enum(MOTIFS_COURRIEL), envoyeLe: z.string(), email: z.string() })),
  organisationsSansCompte: z.array(o({ id: z.string(), nom: z.string() })),
});
export type TableauCampagne = z.infer<typeof tableauCampagne>;
export const indicateurCampagne = indicateurSuivi.extend({
  valeur: valeurSuivi.nullable(),
  ciblePeriode: cibleSuivi.nullable().describe('La cible de la période de la campagne'),
});
export type IndicateurCampagne = z.infer<typeof indicateurCampagne>;
export const ficheSaisieCampagne = ficheCampagne.extend({
  droits: droitsSuivi,
  bilan: bilanFiche.nullable(),
  indicateurs: z.array(indicateurCampagne),
});
export type FicheSaisieCampagne = z.infer<typeof ficheSaisieCampagne>;
export const saisieCampagne = campagne.extend({ contrat: contratCourt, fiches: z.array(ficheSaisieCampagne) });
export type SaisieCampagne = z.infer<typeof saisieCampagne>;
export const campagneOuverte = z.object({
  id: z.string(),
  destinataires: z.array(z.string()),
  organisationsSansCompte: z.array(z.object({ id: z.string(), nom: z.string() })),
});
export type CampagneOuverte = z.infer<typeof campagneOuverte>;
export const relanceCampagne = z.object({ destinataires: z.array(z.string()) });
export type RelanceCampagne = z.infer<typeof relanceCampagne>;
export const campagneClose = z.object({ id: z.string(), etat: z.literal('close') });
export type CampagneClose = z.infer<typeof campagneClose>;

// ---------- Évaluations

/** An evaluation as stored; the fields of its entry schema travel as they are. */
export const evaluation = o({
  id: z.string(),
  contratId: z.string(),
  version: z.number(),
  creeLe: z.string(),
  modifieLe: z.string(),
  preuves: z
    .record(z.string(), o({ type: z.enum(['valeur', 'verbatim', 'document']), texte: z.string() }))
    .optional()
    .describe('GET /api/evaluations/{id} : chaque preuve résolue en un texte lisible'),
});
export type Evaluation = z.infer<typeof evaluation> & EvaluationSaisie;
export const modificationEvaluation = evaluationSchema.and(z.object({ version: z.number().int() }));
export const renouvellementEvaluation = z.object({
  ficheIds: z.array(z.uuid('Fiche inconnue')).nullish().describe('Par défaut : les fiches ni réalisées ni abandonnées'),
  intitule: z.string().trim().max(300).nullish(),
});
