import { fr, type FrIconClassName } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';

interface Props {
  libelle: string;
  enCours: boolean;
  onAnnuler: () => void;
  /** An icon on the submit button (the invitation's envelope). */
  icone?: FrIconClassName;
  /** Forms whose last field already leaves room drop the top margin. */
  sansMarge?: boolean;
}

/** The submit and « Annuler » buttons that close every inline form. */
export function BoutonsFormulaire({ libelle, enCours, onAnnuler, icone, sansMarge = false }: Props) {
  return (
    <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-sm', 'fr-btns-group--sm', !sansMarge && 'fr-mt-2w')}>
      <li>
        {icone ? (
          <Button type="submit" disabled={enCours} iconId={icone} iconPosition="left">
            {libelle}
          </Button>
        ) : (
          <Button type="submit" disabled={enCours}>
            {libelle}
          </Button>
        )}
      </li>
      <li>
        <Button type="button" priority="secondary" onClick={onAnnuler}>
          Annuler
        </Button>
      </li>
    </ul>
  );
}
