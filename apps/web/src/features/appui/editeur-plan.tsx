import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { STATUTS_ACTION_PLAN, type StatutActionPlan } from '@maillage/domain';
import { useFieldArray, useForm } from 'react-hook-form';
import { type PlanVersion, useEnregistrementPlan } from '../../api/appui-plan';
import { AlerteErreur } from '../../components/alerte-erreur';
import { FormulaireEncart } from '../../components/formulaire-encart';

interface Valeurs {
  referent: string;
  evaluationGlobale: string;
  priorites: string;
  avisPersonne: string;
  noteSuivi: string;
  problemes: { id?: string; probleme: string; besoins: string }[];
  objectifs: { id?: string; libelle: string }[];
  actions: { id?: string; libelle: string; porteur: string; echeance: string; statut: StatutActionPlan }[];
  datesRevision: { date: string }[];
}

const aujourdhui = () => new Date().toISOString().slice(0, 10);

function valeursDe(plan: PlanVersion | null, referentParDefaut: string): Valeurs {
  const c = plan?.contenu;
  return {
    referent: c?.referent ?? referentParDefaut,
    evaluationGlobale: c?.evaluationGlobale ?? '',
    priorites: (c?.priorites ?? []).join('\n'),
    avisPersonne: c?.avisPersonne ?? '',
    noteSuivi: '',
    problemes: c?.problemes.map((p) => ({ id: p.id, probleme: p.probleme, besoins: p.besoins })) ?? [],
    objectifs: c?.objectifs.map((o) => ({ id: o.id, libelle: o.libelle })) ?? [],
    actions:
      c?.actions.map((a) => ({ id: a.id, libelle: a.libelle, porteur: a.porteur, echeance: a.echeance ?? '', statut: a.statut })) ?? [],
    datesRevision: (c?.datesRevision ?? []).map((date) => ({ date })),
  };
}

/**
 * The plan personnalisé de coordination en santé in the HAS 2019 order: référent, global evaluation, problems and
 * needs, priorities, objectives, actions (who, when), revision dates, follow-up. Each save is a new version.
 */
export function EditeurPlan({
  situationId,
  plan,
  referentParDefaut,
  onFini,
}: {
  situationId: string;
  plan: PlanVersion | null;
  referentParDefaut: string;
  onFini: () => void;
}) {
  const enregistrement = useEnregistrementPlan(situationId);
  const { register, handleSubmit, control } = useForm<Valeurs>({ defaultValues: valeursDe(plan, referentParDefaut) });
  const problemes = useFieldArray({ control, name: 'problemes' });
  const objectifs = useFieldArray({ control, name: 'objectifs' });
  const actions = useFieldArray({ control, name: 'actions' });
  const dates = useFieldArray({ control, name: 'datesRevision' });

  const soumettre = handleSubmit((v) => {
    const suivi = [...(plan?.contenu.suivi ?? [])];
    if (v.noteSuivi.trim()) suivi.push({ date: aujourdhui(), note: v.noteSuivi.trim() });
    enregistrement.mutate(
      {
        version: plan?.version ?? 0,
        contenu: {
          referent: v.referent,
          evaluationGlobale: v.evaluationGlobale,
          priorites: v.priorites
            .split('\n')
            .map((p) => p.trim())
            .filter(Boolean),
          avisPersonne: v.avisPersonne,
          suivi,
          problemes: v.problemes.filter((p) => p.probleme.trim()),
          objectifs: v.objectifs.filter((o) => o.libelle.trim()).map((o) => ({ ...o, problemeId: null })),
          actions: v.actions
            .filter((a) => a.libelle.trim())
            .map((a) => ({
              ...a,
              echeance: a.echeance || null,
              objectifId: plan?.contenu.actions.find((x) => x.id === a.id)?.objectifId ?? null,
            })),
          datesRevision: v.datesRevision.map((d) => d.date).filter(Boolean),
        },
      },
      { onSuccess: onFini },
    );
  });

  const retirer = (f: { remove: (i: number) => void }, i: number, nom: string) => (
    <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-delete-line" onClick={() => f.remove(i)}>
      Retirer {nom}
    </Button>
  );
  return (
    <FormulaireEncart
      idTitre="titre-editeur-plan"
      titre={plan ? `Nouvelle version du plan (après la version ${plan.version})` : 'Écrire le plan personnalisé'}
      onSubmit={soumettre}
    >
      {enregistrement.error ? <AlerteErreur erreur={enregistrement.error} as="h3" titre="Le plan n’a pas été enregistré" /> : null}
      <Input label="Référent du plan" hintText="Qui coordonne le plan : nom et fonction" nativeInputProps={register('referent')} />
      <Input label="Évaluation globale" textArea nativeTextAreaProps={{ ...register('evaluationGlobale'), rows: 4 }} />
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Problèmes et besoins</legend>
        {problemes.fields.map((f, i) => (
          <div key={f.id} className={fr.cx('fr-fieldset__element')}>
            <Input label={`Problème ${i + 1}`} nativeInputProps={register(`problemes.${i}.probleme`)} />
            <Input label={`Besoins liés au problème ${i + 1}`} nativeInputProps={register(`problemes.${i}.besoins`)} />
            {retirer(problemes, i, `le problème ${i + 1}`)}
          </div>
        ))}
        <Button type="button" size="small" priority="secondary" onClick={() => problemes.append({ probleme: '', besoins: '' })}>
          Ajouter un problème
        </Button>
      </fieldset>
      <Input label="Priorités" hintText="Une priorité par ligne" textArea nativeTextAreaProps={{ ...register('priorites'), rows: 3 }} />
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Objectifs</legend>
        {objectifs.fields.map((f, i) => (
          <div key={f.id} className={fr.cx('fr-fieldset__element')}>
            <Input label={`Objectif ${i + 1}`} nativeInputProps={register(`objectifs.${i}.libelle`)} />
            {retirer(objectifs, i, `l’objectif ${i + 1}`)}
          </div>
        ))}
        <Button type="button" size="small" priority="secondary" onClick={() => objectifs.append({ libelle: '' })}>
          Ajouter un objectif
        </Button>
      </fieldset>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Actions : quoi, qui, quand</legend>
        {actions.fields.map((f, i) => (
          <div key={f.id} className={fr.cx('fr-fieldset__element', 'fr-mb-2w')}>
            <Input label={`Action ${i + 1}`} nativeInputProps={register(`actions.${i}.libelle`)} />
            <Input label={`Qui porte l’action ${i + 1}`} nativeInputProps={register(`actions.${i}.porteur`)} />
            <Input
              label={`Échéance de l’action ${i + 1} (facultatif)`}
              nativeInputProps={{ ...register(`actions.${i}.echeance`), type: 'date' }}
            />
            <Select label={`Statut de l’action ${i + 1}`} nativeSelectProps={register(`actions.${i}.statut`)}>
              {Object.entries(STATUTS_ACTION_PLAN).map(([code, libelle]) => (
                <option key={code} value={code}>
                  {libelle}
                </option>
              ))}
            </Select>
            {retirer(actions, i, `l’action ${i + 1}`)}
          </div>
        ))}
        <Button
          type="button"
          size="small"
          priority="secondary"
          onClick={() => actions.append({ libelle: '', porteur: '', echeance: '', statut: 'a_faire' })}
        >
          Ajouter une action
        </Button>
      </fieldset>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Dates de révision</legend>
        {dates.fields.map((f, i) => (
          <div key={f.id} className={fr.cx('fr-fieldset__element')}>
            <Input label={`Révision ${i + 1}`} nativeInputProps={{ ...register(`datesRevision.${i}.date`), type: 'date' }} />
            {retirer(dates, i, `la révision ${i + 1}`)}
          </div>
        ))}
        <Button type="button" size="small" priority="secondary" onClick={() => dates.append({ date: '' })}>
          Ajouter une date de révision
        </Button>
      </fieldset>
      <Input label="Avis de la personne (facultatif)" textArea nativeTextAreaProps={register('avisPersonne')} />
      <Input
        label="Note de suivi à ajouter (facultatif)"
        hintText="Datée d’aujourd’hui, ajoutée au suivi du plan"
        textArea
        nativeTextAreaProps={register('noteSuivi')}
      />
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline')}>
        <li>
          <Button type="submit" disabled={enregistrement.isPending}>
            Enregistrer le plan
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
