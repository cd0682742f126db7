import type { QuestionDefinie } from './questionnaire';
import { LONGUEUR_TEXTE, TRANCHES_AGE } from './vocabulaire';

/** One value of an answer, as stored: an option, a scale value, a text, a commune code, an age band. */
export interface ValeurReponse {
  questionId: string;
  valeur: string;
}

export type ResultatValidation = { ok: true; valeurs: ValeurReponse[] } | { ok: false; erreurs: { champ: string; message: string }[] };

/** What a person sent for one question: a form sends strings (several for boxes ticked), JSON may send a number. */
export type ValeurBrute = string | number | (string | number)[] | null | undefined;

const enListe = (v: ValeurBrute): string[] =>
  (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]).map((x) => String(x).trim()).filter((x) => x !== '');

/**
 * Checks an answer against its questionnaire; each error names the question in French. Unknown questions are
 * refused (a stale form); `communes` are the codes of the contract's territory (commune de résidence).
 */
export function validerReponses(
  questions: QuestionDefinie[],
  brutes: Record<string, ValeurBrute>,
  communes: ReadonlySet<string>,
): ResultatValidation {
  const erreurs: { champ: string; message: string }[] = [];
  const valeurs: ValeurReponse[] = [];
  const connues = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(brutes))
    if (!connues.has(id)) erreurs.push({ champ: `reponses.${id}`, message: 'Cette question n’existe pas dans ce questionnaire' });
  for (const q of questions) {
    const champ = `reponses.${q.id}`;
    const nom = `« ${q.libelle} »`;
    const donnees = enListe(brutes[q.id]);
    if (!donnees.length) {
      if (q.obligatoire) erreurs.push({ champ, message: `${nom} : une réponse est obligatoire` });
      continue;
    }
    const erreur = (message: string) => erreurs.push({ champ, message: `${nom} : ${message}` });
    if (q.type !== 'choix_multiple' && donnees.length > 1) {
      erreur('une seule réponse est attendue');
      continue;
    }
    const [v] = donnees;
    switch (q.type) {
      case 'choix_unique':
      case 'choix_multiple': {
        const inconnues = donnees.filter((d) => !q.choix?.includes(d));
        if (inconnues.length) erreur(`l’option « ${inconnues[0]} » n’est pas proposée`);
        else for (const d of new Set(donnees)) valeurs.push({ questionId: q.id, valeur: d });
        break;
      }
      case 'echelle': {
        const n = Number(v);
        const { min, max } = q.echelle ?? { min: 1, max: 5 };
        if (!/^-?\d+$/.test(v) || n < min || n > max) erreur(`choisissez un nombre entier de ${min} à ${max}`);
        else valeurs.push({ questionId: q.id, valeur: String(n) });
        break;
      }
      case 'texte_court':
      case 'texte_long': {
        const max = LONGUEUR_TEXTE[q.type];
        if (v.length > max) erreur(`${max} caractères au plus (${v.length} saisis)`);
        else valeurs.push({ questionId: q.id, valeur: v });
        break;
      }
      case 'commune':
        if (!communes.has(v)) erreur('cette commune ne fait pas partie du territoire du contrat');
        else valeurs.push({ questionId: q.id, valeur: v });
        break;
      case 'tranche_age':
        if (!(v in TRANCHES_AGE)) erreur('tranche d’âge inconnue');
        else valeurs.push({ questionId: q.id, valeur: v });
        break;
    }
  }
  return erreurs.length ? { ok: false, erreurs } : { ok: true, valeurs };
}

/** A share of a total in percent, one decimal (0 when nobody answered). */
export const pourcentage = (n: number, total: number) => (total ? Math.round((n * 1000) / total) / 10 : 0);

/** The median of sorted or unsorted numbers (mean of the two middle ones for an even count), null when empty. */
export function mediane(nombres: number[]): number | null {
  if (!nombres.length) return null;
  const t = [...nombres].sort((a, b) => a - b);
  const m = Math.floor(t.length / 2);
  return t.length % 2 ? t[m] : (t[m - 1] + t[m]) / 2;
}
