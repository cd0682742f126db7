import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { deplacer } from '@maillage/domain';
import type { ConsultationVue } from '@maillage/domain/api';
import { useEffect, useState } from 'react';
import { ErreurApi } from '../../api/client';
import { useEnregistrementQuestionnaire } from '../../api/participation';
import { AlerteErreur } from '../../components/alerte-erreur';
import { EditeurQuestion } from './editeur-question';
import {
  deplacerQuestion,
  depuisVue,
  nouvelleQuestion,
  nouvelleSection,
  numeroQuestion,
  type QuestionLocale,
  type SectionLocale,
  versSaisie,
} from './modele-questionnaire';

/** The server's field errors, by section and question index (« sections.0.questions.2.choix »). */
function erreursParPosition(erreur: unknown): { parQuestion: Map<string, string[]>; autres: string[] } {
  const parQuestion = new Map<string, string[]>();
  const autres: string[] = [];
  if (!(erreur instanceof ErreurApi)) return { parQuestion, autres };
  for (const { champ, message } of erreur.probleme.erreurs ?? []) {
    const m = champ.match(/^sections\.(\d+)\.questions\.(\d+)/);
    if (m) parQuestion.set(`${m[1]}.${m[2]}`, [...(parQuestion.get(`${m[1]}.${m[2]}`) ?? []), message]);
    else autres.push(message);
  }
  return { parQuestion, autres };
}

/**
 * The questionnaire builder: sections and questions edited in place, reordered with « Monter » and « Descendre »
 * (keyboard only, no drag and drop), saved as a whole. Focus follows a moved question; a live region says where it went.
 */
export function EditeurQuestionnaire({ consultation }: { consultation: ConsultationVue }) {
  const [sections, setSections] = useState<SectionLocale[]>(() => depuisVue(consultation.sections));
  const [modifie, setModifie] = useState(false);
  const [annonce, setAnnonce] = useState('');
  const [focus, setFocus] = useState<{ ids: string[] } | null>(null);
  const enregistrement = useEnregistrementQuestionnaire(consultation.id);
  const { parQuestion, autres } = erreursParPosition(enregistrement.error);

  useEffect(() => {
    if (!focus) return;
    const cible = focus.ids.map((id) => document.getElementById(id)).find((e) => e && !(e as HTMLButtonElement).disabled);
    // A new question: its first field (the kind of question).
    const champ = cible?.matches('button, input, select, textarea') ? cible : cible?.querySelector<HTMLElement>('select, input, textarea');
    champ?.focus();
    setFocus(null);
  }, [focus]);

  const changer = (suivantes: SectionLocale[]) => {
    setSections(suivantes);
    setModifie(true);
  };
  const majSection = (si: number, partiel: Partial<SectionLocale>) =>
    changer(sections.map((s, i) => (i === si ? { ...s, ...partiel } : s)));
  const majQuestion = (si: number, qi: number, q: QuestionLocale) =>
    majSection(si, { questions: sections[si].questions.map((x, j) => (j === qi ? q : x)) });
  const deplacerQ = (si: number, qi: number, delta: -1 | 1) => {
    const q = sections[si].questions[qi];
    const suivantes = deplacerQuestion(sections, si, qi, delta);
    changer(suivantes);
    setAnnonce(`Question « ${q.libelle || 'sans libellé'} » déplacée en position ${numeroQuestion(suivantes, q.cle)}.`);
    const [a, b] = delta < 0 ? ['monter', 'descendre'] : ['descendre', 'monter'];
    setFocus({ ids: [`${a}-${q.cle}`, `${b}-${q.cle}`] });
  };
  const deplacerS = (si: number, delta: -1 | 1) => {
    const s = sections[si];
    changer(deplacer(sections, s, si + delta));
    setAnnonce(`Section « ${s.titre || 'sans titre'} » déplacée en position ${si + delta + 1}.`);
    const [a, b] = delta < 0 ? ['monter-section', 'descendre-section'] : ['descendre-section', 'monter-section'];
    setFocus({ ids: [`${a}-${s.cle}`, `${b}-${s.cle}`] });
  };
  const ajouterQuestion = (si: number) => {
    const q = nouvelleQuestion();
    majSection(si, { questions: [...sections[si].questions, q] });
    setFocus({ ids: [`question-${q.cle}`] });
  };
  const enregistrer = () =>
    enregistrement.mutate(
      { sections: versSaisie(sections), version: consultation.version },
      {
        onSuccess: (c) => {
          setSections(depuisVue(c.sections));
          setModifie(false);
        },
      },
    );

  const total = sections.reduce((n, s) => n + s.questions.length, 0);
  return (
    <div>
      <p className={fr.cx('fr-text--sm')}>
        Les questions se composent section par section. « Monter » et « Descendre » changent leur ordre ; une question en haut d’une section
        passe à la fin de la précédente. Rien n’est public avant l’ouverture.
      </p>
      {sections.map((s, si) => (
        <section key={s.cle} aria-labelledby={`section-${s.cle}-titre`} className={fr.cx('fr-mb-4w')}>
          <h4 id={`section-${s.cle}-titre`}>
            Section {si + 1}
            {s.titre.trim() ? ` : ${s.titre.trim()}` : ''}
          </h4>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <Input
                label={`Titre de la section ${si + 1} (facultatif)`}
                nativeInputProps={{ value: s.titre, onChange: (e) => majSection(si, { titre: e.target.value }), maxLength: 200 }}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <Input
                label={`Présentation de la section ${si + 1} (facultatif)`}
                nativeInputProps={{
                  value: s.description,
                  onChange: (e) => majSection(si, { description: e.target.value }),
                  maxLength: 2000,
                }}
              />
            </div>
          </div>
          {s.questions.map((q, qi) => (
            <EditeurQuestion
              key={q.cle}
              question={q}
              numero={numeroQuestion(sections, q.cle)}
              erreurs={parQuestion.get(`${si}.${qi}`) ?? []}
              premiere={si === 0 && qi === 0}
              derniere={si === sections.length - 1 && qi === s.questions.length - 1}
              onChange={(x) => majQuestion(si, qi, x)}
              onDeplacer={(delta) => deplacerQ(si, qi, delta)}
              onSupprimer={() => {
                majSection(si, { questions: s.questions.filter((_, j) => j !== qi) });
                setAnnonce(`Question « ${q.libelle || 'sans libellé'} » retirée (elle disparaîtra à l’enregistrement).`);
                setFocus({ ids: [`ajouter-question-${s.cle}`] });
              }}
            />
          ))}
          <div className="maillage-actions">
            <Button
              id={`ajouter-question-${s.cle}`}
              type="button"
              size="small"
              priority="secondary"
              iconId="fr-icon-add-line"
              onClick={() => ajouterQuestion(si)}
            >
              Ajouter une question<span className={fr.cx('fr-sr-only')}> à la section {si + 1}</span>
            </Button>
            {sections.length > 1 && (
              <>
                <Button
                  id={`monter-section-${s.cle}`}
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-arrow-up-line"
                  disabled={si === 0}
                  onClick={() => deplacerS(si, -1)}
                >
                  Monter la section {si + 1}
                </Button>
                <Button
                  id={`descendre-section-${s.cle}`}
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-arrow-down-line"
                  disabled={si === sections.length - 1}
                  onClick={() => deplacerS(si, 1)}
                >
                  Descendre la section {si + 1}
                </Button>
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-delete-line"
                  onClick={() => {
                    changer(sections.filter((_, i) => i !== si));
                    setAnnonce(`Section ${si + 1} retirée avec ses questions (à l’enregistrement).`);
                    setFocus({ ids: ['ajouter-section'] });
                  }}
                >
                  Supprimer la section {si + 1} et ses questions
                </Button>
              </>
            )}
          </div>
        </section>
      ))}
      <p role="status" className={fr.cx('fr-sr-only')}>
        {annonce}
      </p>
      <Button
        id="ajouter-section"
        type="button"
        priority="secondary"
        iconId="fr-icon-add-line"
        className={fr.cx('fr-mb-4w')}
        onClick={() => {
          const s = nouvelleSection();
          changer([...sections, s]);
          setFocus({ ids: [`question-${s.questions[0].cle}`] });
        }}
      >
        Ajouter une section
      </Button>
      {enregistrement.error && <AlerteErreur erreur={enregistrement.error} as="h4" titre="Le questionnaire n’a pas été enregistré" />}
      {autres.length > 0 && (
        <ul className={fr.cx('fr-error-text')}>
          {autres.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {enregistrement.isSuccess && !modifie && (
        <Alert severity="success" small description="Questionnaire enregistré." className={fr.cx('fr-mb-2w')} />
      )}
      <Button type="button" iconId="fr-icon-save-line" disabled={enregistrement.isPending} onClick={enregistrer}>
        Enregistrer le questionnaire ({total} {total > 1 ? 'questions' : 'question'})
      </Button>
    </div>
  );
}
