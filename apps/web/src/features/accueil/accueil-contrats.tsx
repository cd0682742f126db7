import { fr } from '@codegouvfr/react-dsfr';
import { EtatVide } from '../../components/etat-vide';

/** Coordonnateur, pilote, membre, lecteur: their contracts. None exist yet, so the empty state teaches. */
export function AccueilContrats() {
  return (
    <section className={fr.cx('fr-mb-6w')} aria-labelledby="accueil-contrats">
      <h2 id="accueil-contrats">Mes contrats</h2>
      <EtatVide titre="Vous ne participez encore à aucun contrat local de santé." titreAs="h3" iconId="fr-icon-team-line">
        <p>
          Un <strong>contrat local de santé (CLS)</strong> engage l’agence régionale de santé, une ou plusieurs collectivités
          et leurs partenaires (préfecture, caisses, hôpitaux, associations…) sur un programme d’actions pour réduire les
          inégalités de santé d’un territoire. Il part d’un diagnostic partagé, se décline en axes et en fiches-action, et
          se pilote en comité (COPIL) jusqu’à son évaluation.
        </p>
        <p>
          Un contrat est créé par l’ARS de la région ou par un administrateur de Maillage. Sa coordination invite ensuite
          chaque personne avec un rôle : coordonnateur·rice, référent ARS, pilote de fiches-action, membre ou lecteur.
          Dès qu’on vous y invite, le contrat apparaît ici avec ses alertes, ses prochaines séances et les fiches qui vous
          concernent.
        </p>
      </EtatVide>
    </section>
  );
}
