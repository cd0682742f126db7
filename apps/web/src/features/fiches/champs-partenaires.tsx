import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { DIMENSIONS_RIFKIN, niveauTetDepuisRifkin, SECTEURS, TYPES_PARTICIPATION } from '@maillage/domain';
import { useRef } from 'react';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { etatChamp, videEnNull } from '../../components/formulaire';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { ChampOuiNon, type FormFiche } from './champs-communs';

/**
 * Section 10: the partners of the action (sector, organisation of the directory or free-text actor, kind of
 * participation). The link with the territory’s schemes (contrat de ville, CLSM, CPTS…) is set apart: dispositifs-fiche.tsx.
 */
export function ChampsPartenaires({ form }: { form: FormFiche }) {
  const {
    register,
    formState: { errors },
  } = form;
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'partenaires' });
  const nomsChoisis = useRef(new Map<number, string>());
  return (
    <>
      {fields.length === 0 && <p className={fr.cx('fr-text--sm')}>Aucun partenaire.</p>}
      {fields.map((champ, i) => (
        <div key={champ.id} className={fr.cx('fr-px-2w', 'fr-pt-2w', 'fr-mb-2w') + ' maillage-encart'}>
          <fieldset className={fr.cx('fr-fieldset', 'fr-mb-0')}>
            <legend className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>Partenaire {i + 1}</legend>
            <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
              <Select
                label={`Secteur du partenaire ${i + 1}`}
                nativeSelectProps={register(`partenaires.${i}.secteur`)}
                {...etatChamp(errors.partenaires?.[i]?.secteur?.message)}
              >
                {SECTEURS.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.libelle}
                  </option>
                ))}
              </Select>
            </div>
            <div className={fr.cx('fr-fieldset__element')}>
              <Controller
                control={form.control}
                name={`partenaires.${i}.organisationId`}
                render={({ field }) => (
                  <ChoixOrganisation
                    label={`Organisation (partenaire ${i + 1}, facultatif)`}
                    aucune
                    libelleAucune="Hors annuaire : nommez l’acteur ci-dessous"
                    valeur={field.value}
                    onBlur={field.onBlur}
                    onChange={(id, nom) => {
                      // The actor's name follows the organisation, unless the user wrote something else.
                      const acteur = form.getValues(`partenaires.${i}.acteur`);
                      if (nom && (!acteur || acteur === nomsChoisis.current.get(i)))
                        form.setValue(`partenaires.${i}.acteur`, nom, { shouldValidate: true });
                      if (nom) nomsChoisis.current.set(i, nom);
                      field.onChange(id);
                    }}
                  />
                )}
              />
            </div>
            <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-8')}>
              <Input
                label={`Acteur (partenaire ${i + 1})`}
                hintText="Structure, service ou personne : le nom de l’organisation choisie, ou un acteur hors annuaire"
                nativeInputProps={{ ...register(`partenaires.${i}.acteur`), maxLength: 300 }}
                {...etatChamp(errors.partenaires?.[i]?.acteur?.message)}
              />
            </div>
            <div className={fr.cx('fr-fieldset__element')}>
              <Controller
                control={form.control}
                name={`partenaires.${i}.participation`}
                render={({ field }) => (
                  <Checkbox
                    legend={`Type de participation du partenaire ${i + 1}`}
                    orientation="horizontal"
                    small
                    options={TYPES_PARTICIPATION.map((t) => ({
                      label: t.libelle,
                      nativeInputProps: {
                        checked: field.value.includes(t.code),
                        onChange: (e) =>
                          field.onChange(e.target.checked ? [...field.value, t.code] : field.value.filter((c) => c !== t.code)),
                      },
                    }))}
                  />
                )}
              />
            </div>
            <div className={fr.cx('fr-fieldset__element')}>
              <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => remove(i)}>
                Retirer le partenaire {i + 1}
              </Button>
            </div>
          </fieldset>
        </div>
      ))}
      <Button
        type="button"
        size="small"
        priority="secondary"
        iconId="fr-icon-add-line"
        className={fr.cx('fr-mb-3w')}
        onClick={() => append({ secteur: 'sante', acteur: '', organisationId: null, participation: [] })}
      >
        Ajouter un partenaire
      </Button>
    </>
  );
}

/** Section 11: citizen participation, rated on Rifkin's five dimensions (1 to 5). */
export function ChampsParticipation({ form }: { form: FormFiche }) {
  const {
    register,
    formState: { errors },
  } = form;
  const rifkin = useWatch({ control: form.control, name: 'rifkin' }) ?? {};
  const niveaux = Object.fromEntries(
    Object.entries(rifkin)
      .filter(([, v]) => v)
      .map(([k, v]) => [k, Number(v)]),
  );
  return (
    <>
      <ChampOuiNon form={form} nom="participationCitoyenne" legende="L’action prévoit-elle une participation citoyenne ?" />
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>
          Échelle de Rifkin
          <span className={fr.cx('fr-hint-text')}>
            Pour chaque dimension, de 1 (participation faible) à 5 (forte). Équivalent sur l’échelle de Territoires en Transitions :{' '}
            {niveauTetDepuisRifkin(niveaux)}.
          </span>
        </legend>
        {DIMENSIONS_RIFKIN.map((d) => {
          const champ = register(`rifkin.${d.code}`);
          return (
            <div key={d.code} className={fr.cx('fr-fieldset__element')}>
              <RadioButtons
                legend={d.libelle}
                orientation="horizontal"
                small
                options={[
                  ...['1', '2', '3', '4', '5'].map((n) => ({ label: n, nativeInputProps: { ...champ, value: n } })),
                  { label: 'Non évalué', nativeInputProps: { ...champ, value: '' } },
                ]}
                {...etatChamp((errors.rifkin as Record<string, { message?: string }> | undefined)?.[d.code]?.message)}
              />
            </div>
          );
        })}
      </fieldset>
      <Input
        label="Facteurs facilitants (facultatif)"
        textArea
        nativeTextAreaProps={{ ...register('facteursFacilitants', { setValueAs: videEnNull }), rows: 3 }}
        {...etatChamp(errors.facteursFacilitants?.message)}
      />
      <Input
        label="Difficultés (facultatif)"
        textArea
        nativeTextAreaProps={{ ...register('difficultes', { setValueAs: videEnNull }), rows: 3 }}
        {...etatChamp(errors.difficultes?.message)}
      />
    </>
  );
}
