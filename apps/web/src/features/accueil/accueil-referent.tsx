import { fr } from '@codegouvfr/react-dsfr';
import { useOrganisation } from '../../api/comptes';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { FicheOrganisation } from '../organisations/fiche-organisation';

/** Organisation referent (a CPAM, a hospital…): its organisation and, later, its engagements across contracts. */
export function AccueilReferent({ organisationId }: { organisationId: string }) {
  const organisation = useOrganisation(organisationId);
  return (
    <section className={fr.cx('fr-mb-6w')} aria-labelledby={`accueil-referent-${organisationId}`}>
      <h2 id={`accueil-referent-${organisationId}`}>Mon organisation</h2>
      {organisation.isPending ? (
        <Chargement />
      ) : organisation.error ? (
        <AlerteErreur erreur={organisation.error} as="h3" />
      ) : (
        <FicheOrganisation organisation={organisation.data} titreAs="h3" />
      )}
      <h2 className={fr.cx('fr-mt-6w')}>Engagements de {organisation.data?.sigle || organisation.data?.nom || 'mon organisation'}</h2>
      <EtatVide titre="Aucun engagement n’est encore enregistré pour votre organisation." titreAs="h3">
        <p>
          Vous verrez ici, contrat par contrat, où votre organisation est engagée : les contrats qu’elle signe, les
          fiches-action qu’elle pilote ou auxquelles elle participe, et les personnes de votre structure qui y travaillent.
          Les engagements apparaissent dès qu’une coordination de contrat local de santé désigne votre organisation comme
          signataire, pilote ou partenaire.
        </p>
      </EtatVide>
    </section>
  );
}
