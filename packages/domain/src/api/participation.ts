/**
 * The contract of the consultation routes (tag Participation, issue 20 item 1): a coordinator builds a questionnaire
 * in « brouillon », opens it for a period (public link, QR code, optional one-time codes), closes it, reads the
 * results and turns free-text answers into verbatims of the diagnostic. The public reads an open consultation and
 * answers it without an account.
 *
 * Versions: a consultation has one version for itself and its questionnaire; every change needs it and bumps it;
 * a stale version gets 409. The questionnaire changes only in « brouillon » (409 afterwards).
 */
import { z } from 'zod';
import { LOCUTEURS } from '../diagnostics/qualitatif';
import { echelleSchema, sectionSaisieSchema } from '../participation/questionnaire';
import { statutConsultationSchema, typeQuestionSchema } from '../participation/vocabulaire';

const uuid = z.uuid('Identifiant invalide');
const jour = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ');
const versionLue = z.number().int().describe('La version lue ; 409 si quelqu’un a enregistré depuis');

export const cheminConsultation = z.object({ id: uuid });
export const versionConsultation = z.object({ version: z.coerce.number().int() });

// ---------- The questionnaire, as the public and the coordinator see it

export const questionVue = z.object({
  id: z.uuid(),
  position: z.number().int().describe('1 pour la première question du questionnaire'),
  type: typeQuestionSchema,
  libelle: z.string(),
  aide: z.string().nullable(),
  obligatoire: z.boolean(),
  choix: z.array(z.string()).nullable().describe('Choix unique ou multiple : les options, dans l’ordre'),
  echelle: echelleSchema.nullable(),
});
export type QuestionVue = z.infer<typeof questionVue>;

export const sectionVue = z.object({
  id: z.uuid(),
  position: z.number().int(),
  titre: z.string().nullable(),
  description: z.string().nullable(),
  questions: z.array(questionVue),
});
export type SectionVue = z.infer<typeof sectionVue>;

const optionListe = z.object({ code: z.string(), libelle: z.string() });

/** What the public page shows (and the coordinator's preview of a draft). */
export const consultationPublique = z.object({
  id: z.uuid(),
  titre: z.string(),
  introduction: z.string().nullable(),
  contrat: z.object({ id: z.uuid(), nom: z.string() }),
  statut: statutConsultationSchema,
  debut: z.string().nullable(),
  fin: z.string().nullable(),
  codesRequis: z.boolean().describe('Un code à usage unique, distribué sur papier, est demandé pour répondre'),
  sections: z.array(sectionVue),
  communes: z.array(optionListe).describe('Les communes du territoire du contrat (question « commune de résidence »)'),
  tranchesAge: z.array(optionListe),
  apercu: z.boolean().describe('Vrai pour l’aperçu d’un brouillon par la coordination : rien ne peut y être répondu'),
});
export type ConsultationPublique = z.infer<typeof consultationPublique>;

// ---------- The coordinator's side

export const consultationResume = z.object({
  id: z.uuid(),
  contratId: z.uuid(),
  titre: z.string(),
  statut: statutConsultationSchema,
  debut: z.string().nullable(),
  fin: z.string().nullable(),
  codesRequis: z.boolean(),
  nombreQuestions: z.number().int(),
  nombreReponses: z.number().int(),
  creeLe: z.string(),
  modifieLe: z.string(),
  version: z.number().int(),
});
export type ConsultationResume = z.infer<typeof consultationResume>;
export const listeConsultations = z.array(consultationResume);

export const consultationVue = consultationResume.extend({
  introduction: z.string().nullable(),
  sections: z.array(sectionVue),
  lienPublic: z.string().describe('Chemin de la page publique (à préfixer par l’adresse du site)'),
  enCours: z.boolean().describe('Ouverte et dans sa période : le public peut répondre aujourd’hui'),
  transitions: z.array(statutConsultationSchema),
  codes: z.object({ total: z.number().int(), utilises: z.number().int() }),
  modifiable: z.boolean().describe('Le questionnaire peut encore changer (brouillon)'),
});
export type ConsultationVue = z.infer<typeof consultationVue>;

export const consultationCorps = z.object({
  titre: z.string().trim().min(3, 'Le titre doit compter au moins 3 caractères').max(300, '300 caractères au plus'),
  introduction: z.string().trim().max(4000, '4000 caractères au plus').nullish().describe('Le texte d’accueil du questionnaire'),
  codesRequis: z.boolean().default(false),
});
export type ConsultationCorps = z.infer<typeof consultationCorps>;

export const consultationModification = z.object({
  titre: consultationCorps.shape.titre.optional(),
  introduction: consultationCorps.shape.introduction,
  codesRequis: z.boolean().optional().describe('Seulement en brouillon'),
  debut: jour.optional().describe('Ouverte : avancer ou reculer la période'),
  fin: jour.optional(),
  version: versionLue,
});
export type ConsultationModification = z.infer<typeof consultationModification>;

export const questionnaireCorps = z.object({
  sections: z.array(sectionSaisieSchema).min(1, 'Au moins une section').max(20, '20 sections au plus'),
  version: versionLue,
});
export type QuestionnaireCorps = z.infer<typeof questionnaireCorps>;

export const ouvertureConsultation = z.object({
  debut: jour.describe('Premier jour où l’on peut répondre (heure de Paris)'),
  fin: jour.describe('Dernier jour où l’on peut répondre'),
  version: versionLue,
});
export const clotureConsultation = z.object({ version: versionLue });

// ---------- One-time codes

export const generationCodes = z.object({
  nombre: z.number().int().min(1, 'Au moins un code').max(2000, '2000 codes au plus à la fois'),
});
export const formatCodes = z.object({ format: z.enum(['json', 'pdf']).default('json') });
export const codesGeneres = z.object({
  codes: z.array(z.string()).describe('Les codes en clair : seule leur empreinte est gardée, ils ne seront plus jamais affichés'),
  total: z.number().int(),
});
export const formatQr = z.object({ format: z.enum(['svg', 'png']).default('svg') });

// ---------- Public answers

export const reponseConsultationCorps = z.object({
  reponses: z
    .record(z.string(), z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()])), z.null()]))
    .describe(
      'Par identifiant de question : le texte, l’option, les options cochées, la valeur de l’échelle, le code commune ou la tranche d’âge',
    ),
  code: z.string().trim().max(40).nullish().describe('Le code à usage unique, si la consultation en demande'),
  siteWeb: z.string().max(500).nullish().describe('Champ piège : laissé vide par une personne (invisible), rempli par un robot'),
});
export type ReponseConsultationCorps = z.infer<typeof reponseConsultationCorps>;
export const reponseEnregistree = z.object({ message: z.string() });

// ---------- Results

export const repartitionLigne = z.object({
  valeur: z.string().describe('L’option, la valeur de l’échelle, le code commune ou de la tranche'),
  libelle: z.string(),
  nombre: z.number().int(),
  pourcentage: z.number().describe('Part des personnes ayant répondu à la question, une décimale'),
});
export const texteLibre = z.object({
  id: z.uuid().describe('La réponse texte (à transformer en verbatim)'),
  texte: z.string(),
  verbatimId: z.uuid().nullable().describe('Le verbatim du diagnostic qui en vient déjà'),
});
export const resultatQuestion = z.object({
  question: questionVue,
  section: z.string().nullable(),
  repondants: z.number().int().describe('Personnes ayant répondu à cette question'),
  repartition: z.array(repartitionLigne).describe('Choix, échelle, commune, tranche d’âge ; vide pour un texte'),
  moyenne: z.number().nullable().describe('Échelle : moyenne, deux décimales'),
  mediane: z.number().nullable(),
  textes: z.array(texteLibre).describe('Texte court ou long : les réponses, dans un ordre sans lien avec leur arrivée'),
});
export type ResultatQuestion = z.infer<typeof resultatQuestion>;
export const resultatsConsultation = z.object({
  consultation: consultationResume,
  nombreReponses: z.number().int(),
  parJour: z.array(z.object({ jour: z.string(), nombre: z.number().int() })).describe('Réponses reçues par jour'),
  questions: z.array(resultatQuestion),
});
export type ResultatsConsultation = z.infer<typeof resultatsConsultation>;
export const formatExportResultats = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

// ---------- Free text into verbatims

export const conversionVerbatims = z
  .object({
    reponses: z.array(uuid).max(500, '500 réponses au plus à la fois').optional().describe('Les réponses texte à transformer'),
    questionId: uuid.optional().describe('Ou : toutes les réponses de cette question pas encore transformées'),
    locuteur: z.enum(LOCUTEURS).default('habitant'),
  })
  .superRefine((c, ctx) => {
    if ((c.reponses?.length ?? 0) > 0 || c.questionId) return;
    // Both fields are named: either one fixes it.
    for (const champ of ['reponses', 'questionId'])
      ctx.addIssue({ code: 'custom', message: 'Choisissez des réponses ou une question', path: [champ] });
  });
export const verbatimsCrees = z.object({
  crees: z.array(z.object({ reponseId: z.uuid(), verbatimId: z.uuid() })),
  dejaTransformees: z.number().int().describe('Réponses qui avaient déjà leur verbatim (laissées telles quelles)'),
  ignorees: z.number().int().describe('Réponses trop courtes pour un verbatim (moins de 3 caractères)'),
});
