import { deplacer, type SectionSaisie, type TypeQuestion } from '@maillage/domain';
import type { SectionVue } from '@maillage/domain/api';

/** The builder's working copy: each element keeps a local key (React and focus follow it through moves). */
export interface QuestionLocale {
  cle: string;
  id?: string;
  type: TypeQuestion;
  libelle: string;
  aide: string;
  obligatoire: boolean;
  /** The options of a choice, one per line (a textarea: plain keyboard, no drag and drop). */
  choix: string;
  echelle: { min: number; max: number; libelleMin: string; libelleMax: string };
}
export interface SectionLocale {
  cle: string;
  id?: string;
  titre: string;
  description: string;
  questions: QuestionLocale[];
}

let compteur = 0;
const nouvelleCle = () => `l${++compteur}`;
const ECHELLE_PAR_DEFAUT = { min: 1, max: 5, libelleMin: 'Pas du tout d’accord', libelleMax: 'Tout à fait d’accord' };

export const nouvelleQuestion = (): QuestionLocale => ({
  cle: nouvelleCle(),
  type: 'choix_unique',
  libelle: '',
  aide: '',
  obligatoire: false,
  choix: '',
  echelle: { ...ECHELLE_PAR_DEFAUT },
});

export const nouvelleSection = (): SectionLocale => ({ cle: nouvelleCle(), titre: '', description: '', questions: [nouvelleQuestion()] });

export function depuisVue(sections: SectionVue[]): SectionLocale[] {
  if (sections.length === 0) return [nouvelleSection()];
  const locales: SectionLocale[] = sections.map((s) => ({
    cle: nouvelleCle(),
    id: s.id,
    titre: s.titre ?? '',
    description: s.description ?? '',
    questions: s.questions.map((q) => ({
      cle: nouvelleCle(),
      id: q.id,
      type: q.type,
      libelle: q.libelle,
      aide: q.aide ?? '',
      obligatoire: q.obligatoire,
      choix: (q.choix ?? []).join('\n'),
      echelle: q.echelle
        ? { min: q.echelle.min, max: q.echelle.max, libelleMin: q.echelle.libelleMin ?? '', libelleMax: q.echelle.libelleMax ?? '' }
        : { ...ECHELLE_PAR_DEFAUT },
    })),
  }));
  // An empty questionnaire opens on its first question, ready to be written.
  if (locales.every((s) => s.questions.length === 0)) locales[0].questions.push(nouvelleQuestion());
  return locales;
}

const ouNull = (t: string) => (t.trim() === '' ? null : t.trim());

/** What PUT /api/consultations/:id/questionnaire takes: options and scale only where the type has them. */
export function versSaisie(sections: SectionLocale[]): SectionSaisie[] {
  return sections.map((s) => ({
    id: s.id,
    titre: ouNull(s.titre),
    description: ouNull(s.description),
    questions: s.questions.map((q) => ({
      id: q.id,
      type: q.type,
      libelle: q.libelle.trim(),
      aide: ouNull(q.aide),
      obligatoire: q.obligatoire,
      choix:
        q.type === 'choix_unique' || q.type === 'choix_multiple'
          ? q.choix
              .split('\n')
              .map((c) => c.trim())
              .filter(Boolean)
          : null,
      echelle:
        q.type === 'echelle'
          ? { min: q.echelle.min, max: q.echelle.max, libelleMin: ouNull(q.echelle.libelleMin), libelleMax: ouNull(q.echelle.libelleMax) }
          : null,
    })),
  }));
}

/**
 * Moves a question up or down; at the top of a section it goes to the end of the previous one, at the bottom to the
 * start of the next one; at either end of the questionnaire, nothing moves.
 */
export function deplacerQuestion(sections: SectionLocale[], si: number, qi: number, delta: -1 | 1): SectionLocale[] {
  const section = sections[si];
  const cible = qi + delta;
  if (cible >= 0 && cible < section.questions.length)
    return sections.map((s, i) => (i === si ? { ...s, questions: deplacer(s.questions, s.questions[qi], cible) } : s));
  const voisine = si + delta;
  if (voisine < 0 || voisine >= sections.length) return sections;
  const question = section.questions[qi];
  return sections.map((s, i) => {
    if (i === si) return { ...s, questions: s.questions.filter((_, j) => j !== qi) };
    if (i === voisine) return { ...s, questions: delta < 0 ? [...s.questions, question] : [question, ...s.questions] };
    return s;
  });
}

/** The number of a question across the questionnaire (1-based), as the public sees it. */
export function numeroQuestion(sections: SectionLocale[], cle: string): number {
  let n = 0;
  for (const s of sections)
    for (const q of s.questions) {
      n++;
      if (q.cle === cle) return n;
    }
  return 0;
}
