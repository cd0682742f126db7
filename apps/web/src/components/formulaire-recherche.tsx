import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { FormEventHandler, ReactNode } from 'react';

interface Props {
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** Accessible name of the search landmark, e.g. "Rechercher un compte". */
  libelle: string;
  /** Space below the form (fr-mb-4w on a page, fr-mb-3w inside a section). */
  marge?: 'fr-mb-3w' | 'fr-mb-4w';
  /** Width of the button's column on medium screens. */
  colonneBouton?: 'fr-col-md-3' | 'fr-col-md-6';
  /** The fields, each in its grid column. */
  children: ReactNode;
}

/** The search form of a list page: its fields in a grid row, then "Rechercher". Filters live in the URL. */
export function FormulaireRecherche({ onSubmit, libelle, marge = 'fr-mb-4w', colonneBouton = 'fr-col-md-3', children }: Props) {
  return (
    <form onSubmit={onSubmit} role="search" aria-label={libelle} className={fr.cx(marge)}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
        {children}
        <div className={fr.cx('fr-col-12', colonneBouton, 'fr-mb-3w')}>
          <Button type="submit" iconId="fr-icon-search-line">
            Rechercher
          </Button>
        </div>
      </div>
    </form>
  );
}
