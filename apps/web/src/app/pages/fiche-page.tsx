import FichePage from '../../features/fiches/fiche-page';
import { SuiviFiche } from '../../features/suivi/suivi-fiche';

/** The fiche-action page with its « Suivi » section, which the suivi feature owns: the two meet here, in app/. */
export default function FicheAvecSuiviPage() {
  return <FichePage suivi={(ficheId) => <SuiviFiche ficheId={ficheId} />} />;
}
