import { fr } from '@codegouvfr/react-dsfr';
import { Download } from '@codegouvfr/react-dsfr/Download';
import { formaterPeriode } from '@maillage/domain';
import { Link } from 'react-router';
import { useContratsPublies } from '../../api/public';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterNombre } from '../../components/format';
import { useTitrePage } from '../../components/titre-page';
import { BadgeStatutContrat, libelleGeneration } from '../../components/statuts-contrat';
import { TableauDefilant } from '../../components/tableau-defilant';

/** /public/contrats: the published contracts, for anybody (no account), with the open data to download. */
export default function ContratsPubliesPage() {
  useTitrePage('Contrats locaux de santé publiés');
  const contrats = useContratsPublies();
  return (
    <>
      <h1>Contrats locaux de santé publiés</h1>
      <p className={fr.cx('fr-text--lead')}>
        Un contrat local de santé engage l’agence régionale de santé et des collectivités sur un programme d’actions pour la santé des
        habitants d’un territoire. Voici les contrats que leurs signataires ont choisi de rendre publics : leurs axes, leurs fiches-action
        et leur avancement.
      </p>
      <h2>Données ouvertes</h2>
      <p>
        La liste des contrats publiés est aussi disponible en données ouvertes, avec une description de chaque champ dans la{' '}
        <a href="/api/docs" className={fr.cx('fr-link')}>
          documentation de l’API
        </a>
        .
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-2w')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Download
            label="Contrats publiés (CSV)"
            details="CSV – séparateur virgule, UTF-8"
            linkProps={{ href: '/api/public/contrats.csv' }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Download
            label="Contrats publiés (JSON)"
            details="JSON – mêmes champs"
            linkProps={{ href: '/api/public/contrats', download: 'contrats-locaux-de-sante-publies.json' }}
          />
        </div>
      </div>

      <h2>Les contrats</h2>
      {contrats.isPending ? (
        <Chargement />
      ) : contrats.error ? (
        <AlerteErreur erreur={contrats.error} as="h3" titre="Impossible de charger les contrats publiés" />
      ) : contrats.data.length === 0 ? (
        <EtatVide titre="Aucun contrat n’est encore publié" titreAs="h3">
          <p>
            Quand la coordination d’un contrat local de santé le publie, ses axes, ses fiches-action et leur avancement apparaissent ici.
          </p>
        </EtatVide>
      ) : (
        <TableauDefilant
          caption={`Contrats publiés (${formaterNombre(contrats.data.length)})`}
          headers={['Contrat', 'Statut', 'Génération', 'Période', 'Départements', 'Population', 'Fiches-action réalisées']}
          data={contrats.data.map((c) => [
            <Link key="c" to={`/public/contrats/${c.id}`}>
              {c.intitule}
            </Link>,
            <BadgeStatutContrat key="s" statut={c.statut} />,
            libelleGeneration(c.generation),
            c.periodeDebut || c.periodeFin ? formaterPeriode(c.periodeDebut, c.periodeFin) : 'Non renseignée',
            c.departements.join(', '),
            formaterNombre(c.population),
            `${formaterNombre(c.fichesRealisees)} sur ${formaterNombre(c.nombreFiches)}`,
          ])}
        />
      )}
    </>
  );
}
