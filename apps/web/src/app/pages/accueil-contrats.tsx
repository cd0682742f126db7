import { fr } from '@codegouvfr/react-dsfr';
import { lazy, Suspense } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useContrats } from '../../api/contrats';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { usePeutCreerContrat } from '../../components/droits-contrat';
import { TableauContrats } from '../../components/tableau-contrats';

// Alerts and next séances: loaded after the page, so the home stays light.
const SuiviContrats = lazy(() => import('../../features/gouvernance/suivi-contrats'));
// Open follow-up campaigns: the pilote's fiches to report on, the coordination's completion.
const CampagnesAccueil = lazy(() => import('../../features/suivi/campagnes-accueil'));

/** Coordonnateur, pilote, membre, lecteur: the contracts where they have a role, with that role and the statut. */
export function AccueilContrats() {
  const contrats = useContrats();
  const peutCreer = usePeutCreerContrat();
  const miens = (contrats.data ?? []).filter((c) => c.role);
  return (
    <section className={fr.cx('fr-mb-6w')} aria-labelledby="accueil-contrats">
      <h2 id="accueil-contrats">Mes contrats</h2>
      {contrats.isPending ? (
        <Chargement />
      ) : contrats.error ? (
        <AlerteErreur erreur={contrats.error} as="h3" titre="Impossible de charger vos contrats" />
      ) : miens.length === 0 ? (
        <EtatVide
          titre="Vous ne participez encore à aucun contrat local de santé."
          titreAs="h3"
          iconId="fr-icon-team-line"
          action={peutCreer ? { children: 'Créer un contrat', linkProps: { to: '/contrats/nouveau' } } : undefined}
        >
          <p>
            Un <strong>contrat local de santé (CLS)</strong> engage l’agence régionale de santé, une ou plusieurs collectivités et leurs
            partenaires (préfecture, caisses, hôpitaux, associations…) sur un programme d’actions pour réduire les inégalités de santé d’un
            territoire. Il part d’un diagnostic partagé, se décline en axes et en fiches-action, et se pilote en comité (COPIL) jusqu’à son
            évaluation.
          </p>
          <p>
            {peutCreer
              ? 'Votre organisation peut en lancer un : vous en deviendrez coordonnateur·rice et pourrez y inviter les autres parties.'
              : 'Un contrat est créé par une collectivité, par l’ARS ou par un administrateur de Maillage.'}{' '}
            Dès qu’on vous y donne un rôle (coordonnateur·rice, référent ARS, pilote de fiches-action, membre ou lecteur), le contrat
            apparaît ici.
          </p>
        </EtatVide>
      ) : (
        <>
          <TableauContrats contrats={miens} caption="Les contrats où vous avez un rôle" />
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm', 'fr-btns-group--icon-left')}>
            <li>
              <Button priority="secondary" linkProps={{ to: '/contrats' }}>
                Tous les contrats visibles
              </Button>
            </li>
            {peutCreer && (
              <li>
                <Button priority="tertiary" iconId="fr-icon-add-line" linkProps={{ to: '/contrats/nouveau' }}>
                  Créer un contrat
                </Button>
              </li>
            )}
          </ul>
          <Suspense fallback={null}>
            <CampagnesAccueil contrats={miens} />
          </Suspense>
          <Suspense fallback={null}>
            <SuiviContrats contrats={miens} />
          </Suspense>
        </>
      )}
    </section>
  );
}
