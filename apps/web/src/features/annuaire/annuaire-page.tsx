import { fr } from '@codegouvfr/react-dsfr';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { EtatVide } from '../../components/etat-vide';
import { useTitrePage } from '../../components/titre-page';
import { PersonnesAnnuaire } from './personnes-annuaire';
import { ListeOrganisations } from '../../components/liste-organisations';

const ONGLETS = [
  { tabId: 'organisations', label: 'Organisations' },
  { tabId: 'personnes', label: 'Personnes' },
] as const;

export default function AnnuairePage() {
  const [params, definirParams] = useSearchParams();
  const onglet = params.get('onglet') === 'personnes' ? 'personnes' : 'organisations';
  useTitrePage(onglet === 'personnes' ? 'Annuaire des personnes' : 'Annuaire des organisations');
  const { estAdmin } = useSession();
  return (
    <>
      <h1>Annuaire</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les structures engagées dans les contrats locaux de santé (ARS, collectivités, services de l’État, caisses, établissements,
        associations) et les personnes qui les représentent.
      </p>
      <Tabs
        label="Sections de l’annuaire"
        selectedTabId={onglet}
        onTabChange={(tabId) => definirParams(tabId === 'organisations' ? {} : { onglet: tabId })}
        tabs={ONGLETS.map((o) => ({ tabId: o.tabId, label: o.label }))}
      >
        {onglet === 'organisations' ? (
          <>
            <h2 className={fr.cx('fr-sr-only')}>Organisations</h2>
            <ListeOrganisations
              actions={{
                entete: 'Engagements',
                cellule: (o) => (
                  <Link to={`/organisations/${o.id}/engagements`}>
                    Engagements<span className={fr.cx('fr-sr-only')}> de {o.nom}</span>
                  </Link>
                ),
              }}
              vide={
                <EtatVide
                  titre="L’annuaire est vide"
                  action={
                    estAdmin
                      ? { children: 'Ajouter une organisation', linkProps: { to: '/administration/organisations/nouvelle' } }
                      : undefined
                  }
                >
                  <p>
                    Chaque signataire, pilote ou partenaire d’un contrat est une organisation de l’annuaire. Les administrateurs de la
                    plateforme les ajoutent ; les référents d’une organisation tiennent sa fiche à jour.
                  </p>
                </EtatVide>
              }
            />
          </>
        ) : (
          <PersonnesAnnuaire />
        )}
      </Tabs>
    </>
  );
}
