import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { estFournisseurOidc, MOTIFS_REFUS_OIDC, type MotifRefusOidc, texteRefusOidc } from '@maillage/domain';
import { Link, useSearchParams } from 'react-router';
import { useTitrePage } from '../../components/titre-page';

/** Where the server sends the browser back when a ProConnect or Pro Santé Connect login opened no session. */
export default function ConnexionRefuseePage() {
  const [params] = useSearchParams();
  const fournisseur = params.get('fournisseur');
  const brut = params.get('motif') ?? '';
  const motif: MotifRefusOidc = (MOTIFS_REFUS_OIDC as readonly string[]).includes(brut) ? (brut as MotifRefusOidc) : 'reponse-invalide';
  const { titre, texte } = texteRefusOidc(motif, fournisseur);
  useTitrePage(titre);
  const recommencer = fournisseur && estFournisseurOidc(fournisseur) ? `/api/auth/oidc/${fournisseur}/connexion` : null;
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
        <h1>Connexion impossible</h1>
        <Alert severity={motif === 'compte-inconnu' ? 'info' : 'warning'} as="h2" title={titre} description={texte} />
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-mt-4w')}>
          {recommencer && motif !== 'compte-inconnu' && motif !== 'compte-desactive' && (
            <li>
              <a className={fr.cx('fr-btn')} href={recommencer}>
                Recommencer la connexion
              </a>
            </li>
          )}
          <li>
            <Link className={fr.cx('fr-btn', 'fr-btn--secondary')} to="/connexion">
              Revenir à la page de connexion
            </Link>
          </li>
        </ul>
        <p>
          Sans compte, vous pouvez consulter les <Link to="/public/contrats">contrats publiés</Link>.
        </p>
      </div>
    </div>
  );
}
