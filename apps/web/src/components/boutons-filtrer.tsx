import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';

interface Props {
  /** The second button, shown while a filter is set: "Tout afficher", "Réinitialiser"… */
  effacer?: { libelle: string; onClick: () => void } | false;
}

/** The last column of a filters' grid: "Filtrer" (submits the form) and, when filtered, the way back to everything. */
export function BoutonsFiltrer({ effacer }: Props) {
  return (
    <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline', 'fr-btns-group--icon-left', 'fr-mt-md-5w')}>
        <li>
          <Button type="submit" iconId="fr-icon-filter-line">
            Filtrer
          </Button>
        </li>
        {effacer && (
          <li>
            <Button type="button" priority="secondary" onClick={effacer.onClick}>
              {effacer.libelle}
            </Button>
          </li>
        )}
      </ul>
    </div>
  );
}
