import { fr } from '@codegouvfr/react-dsfr';
import type { ContratDetail } from '@maillage/domain/api';
import { peutAjouter } from '../../components/statuts-contrat';
import { ConsultationsContrat } from './consultations-contrat';

/** The contract's « Participation » tab: the consultations of the inhabitants (issue 20). */
export default function OngletParticipation({ contrat }: { contrat: ContratDetail }) {
  // Consultations feed the diagnostic: whoever may complete it may prepare them (the server says the same).
  const editable = peutAjouter(contrat, 'diagnostic');
  return (
    <>
      <h2>Participation des habitants</h2>
      <p>Consulter les habitants du territoire et faire entrer leur parole dans le diagnostic et le plan d’action du contrat.</p>
      <section aria-labelledby="participation-consultations" className={fr.cx('fr-mb-6w')}>
        <h3 id="participation-consultations">Consultations</h3>
        <ConsultationsContrat contrat={contrat} editable={editable} />
      </section>
    </>
  );
}
