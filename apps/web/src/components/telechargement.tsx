import { fr } from '@codegouvfr/react-dsfr';
import { Download } from '@codegouvfr/react-dsfr/Download';
import { useState } from 'react';
import { telecharger } from '../api/telechargement';
import { messageErreur } from './alerte-erreur';

interface Props {
  libelle: string;
  /** Format and what the file holds, e.g. "PDF – version signée". */
  details: string;
  chemin: string;
}

/**
 * A DSFR download link. The file is generated on demand: the link fetches it, says so while it waits, and shows the
 * server's French explanation when it cannot be produced (instead of leaving the page for a raw error).
 */
export function Telechargement({ libelle, details, chemin }: Props) {
  const [etat, setEtat] = useState<{ enCours: boolean; message: string; erreur: boolean }>({ enCours: false, message: '', erreur: false });
  const lancer = async (e: React.MouseEvent) => {
    e.preventDefault();
    if (etat.enCours) return;
    setEtat({ enCours: true, message: `Préparation de « ${libelle} »…`, erreur: false });
    try {
      const nom = await telecharger(chemin);
      setEtat({ enCours: false, message: `Fichier ${nom} téléchargé.`, erreur: false });
    } catch (err) {
      setEtat({ enCours: false, message: messageErreur(err), erreur: true });
    }
  };
  return (
    <div className={fr.cx('fr-mb-2w')}>
      <Download
        className={fr.cx('fr-mb-0')}
        label={libelle}
        details={details}
        linkProps={{ href: chemin, onClick: lancer, 'aria-busy': etat.enCours || undefined }}
      />
      <p role="status" className={fr.cx('fr-text--sm', 'fr-mb-0', etat.erreur ? 'fr-error-text' : undefined)}>
        {etat.message}
      </p>
    </div>
  );
}
