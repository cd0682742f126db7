import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { CATEGORIES_PARTICIPANT, type CategorieParticipant, STATUTS_ACTION_PLAN, type StatutActionPlan } from '@maillage/domain';
import { useFieldArray, useForm } from 'react-hook-form';
import { type PlanVersion, useNouvelleConcertation } from '../../api/appui-plan';
import { AlerteErreur } from '../../components/alerte-erreur';
import { appliquerErreursServeur, etatChamp } from '../../components/formulaire';
import { FormulaireEncart } from '../../components/formulaire-encart';

interface Valeurs {
  date: string;
  participants: { categorie: CategorieParticipant; nom: string; qualite: string }[];
  decisions: string;
  remunerable: boolean;
  /** For each action of the plan: its new status, or '' to leave it. */
  statuts: Record<string, StatutActionPlan | ''>;
  ajouts: { libelle: string; porteur: string; echeance: string }[];
}

/** A concertation: date, participants, decisions, the remunerable flag, and the plan's actions it changes or adds. */
export function FormulaireConcertation({
  situationId,
  plan,
  onFini,
}: {
  situationId: string;
  plan: PlanVersion | null;
  onFini: () => void;
}) {
  const creation = useNouvelleConcertation(situationId);
  const actions = plan?.contenu.actions ?? [];
  const { register, handleSubmit, control, setError, formState } = useForm<Valeurs>({
    defaultValues: {
      date: new Date().toISOString().slice(0, 10),
      participants: [{ categorie: 'professionnel', nom: '', qualite: '' }],
      decisions: '',
      remunerable: false,
      statuts: Object.fromEntries(actions.map((a) => [a.id, ''])),
      ajouts: [],
    },
  });
  const participants = useFieldArray({ control, name: 'participants' });
  const ajouts = useFieldArray({ control, name: 'ajouts' });
  const erreurs = formState.errors;

  const soumettre = handleSubmit((v) => {
    const presents = v.participants.filter((p) => p.nom.trim());
    if (presents.length === 0)
      return setError('participants.0.nom', { message: 'Indiquez au moins un participant' }, { shouldFocus: true });
    if (!v.decisions.trim()) return setError('decisions', { message: 'Écrivez ce qui a été décidé' }, { shouldFocus: true });
    const actionsModifiees = Object.entries(v.statuts).flatMap(([id, statut]) => (statut ? [{ id, statut }] : []));
    const actionsAjoutees = v.ajouts.filter((a) => a.libelle.trim()).map((a) => ({ ...a, echeance: a.echeance || null }));
    creation.mutate(
      {
        date: v.date,
        participants: presents,
        decisions: v.decisions,
        remunerable: v.remunerable,
        actionsModifiees,
        actionsAjoutees,
        versionPlan: actionsModifiees.length + actionsAjoutees.length > 0 ? (plan?.version ?? 0) : undefined,
      },
      { onSuccess: onFini, onError: (e) => appliquerErreursServeur(e, setError, ['date', 'participants', 'decisions', 'remunerable']) },
    );
  });

  return (
    <FormulaireEncart idTitre="titre-concertation" titre="Nouvelle concertation" onSubmit={soumettre}>
      {creation.error ? <AlerteErreur erreur={creation.error} as="h3" titre="La concertation n’a pas été enregistrée" /> : null}
      <Input
        label="Date de la concertation"
        nativeInputProps={{ ...register('date'), type: 'date' }}
        {...etatChamp(erreurs.date?.message)}
      />
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Participants</legend>
        {participants.fields.map((f, i) => (
          <div key={f.id} className={fr.cx('fr-fieldset__element', 'fr-mb-2w')}>
            <Select label={`Participant ${i + 1} : qui est-ce`} nativeSelectProps={register(`participants.${i}.categorie`)}>
              {Object.entries(CATEGORIES_PARTICIPANT).map(([code, libelle]) => (
                <option key={code} value={code}>
                  {libelle}
                </option>
              ))}
            </Select>
            <Input
              label={`Nom du participant ${i + 1}`}
              nativeInputProps={register(`participants.${i}.nom`)}
              {...etatChamp(erreurs.participants?.[i]?.nom?.message)}
            />
            <Input
              label={`Qualité du participant ${i + 1} (facultatif)`}
              hintText="Profession, structure ou lien avec la personne"
              nativeInputProps={register(`participants.${i}.qualite`)}
            />
            {i > 0 && (
              <Button
                type="button"
                size="small"
                priority="tertiary no outline"
                iconId="fr-icon-delete-line"
                onClick={() => participants.remove(i)}
              >
                Retirer le participant {i + 1}
              </Button>
            )}
          </div>
        ))}
        <Button
          type="button"
          size="small"
          priority="secondary"
          onClick={() => participants.append({ categorie: 'professionnel', nom: '', qualite: '' })}
        >
          Ajouter un participant
        </Button>
      </fieldset>
      <Input
        label="Décisions"
        textArea
        nativeTextAreaProps={{ ...register('decisions'), rows: 4 }}
        {...etatChamp(erreurs.decisions?.message)}
      />
      <Checkbox
        options={[
          {
            label: 'Concertation pluriprofessionnelle rémunérable',
            hintText: 'Au moins deux professionnels y ont participé',
            nativeInputProps: register('remunerable'),
          },
        ]}
        {...etatChamp(erreurs.remunerable?.message)}
      />
      {actions.length > 0 && (
        <fieldset className={fr.cx('fr-fieldset')}>
          <legend className={fr.cx('fr-fieldset__legend')}>Actions du plan que la concertation fait avancer</legend>
          {actions.map((a) => (
            <div key={a.id} className={fr.cx('fr-fieldset__element')}>
              <Select
                label={`Nouveau statut de « ${a.libelle} » (${STATUTS_ACTION_PLAN[a.statut].toLowerCase()})`}
                nativeSelectProps={register(`statuts.${a.id}`)}
              >
                <option value="">Inchangé</option>
                {Object.entries(STATUTS_ACTION_PLAN).map(([code, libelle]) => (
                  <option key={code} value={code}>
                    {libelle}
                  </option>
                ))}
              </Select>
            </div>
          ))}
        </fieldset>
      )}
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Actions décidées à ajouter au plan</legend>
        {ajouts.fields.map((f, i) => (
          <div key={f.id} className={fr.cx('fr-fieldset__element', 'fr-mb-2w')}>
            <Input label={`Nouvelle action ${i + 1}`} nativeInputProps={register(`ajouts.${i}.libelle`)} />
            <Input label={`Qui porte la nouvelle action ${i + 1}`} nativeInputProps={register(`ajouts.${i}.porteur`)} />
            <Input
              label={`Échéance de la nouvelle action ${i + 1} (facultatif)`}
              nativeInputProps={{ ...register(`ajouts.${i}.echeance`), type: 'date' }}
            />
          </div>
        ))}
        <Button type="button" size="small" priority="secondary" onClick={() => ajouts.append({ libelle: '', porteur: '', echeance: '' })}>
          Ajouter une action décidée
        </Button>
      </fieldset>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline')}>
        <li>
          <Button type="submit" disabled={creation.isPending}>
            Enregistrer la concertation
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onFini}>
            Annuler
          </Button>
        </li>
      </ul>
    </FormulaireEncart>
  );
}
