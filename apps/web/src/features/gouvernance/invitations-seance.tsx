import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useGestionSeance, type Instance, type Seance } from '../../api/gouvernance';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { pluriel } from '../../components/format';

const renvoi = creerConfirmation('confirmation-renvoi-invitations');

/** Sends the invitation (e-mail with the calendar file) to the instance's members and shows who received it. */
export function InvitationsSeance({ seance, instance, modifiable }: { seance: Seance; instance?: Instance; modifiable: boolean }) {
  const { invitations } = useGestionSeance(seance.id);
  const envoyer = () => invitations.mutate(undefined);
  const passee = new Date(seance.debut).getTime() < Date.now();
  return (
    <section aria-labelledby="seance-invitations" className={fr.cx('fr-mb-6w')}>
      <h2 id="seance-invitations">Invitations</h2>
      <p>
        {seance.invitationsEnvoyees > 0
          ? `${pluriel(seance.invitationsEnvoyees, 'invitation envoyée', 'invitations envoyées')} pour cette séance.`
          : 'Aucune invitation envoyée pour l’instant.'}{' '}
        Chaque membre de « {seance.instanceNom} » qui a une adresse e-mail reçoit l’ordre du jour et le fichier à ajouter à son agenda ;
        pour une organisation membre, ce sont ses utilisateurs de Maillage.
      </p>
      {instance && instance.membres.length === 0 && (
        <Alert
          severity="info"
          small
          className={fr.cx('fr-mb-2w')}
          description="L’instance n’a encore aucun membre : ajoutez-en dans l’onglet « Gouvernance » du contrat avant d’inviter."
        />
      )}
      {modifiable && seance.statut !== 'annulee' && (
        <Button
          type="button"
          iconId="fr-icon-mail-line"
          disabled={invitations.isPending}
          onClick={() => (seance.invitationsEnvoyees > 0 ? renvoi.ouvrir() : envoyer())}
        >
          {seance.invitationsEnvoyees > 0 ? 'Renvoyer les invitations' : 'Envoyer les invitations'}
        </Button>
      )}
      {passee && seance.invitationsEnvoyees === 0 && modifiable && (
        <p className={fr.cx('fr-text--sm', 'fr-mt-1w')}>Cette séance est passée : inviter n’est plus utile que pour une régularisation.</p>
      )}
      <div role="status" className={fr.cx('fr-mt-2w')}>
        {invitations.isPending && <p>Envoi en cours…</p>}
        {invitations.data && (
          <Alert
            severity="success"
            as="h3"
            title={`Invitations envoyées à ${pluriel(invitations.data.invites.length, 'destinataire')}`}
            description={
              <ul className={fr.cx('fr-mb-0')}>
                {invitations.data.invites.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            }
          />
        )}
      </div>
      {invitations.error ? (
        <AlerteErreur erreur={invitations.error} as="h3" titre="Les invitations n’ont pas été envoyées" className={fr.cx('fr-mt-2w')} />
      ) : null}
      <renvoi.Confirmation
        titre="Renvoyer les invitations ?"
        libelleConfirmer="Renvoyer"
        iconeConfirmer="fr-icon-mail-line"
        onConfirmer={envoyer}
      >
        <p>
          Les invitations ont déjà été envoyées ({pluriel(seance.invitationsEnvoyees, 'envoi')}). Chaque membre recevra un nouveau courriel
          avec l’ordre du jour et le fichier d’agenda à jour, qui remplace l’événement précédent dans son agenda.
        </p>
      </renvoi.Confirmation>
    </section>
  );
}
