import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { LIBELLES_STATUT_FICHE, STATUTS_FICHE } from '@maillage/domain';
import { useFieldArray } from 'react-hook-form';
import { etatChamp, videEnNull } from '../../components/formulaire';
import { ChampOuiNon, type FormFiche } from './champs-communs';

/** Section 7: description, objectifs opérationnels and the steps (déroulé), each with its period. */
export function ChampsDescription({ form }: { form: FormFiche }) {
  const {
    register,
    formState: { errors },
  } = form;
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'etapes' });
  return (
    <>
      <Input
        label="Description de l’action"
        textArea
        nativeTextAreaProps={{ ...register('description', { setValueAs: videEnNull }), rows: 6 }}
        {...etatChamp(errors.description?.message)}
      />
      <Input
        label="Objectifs opérationnels"
        hintText="Un objectif par ligne"
        textArea
        nativeTextAreaProps={{ ...register('objectifsOperationnels'), rows: 4 }}
        {...etatChamp(errors.objectifsOperationnels?.message)}
      />
      <ChampOuiNon form={form} nom="objectifsCiblentIsts" legende="Ces objectifs visent-ils la réduction des ISTS ?" />
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>
          Déroulé : les étapes
          <span className={fr.cx('fr-hint-text')}>
            Chaque étape avec sa période, et si besoin son pilote et son statut (les sous-actions de Territoires en Transitions) ; elles
            apparaissent dans le calendrier du contrat.
          </span>
        </legend>
        {fields.length === 0 && <p className={fr.cx('fr-fieldset__element', 'fr-text--sm')}>Aucune étape.</p>}
        {fields.map((champ, i) => (
          <div key={champ.id} className={fr.cx('fr-fieldset__element', 'fr-p-2w', 'fr-mb-2w') + ' maillage-encart'}>
            <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
              <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
                <Input
                  label={`Étape ${i + 1}`}
                  nativeInputProps={{ ...register(`etapes.${i}.libelle`), maxLength: 500 }}
                  {...etatChamp(errors.etapes?.[i]?.libelle?.message)}
                />
              </div>
              <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
                <Input
                  label={`Début de l’étape ${i + 1}`}
                  nativeInputProps={{ ...register(`etapes.${i}.debut`, { setValueAs: videEnNull }), type: 'date' }}
                  {...etatChamp(errors.etapes?.[i]?.debut?.message)}
                />
              </div>
              <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
                <Input
                  label={`Fin de l’étape ${i + 1}`}
                  nativeInputProps={{ ...register(`etapes.${i}.fin`, { setValueAs: videEnNull }), type: 'date' }}
                  {...etatChamp(errors.etapes?.[i]?.fin?.message)}
                />
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
                <Input
                  label={`Pilote de l’étape ${i + 1} (facultatif)`}
                  nativeInputProps={{ ...register(`etapes.${i}.pilote`, { setValueAs: videEnNull }), maxLength: 500 }}
                  {...etatChamp(errors.etapes?.[i]?.pilote?.message)}
                />
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
                <Select
                  label={`Statut de l’étape ${i + 1}`}
                  nativeSelectProps={register(`etapes.${i}.statut`)}
                  {...etatChamp(errors.etapes?.[i]?.statut?.message)}
                >
                  <option value="">Non renseigné</option>
                  {STATUTS_FICHE.map((s) => (
                    <option key={s} value={s}>
                      {LIBELLES_STATUT_FICHE[s]}
                    </option>
                  ))}
                </Select>
              </div>
              <div className={fr.cx('fr-col-12')}>
                <Input
                  label={`Description de l’étape ${i + 1} (facultatif)`}
                  textArea
                  nativeTextAreaProps={{ ...register(`etapes.${i}.description`, { setValueAs: videEnNull }), rows: 2 }}
                  {...etatChamp(errors.etapes?.[i]?.description?.message)}
                />
              </div>
            </div>
            <div className="maillage-actions">
              <Button
                type="button"
                size="small"
                priority="tertiary no outline"
                iconId="fr-icon-arrow-up-line"
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
                nativeButtonProps={{ 'aria-label': `Monter l’étape ${i + 1}` }}
              >
                Monter
              </Button>
              <Button
                type="button"
                size="small"
                priority="tertiary no outline"
                iconId="fr-icon-arrow-down-line"
                disabled={i === fields.length - 1}
                onClick={() => move(i, i + 1)}
                nativeButtonProps={{ 'aria-label': `Descendre l’étape ${i + 1}` }}
              >
                Descendre
              </Button>
              <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-delete-line" onClick={() => remove(i)}>
                Retirer l’étape {i + 1}
              </Button>
            </div>
          </div>
        ))}
        <div className={fr.cx('fr-fieldset__element')}>
          <Button
            type="button"
            size="small"
            priority="secondary"
            iconId="fr-icon-add-line"
            onClick={() => append({ libelle: '', debut: null, fin: null, pilote: null, statut: '', description: null })}
          >
            Ajouter une étape
          </Button>
        </div>
      </fieldset>
    </>
  );
}
