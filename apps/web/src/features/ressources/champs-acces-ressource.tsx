import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { TYPES_CONTACT_RESSOURCE } from '@maillage/domain';
import { useFieldArray } from 'react-hook-form';
import { etatChamp, videEnNull } from '../../components/formulaire';
import { ChampTexte, type FormRessource } from './champs-ressource';
import { OPTIONS_STATUTS } from './libelles-ressources';

/** The contacts, one line each (type, value, label), added and removed with buttons. */
function Contacts({ form }: { form: FormRessource }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'contacts' });
  const erreurs = form.formState.errors.contacts;
  return (
    <fieldset className={fr.cx('fr-fieldset')}>
      <legend className={fr.cx('fr-fieldset__legend')}>
        Contacts (facultatif)
        <span className={fr.cx('fr-hint-text')}>Ceux que la structure communique : rien n’est deviné.</span>
      </legend>
      {fields.length === 0 && <p className={fr.cx('fr-fieldset__element', 'fr-text--sm')}>Aucun contact.</p>}
      {fields.map((f, i) => (
        <div key={f.id} className={fr.cx('fr-fieldset__element')}>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
              <Select
                label={`Type (contact ${i + 1})`}
                nativeSelectProps={form.register(`contacts.${i}.type`)}
                {...etatChamp(erreurs?.[i]?.type?.message)}
              >
                {Object.entries(TYPES_CONTACT_RESSOURCE).map(([code, libelle]) => (
                  <option key={code} value={code}>
                    {libelle}
                  </option>
                ))}
              </Select>
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
              <Input
                label={`Coordonnée (contact ${i + 1})`}
                nativeInputProps={form.register(`contacts.${i}.valeur`)}
                {...etatChamp(erreurs?.[i]?.valeur?.message)}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
              <Input
                label={`Libellé (contact ${i + 1}, facultatif)`}
                nativeInputProps={form.register(`contacts.${i}.libelle`, { setValueAs: videEnNull })}
                {...etatChamp(erreurs?.[i]?.libelle?.message)}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
              <Button
                type="button"
                priority="tertiary"
                iconId="fr-icon-delete-line"
                className={fr.cx('fr-mt-md-4w')}
                onClick={() => remove(i)}
                nativeButtonProps={{ 'aria-label': `Retirer le contact ${i + 1}` }}
              >
                Retirer
              </Button>
            </div>
          </div>
        </div>
      ))}
      <div className={fr.cx('fr-fieldset__element')}>
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="fr-icon-add-line"
          onClick={() => append({ type: 'telephone', valeur: '', libelle: null })}
        >
          Ajouter un contact
        </Button>
      </div>
    </fieldset>
  );
}

/** Where and how to reach the resource, its status with its dates, its identifiers and its publication. */
export function ChampsAcces({ form }: { form: FormRessource }) {
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Adresse et accueil (facultatif)</legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <ChampTexte form={form} nom="adresse" label="Adresse" />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <ChampTexte form={form} nom="communeCode" label="Commune (code INSEE)" indication="5 caractères, par exemple 35236 pour Redon" />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <ChampTexte form={form} nom="horaires" label="Horaires" multiligne />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <ChampTexte form={form} nom="criteresInclusion" label="Critères d’inclusion" multiligne />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <ChampTexte form={form} nom="capacite" label="Capacité" indication="Par exemple : 40 places" />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <ChampTexte
            form={form}
            nom="delaiHabituel"
            label="Délai habituel"
            indication="Par exemple : 3 semaines pour un premier rendez-vous"
          />
        </div>
      </fieldset>
      <Contacts form={form} />
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Statut</legend>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Select label="Statut" nativeSelectProps={register('statut')} {...etatChamp(errors.statut?.message)}>
            {OPTIONS_STATUTS.map((o) => (
              <option key={o.valeur} value={o.valeur}>
                {o.libelle}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Depuis le (facultatif)"
            nativeInputProps={{ ...register('statutDepuis', { setValueAs: videEnNull }), type: 'date' }}
            {...etatChamp(errors.statutDepuis?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Jusqu’au (facultatif)"
            nativeInputProps={{ ...register('statutJusquAu', { setValueAs: videEnNull }), type: 'date' }}
            {...etatChamp(errors.statutJusquAu?.message)}
          />
        </div>
      </fieldset>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Identifiants (facultatifs)</legend>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <ChampTexte form={form} nom="finess" label="FINESS" indication="9 caractères" />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <ChampTexte form={form} nom="siret" label="SIRET" indication="14 chiffres ; les espaces sont acceptés" />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <ChampTexte form={form} nom="rorId" label="Identifiant ROR" />
        </div>
      </fieldset>
      <Checkbox
        options={[
          {
            label: 'Publier dans l’annuaire public',
            hintText: 'Visible sans connexion, avec ses contacts, tant qu’elle n’est pas fermée.',
            nativeInputProps: register('publie'),
          },
        ]}
      />
    </>
  );
}
