import { fr } from '@codegouvfr/react-dsfr';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useEffect, useState } from 'react';
import type { ResultatBibliotheque } from '@maillage/domain/api';
import { useDestinations, useReprise } from '../../api/bibliotheque';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { libelleGeneration } from '../../components/statuts-contrat';

const modale = createModal({ id: 'modale-reprise-fiche', isOpenedByDefault: false });

export const ouvrirReprise = () => modale.open();

interface Props {
  fiche: ResultatBibliotheque | null;
  onReprise: (resultat: { id: string; numero: number; contratId: string; contratIntitule: string; source: ResultatBibliotheque }) => void;
}

/**
 * « Reprendre cette fiche »: choose one of one's contracts (those where one may write fiches; a locked one says why),
 * and the fiche is copied there as a draft.
 */
export function ModaleReprise({ fiche, onReprise }: Props) {
  const destinations = useDestinations();
  const reprise = useReprise();
  const [contratId, setContratId] = useState('');
  const [erreurChoix, setErreurChoix] = useState('');
  const ouvertes = destinations.data?.filter((d) => !d.verrou) ?? [];

  // A new fiche to copy: start from the first open contract, no error left from the previous one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only for a new fiche or new destinations, not at each render.
  useEffect(() => {
    setContratId(ouvertes.length === 1 ? ouvertes[0].id : '');
    setErreurChoix('');
    reprise.reset();
  }, [fiche?.id, destinations.data]);

  const confirmer = () => {
    if (!fiche) return;
    if (!contratId) {
      setErreurChoix('Choisissez le contrat qui recevra la copie.');
      return;
    }
    reprise.mutate(
      { ficheId: fiche.id, contratId },
      {
        onSuccess: (r) => {
          modale.close();
          onReprise({ ...r, contratIntitule: destinations.data?.find((d) => d.id === contratId)?.intitule ?? '', source: fiche });
        },
      },
    );
  };

  return (
    <modale.Component
      title={fiche ? `Reprendre la fiche « ${fiche.intitule} »` : 'Reprendre une fiche'}
      iconId="fr-icon-file-add-line"
      size="large"
      buttons={[
        { children: 'Annuler', priority: 'secondary' },
        {
          children: reprise.isPending ? 'Copie en cours…' : 'Reprendre dans ce contrat',
          doClosesModal: false,
          onClick: confirmer,
          disabled: reprise.isPending || ouvertes.length === 0,
          iconId: 'fr-icon-file-add-line',
          iconPosition: 'left',
        },
      ]}
    >
      <p>
        La fiche est copiée comme brouillon (statut « à venir », prochain numéro libre) avec son argumentation, ses publics, sa description,
        ses objectifs opérationnels, ses étapes, ses déterminants et ses indicateurs. Ses pilotes, partenaires, dates et financements
        restent ceux de l’autre territoire : à vous de les définir. Une note rappelle son origine.
      </p>
      {reprise.error && <AlerteErreur erreur={reprise.error} as="h2" titre="La fiche n’a pas été reprise" />}
      {destinations.isPending ? (
        <Chargement libelle="Chargement de vos contrats…" />
      ) : destinations.error ? (
        <AlerteErreur erreur={destinations.error} as="h2" titre="Impossible de charger vos contrats" />
      ) : destinations.data.length === 0 ? (
        <p className={fr.cx('fr-text--bold')}>
          Vous ne coordonnez aucun contrat : seule la coordination (ou le référent ARS) d’un contrat peut y ajouter une fiche. Demandez-lui
          de reprendre cette fiche.
        </p>
      ) : (
        <RadioButtons
          legend="Contrat qui reçoit la copie"
          state={erreurChoix ? 'error' : 'default'}
          stateRelatedMessage={erreurChoix}
          options={destinations.data.map((d) => ({
            label: d.intitule,
            hintText: d.verrou ?? `${d.statutLibelle} — ${libelleGeneration(d.generation)}`,
            nativeInputProps: {
              name: 'contrat-reprise',
              value: d.id,
              checked: contratId === d.id,
              disabled: !!d.verrou,
              onChange: () => {
                setContratId(d.id);
                setErreurChoix('');
              },
            },
          }))}
        />
      )}
    </modale.Component>
  );
}
