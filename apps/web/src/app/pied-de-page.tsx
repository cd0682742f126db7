import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { AVEC_MARIANNE, blocMarque, lienAccueil } from './identite';

export function PiedDePage() {
  return (
    <Footer
      accessibility="partially compliant"
      accessibilityLinkProps={{ to: '/accessibilite' }}
      brandTop={blocMarque}
      homeLinkProps={lienAccueil}
      classes={AVEC_MARIANNE ? undefined : { logo: 'maillage-logo-sans-marianne' }}
      domains={AVEC_MARIANNE ? undefined : []}
      contentDescription="Maillage aide les agences régionales de santé, les collectivités et leurs partenaires à construire, piloter et évaluer les contrats locaux de santé, du diagnostic au bilan."
      bottomItems={[
        { text: 'Contrats publiés', linkProps: { to: '/public/contrats' } },
        { text: 'Ressources de santé', linkProps: { to: '/public/ressources' } },
        // The DCAT catalogue lists every dataset with its CSV, JSON and Table Schema (docs/api.md, « Données ouvertes »).
        { text: 'Données ouvertes (catalogue DCAT)', linkProps: { href: '/api/public/catalogue.jsonld' } },
        { text: 'Documentation de l’API', linkProps: { href: '/api/docs' } },
        headerFooterDisplayItem,
      ]}
      license={<>Maillage est un logiciel libre publié sous licence MIT.</>}
    />
  );
}
