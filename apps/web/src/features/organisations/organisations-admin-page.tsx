import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useSuppressionOrganisation } from '../../api/comptes';
import type { Organisation } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { EtatVide } from '../../components/etat-vide';
import { useTitrePage } from '../../components/titre-page';
import { ListeOrganisations } from '../../components/liste-organisations';

const suppressionOrganisation = creerConfirmation('modale-suppression-organisation');

export default function OrganisationsAdminPage() {
  useTitrePage('Organisations — Administration');
  const suppression = useSuppressionOrganisation();
  const [aSupprimer, setASupprimer] = useState<Organisation | null>(null);
  const { state } = useLocation() as { state: { message?: string } | null };
  // After the modal, the deleted row is gone: focus goes to the outcome message.
  const issue = useRef<HTMLDivElement>(null);

  return (
    <>
      <h1>Organisations</h1>
      <div className={fr.cx('fr-mb-4w')}>
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
          <li>
            <Button iconId="fr-icon-add-line" linkProps={{ to: '/administration/organisations/nouvelle' }}>
              Créer une organisation
            </Button>
          </li>
          <li>
            <Button priority="secondary" iconId="fr-icon-upload-line" linkProps={{ to: '/administration/organisations/import' }}>
              Importer un fichier
            </Button>
          </li>
        </ul>
        <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>
          Pour fusionner un doublon, ouvrez la fiche de l’organisation en double depuis la liste.
        </p>
      </div>
      <div ref={issue} tabIndex={-1}>
        {state?.message && !suppression.isSuccess && (
          <Alert severity="success" small description={state.message} className={fr.cx('fr-mb-3w')} />
        )}
        {suppression.isSuccess && aSupprimer && (
          <Alert
            severity="success"
            small
            description={`L’organisation « ${aSupprimer.nom} » a été supprimée.`}
            className={fr.cx('fr-mb-3w')}
          />
        )}
        {suppression.error && <AlerteErreur erreur={suppression.error} titre="L’organisation n’a pas été supprimée" />}
      </div>
      <ListeOrganisations
        actions={{
          entete: 'Actions',
          cellule: (o) => (
            <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-sm', 'fr-btns-group--sm')}>
              <li>
                <Link className={fr.cx('fr-btn', 'fr-btn--secondary', 'fr-btn--sm')} to={`/administration/organisations/${o.id}`}>
                  Modifier<span className={fr.cx('fr-sr-only')}> {o.nom}</span>
                </Link>
              </li>
              <li>
                <Button
                  type="button"
                  priority="tertiary"
                  size="small"
                  onClick={() => {
                    suppression.reset();
                    setASupprimer(o);
                    suppressionOrganisation.ouvrir();
                  }}
                >
                  Supprimer<span className={fr.cx('fr-sr-only')}> {o.nom}</span>
                </Button>
              </li>
            </ul>
          ),
        }}
        vide={
          <EtatVide
            titre="Aucune organisation"
            action={{ children: 'Créer la première organisation', linkProps: { to: '/administration/organisations/nouvelle' } }}
          >
            <p>Les organisations sont les signataires, pilotes et partenaires des contrats. Commencez par l’ARS et les collectivités.</p>
          </EtatVide>
        }
      />
      <suppressionOrganisation.Confirmation
        titre="Supprimer cette organisation ?"
        libelleConfirmer="Supprimer l’organisation"
        onConfirmer={() =>
          aSupprimer && suppression.mutate(aSupprimer.id, { onSettled: () => setTimeout(() => issue.current?.focus(), 0) })
        }
      >
        <p>
          L’organisation « {aSupprimer?.nom} » sera retirée de l’annuaire. La suppression est refusée tant que des personnes y sont
          rattachées ou en sont référentes. Elle reste tracée dans le journal d’audit.
        </p>
      </suppressionOrganisation.Confirmation>
    </>
  );
}
