import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { formaterMontant } from '@maillage/domain';
import { useEngagements } from '../../api/annuaire';
import { useOrganisation } from '../../api/comptes';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { pluriel } from '../../components/format';
import { FicheOrganisation } from '../../components/fiche-organisation';

/** Organisation referent (a CPAM, a hospital…): its organisation and its engagements across contracts. */
export function AccueilReferent({ organisationId }: { organisationId: string }) {
  const organisation = useOrganisation(organisationId);
  const engagements = useEngagements(organisationId);
  const e = engagements.data;
  const fiches = e?.contrats.reduce((t, c) => t + c.fiches.length, 0) ?? 0;
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
      {engagements.isPending ? (
        <Chargement />
      ) : engagements.error ? (
        <AlerteErreur erreur={engagements.error} as="h3" titre="Impossible de charger les engagements" />
      ) : e && e.contrats.length > 0 ? (
        <>
          <p>
            Votre organisation est engagée dans {pluriel(e.contrats.length, 'contrat local de santé', 'contrats locaux de santé')} et sur{' '}
            {pluriel(fiches, 'fiche-action')}, avec {formaterMontant(e.financementTotalCentimes)} de financements apportés et{' '}
            {pluriel(e.offres.length, 'offre de service', 'offres de service')} au catalogue.
          </p>
          <ul>
            {e.contrats.slice(0, 5).map((c) => (
              <li key={c.id}>
                {c.intitule} — {pluriel(c.fiches.length, 'fiche')}
              </li>
            ))}
          </ul>
          <Button iconId="fr-icon-team-line" linkProps={{ to: `/organisations/${organisationId}/engagements` }}>
            Voir tous les engagements
          </Button>
        </>
      ) : (
        <EtatVide
          titre="Aucun engagement n’est encore enregistré pour votre organisation."
          titreAs="h3"
          action={{ children: 'Voir la page des engagements', linkProps: { to: `/organisations/${organisationId}/engagements` } }}
        >
          <p>
            Vous verrez ici, contrat par contrat, où votre organisation est engagée : les contrats qu’elle signe, les fiches-action qu’elle
            pilote ou auxquelles elle participe, et les personnes de votre structure qui y travaillent. Les engagements apparaissent dès
            qu’une coordination de contrat local de santé désigne votre organisation comme signataire, pilote ou partenaire.
          </p>
        </EtatVide>
      )}
    </section>
  );
}
