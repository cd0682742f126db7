import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { zodResolver } from '@hookform/resolvers/zod';
import { MOT_DE_PASSE_LONGUEUR_MIN, motDePasseSchema } from '@maillage/domain';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { useReinitialisation } from '../../api/session';
import { messageErreur } from '../../components/alerte-erreur';
import { ChampMotDePasse } from '../../components/champ-mot-de-passe';
import { appliquerErreursServeur } from '../../components/formulaire';
import { useTitrePage } from '../../components/titre-page';

const saisieSchema = z
  .object({ password: motDePasseSchema, confirmation: z.string() })
  .refine((v) => v.password === v.confirmation, { path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques' });
type Saisie = z.infer<typeof saisieSchema>;

export default function ReinitialisationPage() {
  useTitrePage('Choisir un nouveau mot de passe');
  const [params] = useSearchParams();
  const jeton = params.get('jeton') ?? '';
  const reinitialisation = useReinitialisation();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Saisie>({ resolver: zodResolver(saisieSchema), defaultValues: { password: '', confirmation: '' } });

  const envoyer = handleSubmit(({ password }) =>
    reinitialisation.mutate({ token: jeton, password }, { onError: (e) => appliquerErreursServeur(e, setError, ['password']) }),
  );

  const lienNouvelleDemande = (
    <Link to="/mot-de-passe-oublie" className={fr.cx('fr-link')}>
      Demander un nouveau lien
    </Link>
  );

  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
        <h1>Choisir un nouveau mot de passe</h1>
        {jeton.length < 20 ? (
          <Alert
            severity="error"
            as="h2"
            title="Lien incomplet"
            description={<>Ce lien de réinitialisation est incomplet. Copiez l’adresse entière reçue par e-mail, ou {lienNouvelleDemande}.</>}
          />
        ) : reinitialisation.isSuccess ? (
          <>
            <Alert
              severity="success"
              as="h2"
              title="Mot de passe modifié"
              description="Votre nouveau mot de passe est enregistré. Vous pouvez vous connecter avec."
            />
            <Button className={fr.cx('fr-mt-3w')} linkProps={{ to: '/connexion' }}>
              Se connecter
            </Button>
          </>
        ) : (
          <>
            {reinitialisation.error && (
              <Alert
                severity="error"
                as="h2"
                className={fr.cx('fr-mb-3w')}
                title="Le mot de passe n’a pas été changé"
                description={
                  <>
                    {messageErreur(reinitialisation.error)} {lienNouvelleDemande}.
                  </>
                }
              />
            )}
            <form onSubmit={envoyer} noValidate>
              <ChampMotDePasse
                label="Nouveau mot de passe"
                indication={`Au moins ${MOT_DE_PASSE_LONGUEUR_MIN} caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.`}
                autoComplete="new-password"
                enregistrement={register('password')}
                erreur={errors.password?.message}
              />
              <div className={fr.cx('fr-mt-3w')}>
                <ChampMotDePasse
                  label="Confirmation du nouveau mot de passe"
                  autoComplete="new-password"
                  enregistrement={register('confirmation')}
                  erreur={errors.confirmation?.message}
                />
              </div>
              <Button type="submit" className={fr.cx('fr-mt-3w')} disabled={reinitialisation.isPending}>
                Enregistrer le mot de passe
              </Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
