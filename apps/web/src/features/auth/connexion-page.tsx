import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { zodResolver } from '@hookform/resolvers/zod';
import { connexionSchema } from '@maillage/domain';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { useConnexion } from '../../api/session';
import { retourSur } from '../../app/gardes';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { ChampMotDePasse } from '../../components/champ-mot-de-passe';
import { etatChamp } from '../../components/formulaire';
import { useTitrePage } from '../../components/titre-page';
import { ConnexionFournisseurs } from './connexion-fournisseurs';

type Saisie = z.input<typeof connexionSchema>;
type Valide = z.output<typeof connexionSchema>;

export function ConnexionPage() {
  useTitrePage('Connexion');
  const { session } = useSession();
  const [params] = useSearchParams();
  const retour = retourSur(params.get('retour'));
  const connexion = useConnexion();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Saisie, unknown, Valide>({ resolver: zodResolver(connexionSchema), defaultValues: { email: '', password: '' } });

  // Logged in (now or already): on to where the user was going.
  if (session) return <Navigate to={retour} replace />;

  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
        <h1>Connexion à Maillage</h1>
        {params.get('retour') && !connexion.error && <p className={fr.cx('fr-text--lead')}>Connectez-vous pour accéder à cette page.</p>}
        {connexion.error && <AlerteErreur erreur={connexion.error} titre="Connexion impossible" />}
        <ConnexionFournisseurs retour={params.get('retour') ? retour : null} />
        <form onSubmit={handleSubmit((valeurs) => connexion.mutate(valeurs))} noValidate>
          <fieldset className={fr.cx('fr-fieldset')}>
            <legend className={fr.cx('fr-fieldset__legend')}>
              <h2 className={fr.cx('fr-h5', 'fr-mb-0')}>Se connecter avec son compte</h2>
              <p className={fr.cx('fr-hint-text', 'fr-mt-1w')}>Tous les champs sont obligatoires.</p>
            </legend>
            <div className={fr.cx('fr-fieldset__element')}>
              <Input
                label="Adresse e-mail"
                hintText="Format attendu : nom@domaine.fr"
                nativeInputProps={{ ...register('email'), type: 'email', autoComplete: 'email', required: true, spellCheck: false }}
                {...etatChamp(errors.email?.message)}
              />
            </div>
            <div className={fr.cx('fr-fieldset__element')}>
              <ChampMotDePasse
                label="Mot de passe"
                autoComplete="current-password"
                enregistrement={register('password')}
                erreur={errors.password?.message}
              />
              <p className={fr.cx('fr-mt-2w')}>
                <Link to="/mot-de-passe-oublie" className={fr.cx('fr-link')}>
                  Mot de passe oublié ?
                </Link>
              </p>
            </div>
            <div className={fr.cx('fr-fieldset__element')}>
              <Button type="submit" disabled={connexion.isPending}>
                {connexion.isPending ? 'Connexion…' : 'Se connecter'}
              </Button>
            </div>
          </fieldset>
        </form>
        <hr className={fr.cx('fr-mt-4w')} />
        <h2 className={fr.cx('fr-h5')}>Vous n’avez pas de compte ?</h2>
        <p>
          Les comptes sont créés par les administrateurs de la plateforme ou par l’ARS de votre région. Demandez à la coordination de votre
          contrat local de santé de vous inviter : vous recevrez un lien par e-mail pour choisir votre mot de passe.
        </p>
        <p>
          Sans compte, vous pouvez consulter les <Link to="/public/contrats">contrats publiés</Link> : leurs axes, leurs fiches-action et
          leur avancement.
        </p>
      </div>
    </div>
  );
}
