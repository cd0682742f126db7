import { createModal } from '@codegouvfr/react-dsfr/Modal';
import type { FrIconClassName } from '@codegouvfr/react-dsfr';
import type { ReactNode } from 'react';

interface PropsConfirmation {
  titre: string;
  children: ReactNode;
  libelleConfirmer: string;
  onConfirmer: () => void;
  /** The confirm button's icon: a bin by default (destructive), another for a non-destructive step. */
  iconeConfirmer?: FrIconClassName;
}

/**
 * A DSFR modal that asks once before a destructive action. Create it at module level (one id per use),
 * render <Confirmation> once, call ouvrir() from the trigger.
 */
export function creerConfirmation(id: string) {
  const modale = createModal({ id, isOpenedByDefault: false });
  // biome-ignore lint/correctness/noComponentHookFactories: made once at module level, beside its DSFR modal (createModal needs the same).
  function Confirmation({ titre, children, libelleConfirmer, onConfirmer, iconeConfirmer = 'fr-icon-delete-line' }: PropsConfirmation) {
    return (
      <modale.Component
        title={titre}
        iconId="fr-icon-warning-line"
        buttons={[
          { children: 'Annuler', priority: 'secondary' },
          { children: libelleConfirmer, onClick: onConfirmer, iconId: iconeConfirmer, iconPosition: 'left' },
        ]}
      >
        {children}
      </modale.Component>
    );
  }
  return { ouvrir: () => modale.open(), fermer: () => modale.close(), Confirmation };
}
