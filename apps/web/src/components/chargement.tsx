import { fr } from '@codegouvfr/react-dsfr';

/** A polite live region: screen readers hear "Chargement…", sighted users see it. */
export function Chargement({ libelle = 'Chargement…' }: { libelle?: string }) {
  return (
    <p role="status" className={fr.cx('fr-my-4w', 'fr-text--lg')}>
      <span className={fr.cx('fr-icon-refresh-line', 'fr-mr-1w')} aria-hidden="true" />
      {libelle}
    </p>
  );
}
