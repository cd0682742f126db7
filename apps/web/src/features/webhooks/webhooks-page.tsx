import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { LIBELLES_EVENEMENT } from '@maillage/domain';
import { useState } from 'react';
import { useAbonnements, useModificationAbonnement, type AbonnementVue } from '../../api/webhooks';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterDate } from '../../components/format';
import { useTitrePage } from '../../components/titre-page';
import { CreationAbonnement } from './creation-abonnement';
import { Livraisons } from './livraisons';

/** An organisation's webhooks (issue 19 item 4): its referents subscribe addresses, follow deliveries, pause and replay. */
export default function WebhooksPage() {
  useTitrePage('Webhooks');
  const abonnements = useAbonnements();
  const modification = useModificationAbonnement();
  // The subscription whose deliveries are shown: its id, the row itself is read from the list (fresh after a change).
  const [ouvertId, setOuvertId] = useState<string | null>(null);
  const ouvert = abonnements.data?.find((a) => a.id === ouvertId);

  const basculer = (a: AbonnementVue) =>
    modification.mutate({ id: a.id, version: a.version, statut: a.statut === 'actif' ? 'en_pause' : 'actif' });

  return (
    <>
      <h1>Webhooks</h1>
      <p>
        Un webhook prévient un autre système (entrepôt de données, outil de l’organisation) quand un contrat où votre organisation est
        engagée change : Maillage envoie un message signé à l’adresse choisie. La vérification de la signature est décrite dans la{' '}
        <a href="/api/docs">documentation de l’API</a>.
      </p>

      <CreationAbonnement />

      <h2 className={fr.cx('fr-mt-4w')}>Abonnements</h2>
      {modification.error && <AlerteErreur erreur={modification.error} as="h3" titre="L’abonnement n’a pas été modifié" />}
      {abonnements.isPending ? (
        <Chargement libelle="Chargement des abonnements…" />
      ) : abonnements.error ? (
        <AlerteErreur erreur={abonnements.error} as="h3" />
      ) : abonnements.data.length === 0 ? (
        <p>Aucun abonnement pour le moment.</p>
      ) : (
        <Table
          caption={`Abonnements (${abonnements.data.length})`}
          headers={['Adresse', 'Organisation', 'Événements', 'État', 'Créé le', 'Actions']}
          data={abonnements.data.map((a) => [
            <span key="u">
              <code>{a.url}</code>
              {a.description && <span className={fr.cx('fr-hint-text')}>{a.description}</span>}
            </span>,
            a.organisationNom,
            <ul key="e" className={fr.cx('fr-text--sm', 'fr-mb-0')}>
              {a.evenements.map((e) => (
                <li key={e}>{LIBELLES_EVENEMENT[e]}</li>
              ))}
            </ul>,
            <span key="s">
              <Badge small severity={a.statut === 'actif' ? 'success' : 'warning'} noIcon>
                {a.statut === 'actif' ? 'Actif' : 'En pause'}
              </Badge>
              {a.motifPause && <span className={fr.cx('fr-hint-text')}>{a.motifPause}</span>}
            </span>,
            formaterDate(a.creeLe),
            <span key="a" className={fr.cx('fr-btns-group', 'fr-btns-group--sm', 'fr-btns-group--inline')}>
              <Button type="button" size="small" priority="secondary" onClick={() => setOuvertId(a.id)}>
                Livraisons<span className={fr.cx('fr-sr-only')}> vers {a.url}</span>
              </Button>
              <Button type="button" size="small" priority="tertiary" disabled={modification.isPending} onClick={() => basculer(a)}>
                {a.statut === 'actif' ? 'Mettre en pause' : 'Reprendre'}
                <span className={fr.cx('fr-sr-only')}> l’abonnement vers {a.url}</span>
              </Button>
            </span>,
          ])}
        />
      )}
      {modification.isSuccess && (
        <Alert
          severity="success"
          small
          className={fr.cx('fr-mb-3w')}
          description={modification.data.statut === 'actif' ? 'L’abonnement est repris.' : 'L’abonnement est en pause.'}
        />
      )}
      {ouvert && <Livraisons abonnement={ouvert} />}
    </>
  );
}
