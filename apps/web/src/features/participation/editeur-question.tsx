import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { TYPES_QUESTION, type TypeQuestion } from '@maillage/domain';
import type { QuestionLocale } from './modele-questionnaire';

interface Props {
  question: QuestionLocale;
  numero: number;
  /** The server's objections to this question (a choice with one option, a scale without bounds…). */
  erreurs: string[];
  premiere: boolean;
  derniere: boolean;
  onChange: (q: QuestionLocale) => void;
  onDeplacer: (delta: -1 | 1) => void;
  onSupprimer: () => void;
}

const AVEC_CHOIX: TypeQuestion[] = ['choix_unique', 'choix_multiple'];
const EXPLICATIONS: Partial<Record<TypeQuestion, string>> = {
  commune: 'La liste des communes du territoire du contrat est proposée aux habitants.',
  tranche_age: 'Les tranches d’âge de l’INSEE sont proposées : moins de 18 ans, 18 à 24 ans… 75 ans ou plus.',
  texte_court: '300 caractères au plus. Les réponses pourront devenir des verbatims du diagnostic.',
  texte_long: '4 000 caractères au plus. Les réponses pourront devenir des verbatims du diagnostic.',
};

/** One question of the builder: its kind, text, help, whether it is required, and its options or scale. */
export function EditeurQuestion({ question: q, numero, erreurs, premiere, derniere, onChange, onDeplacer, onSupprimer }: Props) {
  const id = `question-${q.cle}`;
  const nom = q.libelle.trim() ? `la question ${numero} « ${q.libelle.trim()} »` : `la question ${numero}`;
  const maj = (partiel: Partial<QuestionLocale>) => onChange({ ...q, ...partiel });
  const majEchelle = (partiel: Partial<QuestionLocale['echelle']>) => onChange({ ...q, echelle: { ...q.echelle, ...partiel } });
  return (
    <fieldset
      id={id}
      className={fr.cx('fr-fieldset', 'fr-p-2w', 'fr-mb-2w') + ' maillage-element-chaine'}
      aria-labelledby={`${id}-legende`}
    >
      <legend id={`${id}-legende`} className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>
        Question {numero}
      </legend>
      {erreurs.length > 0 && (
        <ul className={fr.cx('fr-error-text', 'fr-mb-2w')}>
          {erreurs.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className={fr.cx('fr-fieldset__element')}>
        <Select
          label="Type de question"
          nativeSelectProps={{ value: q.type, onChange: (e) => maj({ type: e.target.value as TypeQuestion }) }}
        >
          {Object.entries(TYPES_QUESTION).map(([code, libelle]) => (
            <option key={code} value={code}>
              {libelle}
            </option>
          ))}
        </Select>
        {EXPLICATIONS[q.type] && <p className={fr.cx('fr-text--sm')}>{EXPLICATIONS[q.type]}</p>}
        <Input
          label="Libellé de la question"
          nativeInputProps={{ value: q.libelle, onChange: (e) => maj({ libelle: e.target.value }), maxLength: 500 }}
        />
        <Input
          label="Précision affichée sous la question (facultatif)"
          nativeInputProps={{ value: q.aide, onChange: (e) => maj({ aide: e.target.value }), maxLength: 1000 }}
        />
        {AVEC_CHOIX.includes(q.type) && (
          <Input
            label="Options proposées"
            hintText="Une option par ligne, dans l’ordre où elles seront proposées (au moins deux)."
            textArea
            nativeTextAreaProps={{ value: q.choix, onChange: (e) => maj({ choix: e.target.value }), rows: 4 }}
          />
        )}
        {q.type === 'echelle' && (
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
            <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
              <Select label="De" nativeSelectProps={{ value: q.echelle.min, onChange: (e) => majEchelle({ min: Number(e.target.value) }) }}>
                <option value={0}>0</option>
                <option value={1}>1</option>
              </Select>
            </div>
            <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
              <Select label="À" nativeSelectProps={{ value: q.echelle.max, onChange: (e) => majEchelle({ max: Number(e.target.value) }) }}>
                {[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <Input
                label="Libellé du plus bas"
                nativeInputProps={{
                  value: q.echelle.libelleMin,
                  onChange: (e) => majEchelle({ libelleMin: e.target.value }),
                  maxLength: 100,
                }}
              />
              <Input
                label="Libellé du plus haut"
                nativeInputProps={{
                  value: q.echelle.libelleMax,
                  onChange: (e) => majEchelle({ libelleMax: e.target.value }),
                  maxLength: 100,
                }}
              />
            </div>
          </div>
        )}
        <Checkbox
          small
          options={[
            {
              label: 'Réponse obligatoire',
              nativeInputProps: { checked: q.obligatoire, onChange: (e) => maj({ obligatoire: e.target.checked }) },
            },
          ]}
        />
      </div>
      <div className="maillage-actions">
        <Button
          id={`monter-${q.cle}`}
          type="button"
          size="small"
          priority="tertiary"
          iconId="fr-icon-arrow-up-line"
          disabled={premiere}
          onClick={() => onDeplacer(-1)}
        >
          Monter<span className={fr.cx('fr-sr-only')}> {nom}</span>
        </Button>
        <Button
          id={`descendre-${q.cle}`}
          type="button"
          size="small"
          priority="tertiary"
          iconId="fr-icon-arrow-down-line"
          disabled={derniere}
          onClick={() => onDeplacer(1)}
        >
          Descendre<span className={fr.cx('fr-sr-only')}> {nom}</span>
        </Button>
        <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={onSupprimer}>
          Supprimer<span className={fr.cx('fr-sr-only')}> {nom}</span>
        </Button>
      </div>
    </fieldset>
  );
}
