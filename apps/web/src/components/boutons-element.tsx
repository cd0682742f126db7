import { fr, type FrIconClassName } from '@codegouvfr/react-dsfr';
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

interface PropsBoutonLigne {
  /** The visible verb: "Modifier", "Retirer"… */
  libelle: string;
  /** Read by screen readers instead: the verb and the item it acts on ("Retirer le partenaire ARS"). */
  etiquette: string;
  icone: FrIconClassName;
  onClick: () => void;
}

/** A small borderless button in a table row or under a list item, named for screen readers by the item it acts on. */
export function BoutonLigne({ libelle, etiquette, icone, onClick }: PropsBoutonLigne) {
  return (
    <Button
      type="button"
      size="small"
      priority="tertiary no outline"
      iconId={icone}
      onClick={onClick}
      nativeButtonProps={{ 'aria-label': etiquette }}
    >
      {libelle}
    </Button>
  );
}

interface PropsBoutonsLigne {
  /** What the buttons act on, after the verb: "le signataire ARS", "l’axe 1 : Prévention". */
  nom: string;
  onModifier: () => void;
  onSupprimer: () => void;
  /** "Supprimer" by default; "Retirer" where the item only leaves a list. */
  libelleSupprimer?: string;
}

/** "Modifier" and "Supprimer" (or "Retirer") as borderless row buttons: each aria-label names the item. */
export function BoutonsLigne({ nom, onModifier, onSupprimer, libelleSupprimer = 'Supprimer' }: PropsBoutonsLigne) {
  return (
    <>
      <BoutonLigne libelle="Modifier" etiquette={`Modifier ${nom}`} icone="fr-icon-edit-line" onClick={onModifier} />
      <BoutonLigne libelle={libelleSupprimer} etiquette={`${libelleSupprimer} ${nom}`} icone="fr-icon-delete-line" onClick={onSupprimer} />
    </>
  );
}
