import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { useGestionInstances, type Instance } from '../../api/gouvernance';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { EtatVide } from '../../components/etat-vide';
import { peutAjouter } from '../../components/statuts-contrat';
import { CarteInstance, type FormulaireInstances } from './carte-instance';
import { FormulaireInstance } from './formulaires-instance';
import { nomMembre } from './libelles';

const suppression = creerConfirmation('confirmation-suppression-instance');
const retraitMembre = creerConfirmation('confirmation-retrait-membre');

/** The contract's instances (COPIL, COTECH, coordination, groupes de travail…) with their members. */
export function InstancesContrat({ contrat, instances }: { contrat: ContratDetail; instances: Instance[] }) {
  const gestion = useGestionInstances(contrat.id);
  const edition = contrat.droits.completer;
  // A closed contract keeps its instances as they are (decision 0006).
  const ajoutInstance = peutAjouter(contrat, 'instance');
  const ajoutMembre = peutAjouter(contrat, 'membre_instance');
  const [formulaire, setFormulaire] = useState<FormulaireInstances>(null);
  const [cible, setCible] = useState<{ instance: Instance; membreId?: string; nom: string } | null>(null);
  const [message, setMessage] = useState('');
  const fermer = (texte?: string) => {
    setFormulaire(null);
    if (texte) setMessage(texte);
  };
  const erreurRetrait = gestion.suppression.error ?? gestion.retraitMembre.error;

  return (
    <section aria-labelledby="gouvernance-instances" className={fr.cx('fr-mb-6w')}>
      <h2 id="gouvernance-instances">Instances</h2>
      <p className={fr.cx('fr-text--sm')}>
        Le comité de pilotage (COPIL) décide et valide, au moins deux fois par an ; le comité technique suit les travaux ; le duo ou trinôme
        de coordination anime ; les groupes de travail écrivent et suivent les fiches-action.
      </p>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {erreurRetrait ? <AlerteErreur erreur={erreurRetrait} as="h3" titre="Le retrait n’a pas abouti" /> : null}
      {instances.length === 0 && formulaire?.type !== 'instance' && (
        <EtatVide
          titre="Aucune instance de gouvernance"
          titreAs="h3"
          iconId="fr-icon-team-line"
          action={
            ajoutInstance ? { children: 'Créer le comité de pilotage', onClick: () => setFormulaire({ type: 'instance' }) } : undefined
          }
        >
          <p>
            Commencez par le COPIL : ses membres (ARS, collectivités, signataires) seront invités à chaque séance, et ses décisions
            s’appliqueront directement aux fiches-action.
          </p>
        </EtatVide>
      )}
      {instances.map((i) => (
        <CarteInstance
          key={i.id}
          instance={i}
          contratId={contrat.id}
          edition={edition}
          ajoutMembre={ajoutMembre}
          gestion={gestion}
          formulaire={formulaire}
          setFormulaire={setFormulaire}
          fermer={fermer}
          onRetirerMembre={(m) => {
            setCible({ instance: i, membreId: m.id, nom: nomMembre(m) });
            retraitMembre.ouvrir();
          }}
          onSupprimer={() => {
            setCible({ instance: i, nom: i.nom });
            suppression.ouvrir();
          }}
        />
      ))}
      {ajoutInstance &&
        (formulaire?.type === 'instance' && !formulaire.id ? (
          <FormulaireInstance
            typeInitial={instances.some((i) => i.type === 'copil') ? 'groupe_travail' : 'copil'}
            erreur={gestion.ajout.error}
            enCours={gestion.ajout.isPending}
            onAnnuler={() => fermer()}
            onEnregistrer={(s) => gestion.ajout.mutateAsync(s).then(() => fermer(`L’instance « ${s.nom} » est créée.`))}
          />
        ) : (
          instances.length > 0 && (
            <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={() => setFormulaire({ type: 'instance' })}>
              Créer une instance
            </Button>
          )
        ))}

      <suppression.Confirmation
        titre={cible ? `Supprimer l’instance « ${cible.nom} » ?` : 'Supprimer l’instance'}
        libelleConfirmer="Supprimer l’instance et ses séances"
        onConfirmer={() =>
          cible &&
          gestion.suppression.mutate(cible.instance.id, { onSuccess: () => setMessage(`L’instance « ${cible.nom} » est supprimée.`) })
        }
      >
        <p>
          L’instance, ses {cible?.instance.membres.length ?? 0} membres et ses {cible?.instance.nombreSeances ?? 0} séances (ordres du jour,
          présences, comptes rendus et relevés de décisions) seront supprimés. Les changements déjà appliqués aux fiches restent. La
          suppression est tracée dans l’historique.
        </p>
      </suppression.Confirmation>
      <retraitMembre.Confirmation
        titre={cible ? `Retirer ${cible.nom} ?` : 'Retirer le membre'}
        libelleConfirmer="Retirer"
        onConfirmer={() =>
          cible?.membreId &&
          gestion.retraitMembre.mutate(
            { instanceId: cible.instance.id, membreId: cible.membreId },
            { onSuccess: () => setMessage(`${cible.nom} ne siège plus à « ${cible.instance.nom} ».`) },
          )
        }
      >
        <p>
          {cible?.nom} ne sera plus membre de « {cible?.instance.nom} » ni invité à ses séances ; ses présences aux séances passées sont
          effacées (pour garder l’historique, préférez laisser le membre en place). Le retrait est tracé dans l’historique.
        </p>
      </retraitMembre.Confirmation>
    </section>
  );
}
