import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';

/** Copies a text to the clipboard and says so (live region) — or asks to copy by hand when the browser refuses. */
export function BoutonCopier({ texte, libelle = 'Copier' }: { texte: string; libelle?: string }) {
  const [etat, setEtat] = useState<'attente' | 'copie' | 'echec'>('attente');
  const copier = async () => {
    try {
      await navigator.clipboard.writeText(texte);
      setEtat('copie');
    } catch {
      setEtat('echec');
    }
  };
  return (
    <>
      <Button type="button" priority="secondary" size="small" iconId="fr-icon-clipboard-line" onClick={copier}>
        {libelle}
      </Button>
      <span role="status" className="fr-ml-2w fr-text--sm">
        {etat === 'copie'
          ? 'Copié dans le presse-papiers.'
          : etat === 'echec'
            ? 'Copie impossible : sélectionnez le texte et copiez-le.'
            : ''}
      </span>
    </>
  );
}
