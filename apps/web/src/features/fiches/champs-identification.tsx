import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import type { Axe } from '@maillage/domain/api';
import { etatChamp, videEnNull } from '../../components/formulaire';
import { ChoixOrganisation } from '../../components/choix-organisation';
import type { FormFiche } from './champs-communs';

/** Section 1: intitulé, axe and objectif stratégiques. */
export function ChampsAxeObjectif({ form, axes }: { form: FormFiche; axes: Axe[] }) {
  const {
    register,
    setValue,
    formState: { errors },
  } = form;
  const axeId = useWatch({ control: form.control, name: 'axeId' });
  const objectifs = axes.find((a) => a.id === axeId)?.objectifs ?? [];
  return (
    <>
      <Input
        label="Intitulé de la fiche-action"
        nativeInputProps={{ ...register('intitule'), required: true, maxLength: 500 }}
        {...etatChamp(errors.intitule?.message)}
      />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select
            label="Axe stratégique"
            hint={axes.length ? undefined : 'Le contrat n’a pas encore d’axe : ajoutez-en dans « Stratégie et fiches ».'}
            nativeSelectProps={{ ...register('axeId', { setValueAs: videEnNull, onChange: () => setValue('objectifId', null) }) }}
            {...etatChamp(errors.axeId?.message)}
          >
            <option value="">Aucun axe</option>
            {axes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.numero}. {a.intitule}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select
            key={axeId ?? 'aucun'}
            label="Objectif stratégique"
            hint={axeId && !objectifs.length ? 'Cet axe n’a pas encore d’objectif.' : undefined}
            disabled={!objectifs.length}
            nativeSelectProps={register('objectifId', { setValueAs: videEnNull })}
            {...etatChamp(errors.objectifId?.message)}
          >
            <option value="">Aucun objectif</option>
            {objectifs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.numero}. {o.intitule}
              </option>
            ))}
          </Select>
        </div>
      </div>
    </>
  );
}

/** Section 2: one or more pilots (organisation and service, or "à définir"), and the people. */
export function ChampsPilotes({ form }: { form: FormFiche }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'pilotes' });
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <>
      {fields.length === 0 && <p className={fr.cx('fr-text--sm')}>Aucun pilote : la fiche sera présentée avec un pilote « à définir ».</p>}
      {fields.map((champ, i) => (
        <fieldset key={champ.id} className={fr.cx('fr-fieldset', 'fr-mb-2w')}>
          <legend className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>Pilote {i + 1}</legend>
          <div className={fr.cx('fr-fieldset__element')}>
            <Controller
              control={form.control}
              name={`pilotes.${i}.organisationId`}
              render={({ field, fieldState }) => (
                <ChoixOrganisation
                  label={`Organisation du pilote ${i + 1}`}
                  aucune
                  libelleAucune="À définir"
                  valeur={field.value}
                  onChange={(v) => field.onChange(v)}
                  onBlur={field.onBlur}
                  erreur={fieldState.error?.message}
                />
              )}
            />
          </div>
          <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-8')}>
            <Input
              label={`Service du pilote ${i + 1} (facultatif)`}
              hintText="Exemple : CLIC, service prévention"
              nativeInputProps={{ ...register(`pilotes.${i}.service`, { setValueAs: videEnNull }), maxLength: 200 }}
              {...etatChamp(errors.pilotes?.[i]?.service?.message)}
            />
          </div>
          <div className={fr.cx('fr-fieldset__element')}>
            <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => remove(i)}>
              Retirer le pilote {i + 1}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button
        type="button"
        size="small"
        priority="secondary"
        iconId="fr-icon-add-line"
        className={fr.cx('fr-mb-3w')}
        onClick={() => append({ organisationId: null, service: null })}
      >
        Ajouter un pilote
      </Button>
      <Input
        label="Personnes référentes (facultatif)"
        hintText="Nom et fonction des personnes qui portent l’action"
        nativeInputProps={{ ...register('personnesReferentes', { setValueAs: videEnNull }), maxLength: 500 }}
        {...etatChamp(errors.personnesReferentes?.message)}
      />
    </>
  );
}

/** Section 3: annual or multi-year, start and end. */
export function ChampsDuree({ form }: { form: FormFiche }) {
  const {
    register,
    formState: { errors },
  } = form;
  const duree = register('duree');
  return (
    <>
      <RadioButtons
        legend="Durée"
        orientation="horizontal"
        small
        options={[
          { label: 'Annuelle', nativeInputProps: { ...duree, value: 'annuelle' } },
          { label: 'Pluriannuelle', nativeInputProps: { ...duree, value: 'pluriannuelle' } },
          { label: 'Non renseignée', nativeInputProps: { ...duree, value: '' } },
        ]}
        {...etatChamp(errors.duree?.message)}
      />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Début"
            nativeInputProps={{ ...register('debut', { setValueAs: videEnNull }), type: 'date' }}
            {...etatChamp(errors.debut?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Fin"
            nativeInputProps={{ ...register('fin', { setValueAs: videEnNull }), type: 'date' }}
            {...etatChamp(errors.fin?.message)}
          />
        </div>
      </div>
    </>
  );
}
