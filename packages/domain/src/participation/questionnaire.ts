import { z } from 'zod';
import { type TypeQuestion, typeQuestionSchema } from './vocabulaire';

/** What a question carries beyond its text: the options of a choice, the bounds and end labels of a scale. */
export const echelleSchema = z
  .object({
    min: z.number().int().min(0, 'L’échelle commence à 0 ou 1').max(1, 'L’échelle commence à 0 ou 1'),
    max: z.number().int().min(2, 'L’échelle va au moins jusqu’à 2').max(10, 'L’échelle va au plus jusqu’à 10'),
    libelleMin: z.string().trim().max(100, '100 caractères au plus').nullish(),
    libelleMax: z.string().trim().max(100, '100 caractères au plus').nullish(),
  })
  .describe('Échelle : de min (0 ou 1) à max (2 à 10), avec le libellé de chaque extrémité');
export type EchelleQuestion = z.infer<typeof echelleSchema>;

const libelleChoix = z.string().trim().min(1, 'Option vide').max(200, '200 caractères au plus par option');

export const questionSaisieSchema = z.object({
  id: z.uuid('Identifiant invalide').optional().describe('La question lue, pour la garder ; absente pour une nouvelle'),
  type: typeQuestionSchema,
  libelle: z.string().trim().min(3, 'Le libellé de la question doit compter au moins 3 caractères').max(500, '500 caractères au plus'),
  aide: z.string().trim().max(1000, '1000 caractères au plus').nullish().describe('Une précision affichée sous la question'),
  obligatoire: z.boolean().default(false),
  choix: z.array(libelleChoix).max(30, '30 options au plus').nullish().describe('Choix unique ou multiple : les options'),
  echelle: echelleSchema.nullish(),
});
export type QuestionSaisie = z.infer<typeof questionSaisieSchema>;

export const sectionSaisieSchema = z.object({
  id: z.uuid('Identifiant invalide').optional(),
  titre: z.string().trim().max(200, '200 caractères au plus').nullish().describe('Sans titre : les questions s’enchaînent'),
  description: z.string().trim().max(2000, '2000 caractères au plus').nullish(),
  questions: z.array(questionSaisieSchema).max(60, '60 questions au plus par section'),
});
export type SectionSaisie = z.infer<typeof sectionSaisieSchema>;

export const MAX_QUESTIONS = 100;

/** The rules a zod shape cannot say: options of a choice, scale bounds, no duplicate, a sensible size. */
export function problemesQuestionnaire(sections: SectionSaisie[]): { champ: string; message: string }[] {
  const problemes: { champ: string; message: string }[] = [];
  const total = sections.reduce((n, s) => n + s.questions.length, 0);
  if (total > MAX_QUESTIONS) problemes.push({ champ: 'sections', message: `${MAX_QUESTIONS} questions au plus dans un questionnaire` });
  const ids = new Set<string>();
  sections.forEach((s, i) => {
    if (s.id) {
      if (ids.has(s.id)) problemes.push({ champ: `sections.${i}.id`, message: `Section ${i + 1} : identifiant en double` });
      ids.add(s.id);
    }
    s.questions.forEach((q, j) => {
      const champ = `sections.${i}.questions.${j}`;
      const nom = `Question « ${q.libelle} »`;
      if (q.id) {
        if (ids.has(q.id)) problemes.push({ champ: `${champ}.id`, message: `${nom} : identifiant en double` });
        ids.add(q.id);
      }
      if (q.type === 'choix_unique' || q.type === 'choix_multiple') {
        const choix = q.choix ?? [];
        if (choix.length < 2) problemes.push({ champ: `${champ}.choix`, message: `${nom} : proposez au moins deux options` });
        const vus = new Set<string>();
        for (const c of choix) {
          const cle = c.toLocaleLowerCase('fr');
          if (vus.has(cle)) problemes.push({ champ: `${champ}.choix`, message: `${nom} : l’option « ${c} » est en double` });
          vus.add(cle);
        }
      } else if (q.choix?.length)
        problemes.push({ champ: `${champ}.choix`, message: `${nom} : seules les questions à choix ont des options` });
      if (q.type === 'echelle') {
        if (!q.echelle) problemes.push({ champ: `${champ}.echelle`, message: `${nom} : précisez les bornes de l’échelle` });
      } else if (q.echelle) problemes.push({ champ: `${champ}.echelle`, message: `${nom} : seules les échelles ont des bornes` });
    });
  });
  return problemes;
}

/** The parameters kept with a question (column `parametres`), by its type. */
export function parametresQuestion(q: QuestionSaisie): Parametres {
  if (q.type === 'choix_unique' || q.type === 'choix_multiple') return { choix: q.choix ?? [] };
  if (q.type === 'echelle' && q.echelle)
    return { echelle: { ...q.echelle, libelleMin: q.echelle.libelleMin ?? null, libelleMax: q.echelle.libelleMax ?? null } };
  return {};
}
export type Parametres = { choix?: string[]; echelle?: EchelleQuestion };

/** A question as the rules on answers need it. */
export interface QuestionDefinie {
  id: string;
  type: TypeQuestion;
  libelle: string;
  obligatoire: boolean;
  choix?: string[];
  echelle?: EchelleQuestion;
}

/** Why a consultation cannot open now, or null. Dates are days (AAAA-MM-JJ), `aujourdhui` in Europe/Paris. */
export function raisonOuvertureImpossible(nombreQuestions: number, debut: string, fin: string, aujourdhui: string): string | null {
  if (nombreQuestions === 0) return 'Le questionnaire n’a aucune question : ajoutez-en avant de l’ouvrir.';
  if (fin < debut) return 'La fin de la période précède son début.';
  if (fin < aujourdhui) return 'La période est déjà passée : choisissez une fin aujourd’hui ou plus tard.';
  return null;
}
