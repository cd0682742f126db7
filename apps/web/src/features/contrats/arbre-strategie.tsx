import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { useStrategie } from '../../api/contrats';
import type { ContratDetail, Fiche } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { BlocAxe, ListeFiches, type CibleSuppression, type ContexteArbre, type EditionStrategie } from './bloc-axe';
import { AnnonceDeplacement, useDeplacement } from '../../components/deplacement';
import { FormulaireAxe } from './formulaires-strategie';

const suppression = creerConfirmation('confirmation-suppression-strategie');

interface Props {
  contrat: ContratDetail;
  fiches: Fiche[];
  editable: boolean;
  axesPrs: string[];
}

/** Axes → objectifs → fiches, with adding, editing, deleting and keyboard reordering of axes and objectifs. */
export function ArbreStrategie({ contrat, fiches, editable, axesPrs }: Props) {
  const s = useStrategie(contrat.id);
  const deplacement = useDeplacement();
  const [edition, setEdition] = useState<EditionStrategie>(null);
  const [cible, setCible] = useState<CibleSuppression | null>(null);
  const axes = contrat.axes;
  const sansAxe = fiches.filter((f) => !f.axe);
  const fermer = () => setEdition(null);
  const erreurSuppression = s.suppressionAxe.error ?? s.suppressionObjectif.error;

  const ctx: ContexteArbre = {
    strategie: s,
    deplacement,
    editable,
    edition,
    setEdition,
    fermer,
    onSupprimer: (c) => {
      setCible(c);
      suppression.ouvrir();
    },
  };

  return (
    <>
      <AnnonceDeplacement texte={deplacement.annonce} />
      {erreurSuppression ? <AlerteErreur erreur={erreurSuppression} as="h3" titre="La suppression n’a pas abouti" /> : null}
      {(s.ordreAxes.error || s.ordreObjectifs.error) && (
        <AlerteErreur erreur={s.ordreAxes.error ?? s.ordreObjectifs.error} as="h3" titre="L’ordre n’a pas été enregistré" />
      )}
      {axes.length === 0 ? (
        <p>
          Aucun axe stratégique pour l’instant.{editable ? ' Ajoutez le premier : chaque fiche-action pourra ensuite s’y rattacher.' : ''}
        </p>
      ) : (
        <ol className={fr.cx('fr-raw-list')} aria-label="Axes stratégiques">
          {axes.map((axe, index) => (
            <BlocAxe
              key={axe.id}
              ctx={ctx}
              axe={axe}
              index={index}
              axes={axes}
              fiches={fiches.filter((f) => f.axe?.id === axe.id)}
              axesPrs={axesPrs}
            />
          ))}
        </ol>
      )}
      {editable &&
        (edition?.type === 'axe' && edition.id === null ? (
          <FormulaireAxe
            titre="Nouvel axe stratégique"
            axesPrs={axesPrs}
            erreur={s.ajoutAxe.error}
            enCours={s.ajoutAxe.isPending}
            onAnnuler={fermer}
            onEnregistrer={(saisie) => s.ajoutAxe.mutateAsync(saisie).then(fermer)}
          />
        ) : (
          <Button
            type="button"
            iconId="fr-icon-add-line"
            priority="secondary"
            className={fr.cx('fr-mb-3w')}
            onClick={() => setEdition({ type: 'axe', id: null })}
          >
            Ajouter un axe stratégique
          </Button>
        ))}
      {sansAxe.length > 0 && (
        <>
          <h3 className={fr.cx('fr-h5', 'fr-mt-3w')}>Fiches sans axe</h3>
          <ListeFiches fiches={sansAxe} />
        </>
      )}
      <suppression.Confirmation
        titre={cible ? `Supprimer ${cible.libelle} ?` : 'Supprimer'}
        libelleConfirmer="Supprimer"
        onConfirmer={() => {
          if (!cible) return;
          if (cible.type === 'axe') s.suppressionAxe.mutate(cible.id);
          else s.suppressionObjectif.mutate(cible.id);
        }}
      >
        <p>
          {cible?.type === 'axe'
            ? 'L’axe et ses objectifs seront supprimés. Un axe auquel des fiches-action sont rattachées ne peut pas l’être : déplacez d’abord ses fiches.'
            : 'L’objectif et ses objectifs opérationnels seront supprimés ; les fiches qui y étaient rattachées restent dans leur axe.'}{' '}
          La suppression est tracée dans l’historique.
        </p>
      </suppression.Confirmation>
    </>
  );
}
