import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ProConnectButton } from '@codegouvfr/react-dsfr/ProConnectButton';
import { useFournisseursOidc } from '../../api/session';

/**
 * The buttons of the identity providers the platform turned on, as the State design system draws them (ProConnect's
 * own button; Pro Santé Connect as a plain DSFR button). Each starts the login at the server, which redirects.
 */
export function ConnexionFournisseurs({ retour }: { retour: string | null }) {
  const { data: fournisseurs } = useFournisseursOidc();
  if (!fournisseurs?.length) return null;
  const adresse = (connexion: string) => (retour ? `${connexion}?retour=${encodeURIComponent(retour)}` : connexion);
  return (
    <section className={fr.cx('fr-mb-4w')} aria-labelledby="connexion-fournisseurs">
      <h2 id="connexion-fournisseurs" className={fr.cx('fr-h5')}>
        Se connecter avec son identité professionnelle
      </h2>
      {fournisseurs.map((f) =>
        f.id === 'proconnect' ? (
          <ProConnectButton key={f.id} url={adresse(f.connexion)} />
        ) : (
          <div key={f.id} className={fr.cx('fr-mb-3w')}>
            <Button linkProps={{ href: adresse(f.connexion) }} iconId="fr-icon-health-book-line" iconPosition="left">
              Se connecter avec {f.libelle}
            </Button>
            <p className={fr.cx('fr-hint-text', 'fr-mt-1w')}>Pour les professionnels de santé, avec la carte CPS ou l’application e-CPS.</p>
          </div>
        ),
      )}
      <p className={fr.cx('fr-hr-or', 'fr-mt-2w')}>ou</p>
    </section>
  );
}
