import { fr } from '@codegouvfr/react-dsfr';
import { useSession } from '../../app/session';
import { EtatVide } from '../../components/etat-vide';
import { useTitrePage } from '../../components/titre-page';
import { ListeOrganisations } from './liste-organisations';

export default function AnnuairePage() {
  useTitrePage('Annuaire des organisations');
  const { estAdmin } = useSession();
  return (
    <>
      <h1>Annuaire des organisations</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les structures engagées dans les contrats locaux de santé : ARS, collectivités, services de l’État, caisses,
        établissements, associations.
      </p>
      <ListeOrganisations
        vide={
          <EtatVide
            titre="L’annuaire est vide"
            action={estAdmin ? { children: 'Ajouter une organisation', linkProps: { to: '/administration/organisations/nouvelle' } } : undefined}
          >
            <p>
              Chaque signataire, pilote ou partenaire d’un contrat est une organisation de l’annuaire. Les administrateurs de la
              plateforme les ajoutent ; les référents d’une organisation tiennent sa fiche à jour.
            </p>
          </EtatVide>
        }
      />
    </>
  );
}
