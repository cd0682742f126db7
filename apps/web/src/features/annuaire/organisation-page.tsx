import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { can, libellesDeplacement } from '@maillage/domain';
import { useLocation, useParams } from 'react-router';
import { useOrganisation } from '../../api/comptes';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { pluriel } from '../../components/format';
import { useTitrePage } from '../../components/titre-page';
import '../../components/styles/gouvernance.css';
import { FicheOrganisation } from '../../components/fiche-organisation';
import { FusionOrganisation, type ResultatFusion } from './fusion-organisation';
import { PersonnesAnnuaire } from './personnes-annuaire';
import { ServicesOrganisation } from './services-organisation';

/** What moved in a merge, line by line. */
function IssueFusion({ fusion }: { fusion: ResultatFusion }) {
  const lignes = Object.entries(fusion.deplaces).filter(([, n]) => n > 0);
  return (
    <Alert
      severity="success"
      as="h2"
      className={fr.cx('fr-mb-4w')}
      title={`« ${fusion.doublon} » est fusionnée dans « ${fusion.gardee} »`}
      description={
        lignes.length === 0 ? (
          'Le doublon ne portait aucune référence ; il est supprimé de l’annuaire.'
        ) : (
          <>
            <span>Ont été déplacés vers « {fusion.gardee} », puis le doublon a été supprimé :</span>
            <ul className={fr.cx('fr-mb-0')}>
              {lignes.map(([table, n]) => (
                <li key={table}>{pluriel(n, ...libellesDeplacement(table))}</li>
              ))}
            </ul>
          </>
        )
      }
    />
  );
}

/** An organisation of the directory: identity, engagements, services, people; for admins, merging a duplicate. */
export default function OrganisationPage() {
  const { id } = useParams();
  const { state } = useLocation() as { state: { fusion?: ResultatFusion } | null };
  const { sujet, estAdmin } = useSession();
  const organisation = useOrganisation(id);
  useTitrePage(organisation.data?.nom ?? 'Organisation');
  const filAriane = (
    <Breadcrumb
      currentPageLabel={organisation.data?.nom ?? 'Organisation'}
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Annuaire', linkProps: { to: '/annuaire' } }]}
    />
  );
  if (organisation.isPending)
    return (
      <>
        {filAriane}
        <Chargement />
      </>
    );
  if (organisation.error) {
    return (
      <>
        {filAriane}
        <h1>Organisation introuvable</h1>
        <AlerteErreur erreur={organisation.error} />
      </>
    );
  }
  const o = organisation.data;
  const modifiable = can(sujet, 'modifier', { type: 'organisation', id: o.id });
  return (
    <>
      {filAriane}
      {state?.fusion && <IssueFusion fusion={state.fusion} />}
      <h1>{o.nom}</h1>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-4w')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
          <FicheOrganisation organisation={o} titreAs="h2" />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--icon-left')}>
            <li>
              <Button iconId="fr-icon-team-line" linkProps={{ to: `/organisations/${o.id}/engagements` }}>
                Voir ses engagements
              </Button>
            </li>
            {estAdmin && (
              <li>
                <Button priority="secondary" iconId="fr-icon-edit-line" linkProps={{ to: `/administration/organisations/${o.id}` }}>
                  Modifier la fiche
                </Button>
              </li>
            )}
          </ul>
        </div>
      </div>
      {/* Keyed by organisation: after a merge, the page of the kept one starts afresh. */}
      <ServicesOrganisation key={`services-${o.id}`} organisationId={o.id} modifiable={modifiable} />
      <div key={`personnes-${o.id}`} className={fr.cx('fr-mb-6w')}>
        <PersonnesAnnuaire organisation={{ id: o.id, nom: o.nom }} />
      </div>
      {estAdmin && <FusionOrganisation key={o.id} organisation={o} />}
    </>
  );
}
