import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { formaterMontant, LIBELLES_TYPE_INDICATEUR, TYPES_INDICATEUR_SUIVI } from '@maillage/domain';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { etatChamp, videEnNull } from '../../components/formulaire';
import { ChoixOrganisation } from '../../components/choix-organisation';
import type { FormFiche } from './champs-communs';
import { versCentimes } from '../../components/montants';
import { FINANCEMENT_VIDE } from './fiche-saisie';
import { OptionsDispositif, OptionsNature, OptionsStatutFinancement } from '../../components/options-financement';

/** Section 12: the fiche's indicators, which are its follow-up indicators (one list), and the evaluation method. */
export function ChampsSuivi({ form }: { form: FormFiche }) {
  const {
    register,
    formState: { errors },
  } = form;
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'indicateurs' });
  return (
    <>
      <p className={fr.cx('fr-text--sm')}>
        Ces indicateurs sont ceux du suivi de la fiche : les campagnes les font renseigner et l’avancement les mesure. La valeur de
        référence, les cibles chiffrées par période et les valeurs se renseignent dans l’onglet « Suivi » de la fiche.
      </p>
      {fields.length === 0 && <p className={fr.cx('fr-text--sm')}>Aucun indicateur.</p>}
      {fields.map((champ, i) => (
        <div key={champ.id} className={fr.cx('fr-px-2w', 'fr-pt-2w', 'fr-mb-2w') + ' maillage-encart'}>
          <fieldset className={fr.cx('fr-fieldset', 'fr-mb-0')}>
            <legend className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>Indicateur {i + 1}</legend>
            <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-8')}>
              <Input
                label={`Libellé de l’indicateur ${i + 1}`}
                nativeInputProps={{ ...register(`indicateurs.${i}.libelle`), maxLength: 500 }}
                {...etatChamp(errors.indicateurs?.[i]?.libelle?.message)}
              />
            </div>
            <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
              <Select
                label={`Type de l’indicateur ${i + 1}`}
                nativeSelectProps={register(`indicateurs.${i}.type`)}
                {...etatChamp(errors.indicateurs?.[i]?.type?.message)}
              >
                {TYPES_INDICATEUR_SUIVI.map((t) => (
                  <option key={t} value={t}>
                    {LIBELLES_TYPE_INDICATEUR[t]}
                  </option>
                ))}
              </Select>
            </div>
            <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
              <Input
                label={`Unité (indicateur ${i + 1}, facultatif)`}
                hintText="ateliers, participants…"
                nativeInputProps={{ ...register(`indicateurs.${i}.unite`, { setValueAs: videEnNull }), maxLength: 100 }}
                {...etatChamp(errors.indicateurs?.[i]?.unite?.message)}
              />
            </div>
            <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
              <Input
                label={`Méthode de recueil (indicateur ${i + 1}, facultatif)`}
                nativeInputProps={{ ...register(`indicateurs.${i}.methode`, { setValueAs: videEnNull }), maxLength: 2000 }}
              />
            </div>
            <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
              <Input
                label={`Cible (indicateur ${i + 1}, facultatif)`}
                hintText="Exemple : 200 participants"
                nativeInputProps={{ ...register(`indicateurs.${i}.cible`, { setValueAs: videEnNull }), maxLength: 200 }}
              />
            </div>
            <div className={fr.cx('fr-fieldset__element')}>
              <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => remove(i)}>
                Retirer l’indicateur {i + 1}
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
        onClick={() => append({ id: null, version: null, libelle: '', type: 'processus', unite: null, methode: null, cible: null })}
      >
        Ajouter un indicateur
      </Button>
      <Input
        label="Méthode d’évaluation (facultatif)"
        hintText="Questionnaires, entretiens, observation…"
        textArea
        nativeTextAreaProps={{ ...register('methodeEvaluation', { setValueAs: videEnNull }), rows: 3 }}
        {...etatChamp(errors.methodeEvaluation?.message)}
      />
    </>
  );
}

/** Section 13: funding lines, amounts typed in euros (sent in cents). */
export function ChampsFinancements({ form }: { form: FormFiche }) {
  const {
    register,
    formState: { errors },
  } = form;
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'financements' });
  const lignes = useWatch({ control: form.control, name: 'financements' }) ?? [];
  const total = lignes.reduce((s, l) => s + (Number.isFinite(versCentimes(l.montantEuros)) ? versCentimes(l.montantEuros) : 0), 0);
  return (
    <>
      {fields.length === 0 && <p className={fr.cx('fr-text--sm')}>Aucune ligne de financement.</p>}
      {fields.map((champ, i) => {
        const e = errors.financements?.[i];
        return (
          <div key={champ.id} className={fr.cx('fr-px-2w', 'fr-pt-2w', 'fr-mb-2w') + ' maillage-encart'}>
            <fieldset className={fr.cx('fr-fieldset', 'fr-mb-0')}>
              <legend className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>Ligne de financement {i + 1}</legend>
              <div className={fr.cx('fr-fieldset__element')}>
                <Controller
                  control={form.control}
                  name={`financements.${i}.financeurId`}
                  render={({ field, fieldState }) => (
                    <ChoixOrganisation
                      label={`Financeur (ligne ${i + 1})`}
                      aucune
                      libelleAucune="Hors annuaire : saisir son nom"
                      valeur={field.value}
                      onChange={(v) => field.onChange(v)}
                      erreur={fieldState.error?.message}
                    />
                  )}
                />
              </div>
              {!lignes[i]?.financeurId && (
                <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
                  <Input
                    label={`Nom du financeur (ligne ${i + 1})`}
                    nativeInputProps={{ ...register(`financements.${i}.financeurLibelle`, { setValueAs: videEnNull }), maxLength: 200 }}
                    {...etatChamp(e?.financeurLibelle?.message)}
                  />
                </div>
              )}
              <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
                <Select
                  label={`Dispositif (ligne ${i + 1})`}
                  nativeSelectProps={register(`financements.${i}.dispositif`)}
                  {...etatChamp(e?.dispositif?.message)}
                >
                  <OptionsDispositif />
                </Select>
              </div>
              <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
                <Input
                  label={`Année (ligne ${i + 1})`}
                  nativeInputProps={{ ...register(`financements.${i}.annee`), inputMode: 'numeric', maxLength: 4 }}
                  {...etatChamp(e?.annee?.message)}
                />
              </div>
              <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
                <Input
                  label={`Montant en euros (ligne ${i + 1})`}
                  hintText="Exemple : 20 000"
                  nativeInputProps={{ ...register(`financements.${i}.montantEuros`), inputMode: 'decimal' }}
                  {...etatChamp(e?.montantEuros?.message)}
                />
              </div>
              <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
                <Select
                  label={`Nature (ligne ${i + 1})`}
                  nativeSelectProps={register(`financements.${i}.nature`)}
                  {...etatChamp(e?.nature?.message)}
                >
                  <OptionsNature />
                </Select>
              </div>
              <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
                <Select
                  label={`Statut (ligne ${i + 1})`}
                  nativeSelectProps={register(`financements.${i}.statut`)}
                  {...etatChamp(e?.statut?.message)}
                >
                  <OptionsStatutFinancement />
                </Select>
              </div>
              <div className={fr.cx('fr-fieldset__element')}>
                <Input
                  label={`Valorisation en nature ou en ETP (ligne ${i + 1}, facultatif)`}
                  hintText="Exemple : mise à disposition d’une salle, 0,2 ETP d’infirmière"
                  nativeInputProps={{ ...register(`financements.${i}.valorisationNature`, { setValueAs: videEnNull }), maxLength: 300 }}
                  {...etatChamp(e?.valorisationNature?.message)}
                />
              </div>
              <div className={fr.cx('fr-fieldset__element')}>
                <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => remove(i)}>
                  Retirer la ligne {i + 1}
                </Button>
              </div>
            </fieldset>
          </div>
        );
      })}
      <Button
        type="button"
        size="small"
        priority="secondary"
        iconId="fr-icon-add-line"
        className={fr.cx('fr-mb-2w')}
        onClick={() => append({ ...FINANCEMENT_VIDE })}
      >
        Ajouter une ligne de financement
      </Button>
      {fields.length > 0 && (
        <p role="status" className={fr.cx('fr-text--bold')}>
          Total : {formaterMontant(total)}
        </p>
      )}
    </>
  );
}
