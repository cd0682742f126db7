import { fr } from '@codegouvfr/react-dsfr';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface Props {
  label: string;
  enregistrement: UseFormRegisterReturn;
  erreur?: string;
  indication?: string;
  autoComplete: 'current-password' | 'new-password';
}

/** DSFR password field (with "Afficher") wired to react-hook-form. */
export function ChampMotDePasse({ label, enregistrement, erreur, indication, autoComplete }: Props) {
  return (
    <PasswordInput
      label={label}
      hintText={indication}
      messagesHint=""
      messages={erreur ? [{ severity: 'error', message: erreur }] : []}
      nativeInputProps={{ ...enregistrement, autoComplete, required: true, 'aria-invalid': erreur ? true : undefined }}
    />
  );
}

/** The confirmation of a new password, spaced from the field above it. */
export function ChampConfirmationMotDePasse({ enregistrement, erreur }: Pick<Props, 'enregistrement' | 'erreur'>) {
  return (
    <div className={fr.cx('fr-mt-3w')}>
      <ChampMotDePasse
        label="Confirmation du nouveau mot de passe"
        autoComplete="new-password"
        enregistrement={enregistrement}
        erreur={erreur}
      />
    </div>
  );
}
