import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { LIBELLES_EVENEMENT, LIBELLES_RESULTAT_TENTATIVE, LIBELLES_STATUT_LIVRAISON } from '@maillage/domain';
import { type AbonnementVue, useLivraisons, useRejeuLivraison } from '../../api/webhooks';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterDateHeure } from '../../components/format';

/** The deliveries of one subscription, newest first, each attempt with its answer; a failed one can be sent again. */
export function Livraisons({ abonnement }: { abonnement: AbonnementVue }) {
  const livraisons = useLivraisons(abonnement.id);
  const rejeu = useRejeuLivraison();
  return (
    <section aria-labelledby="webhooks-livraisons" className={fr.cx('fr-mt-4w')}>
      <h2 id="webhooks-livraisons">Livraisons vers {abonnement.url}</h2>
      <Button type="button" size="small" priority="secondary" iconId="fr-icon-refresh-line" onClick={() => livraisons.refetch()}>
        Actualiser
      </Button>
      {rejeu.isSuccess && <Alert severity="success" small className={fr.cx('fr-my-2w')} description="La livraison est relancée." />}
      {rejeu.error && <AlerteErreur erreur={rejeu.error} as="h3" titre="La livraison n’a pas été relancée" />}
      {livraisons.isPending ? (
        <Chargement libelle="Chargement des livraisons…" />
      ) : livraisons.error ? (
        <AlerteErreur erreur={livraisons.error} as="h3" />
      ) : livraisons.data.livraisons.length === 0 ? (
        <p className={fr.cx('fr-mt-2w')}>Aucune livraison pour le moment.</p>
      ) : (
        <Table
          caption={`Livraisons (${livraisons.data.total})`}
          headers={['Événement', 'Créée le', 'État', 'Tentatives', 'Action']}
          data={livraisons.data.livraisons.map((l) => [
            LIBELLES_EVENEMENT[l.type],
            formaterDateHeure(l.creeLe),
            LIBELLES_STATUT_LIVRAISON[l.statut],
            <ol key="t" className={fr.cx('fr-text--sm', 'fr-mb-0')}>
              {l.tentatives.map((t) => (
                <li key={t.numero}>
                  {formaterDateHeure(t.debut)} : {LIBELLES_RESULTAT_TENTATIVE[t.resultat]}
                  {t.codeHttp !== null && ` (HTTP ${t.codeHttp})`}, {t.dureeMs} ms{t.extrait && ` — « ${t.extrait.slice(0, 120)} »`}
                </li>
              ))}
            </ol>,
            <Button
              key="r"
              type="button"
              size="small"
              priority="tertiary"
              disabled={rejeu.isPending || abonnement.statut !== 'actif'}
              onClick={() => rejeu.mutate({ id: abonnement.id, livraisonId: l.id })}
            >
              Relancer<span className={fr.cx('fr-sr-only')}> la livraison du {formaterDateHeure(l.creeLe)}</span>
            </Button>,
          ])}
        />
      )}
    </section>
  );
}
