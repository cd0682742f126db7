import { fr } from '@codegouvfr/react-dsfr';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PUBLICS_RESSOURCE, type EtapeSuggeree, type PublicRessource } from '@maillage/domain';
import { useForm } from 'react-hook-form';
import { useCreationParcours } from '../../api/parcours';
import { AlerteErreur } from '../../components/alerte-erreur';
import { useFocusPremierChamp } from '../../components/focus';
import { appliquerErreursServeur, etatChamp } from '../../components/formulaire';
import { FormulaireEncart } from '../../components/formulaire-encart';
import { ETAPES_PROPOSEES } from './libelles-parcours';

interface Valeurs {
  titre: string;
  description: string;
  publics: PublicRessource[];
  etapes: EtapeSuggeree[];
}

/** A new parcours: its title, its publics, and optionally the suggested steps it starts with (in their usual order). */
export function FormulaireParcours({
  contratId,
  onAnnuler,
  onCree,
}: {
  contratId: string;
  onAnnuler: () => void;
  onCree: (id: string, titre: string) => void;
}) {
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const creation = useCreationParcours(contratId);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Valeurs>({ defaultValues: { titre: '', description: '', publics: [], etapes: [] } });

  const soumettre = handleSubmit((v) => {
    const titre = v.titre.trim();
    if (titre.length < 3) {
      setError('titre', { message: 'Donnez un titre d’au moins 3 caractères au parcours' }, { shouldFocus: true });
      return;
    }
    // Checkboxes give the chosen steps in the order of the list, which is the usual order of a parcours.
    const etapes = ETAPES_PROPOSEES.filter(([code]) => (v.etapes || []).includes(code)).map(([code]) => ({ code }));
    creation.mutate(
      { titre, description: v.description.trim() || null, publics: v.publics || [], etapes },
      {
        onSuccess: (r) => onCree(r.id, titre),
        onError: (e) => appliquerErreursServeur(e, setError, ['titre', 'description', 'publics', 'etapes']),
      },
    );
  });

  return (
    <FormulaireEncart cadre={cadre} idTitre="titre-nouveau-parcours" titre="Nouveau parcours" onSubmit={soumettre} grandTitre>
      {creation.error ? <AlerteErreur erreur={creation.error} as="h3" titre="Le parcours n’a pas été créé" /> : null}
      <Input
        label="Titre du parcours"
        hintText="Par exemple : Personnes âgées à domicile, Santé mentale, Femme enceinte en précarité"
        nativeInputProps={{ ...register('titre'), autoComplete: 'off' }}
        {...etatChamp(errors.titre?.message)}
      />
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
      <Checkbox
        legend="Étapes de départ (facultatif)"
        hintText="Les étapes cochées sont créées dans cet ordre ; vous pourrez en ajouter, les renommer et les réordonner ensuite."
        small
        orientation="horizontal"
        options={ETAPES_PROPOSEES.map(([code, libelle]) => ({
          label: libelle,
          nativeInputProps: { ...register('etapes'), value: code },
        }))}
      />
      <ButtonsGroup
        inlineLayoutWhen="always"
        buttons={[
          { children: 'Créer le parcours', type: 'submit', disabled: creation.isPending },
          { children: 'Annuler', priority: 'secondary', type: 'button', onClick: onAnnuler },
        ]}
      />
    </FormulaireEncart>
  );
}
