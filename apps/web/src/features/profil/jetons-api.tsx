import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { zodResolver } from '@hookform/resolvers/zod';
import { jetonCreationSchema } from '@maillage/domain';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useCreationJeton, useJetons, useRevocationJeton } from '../../api/comptes';
import type { JetonApi } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonCopier } from '../../components/bouton-copier';
import { Chargement } from '../../components/chargement';
import { creerConfirmation } from '../../components/confirmation';
import { formaterDate, formaterDateHeure } from '../../components/format';
import { appliquerErreursServeur, etatChamp } from '../../components/formulaire';

const revocation = creerConfirmation('modale-revocation-jeton');

type Saisie = z.input<typeof jetonCreationSchema>;
type Valide = z.output<typeof jetonCreationSchema>;

export function JetonsApi() {
  const jetons = useJetons();
  const creation = useCreationJeton();
  const suppression = useRevocationJeton();
  const [aRevoquer, setARevoquer] = useState<JetonApi | null>(null);
  // The revoked row (and its button) disappears: focus goes back to the section instead of being lost.
  const titre = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<Saisie, unknown, Valide>({ resolver: zodResolver(jetonCreationSchema), defaultValues: { libelle: '' } });

  const creer = handleSubmit((valeurs) =>
    creation.mutate(valeurs, {
      onSuccess: () => reset(),
      onError: (e) => appliquerErreursServeur(e, setError, ['libelle']),
    }),
  );

  return (
    <section aria-labelledby="profil-jetons">
      <h2 id="profil-jetons" tabIndex={-1} ref={titre}>
        Jetons d’API personnels
      </h2>
      <p>
        Un jeton permet à un programme (tableur, script, outil de la collectivité) d’utiliser l’
        <a href="/api/docs">API de Maillage</a> en votre nom, avec vos droits. Envoyez-le dans l’en-tête{' '}
        <code>Authorization: Bearer …</code>. Révoquez-le dès qu’il ne sert plus.
      </p>

      {creation.data && (
        <Alert
          severity="success"
          as="h3"
          className={fr.cx('fr-mb-3w')}
          title={`Jeton « ${creation.data.libelle} » créé`}
          description={
            <>
              <span className={fr.cx('fr-mb-1w')} style={{ display: 'block' }}>
                Copiez-le maintenant : il ne sera plus jamais affiché.
              </span>
              <code className="maillage-secret fr-mb-1w">{creation.data.jeton}</code>
              <BoutonCopier texte={creation.data.jeton} libelle="Copier le jeton" />
            </>
          }
        />
      )}
      {creation.error && <AlerteErreur erreur={creation.error} as="h3" titre="Le jeton n’a pas été créé" />}

      <form onSubmit={creer} noValidate className={fr.cx('fr-mb-4w')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Input
              label="Libellé du nouveau jeton"
              hintText="À quoi il sert, pour le reconnaître plus tard. Exemple : « Tableau de bord de la DD 35 »"
              nativeInputProps={{ ...register('libelle'), autoComplete: 'off' }}
              {...etatChamp(errors.libelle?.message)}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-6', 'fr-mb-3w')}>
            <Button type="submit" iconId="fr-icon-add-line" disabled={creation.isPending}>
              Créer un jeton
            </Button>
          </div>
        </div>
      </form>

      {suppression.isSuccess && aRevoquer && (
        <Alert severity="success" small description={`Le jeton « ${aRevoquer.libelle} » est révoqué.`} className={fr.cx('fr-mb-3w')} />
      )}
      {suppression.error && <AlerteErreur erreur={suppression.error} as="h3" titre="Le jeton n’a pas été révoqué" />}
      {jetons.isPending ? (
        <Chargement libelle="Chargement des jetons…" />
      ) : jetons.error ? (
        <AlerteErreur erreur={jetons.error} as="h3" />
      ) : jetons.data.length === 0 ? (
        <p className={fr.cx('fr-text--sm')}>Vous n’avez aucun jeton actif.</p>
      ) : (
        <Table
          caption={`Vos jetons actifs (${jetons.data.length})`}
          headers={['Libellé', 'Début du jeton', 'Créé le', 'Dernière utilisation', 'Action']}
          data={jetons.data.map((j) => [
            j.libelle,
            <code key="p">{j.prefixe}…</code>,
            formaterDate(j.creeLe),
            j.dernierUsage ? formaterDateHeure(j.dernierUsage) : 'jamais',
            <Button
              key="r"
              type="button"
              priority="tertiary"
              size="small"
              iconId="fr-icon-delete-line"
              onClick={() => {
                setARevoquer(j);
                revocation.ouvrir();
              }}
            >
              Révoquer<span className={fr.cx('fr-sr-only')}> le jeton {j.libelle}</span>
            </Button>,
          ])}
        />
      )}

      <revocation.Confirmation
        titre="Révoquer ce jeton ?"
        libelleConfirmer="Révoquer le jeton"
        onConfirmer={() => aRevoquer && suppression.mutate(aRevoquer.id, { onSettled: () => titre.current?.focus() })}
      >
        <p>
          Le jeton « {aRevoquer?.libelle} » cessera de fonctionner immédiatement : les programmes qui l’utilisent n’auront plus accès à
          l’API. Cette action ne peut pas être annulée ; vous pourrez créer un nouveau jeton.
        </p>
      </revocation.Confirmation>
    </section>
  );
}
