import { fr, type FrIconClassName } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ReactNode } from 'react';

interface Props {
  libelle: ReactNode;
  /** The submit button is disabled while the form is being saved (or when it may not be sent). */
  enCours: boolean;
  /** « Annuler » closes an inline form… */
  onAnnuler?: () => void;
  /** …or leaves a page for this address. */
  annulerVers?: string;
  /** An icon on the submit button (the invitation's envelope). */
  icone?: FrIconClassName;
  /** Small buttons under an inline form, or the page's own buttons. */
  taille?: 'sm' | 'md';
  /** The group leaves room for the buttons' icons. */
  icones?: boolean;
  /** Forms whose last field already leaves room drop the top margin. */
  sansMarge?: boolean;
}

/** The submit and « Annuler » buttons that close every form. */
export function BoutonsFormulaire({
  libelle,
  enCours,
  onAnnuler,
  annulerVers,
  icone,
  taille = 'sm',
  icones = false,
  sansMarge = taille === 'md',
}: Props) {
  return (
    <ul
      className={fr.cx(
        'fr-btns-group',
        taille === 'sm' ? 'fr-btns-group--inline-sm' : 'fr-btns-group--inline-md',
        taille === 'sm' && 'fr-btns-group--sm',
        icones && 'fr-btns-group--icon-left',
        !sansMarge && 'fr-mt-2w',
      )}
    >
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
        {annulerVers !== undefined ? (
          <Button priority="secondary" linkProps={{ to: annulerVers }}>
            Annuler
          </Button>
        ) : (
          <Button type="button" priority="secondary" onClick={onAnnuler}>
            Annuler
          </Button>
        )}
      </li>
    </ul>
  );
}
