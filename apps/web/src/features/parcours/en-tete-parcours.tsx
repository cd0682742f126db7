import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PUBLICS_RESSOURCE, type PublicRessource } from '@maillage/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { estErreurApi } from '../../api/client';
import { type ParcoursVue, useEditionParcours } from '../../api/parcours';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { useFocusPremierChamp } from '../../components/focus';
import { appliquerErreursServeur, etatChamp } from '../../components/formulaire';
import { FormulaireEncart } from '../../components/formulaire-encart';
import { libellePublics } from './libelles-parcours';

const suppression = creerConfirmation('confirmation-suppression-parcours');

interface Valeurs {
  titre: string;
  description: string;
  publics: PublicRessource[];
}

function ModificationParcours({ parcours, onFermer }: { parcours: ParcoursVue; onFermer: () => void }) {
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const { modification } = useEditionParcours(parcours.id);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Valeurs>({
    defaultValues: { titre: parcours.titre, description: parcours.description ?? '', publics: parcours.publics },
  });
  const soumettre = handleSubmit((v) =>
    modification.mutate(
      { titre: v.titre.trim(), description: v.description.trim() || null, publics: v.publics || [], version: parcours.version },
      { onSuccess: onFermer, onError: (e) => appliquerErreursServeur(e, setError, ['titre', 'description', 'publics']) },
    ),
  );
  return (
    <FormulaireEncart cadre={cadre} idTitre="titre-modification-parcours" titre="Modifier le parcours" onSubmit={soumettre}>
      {modification.error ? (
        <AlerteErreur
          erreur={modification.error}
          as="h2"
          titre={
            estErreurApi(modification.error, 409) ? 'Le parcours a changé entre-temps : rechargez la page' : 'Le parcours n’a pas changé'
          }
        />
      ) : null}
      <Input label="Titre du parcours" nativeInputProps={register('titre')} {...etatChamp(errors.titre?.message)} />
      <Input label="Description (facultative)" textArea nativeTextAreaProps={register('description')} />
      <Checkbox
        legend="Publics concernés"
        small
        orientation="horizontal"
        options={Object.entries(PUBLICS_RESSOURCE).map(([code, libelle]) => ({
          label: libelle,
          nativeInputProps: { ...register('publics'), value: code },
        }))}
      />
      <ButtonsGroup
        inlineLayoutWhen="always"
        buttons={[
          { children: 'Enregistrer', type: 'submit', disabled: modification.isPending },
          { children: 'Annuler', priority: 'secondary', type: 'button', onClick: onFermer },
        ]}
      />
    </FormulaireEncart>
  );
}

/** Title, contract, publics and description of a parcours; its change and deletion for those who may. */
export function EnTeteParcours({ parcours, contratIntitule }: { parcours: ParcoursVue; contratIntitule?: string }) {
  const [edition, setEdition] = useState(false);
  const { suppression: supprimer } = useEditionParcours(parcours.id);
  const naviguer = useNavigate();
  return (
    <>
      <h1 className={fr.cx('fr-mb-1w')}>Parcours « {parcours.titre} »</h1>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
        {contratIntitule ? `Parcours du contrat « ${contratIntitule} ». ` : ''}
        {parcours.publics.length ? `Publics : ${libellePublics(parcours.publics)}.` : 'Aucun public précisé.'}
      </p>
      {parcours.description && <p>{parcours.description}</p>}
      {parcours.modifiable &&
        (edition ? (
          <ModificationParcours parcours={parcours} onFermer={() => setEdition(false)} />
        ) : (
          <div className={fr.cx('fr-mb-3w') + ' maillage-actions'}>
            <Button size="small" priority="secondary" iconId="fr-icon-edit-line" onClick={() => setEdition(true)}>
              Modifier le titre et les publics
            </Button>
            <Button size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => suppression.ouvrir()}>
              Supprimer le parcours
            </Button>
          </div>
        ))}
      {supprimer.error ? <AlerteErreur erreur={supprimer.error} titre="Le parcours n’a pas été supprimé" /> : null}
      <suppression.Confirmation
        titre={`Supprimer le parcours « ${parcours.titre} » ?`}
        libelleConfirmer="Supprimer le parcours"
        onConfirmer={() =>
          supprimer.mutate(parcours.version, {
            onSuccess: () =>
              naviguer(`/contrats/${parcours.contratId}?onglet=parcours`, {
                state: { message: `Le parcours « ${parcours.titre} » est supprimé.` },
              }),
          })
        }
      >
        <p>
          Ses {parcours.etapes.length} étapes, les ressources et fiches qui y sont reliées, ses ruptures et sa grille de coopération seront
          supprimées. Les ressources et les fiches-action elles-mêmes restent. La suppression est tracée dans l’historique du contrat.
        </p>
      </suppression.Confirmation>
    </>
  );
}
