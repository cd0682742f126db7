import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { formaterDate, LIBELLES_STATUT_FICHE, STATUTS_FICHE } from '@maillage/domain';
import { useId } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { ErreurApi } from '../../api/client';
import type { SaisieDecision, Seance } from '../../api/gouvernance';
import type { Fiche } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { etatChamp } from '../../components/formulaire';
import { ACTIONS_DECISION } from './libelles';
import { ChampsLigneDecision } from './ligne-decision';
import { champDuServeur, DECISION_VIDE, schemaDecision, versSaisieDecision, type ValeursDecision } from './modele-decision';

interface Props {
  seance: Seance;
  fiches: Fiche[];
  onEnregistrer: (d: SaisieDecision) => Promise<unknown>;
  erreur: unknown;
  enCours: boolean;
}

/** A decision: its text, and what it does to a fiche (validate it, change its statut, change or add a funding line). */
export function FormulaireDecision({ seance, fiches, onEnregistrer, erreur, enCours }: Props) {
  const id = useId();
  const form = useForm<ValeursDecision>({ resolver: zodResolver(schemaDecision), defaultValues: DECISION_VIDE });
  const {
    register,
    formState: { errors },
  } = form;
  const [action, ficheId] = useWatch({ control: form.control, name: ['action', 'ficheId'] });
  const fiche = fiches.find((f) => f.id === ficheId);
  const aLOrdreDuJour = new Set(seance.ordreDuJour.flatMap((p) => p.ficheIds));
  const tri = (a: Fiche, b: Fiche) => a.numero - b.numero;
  // A séance not yet held has decided nothing: the user says so explicitly before the decision applies.
  const aVenir = new Date(seance.debut).getTime() > Date.now();
  const soumettre = form.handleSubmit((v) => {
    if (aVenir && !v.confirmerSeanceFuture) {
      form.setError(
        'confirmerSeanceFuture',
        { type: 'confirmation', message: 'Cochez la case pour confirmer une décision avant la séance' },
        { shouldFocus: true },
      );
      return;
    }
    return onEnregistrer(versSaisieDecision(v))
      .then(() => form.reset({ ...DECISION_VIDE, action: v.action }))
      .catch((e) => {
        if (!(e instanceof ErreurApi)) return;
        for (const [i, { champ, message }] of (e.probleme.erreurs ?? []).entries())
          form.setError(champDuServeur(champ) as Path<ValeursDecision>, { type: 'serveur', message }, { shouldFocus: i === 0 });
      });
  });
  const option = (f: Fiche) => (
    <option key={f.id} value={f.id}>
      Fiche {f.numero} — {f.intitule} ({LIBELLES_STATUT_FICHE[f.statut]})
    </option>
  );

  return (
    <form onSubmit={soumettre} noValidate aria-labelledby={`${id}-titre`} className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}>
      <h3 id={`${id}-titre`} className={fr.cx('fr-h6')}>
        Ajouter une décision au relevé
      </h3>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="La décision n’a pas été enregistrée" /> : null}
      <Select
        label="Effet de la décision"
        hint="Une décision sur une fiche s’y applique aussitôt et figure dans son historique"
        nativeSelectProps={register('action')}
      >
        {Object.entries(ACTIONS_DECISION).map(([code, libelle]) => (
          <option key={code} value={code}>
            {libelle}
          </option>
        ))}
      </Select>
      {action !== 'aucune' && (
        <Select
          label="Fiche-action concernée"
          nativeSelectProps={register('ficheId', { onChange: () => form.setValue('rang', '') })}
          {...etatChamp(errors.ficheId?.message)}
        >
          <option value="" disabled>
            {fiches.length ? 'Choisir une fiche' : 'Ce contrat n’a pas encore de fiche-action'}
          </option>
          {aLOrdreDuJour.size > 0 && (
            <optgroup label="À l’ordre du jour">
              {fiches
                .filter((f) => aLOrdreDuJour.has(f.id))
                .sort(tri)
                .map(option)}
            </optgroup>
          )}
          <optgroup label={aLOrdreDuJour.size > 0 ? 'Autres fiches du contrat' : 'Fiches du contrat'}>
            {fiches
              .filter((f) => !aLOrdreDuJour.has(f.id))
              .sort(tri)
              .map(option)}
          </optgroup>
        </Select>
      )}
      {action === 'statut_fiche' && (
        <Select
          label="Nouveau statut de la fiche"
          hint={fiche ? `Statut actuel : ${LIBELLES_STATUT_FICHE[fiche.statut]}` : undefined}
          nativeSelectProps={register('statut')}
          {...etatChamp(errors.statut?.message)}
        >
          {STATUTS_FICHE.map((s) => (
            <option key={s} value={s}>
              {LIBELLES_STATUT_FICHE[s]}
            </option>
          ))}
        </Select>
      )}
      {action === 'financement_fiche' && <ChampsLigneDecision form={form} fiche={fiche} />}
      <Input
        label="Texte de la décision"
        hintText="Tel qu’il figurera au relevé de décisions. Exemple : « Le COPIL valide le lancement de la fiche 12 au second semestre. »"
        textArea
        nativeTextAreaProps={{ ...register('texte'), rows: 3, maxLength: 5000 }}
        {...etatChamp(errors.texte?.message)}
      />
      {aVenir && (
        <Checkbox
          state={errors.confirmerSeanceFuture ? 'error' : 'default'}
          stateRelatedMessage={errors.confirmerSeanceFuture?.message}
          options={[
            {
              label: `Je confirme : la séance du ${formaterDate(seance.debut.slice(0, 10))} n’a pas encore eu lieu, et la décision ${action === 'aucune' ? 'sera enregistrée' : 'sera appliquée à la fiche'} dès maintenant.`,
              hintText: 'Si la date de la séance est erronée, corrigez-la plutôt.',
              nativeInputProps: register('confirmerSeanceFuture'),
            },
          ]}
        />
      )}
      <Button type="submit" disabled={enCours} iconId="fr-icon-check-line">
        {action === 'aucune' ? 'Ajouter la décision' : 'Ajouter et appliquer la décision'}
      </Button>
    </form>
  );
}
