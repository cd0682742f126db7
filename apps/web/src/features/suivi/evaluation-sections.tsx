import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { CRITERES_EVALUATION, TYPES_EVALUATION, type EvaluationSaisie } from '@maillage/domain';
import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { etatChamp } from '../../components/formulaire';
import { CRITERES, Question, type FormulaireEvaluation, type usePreuvesDisponibles } from './evaluation-formulaire';
import { LIBELLES_PRIORITE_RECOMMANDATION } from './libelles-suivi';

/** The sections of the evaluation editor, each a fieldset of the one form. */
interface Props {
  form: UseFormReturn<FormulaireEvaluation, unknown, EvaluationSaisie>;
  editable: boolean;
}

export const focaliser = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** Type, title, evaluator, date, method and synthesis. */
export function CadreEvaluation({ form, editable }: Props) {
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <fieldset disabled={!editable} className={fr.cx('fr-fieldset')} aria-labelledby="titre-cadre">
      <legend id="titre-cadre" className={fr.cx('fr-fieldset__legend')}>
        <h2 className={fr.cx('fr-h4', 'fr-mb-0')}>Cadre de l’évaluation</h2>
      </legend>
      <div className={fr.cx('fr-fieldset__element')}>
        <RadioButtons
          legend="Type"
          orientation="horizontal"
          options={(Object.keys(TYPES_EVALUATION) as (keyof typeof TYPES_EVALUATION)[]).map((ty) => ({
            label: TYPES_EVALUATION[ty],
            nativeInputProps: { ...register('type'), value: ty },
          }))}
          {...etatChamp(e.type?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Input label="Intitulé" nativeInputProps={{ ...register('intitule'), maxLength: 300 }} {...etatChamp(e.intitule?.message)} />
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-8')}>
        <Input
          label="Évaluateur (facultatif)"
          hintText="Équipe de coordination, cabinet, groupe d’évaluation participative…"
          nativeInputProps={{ ...register('evaluateur'), maxLength: 300 }}
          {...etatChamp(e.evaluateur?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
        <Input
          label="Date du rapport (facultatif)"
          nativeInputProps={{ ...register('dateRapport'), type: 'date' }}
          {...etatChamp(e.dateRapport?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Input
          label="Méthode (facultatif)"
          hintText="Questionnaires, entretiens, ateliers, analyse des données de suivi…"
          textArea
          nativeTextAreaProps={{ ...register('methode'), rows: 3, maxLength: 10000 }}
          {...etatChamp(e.methode?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Input
          label="Synthèse (facultatif)"
          textArea
          nativeTextAreaProps={{ ...register('synthese'), rows: 5, maxLength: 20000 }}
          {...etatChamp(e.synthese?.message)}
        />
      </div>
    </fieldset>
  );
}

/** The evaluative questions, grouped by criterion, each with its own reordering. */
export function QuestionsEvaluation({ form, editable, preuves }: Props & { preuves: ReturnType<typeof usePreuvesDisponibles> }) {
  const questions = useFieldArray({ control: form.control, name: 'questions' });
  const criteres = useWatch({ control: form.control, name: 'questions' }) ?? [];
  /** Keyboard reordering: the focus follows the moved question (on the other arrow when it reaches an end). */
  const deplacer = (index: number, vers: number, bouton: 'monter' | 'descendre') => {
    questions.swap(index, vers);
    focaliser(`question-${vers}-${bouton}`);
  };
  return (
    <>
      <h2 className={fr.cx('fr-h4', 'fr-mt-4w')}>Questions évaluatives</h2>
      <p className={fr.cx('fr-text--sm')}>
        Par critère, les questions auxquelles l’évaluation répond, chacune avec son appréciation, son jugement et ses preuves : valeurs
        validées des indicateurs, verbatims du diagnostic, documents du contrat.
      </p>
      {CRITERES.map((c) => {
        const indices = criteres.flatMap((q, n) => (q.critere === c ? [n] : []));
        return (
          <fieldset key={c} disabled={!editable} className={fr.cx('fr-fieldset', 'fr-mb-2w')} aria-labelledby={`critere-${c}`}>
            <legend id={`critere-${c}`} className={fr.cx('fr-fieldset__legend')}>
              <h3 className={fr.cx('fr-h5', 'fr-mb-0')}>
                {CRITERES_EVALUATION[c]}{' '}
                <span className={fr.cx('fr-text--sm', 'fr-text--regular')}>
                  ({indices.length} question{indices.length > 1 ? 's' : ''})
                </span>
              </h3>
            </legend>
            <div className={fr.cx('fr-fieldset__element')}>
              {indices.map((index, rang) => (
                <Question
                  key={questions.fields[index]?.id ?? index}
                  form={form}
                  index={index}
                  rang={rang + 1}
                  premier={rang === 0}
                  dernier={rang === indices.length - 1}
                  onMonter={() => deplacer(index, indices[rang - 1], rang - 1 === 0 ? 'descendre' : 'monter')}
                  onDescendre={() => deplacer(index, indices[rang + 1], rang + 1 === indices.length - 1 ? 'monter' : 'descendre')}
                  onRetirer={() => {
                    questions.remove(index);
                    focaliser(`ajouter-question-${c}`);
                  }}
                  preuves={preuves}
                />
              ))}
              {editable && (
                <Button
                  type="button"
                  size="small"
                  priority="secondary"
                  iconId="fr-icon-add-line"
                  nativeButtonProps={{ id: `ajouter-question-${c}` }}
                  onClick={() => {
                    const fin = indices.length ? indices[indices.length - 1] + 1 : questions.fields.length;
                    questions.insert(
                      fin,
                      { critere: c, question: '', jugement: '', appreciation: '', preuves: [] },
                      { shouldFocus: false },
                    );
                    focaliser(`question-${fin}-texte`);
                  }}
                >
                  Ajouter une question ({CRITERES_EVALUATION[c].toLowerCase()})
                </Button>
              )}
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

/** The recommendations, carried into the next generation’s context. */
export function RecommandationsEvaluation({ form, editable }: Props) {
  const { register, formState } = form;
  const e = formState.errors;
  const recommandations = useFieldArray({ control: form.control, name: 'recommandations' });
  return (
    <fieldset disabled={!editable} className={fr.cx('fr-fieldset', 'fr-mt-4w')} aria-labelledby="titre-recommandations">
      <legend id="titre-recommandations" className={fr.cx('fr-fieldset__legend')}>
        <h2 className={fr.cx('fr-h4', 'fr-mb-0')}>Recommandations</h2>
      </legend>
      {recommandations.fields.length === 0 && (
        <p className={fr.cx('fr-fieldset__element', 'fr-text--sm')}>
          Aucune recommandation. Elles seront reprises dans le contexte de la génération suivante.
        </p>
      )}
      {recommandations.fields.map((r, n) => (
        <div key={r.id} className={fr.cx('fr-fieldset__element')}>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-7')}>
              <Input
                label={`Recommandation ${n + 1}`}
                textArea
                nativeTextAreaProps={{ ...register(`recommandations.${n}.texte`), id: `recommandation-${n}`, rows: 2, maxLength: 3000 }}
                {...etatChamp(e.recommandations?.[n]?.texte?.message)}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
              <Select label={`Priorité (recommandation ${n + 1})`} nativeSelectProps={register(`recommandations.${n}.priorite`)}>
                <option value="">Non précisée</option>
                {(['haute', 'moyenne', 'basse'] as const).map((p) => (
                  <option key={p} value={p}>
                    {LIBELLES_PRIORITE_RECOMMANDATION[p]}
                  </option>
                ))}
              </Select>
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
              <div className={fr.cx('fr-mb-3w') + ' maillage-actions'}>
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-arrow-up-line"
                  title={`Monter la recommandation ${n + 1}`}
                  disabled={n === 0}
                  onClick={() => {
                    recommandations.swap(n, n - 1);
                    focaliser(`recommandation-${n - 1}`);
                  }}
                />
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-arrow-down-line"
                  title={`Descendre la recommandation ${n + 1}`}
                  disabled={n === recommandations.fields.length - 1}
                  onClick={() => {
                    recommandations.swap(n, n + 1);
                    focaliser(`recommandation-${n + 1}`);
                  }}
                />
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-delete-line"
                  title={`Retirer la recommandation ${n + 1}`}
                  onClick={() => {
                    recommandations.remove(n);
                    focaliser('ajouter-recommandation');
                  }}
                />
              </div>
            </div>
          </div>
        </div>
      ))}
      {editable && (
        <div className={fr.cx('fr-fieldset__element')}>
          <Button
            type="button"
            size="small"
            priority="secondary"
            iconId="fr-icon-add-line"
            nativeButtonProps={{ id: 'ajouter-recommandation' }}
            onClick={() => {
              recommandations.append({ texte: '', priorite: '' }, { shouldFocus: false });
              focaliser(`recommandation-${recommandations.fields.length}`);
            }}
          >
            Ajouter une recommandation
          </Button>
        </div>
      )}
    </fieldset>
  );
}

/** Who was interviewed, who led or read the evaluation. */
export function ParticipantsEvaluation({ form, editable }: Props) {
  const { register, formState } = form;
  const e = formState.errors;
  const participants = useFieldArray({ control: form.control, name: 'participants' });
  return (
    <fieldset disabled={!editable} className={fr.cx('fr-fieldset', 'fr-mt-4w')} aria-labelledby="titre-participants">
      <legend id="titre-participants" className={fr.cx('fr-fieldset__legend')}>
        <h2 className={fr.cx('fr-h4', 'fr-mb-0')}>Participants</h2>
      </legend>
      {participants.fields.length === 0 && (
        <p className={fr.cx('fr-fieldset__element', 'fr-text--sm')}>
          Aucun participant : qui a été interrogé, qui a conduit ou relu l’évaluation (habitants et usagers compris).
        </p>
      )}
      {participants.fields.map((p, n) => (
        <div key={p.id} className={fr.cx('fr-fieldset__element')}>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
              <Input
                label={`Nom du participant ${n + 1}`}
                nativeInputProps={{ ...register(`participants.${n}.nom`), id: `participant-${n}`, maxLength: 200 }}
                {...etatChamp(e.participants?.[n]?.nom?.message)}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
              <Input
                label={`Organisation (participant ${n + 1})`}
                nativeInputProps={{ ...register(`participants.${n}.organisation`), maxLength: 300 }}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
              <Input label={`Rôle (participant ${n + 1})`} nativeInputProps={{ ...register(`participants.${n}.role`), maxLength: 200 }} />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-1')}>
              <Button
                type="button"
                size="small"
                priority="tertiary"
                iconId="fr-icon-delete-line"
                className={fr.cx('fr-mb-3w')}
                title={`Retirer le participant ${n + 1}`}
                onClick={() => {
                  participants.remove(n);
                  focaliser('ajouter-participant');
                }}
              />
            </div>
          </div>
        </div>
      ))}
      {editable && (
        <div className={fr.cx('fr-fieldset__element')}>
          <Button
            type="button"
            size="small"
            priority="secondary"
            iconId="fr-icon-add-line"
            nativeButtonProps={{ id: 'ajouter-participant' }}
            onClick={() => {
              participants.append({ nom: '', organisation: '', role: '' }, { shouldFocus: false });
              focaliser(`participant-${participants.fields.length}`);
            }}
          >
            Ajouter un participant
          </Button>
        </div>
      )}
    </fieldset>
  );
}
