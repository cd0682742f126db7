import { fr } from '@codegouvfr/react-dsfr';
import type { FormEventHandler, ReactNode, Ref } from 'react';

/**
 * The inline form of the product: an encart whose bold title names it for screen readers (aria-labelledby), opened
 * in place of the button that asked for it (`cadre` usually comes from useFocusPremierChamp).
 */
export function FormulaireEncart({
  cadre,
  idTitre,
  titre,
  onSubmit,
  marge = 'fr-mb-3w',
  grandTitre = false,
  children,
}: {
  cadre?: Ref<HTMLFormElement>;
  idTitre: string;
  titre: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  marge?: 'fr-mb-3w' | 'fr-mb-4w';
  grandTitre?: boolean;
  children: ReactNode;
}) {
  return (
    <form ref={cadre} onSubmit={onSubmit} noValidate aria-labelledby={idTitre} className={fr.cx('fr-p-2w', marge) + ' maillage-encart'}>
      <p id={idTitre} className={grandTitre ? fr.cx('fr-text--bold', 'fr-text--lg') : fr.cx('fr-text--bold')}>
        {titre}
      </p>
      {children}
    </form>
  );
}
