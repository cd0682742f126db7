import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link } from 'react-router';
import { useDemandesConfirmation } from '../../api/confirmations';
import { pluriel } from '../../components/format';

/** On the home: the contracts waiting for the user's organisation to confirm the role they give it. */
export function DemandesEnAttente({ actif }: { actif: boolean }) {
  const demandes = useDemandesConfirmation('a_confirmer', actif);
  const n = demandes.data?.length ?? 0;
  if (!actif || n === 0) return null;
  return (
    <Alert
      className={fr.cx('fr-mb-4w')}
      severity="warning"
      as="h2"
      title={`${pluriel(n, 'demande de confirmation attend', 'demandes de confirmation attendent')} votre réponse`}
      description={
        <>
          Des contrats nomment votre organisation comme ARS, collectivité porteuse ou signataire.{' '}
          <Link to="/confirmations">Voir les demandes de confirmation</Link>
        </>
      }
    />
  );
}
