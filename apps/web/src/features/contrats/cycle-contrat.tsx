import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { ETAPES_CYCLE, LIBELLES_STATUT_CONTRAT, type StatutContrat } from '@maillage/domain';
import { useState } from 'react';
import { useChangementStatut } from '../../api/contrats';
import type { ContratDetail, Transition } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';

const confirmation = creerConfirmation('confirmation-statut-contrat');

/** The steps shown: the main path, then how it ended (échu, renouvelé) when it did. */
function etapes(statut: StatutContrat): { libelles: string[]; courante: number } {
  const libelles = ETAPES_CYCLE.map((s) => LIBELLES_STATUT_CONTRAT[s]);
  const fin = statut === 'echu' || statut === 'renouvele' ? LIBELLES_STATUT_CONTRAT[statut] : 'Échu ou renouvelé';
  libelles.push(fin);
  const index = ETAPES_CYCLE.indexOf(statut);
  return { libelles, courante: index >= 0 ? index + 1 : libelles.length };
}

const EXPLICATIONS: Partial<Record<StatutContrat, string>> = {
  signe: 'La signature fige le texte : ensuite, il ne change que par avenant.',
  abandonne: 'Un contrat abandonné ne peut plus avancer ; il reste consultable.',
  renouvele: 'Le renouvellement crée aussi la génération suivante (bouton « Renouveler »).',
};

/** The life-cycle stepper and the transitions the user may trigger, each with what prevents it. */
export function CycleContrat({ contrat }: { contrat: ContratDetail }) {
  const changement = useChangementStatut(contrat.id);
  const [cible, setCible] = useState<Transition | null>(null);
  const [avertissementsLus, setAvertissementsLus] = useState(false);
  const { libelles, courante } = etapes(contrat.statut);

  return (
    <section aria-labelledby="cycle-contrat" className={fr.cx('fr-mb-4w')}>
      <h2 id="cycle-contrat" className={fr.cx('fr-sr-only')}>
        Cycle de vie du contrat
      </h2>
      {contrat.statut === 'abandonne' ? (
        <Alert
          severity="info"
          small
          description="Ce contrat a été abandonné : il reste consultable mais n’avance plus dans son cycle de vie."
        />
      ) : (
        <Stepper
          currentStep={courante}
          stepCount={libelles.length}
          title={libelles[courante - 1]}
          nextTitle={courante < libelles.length ? libelles[courante] : undefined}
          progressText={({ currentStep, stepCount }) => `Étape ${currentStep} sur ${stepCount}`}
          nextStepText="Étape suivante :"
        />
      )}
      {contrat.droits.completer && contrat.transitions.length > 0 && (
        <div className={fr.cx('fr-mt-2w')}>
          <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>Faire avancer le contrat</h3>
          <div>
            {contrat.transitions.map((t) => {
              const idRaisons = `empechements-${t.statut}`;
              return (
                <div key={t.statut} className={fr.cx('fr-mb-2w')}>
                  <Button
                    type="button"
                    priority={t.statut === 'abandonne' ? 'tertiary' : 'secondary'}
                    size="small"
                    disabled={t.empechements.length > 0 || changement.isPending}
                    onClick={() => {
                      setCible(t);
                      setAvertissementsLus(false);
                      confirmation.ouvrir();
                    }}
                    nativeButtonProps={t.empechements.length ? { 'aria-describedby': idRaisons } : undefined}
                  >
                    Passer à « {t.libelle} »
                  </Button>
                  {t.empechements.length === 0 && t.avertissements.length > 0 && (
                    <div className={fr.cx('fr-mt-1w')}>
                      <p className={fr.cx('fr-text--sm', 'fr-mb-0', 'fr-text--bold')}>À savoir avant :</p>
                      <ul className={fr.cx('fr-text--sm', 'fr-mb-0') + ' maillage-liste-puces'}>
                        {t.avertissements.map((a) => (
                          <li key={a}>{a}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                  {t.empechements.length > 0 && (
                    <div id={idRaisons} className={fr.cx('fr-mt-1w')}>
                      <p className={fr.cx('fr-text--sm', 'fr-mb-0', 'fr-text--bold')}>Pas encore possible :</p>
                      <ul className={fr.cx('fr-text--sm', 'fr-mb-0') + ' maillage-liste-puces'}>
                        {t.empechements.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
      {changement.error && <AlerteErreur erreur={changement.error} as="h3" titre="Le statut n’a pas changé" />}
      {changement.isSuccess && (
        <Alert
          severity="success"
          small
          role="status"
          description={`Le contrat est passé au statut « ${LIBELLES_STATUT_CONTRAT[contrat.statut]} ».`}
          className={fr.cx('fr-mb-2w')}
        />
      )}
      <confirmation.Confirmation
        titre={cible ? `Passer le contrat à « ${cible.libelle} » ?` : 'Changer le statut'}
        libelleConfirmer="Confirmer"
        iconeConfirmer="fr-icon-check-line"
        onConfirmer={() => {
          if (!cible) return;
          // The warnings do not block: they are acknowledged here, and the history keeps that they were.
          if (cible.avertissements.length && !avertissementsLus) return;
          changement.mutate({
            statut: cible.statut,
            version: contrat.version,
            ...(cible.avertissements.length ? { confirmerAvertissements: true } : {}),
          });
          confirmation.fermer();
        }}
      >
        <p>
          Le contrat passera de « {contrat.statutLibelle} » à « {cible?.libelle} ». Le changement est tracé dans l’historique.
          {cible && EXPLICATIONS[cible.statut] ? ` ${EXPLICATIONS[cible.statut]}` : ''}
        </p>
        {cible && cible.avertissements.length > 0 && (
          <>
            <Alert severity="warning" small className={fr.cx('fr-mb-2w')} description={cible.avertissements.join(' ')} />
            <Checkbox
              options={[
                {
                  label: 'J’ai pris connaissance de cet avertissement et je confirme le changement de statut',
                  nativeInputProps: { checked: avertissementsLus, onChange: (e) => setAvertissementsLus(e.target.checked) },
                },
              ]}
              state={avertissementsLus ? 'default' : 'info'}
              stateRelatedMessage={avertissementsLus ? undefined : 'Cochez cette case pour confirmer'}
            />
          </>
        )}
      </confirmation.Confirmation>
    </section>
  );
}
