import { fr } from '@codegouvfr/react-dsfr';
import { useTitrePage } from '../../components/titre-page';

export default function AccessibilitePage() {
  useTitrePage('Déclaration d’accessibilité');
  return (
    <div className={fr.cx('fr-grid-row')}>
      <div className={fr.cx('fr-col-12', 'fr-col-lg-8')}>
        <h1>Déclaration d’accessibilité</h1>
        <p className={fr.cx('fr-text--lead')}>Accessibilité : partiellement conforme.</p>
        <p>
          Maillage s’engage à rendre son service accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005, selon le
          référentiel général d’amélioration de l’accessibilité (RGAA).
        </p>
        <h2>État de conformité</h2>
        <p>
          Maillage est <strong>partiellement conforme</strong> au RGAA : il n’a pas encore fait l’objet d’un audit complet. Chaque écran est
          vérifié automatiquement (outil axe, règles WCAG 2.1 niveaux A et AA) et construit avec le système de design de l’État, dont les
          composants sont conçus pour être accessibles.
        </p>
        <h2>Signaler un défaut d’accessibilité</h2>
        <p>
          Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez l’équipe qui exploite cette plateforme pour être orienté
          vers une alternative accessible ou obtenir le contenu sous une autre forme.
        </p>
        <h2>Voie de recours</h2>
        <p>
          Si vous avez signalé un défaut sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des droits
          (défenseurdesdroits.fr), par courrier ou auprès d’un de ses délégués.
        </p>
      </div>
    </div>
  );
}
