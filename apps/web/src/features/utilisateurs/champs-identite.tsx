import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { etatChamp } from '../../components/formulaire';
import { ChoixOrganisation } from '../../components/choix-organisation';
import type { FormulaireUtilisateur } from './formulaire-utilisateur';

interface Props {
  form: UseFormReturn<FormulaireUtilisateur>;
  /** The e-mail identifies the account: set at creation, read-only after. */
  emailModifiable: boolean;
  onNomOrganisation?: (nom: string | null) => void;
}

export function ChampsIdentite({ form, emailModifiable, onNomOrganisation }: Props) {
  const {
    register,
    control,
    formState: { errors },
  } = form;
  return (
    <fieldset className={fr.cx('fr-fieldset')}>
      <legend className={fr.cx('fr-fieldset__legend')}>Identité</legend>
      <div className={fr.cx('fr-fieldset__element')}>
        {emailModifiable ? (
          <Input
            label="Adresse e-mail"
            hintText="Elle sert d’identifiant. Format attendu : nom@domaine.fr"
            nativeInputProps={{ ...register('email'), type: 'email', autoComplete: 'off', spellCheck: false, required: true }}
            {...etatChamp(errors.email?.message)}
          />
        ) : (
          <Input
            label="Adresse e-mail"
            hintText="Elle sert d’identifiant et ne se modifie pas."
            disabled
            nativeInputProps={{ ...register('email'), readOnly: true }}
          />
        )}
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
        <Input
          label="Prénom"
          nativeInputProps={{ ...register('prenom'), autoComplete: 'off', required: true }}
          {...etatChamp(errors.prenom?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
        <Input
          label="Nom"
          nativeInputProps={{ ...register('nom'), autoComplete: 'off', required: true }}
          {...etatChamp(errors.nom?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Controller
          control={control}
          name="organisationId"
          render={({ field, fieldState }) => (
            <ChoixOrganisation
              label="Organisation de rattachement"
              aucune
              valeur={field.value}
              onChange={(id, nom) => {
                field.onChange(id);
                onNomOrganisation?.(nom);
              }}
              onBlur={field.onBlur}
              erreur={fieldState.error?.message}
            />
          )}
        />
      </div>
    </fieldset>
  );
}
