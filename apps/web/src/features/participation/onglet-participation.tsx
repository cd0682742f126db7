import { fr } from '@codegouvfr/react-dsfr';
import type { ContratDetail } from '@maillage/domain/api';
import { peutAjouter } from '../../components/statuts-contrat';
import { ConsultationsContrat } from './consultations-contrat';
import { ModerationAvis } from './moderation-avis';
import { TempsPublicsContrat } from './temps-publics-contrat';

/** The contract's « Participation » tab: consultations, temps publics and the inhabitants' opinions (issue 20). */
export default function OngletParticipation({ contrat }: { contrat: ContratDetail }) {
  return (
    <>
      <h2>Participation des habitants</h2>
      <p>Faire entendre les habitants du territoire et faire entrer leur parole dans le diagnostic et le plan d’action du contrat.</p>
      <section aria-labelledby="participation-consultations" className={fr.cx('fr-mb-6w')}>
        <h3 id="participation-consultations">Consultations</h3>
        {/* Consultations feed the diagnostic: whoever may complete it may prepare them (the server says the same). */}
        <ConsultationsContrat contrat={contrat} editable={peutAjouter(contrat, 'diagnostic')} />
      </section>
      <section aria-labelledby="participation-temps-publics" className={fr.cx('fr-mb-6w')}>
        <h3 id="participation-temps-publics">Temps publics</h3>
        <TempsPublicsContrat contratId={contrat.id} editable={contrat.droits.modifier} />
      </section>
      {contrat.droits.publier && (
        <section aria-labelledby="participation-avis" className={fr.cx('fr-mb-6w')}>
          <h3 id="participation-avis">Avis des habitants</h3>
          <ModerationAvis contratId={contrat.id} publie={contrat.publie} />
        </section>
      )}
    </>
  );
}
