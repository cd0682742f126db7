import { createModal } from '@codegouvfr/react-dsfr/Modal';
import type { ReactNode } from 'react';

interface PropsConfirmation {
  titre: string;
  children: ReactNode;
  libelleConfirmer: string;
  onConfirmer: () => void;
}

/**
 * A DSFR modal that asks once before a destructive action. Create it at module level (one id per use),
 * render <Confirmation> once, call ouvrir() from the trigger.
 */
export function creerConfirmation(id: string) {
  const modale = createModal({ id, isOpenedByDefault: false });
  function Confirmation({ titre, children, libelleConfirmer, onConfirmer }: PropsConfirmation) {
    return (
      <modale.Component
        title={titre}
        iconId="fr-icon-warning-line"
        buttons={[
          { children: 'Annuler', priority: 'secondary' },
          { children: libelleConfirmer, onClick: onConfirmer, iconId: 'fr-icon-delete-line', iconPosition: 'left' },
        ]}
      >
        {children}
      </modale.Component>
    );
  }
  return { ouvrir: () => modale.open(), fermer: () => modale.close(), Confirmation };
}
