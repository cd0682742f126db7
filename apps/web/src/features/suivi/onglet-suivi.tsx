import { fr } from '@codegouvfr/react-dsfr';
import type { ContratDetail } from '@maillage/domain/api';
import { PlanEvaluation } from './plan-evaluation';
import { AvancementContrat } from './avancement-contrat';
import { CampagnesContrat } from './campagnes-contrat';
import { EvaluationsContrat } from './evaluations-contrat';
import './suivi.css';

/** Tab « Suivi et évaluation »: progress from the validated values, the yearly campaigns, the evaluations. */
export default function OngletSuivi({ contrat }: { contrat: ContratDetail }) {
  return (
    <div className={fr.cx('fr-pt-1w') + ' maillage-suivi'}>
      <AvancementContrat contratId={contrat.id} />
      <CampagnesContrat contrat={contrat} />
      <PlanEvaluation contrat={contrat} />
      <EvaluationsContrat contrat={contrat} />
    </div>
  );
}
