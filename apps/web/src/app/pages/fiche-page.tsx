import FichePage from '../../features/fiches/fiche-page';
import { ParcoursFiche } from '../../features/parcours/parcours-fiche';
import { SuiviFiche } from '../../features/suivi/suivi-fiche';

/**
 * The fiche-action page with its « Suivi » section, which the suivi feature owns, and the parcours it serves, which
 * the parcours feature owns: they meet here, in app/.
 */
export default function FicheAvecSuiviPage() {
  return <FichePage suivi={(ficheId) => <SuiviFiche ficheId={ficheId} />} parcours={(ficheId) => <ParcoursFiche ficheId={ficheId} />} />;
}
