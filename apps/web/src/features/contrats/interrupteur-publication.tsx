import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { usePublication } from '../../api/acces';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';

const retrait = creerConfirmation('confirmation-retrait-publication');

/**
 * « Publier » / « Retirer la publication »: a display setting, at any statut, for the coordination and the ARS; the
 * server refuses to publish while the ARS of a region has not confirmed, and says which.
 */
export function InterrupteurPublication({ contrat }: { contrat: ContratDetail }) {
  const publication = usePublication(contrat.id);
  const [message, setMessage] = useState('');
  if (!contrat.droits.publier) return null;
  const empechements = contrat.publication.empechements;
  return (
    <div className={fr.cx('fr-mb-4w')}>
      {!contrat.publie && empechements.length > 0 && <p>Pour publier : {empechements.join(' ')}</p>}
      <p role="status">{message}</p>
      {publication.error ? <AlerteErreur erreur={publication.error} as="h2" titre="La publication n’a pas changé" /> : null}
      <div>
        {contrat.publie ? (
          <Button type="button" priority="secondary" iconId="fr-icon-eye-off-line" onClick={() => retrait.ouvrir()}>
            Retirer la publication
          </Button>
        ) : (
          <Button
            type="button"
            iconId="fr-icon-eye-line"
            disabled={publication.isPending}
            onClick={() =>
              publication.mutate(true, {
                onSuccess: () => setMessage('Le contrat est publié : sa page publique et ses données ouvertes sont visibles de tous.'),
              })
            }
          >
            Publier le contrat
          </Button>
        )}
      </div>
      <retrait.Confirmation
        titre="Retirer la publication ?"
        libelleConfirmer="Retirer la publication"
        iconeConfirmer="fr-icon-eye-off-line"
        onConfirmer={() =>
          publication.mutate(false, {
            onSuccess: () => setMessage('La publication est retirée : le contrat n’est plus visible du public.'),
          })
        }
      >
        <p>
          La page publique du contrat et sa ligne dans les données ouvertes disparaîtront. Vous pourrez le publier de nouveau à tout moment.
        </p>
      </retrait.Confirmation>
    </div>
  );
}
