import { fr } from '@codegouvfr/react-dsfr';

/** A key figure in a row of four (two on small screens): the number large, what it counts below. */
export function Chiffre({ valeur, libelle }: { valeur: string; libelle: string }) {
  return (
    <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
      <p className={fr.cx('fr-mb-0', 'fr-p-2w') + ' maillage-chiffre'}>
        <span className={fr.cx('fr-h3', 'fr-mb-0')}>{valeur}</span>
        <span className={fr.cx('fr-text--sm', 'fr-mb-0')}>{libelle}</span>
      </p>
    </div>
  );
}
