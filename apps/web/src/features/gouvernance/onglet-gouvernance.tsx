import { fr } from '@codegouvfr/react-dsfr';
import { useCoordination, useInstances, useSeances } from '../../api/gouvernance';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { CoordinationContrat } from './coordination-contrat';
import '../../components/styles/gouvernance.css';
import { InstancesContrat } from './instances-contrat';
import { MoyensContrat } from './moyens-contrat';
import { SeancesContrat } from './seances-contrat';

/** Gouvernance tab: séances first (the coordinator's day), then instances and members, the coordination post, the partners' means. */
export default function OngletGouvernance({ contrat }: { contrat: ContratDetail }) {
  const instances = useInstances(contrat.id);
  const seances = useSeances(contrat.id);
  const postes = useCoordination(contrat.id);
  if (instances.isPending || seances.isPending || postes.isPending) return <Chargement libelle="Chargement de la gouvernance…" />;
  const erreur = instances.error ?? seances.error ?? postes.error;
  if (erreur) return <AlerteErreur erreur={erreur} titre="Impossible de charger la gouvernance du contrat" />;
  return (
    <div className={fr.cx('fr-pt-1w')}>
      <SeancesContrat contrat={contrat} instances={instances.data!} seances={seances.data!} />
      <InstancesContrat contrat={contrat} instances={instances.data!} />
      <CoordinationContrat contrat={contrat} postes={postes.data!} />
      <MoyensContrat contrat={contrat} />
    </div>
  );
}
