import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { zodResolver } from '@hookform/resolvers/zod';
import { demandeReinitialisationSchema } from '@maillage/domain';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { useDemandeReinitialisation } from '../../api/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { appliquerErreursServeur, etatChamp } from '../../components/formulaire';
import { useTitrePage } from '../../components/titre-page';

type Saisie = z.input<typeof demandeReinitialisationSchema>;
type Valide = z.output<typeof demandeReinitialisationSchema>;

export default function MotDePasseOubliePage() {
  useTitrePage('Mot de passe oublié');
  const demande = useDemandeReinitialisation();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Saisie, unknown, Valide>({ resolver: zodResolver(demandeReinitialisationSchema), defaultValues: { email: '' } });

  const envoyer = handleSubmit((valeurs) => demande.mutate(valeurs, { onError: (e) => appliquerErreursServeur(e, setError, ['email']) }));

  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
        <h1>Mot de passe oublié</h1>
        {demande.isSuccess ? (
          <>
            <Alert severity="success" as="h2" title="Demande enregistrée" description={demande.data.message} />
            <p className={fr.cx('fr-mt-3w')}>
              Le lien reçu par e-mail est valable pendant une durée limitée. Pensez à vérifier vos courriers indésirables.
            </p>
            <p>
              <Link to="/connexion" className={fr.cx('fr-link', 'fr-icon-arrow-left-line', 'fr-link--icon-left')}>
                Retour à la connexion
              </Link>
            </p>
          </>
        ) : (
          <>
            <p className={fr.cx('fr-text--lead')}>
              Indiquez l’adresse e-mail de votre compte : si elle est connue, vous recevrez un lien pour choisir un nouveau mot de passe.
            </p>
            {demande.error && <AlerteErreur erreur={demande.error} />}
            <form onSubmit={envoyer} noValidate>
              <Input
                label="Adresse e-mail"
                hintText="Format attendu : nom@domaine.fr"
                nativeInputProps={{ ...register('email'), type: 'email', autoComplete: 'email', required: true, spellCheck: false }}
                {...etatChamp(errors.email?.message)}
              />
              <Button type="submit" disabled={demande.isPending}>
                Recevoir le lien
              </Button>
            </form>
            <p className={fr.cx('fr-mt-4w')}>
              <Link to="/connexion" className={fr.cx('fr-link', 'fr-icon-arrow-left-line', 'fr-link--icon-left')}>
                Retour à la connexion
              </Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
