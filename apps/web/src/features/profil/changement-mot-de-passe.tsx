import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { zodResolver } from '@hookform/resolvers/zod';
import { changementMotDePasseSchema, indicesPersonnels, MOT_DE_PASSE_LONGUEUR_MIN } from '@maillage/domain';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useChangementMotDePasse } from '../../api/comptes';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { ChampConfirmationMotDePasse, ChampMotDePasse } from '../../components/champ-mot-de-passe';
import { nouveauMotDePasse, useEstimateurMotDePasse } from '../../components/force-mot-de-passe';
import { appliquerErreursServeur } from '../../components/formulaire';

/** The server's rules, with the person's own e-mail and names, which it also refuses in a password. */
const schemaPour = (indices: string[]) =>
  changementMotDePasseSchema
    .extend({ nouveau: nouveauMotDePasse(() => indices), confirmation: z.string() })
    .refine((v) => v.nouveau === v.confirmation, { path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques' });
type Saisie = z.infer<ReturnType<typeof schemaPour>>;

export function ChangementMotDePasse() {
  const changement = useChangementMotDePasse();
  const { session } = useSession();
  const saisieSchema = useMemo(() => schemaPour(session ? indicesPersonnels(session.utilisateur) : []), [session]);

  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    trigger,
    formState: { errors },
  } = useForm<Saisie>({
    resolver: zodResolver(saisieSchema),
    mode: 'onChange',
    defaultValues: { ancien: '', nouveau: '', confirmation: '' },
  });
  useEstimateurMotDePasse(() => getValues('nouveau') && void trigger('nouveau'));

  const envoyer = handleSubmit(({ ancien, nouveau }) =>
    changement.mutate(
      { ancien, nouveau },
      {
        onSuccess: () => reset(),
        onError: (e) => appliquerErreursServeur(e, setError, ['ancien', 'nouveau']),
      },
    ),
  );

  return (
    <section className={fr.cx('fr-mb-6w')} aria-labelledby="profil-mot-de-passe">
      <h2 id="profil-mot-de-passe">Mot de passe</h2>
      {changement.isSuccess && (
        <Alert
          severity="success"
          as="h3"
          small={false}
          title="Mot de passe modifié"
          description="Votre nouveau mot de passe est enregistré. Vos autres sessions ouvertes (sur d’autres appareils ou navigateurs) ont été fermées ; celle-ci reste ouverte."
          className={fr.cx('fr-mb-3w')}
        />
      )}
      {changement.error && <AlerteErreur erreur={changement.error} as="h3" titre="Le mot de passe n’a pas été changé" />}
      <form onSubmit={envoyer} noValidate className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
        <ChampMotDePasse
          label="Mot de passe actuel"
          autoComplete="current-password"
          enregistrement={register('ancien')}
          erreur={errors.ancien?.message}
        />
        <div className={fr.cx('fr-mt-3w')}>
          <ChampMotDePasse
            label="Nouveau mot de passe"
            indication={`Au moins ${MOT_DE_PASSE_LONGUEUR_MIN} caractères, difficile à deviner : ni mot de passe courant, ni répétition, ni votre nom. Vos autres sessions seront fermées.`}
            autoComplete="new-password"
            enregistrement={register('nouveau')}
            erreur={errors.nouveau?.message}
          />
        </div>
        <ChampConfirmationMotDePasse enregistrement={register('confirmation')} erreur={errors.confirmation?.message} />
        <Button type="submit" className={fr.cx('fr-mt-3w')} disabled={changement.isPending}>
          Changer mon mot de passe
        </Button>
      </form>
    </section>
  );
}
