import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { accesSaisieSchema, EXPLICATIONS_ROLE_CONTRAT, type AccesSaisie, type RoleContrat } from '@maillage/domain';
import { useId } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { appliquerErreursServeur, etatChamp, videEnNull } from '../../components/formulaire';
import { ChoixOrganisation } from '../../components/choix-organisation';

type Valeurs = z.input<typeof accesSaisieSchema>;

interface Props {
  roles: { role: RoleContrat; libelle: string }[];
  onInviter: (saisie: AccesSaisie) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}

/**
 * Invites a person into a role by e-mail. An address with an account gets the role at once; an unknown one gets an
 * account and an e-mail whose link lets the person choose a password, so its name is asked for too.
 */
export function FormulaireInvitation({ roles, onInviter, onAnnuler, erreur, enCours }: Props) {
  const id = useId();
  const form = useForm<Valeurs, unknown, AccesSaisie>({
    resolver: zodResolver(accesSaisieSchema) as never,
    defaultValues: {
      email: '',
      role: roles.some((r) => r.role === 'pilote') ? 'pilote' : roles[0]?.role,
      prenom: null,
      nom: null,
      organisationId: null,
    },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const role = useWatch({ control: form.control, name: 'role' }) as RoleContrat;
  const optionnel = { setValueAs: videEnNull };
  const soumettre = form.handleSubmit((s) =>
    onInviter(s)
      .then(() => form.reset())
      .catch((e) => appliquerErreursServeur(e, form.setError, ['email', 'role', 'prenom', 'nom', 'organisationId'])),
  );

  return (
    <form onSubmit={soumettre} noValidate aria-labelledby={`${id}-titre`} className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}>
      <h3 id={`${id}-titre`} className={fr.cx('fr-h6')}>
        Inviter une personne
      </h3>
      <p className={fr.cx('fr-text--sm')}>
        Si l’adresse a déjà un compte Maillage, la personne reçoit le rôle tout de suite et en est avertie par courriel. Sinon, son compte
        est créé et elle reçoit un courriel avec un lien pour choisir son mot de passe (valable trois jours).
      </p>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="L’invitation n’a pas abouti" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Adresse e-mail"
            nativeInputProps={{ ...register('email'), type: 'email', autoComplete: 'off', maxLength: 320 }}
            {...etatChamp(errors.email?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select
            label="Rôle sur le contrat"
            hint={role ? `Ce rôle ${EXPLICATIONS_ROLE_CONTRAT[role]}.` : undefined}
            nativeSelectProps={register('role')}
            {...etatChamp(errors.role?.message)}
          >
            {roles.map((r) => (
              <option key={r.role} value={r.role}>
                {r.libelle}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Prénom"
            hintText="Obligatoire si la personne n’a pas encore de compte"
            nativeInputProps={{ ...register('prenom', optionnel), maxLength: 100 }}
            {...etatChamp(errors.prenom?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Nom"
            hintText="Obligatoire si la personne n’a pas encore de compte"
            nativeInputProps={{ ...register('nom', optionnel), maxLength: 100 }}
            {...etatChamp(errors.nom?.message)}
          />
        </div>
      </div>
      <Controller
        control={form.control}
        name="organisationId"
        render={({ field, fieldState }) => (
          <ChoixOrganisation
            label="Organisation de la personne"
            aucune
            valeur={field.value}
            onChange={(v: string | null) => field.onChange(v)}
            onBlur={field.onBlur}
            erreur={fieldState.error?.message}
            indication={
              role === 'pilote'
                ? 'Obligatoire pour un pilote qui n’en a pas encore : il renseigne les fiches-action que pilote son organisation.'
                : 'Facultatif ; ignoré si la personne a déjà un compte rattaché à une organisation.'
            }
          />
        )}
      />
      <BoutonsFormulaire libelle="Inviter" icone="fr-icon-mail-line" enCours={enCours} onAnnuler={onAnnuler} sansMarge />
    </form>
  );
}
