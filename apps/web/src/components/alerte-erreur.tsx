import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { fr } from '@codegouvfr/react-dsfr';
import { ErreurApi } from '../api/client';

interface Props {
  erreur: unknown;
  titre?: string;
  /** Heading level of the title: h2 right after the page's h1. */
  as?: 'h2' | 'h3' | 'h4';
  className?: string;
}

export function messageErreur(erreur: unknown): string {
  if (erreur instanceof ErreurApi) return erreur.probleme.detail || erreur.probleme.title;
  if (erreur instanceof Error && erreur.message) return `Une erreur inattendue est survenue : ${erreur.message}`;
  return 'Une erreur inattendue est survenue.';
}

/** Shows the server's French `detail` of an RFC 9457 problem. */
export function AlerteErreur({ erreur, titre, as = 'h2', className }: Props) {
  const titreParDefaut =
    erreur instanceof ErreurApi && erreur.statut === 403
      ? 'Action non autorisée'
      : erreur instanceof ErreurApi && erreur.statut === 404
        ? 'Introuvable'
        : 'La demande n’a pas abouti';
  return (
    <Alert
      severity="error"
      as={as}
      role="alert"
      title={titre ?? titreParDefaut}
      description={messageErreur(erreur)}
      className={className ?? fr.cx('fr-mb-4w')}
    />
  );
}
