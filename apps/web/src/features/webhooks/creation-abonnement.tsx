import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { LIBELLES_EVENEMENT, TYPES_EVENEMENT, type TypeEvenement } from '@maillage/domain';
import { useState } from 'react';
import { ErreurApi } from '../../api/client';
import { useCreationAbonnement } from '../../api/webhooks';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonCopier } from '../../components/bouton-copier';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { etatChamp } from '../../components/formulaire';

/** The subscription form: an https address, the events wanted; the answer shows the signing secret once. */
export function CreationAbonnement() {
  const { estAdmin } = useSession();
  const creation = useCreationAbonnement();
  const [url, setUrl] = useState('');
  const [evenements, setEvenements] = useState<TypeEvenement[]>([]);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const erreurs = creation.error instanceof ErreurApi ? (creation.error.probleme.erreurs ?? []) : [];
  const erreur = (champ: string) => erreurs.find((e) => e.champ === champ || e.champ.startsWith(`${champ}.`))?.message;

  const envoyer = (e: React.FormEvent) => {
    e.preventDefault();
    creation.mutate(
      { url, evenements, ...(organisationId ? { organisationId } : {}) },
      {
        onSuccess: () => {
          setUrl('');
          setEvenements([]);
        },
      },
    );
  };

  return (
    <section aria-labelledby="webhooks-creation">
      <h2 id="webhooks-creation">Nouvel abonnement</h2>
      {creation.data && (
        <Alert
          severity="success"
          as="h3"
          className={fr.cx('fr-mb-3w')}
          title={`Abonnement vers ${creation.data.url} créé`}
          description={
            <>
              <span style={{ display: 'block' }} className={fr.cx('fr-mb-1w')}>
                Copiez le secret de signature maintenant : il ne sera plus jamais affiché.
              </span>
              <code className="maillage-secret fr-mb-1w">{creation.data.secret}</code>
              <BoutonCopier texte={creation.data.secret} libelle="Copier le secret" />
            </>
          }
        />
      )}
      {creation.error && !erreurs.length && <AlerteErreur erreur={creation.error} as="h3" titre="L’abonnement n’a pas été créé" />}
      <form onSubmit={envoyer} noValidate>
        {estAdmin && (
          <ChoixOrganisation
            label="Organisation abonnée"
            valeur={organisationId}
            onChange={(id) => setOrganisationId(id)}
            creation={false}
            {...etatChamp(erreur('organisationId'))}
          />
        )}
        <Input
          label="Adresse de réception"
          hintText="Une adresse https:// du système à prévenir. Exemple : https://entrepot.exemple.fr/maillage"
          nativeInputProps={{ value: url, onChange: (e) => setUrl(e.target.value), type: 'url', autoComplete: 'off' }}
          {...etatChamp(erreur('url'))}
        />
        <Checkbox
          legend="Événements"
          hintText="Les changements des contrats où votre organisation est engagée"
          options={TYPES_EVENEMENT.map((t) => ({
            label: LIBELLES_EVENEMENT[t],
            nativeInputProps: {
              name: 'evenements',
              value: t,
              checked: evenements.includes(t),
              onChange: (e) => setEvenements((l) => (e.target.checked ? [...l, t] : l.filter((x) => x !== t))),
            },
          }))}
          {...etatChamp(erreur('evenements'))}
        />
        <Button type="submit" iconId="fr-icon-add-line" disabled={creation.isPending}>
          Abonner cette adresse
        </Button>
      </form>
    </section>
  );
}
