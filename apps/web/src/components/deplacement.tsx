import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { deplacer } from '@maillage/domain';
import { useState } from 'react';

interface PropsBoutons {
  /** Unique prefix of the two buttons' ids, to give the focus back after the move. */
  idBase: string;
  index: number;
  total: number;
  /** "l’axe 2 : Accès aux soins": completes the buttons' accessible names. */
  libelle: string;
  onDeplacer: (nouvelIndex: number) => void;
  desactive?: boolean;
}

/** "Monter" and "Descendre": reordering without a mouse or drag-and-drop. */
export function BoutonsDeplacement({ idBase, index, total, libelle, onDeplacer, desactive }: PropsBoutons) {
  if (total < 2) return null;
  return (
    <>
      <Button
        type="button"
        size="small"
        priority="tertiary no outline"
        iconId="fr-icon-arrow-up-line"
        disabled={desactive || index === 0}
        onClick={() => onDeplacer(index - 1)}
        nativeButtonProps={{ id: `${idBase}-monter`, 'aria-label': `Monter ${libelle}` }}
      >
        Monter
      </Button>
      <Button
        type="button"
        size="small"
        priority="tertiary no outline"
        iconId="fr-icon-arrow-down-line"
        disabled={desactive || index === total - 1}
        onClick={() => onDeplacer(index + 1)}
        nativeButtonProps={{ id: `${idBase}-descendre`, 'aria-label': `Descendre ${libelle}` }}
      >
        Descendre
      </Button>
    </>
  );
}

/**
 * Moves an element in an ordered list through the API, then says where it went (live region) and puts the focus
 * back on the button that moved it (or its sibling when it reached an end).
 */
export function useDeplacement() {
  const [annonce, setAnnonce] = useState('');
  const [enCours, setEnCours] = useState(false);

  async function executer<T extends string>(options: {
    ids: readonly T[];
    id: T;
    nouvelIndex: number;
    nom: string;
    idBase: string;
    enregistrer: (ids: T[]) => Promise<unknown>;
  }) {
    const { ids, id, nouvelIndex, nom, idBase, enregistrer } = options;
    const direction = nouvelIndex < ids.indexOf(id) ? 'monter' : 'descendre';
    setEnCours(true);
    setAnnonce('');
    try {
      await enregistrer(deplacer(ids, id, nouvelIndex));
      setAnnonce(`${nom} : déplacé en position ${nouvelIndex + 1} sur ${ids.length}.`);
    } catch {
      setAnnonce(`${nom} n’a pas pu être déplacé.`);
    } finally {
      setEnCours(false);
      // Wait until the list shows the new order (the row holding the moved element is at its new index), then focus.
      const placer = (essais: number) => {
        const meme = document.getElementById(`${idBase}-${direction}`) as HTMLButtonElement | null;
        const autre = document.getElementById(`${idBase}-${direction === 'monter' ? 'descendre' : 'monter'}`) as HTMLButtonElement | null;
        const ligne = (meme ?? autre)?.closest('tr, li');
        const position = ligne?.parentElement ? Array.prototype.indexOf.call(ligne.parentElement.children, ligne) : -1;
        if (position !== nouvelIndex && essais < 60) {
          requestAnimationFrame(() => placer(essais + 1));
          return;
        }
        (meme && !meme.disabled ? meme : autre)?.focus();
      };
      requestAnimationFrame(() => placer(0));
    }
  }

  return { executer, enCours, annonce };
}

/** The live region that says where an element went; keep it mounted. */
export function AnnonceDeplacement({ texte }: { texte: string }) {
  return (
    <p role="status" className={fr.cx('fr-sr-only')}>
      {texte}
    </p>
  );
}
