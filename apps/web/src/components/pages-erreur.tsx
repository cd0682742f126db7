import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useTitrePage } from './titre-page';

interface Props {
  titre: string;
  code: string;
  message: string;
  explication: string;
}

/** The DSFR error page pattern: what happened, why, and the way out. */
function PageErreur({ titre, code, message, explication }: Props) {
  useTitrePage(titre);
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--center', 'fr-py-6w')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
        <h1>{titre}</h1>
        <p className={fr.cx('fr-text--sm', 'fr-mb-3w')}>{code}</p>
        <p className={fr.cx('fr-text--lead', 'fr-mb-3w')}>{message}</p>
        <p className={fr.cx('fr-text--sm', 'fr-mb-5w')}>{explication}</p>
        <Button linkProps={{ to: '/' }} size="large">
          Page d’accueil
        </Button>
      </div>
    </div>
  );
}

export function PageNonTrouvee() {
  return (
    <PageErreur
      titre="Page non trouvée"
      code="Erreur 404"
      message="La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée."
      explication="Si vous avez tapé l’adresse web dans le navigateur, vérifiez qu’elle est correcte. La page n’est peut-être plus disponible. Dans ce cas, pour continuer votre visite, vous pouvez consulter notre page d’accueil."
    />
  );
}

export function PageAccesRefuse() {
  return (
    <PageErreur
      titre="Accès réservé"
      code="Erreur 403"
      message="Cette page est réservée aux administrateurs de la plateforme."
      explication="Si vous pensez devoir y accéder, demandez à un administrateur de Maillage de vous attribuer le rôle correspondant."
    />
  );
}
