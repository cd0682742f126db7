import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';

interface Props {
  /** What the buttons act on, read by screen readers after the verb: "la rencontre « Atelier »". */
  nom: string;
  onModifier: () => void;
  onSupprimer: () => void;
  /** "Supprimer" by default; "Retirer" where the item only leaves a list. */
  libelleSupprimer?: string;
  desactive?: boolean;
}

/** "Modifier" and "Supprimer" beside an item of a list; the caller places them (usually in .maillage-actions). */
export function BoutonsElement({ nom, onModifier, onSupprimer, libelleSupprimer = 'Supprimer', desactive }: Props) {
  return (
    <>
      <Button type="button" size="small" priority="tertiary" iconId="fr-icon-edit-line" onClick={onModifier} disabled={desactive}>
        Modifier<span className={fr.cx('fr-sr-only')}> {nom}</span>
      </Button>
      <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" disabled={desactive} onClick={onSupprimer}>
        {libelleSupprimer}
        <span className={fr.cx('fr-sr-only')}> {nom}</span>
      </Button>
    </>
  );
}
