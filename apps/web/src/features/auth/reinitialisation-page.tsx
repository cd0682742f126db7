import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { zodResolver } from '@hookform/resolvers/zod';
import { MOT_DE_PASSE_LONGUEUR_MIN } from '@maillage/domain';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { useReinitialisation } from '../../api/session';
import { messageErreur } from '../../components/alerte-erreur';
import { ChampConfirmationMotDePasse, ChampMotDePasse } from '../../components/champ-mot-de-passe';
import { nouveauMotDePasse, useEstimateurMotDePasse } from '../../components/force-mot-de-passe';
import { appliquerErreursServeur } from '../../components/formulaire';
import { useTitrePage } from '../../components/titre-page';

const saisieSchema = z
  .object({ password: nouveauMotDePasse(), confirmation: z.string() })
  .refine((v) => v.password === v.confirmation, { path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques' });
type Saisie = z.infer<typeof saisieSchema>;

export default function ReinitialisationPage() {
  useTitrePage('Choisir un nouveau mot de passe');
  const [params] = useSearchParams();
  const jeton = params.get('jeton') ?? '';
  const reinitialisation = useReinitialisation();
  // Checked while typing: the same reason as the server's, before sending.
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    trigger,
    formState: { errors },
  } = useForm<Saisie>({ resolver: zodResolver(saisieSchema), mode: 'onChange', defaultValues: { password: '', confirmation: '' } });
  useEstimateurMotDePasse(() => getValues('password') && void trigger('password'));

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
            description={
              <>Ce lien de réinitialisation est incomplet. Copiez l’adresse entière reçue par e-mail, ou {lienNouvelleDemande}.</>
            }
          />
        ) : reinitialisation.isSuccess ? (
          <>
            <Alert
              severity="success"
              as="h2"
              title="Mot de passe modifié"
              description={
                <>
                  Votre nouveau mot de passe est enregistré. Toutes vos sessions ouvertes ont été fermées et vos jetons d’API personnels
                  révoqués : créez-en de nouveaux depuis « Mon profil » si vos scripts en ont besoin. Les restrictions de connexion de votre
                  compte sont levées : vous pouvez vous connecter dès maintenant.
                </>
              }
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
            <p>
              Enregistrer un nouveau mot de passe ferme toutes vos sessions ouvertes, sur tous vos appareils, et révoque vos jetons d’API
              personnels. Si votre compte était ralenti après trop d’essais de connexion, la restriction est levée.
            </p>
            <form onSubmit={envoyer} noValidate>
              <ChampMotDePasse
                label="Nouveau mot de passe"
                indication={`Au moins ${MOT_DE_PASSE_LONGUEUR_MIN} caractères, difficile à deviner : une phrase de plusieurs mots est facile à retenir. Les mots de passe courants, répétitifs ou bâtis sur votre nom sont refusés.`}
                autoComplete="new-password"
                enregistrement={register('password')}
                erreur={errors.password?.message}
              />
              <ChampConfirmationMotDePasse enregistrement={register('confirmation')} erreur={errors.confirmation?.message} />
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
