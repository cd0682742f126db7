import { fr } from '@codegouvfr/react-dsfr';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { useState } from 'react';
import { Link } from 'react-router';
import { useEtatImport } from '../../api/indicateurs';
import { formaterDateHeure } from '../../components/format';
import { CLE_DERNIER_IMPORT } from './suivi-import';

const ETATS = { en_cours: 'en cours', termine: 'terminé', echoue: 'refusé' };

/** The last background import started from this browser, to find it again after leaving the page. */
export function DernierImport() {
  const [id] = useState(() => localStorage.getItem(CLE_DERNIER_IMPORT));
  const etat = useEtatImport(id);
  if (!id || !etat.data) return null;
  const e = etat.data;
  return (
    <Notice
      className={fr.cx('fr-mb-3w')}
      title={
        <>
          Dernier import en arrière-plan : « {e.nomFichier} », lancé le {formaterDateHeure(e.creeLe)}, {ETATS[e.etat] ?? e.etat}.{' '}
          <Link to={`/indicateurs/import-valeurs?import=${e.id}`}>
            {e.etat === 'en_cours' ? 'Suivre sa progression' : 'Voir son rapport'}
          </Link>
        </>
      }
    />
  );
}
