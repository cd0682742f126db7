import { CallOut, type CallOutProps } from '@codegouvfr/react-dsfr/CallOut';
import type { ReactNode } from 'react';

interface Props {
  titre: string;
  titreAs?: 'h2' | 'h3' | 'h4';
  children: ReactNode;
  action?: CallOutProps['buttonProps'];
  iconId?: CallOutProps['iconId'];
}

/** An empty list teaches: what the thing is for, and the action that fills it. */
export function EtatVide({ titre, titreAs = 'h2', children, action, iconId = 'fr-icon-information-line' }: Props) {
  return (
    <CallOut title={titre} titleAs={titreAs} iconId={iconId} buttonProps={action} bodyAs="div">
      {children}
    </CallOut>
  );
}
