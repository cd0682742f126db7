import { fr } from '@codegouvfr/react-dsfr';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { useJournalAudit } from '../../api/audit';
import { useOrganisations, useUtilisateurs } from '../../api/comptes';
import { pluriel } from '../../components/format';

const compte = (total: number | undefined, singulier: string, plurielForme?: string) =>
  total === undefined ? 'Chargement…' : pluriel(total, singulier, plurielForme);

/** Platform admin: users, organisations, audit, each with its count. */
export function AccueilAdmin() {
  const utilisateurs = useUtilisateurs({ parPage: 1 });
  const organisations = useOrganisations({ parPage: 1 });
  const audit = useJournalAudit({ parPage: 1 });
  return (
    <section className={fr.cx('fr-mb-6w')} aria-labelledby="accueil-admin">
      <h2 id="accueil-admin">Administration de la plateforme</h2>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Tile
            title="Utilisateurs"
            titleAs="h3"
            desc={compte(utilisateurs.data?.total, 'compte')}
            detail="Créer des comptes, attribuer des rôles, désactiver un accès"
            linkProps={{ to: '/administration/utilisateurs' }}
            enlargeLinkOrButton
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Tile
            title="Organisations"
            titleAs="h3"
            desc={compte(organisations.data?.total, 'organisation')}
            detail="ARS, collectivités, caisses, établissements, associations"
            linkProps={{ to: '/administration/organisations' }}
            enlargeLinkOrButton
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Tile
            title="Journal d’audit"
            titleAs="h3"
            desc={compte(audit.data?.total, 'événement')}
            detail="Qui a changé quoi, et quand"
            linkProps={{ to: '/administration/journal' }}
            enlargeLinkOrButton
          />
        </div>
      </div>
    </section>
  );
}
