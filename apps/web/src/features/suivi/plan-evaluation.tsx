import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { EVALUATEURS, evaluationPrevueSchema, formaterDate, TYPES_EVALUATION_PREVUE, type EvaluationPrevueSaisie } from '@maillage/domain';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useEvaluationsPrevues } from '../../api/contrats';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { appliquerErreursServeur, etatChamp, videEnNull } from '../../components/formulaire';
import { editionStructure } from '../../components/statuts-contrat';

const optionnel = { setValueAs: videEnNull };

type ValeursEvaluation = Omit<z.input<typeof evaluationPrevueSchema>, 'questions'> & { questions: string };

/** A planned evaluation: its type, when, who evaluates, and the evaluative questions (one per line). */
function FormulaireEvaluation({
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: {
  onEnregistrer: (e: EvaluationPrevueSaisie) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}) {
  const id = useId();
  const form = useForm<ValeursEvaluation>({
    defaultValues: { type: 'finale', evaluateurType: 'externe', echeance: null, moment: null, evaluateurNom: null, questions: '' },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const soumettre = form.handleSubmit(async (v) => {
    const saisie = evaluationPrevueSchema.safeParse({
      ...v,
      questions: v.questions
        .split('\n')
        .map((q) => q.trim())
        .filter(Boolean),
    });
    if (!saisie.success) {
      for (const i of saisie.error.issues) form.setError(String(i.path[0]) as keyof ValeursEvaluation, { message: i.message });
      return;
    }
    await onEnregistrer(saisie.data).catch((e) =>
      appliquerErreursServeur(e, form.setError, ['type', 'echeance', 'moment', 'evaluateurType', 'evaluateurNom', 'questions']),
    );
  });
  return (
    <form onSubmit={soumettre} noValidate aria-labelledby={`${id}-titre`} className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}>
      <p id={`${id}-titre`} className={fr.cx('fr-text--bold')}>
        Prévoir une évaluation
      </p>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="L’évaluation prévue n’a pas été enregistrée" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select label="Type d’évaluation" nativeSelectProps={register('type')} {...etatChamp(errors.type?.message)}>
            {Object.entries(TYPES_EVALUATION_PREVUE).map(([code, libelle]) => (
              <option key={code} value={code}>
                {libelle}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Échéance (facultatif)"
            nativeInputProps={{ type: 'date', ...register('echeance', optionnel) }}
            {...etatChamp(errors.echeance?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Calendrier en mots (facultatif)"
            hintText="« À mi-parcours », « avant le renouvellement »"
            nativeInputProps={{ ...register('moment', optionnel), maxLength: 300 }}
            {...etatChamp(errors.moment?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select label="Qui évalue" nativeSelectProps={register('evaluateurType')} {...etatChamp(errors.evaluateurType?.message)}>
            {Object.entries(EVALUATEURS).map(([code, libelle]) => (
              <option key={code} value={code}>
                {libelle}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
          <Input
            label="Évaluateur (facultatif)"
            hintText="Équipe, service ou cabinet ; vide : à désigner"
            nativeInputProps={{ ...register('evaluateurNom', optionnel), maxLength: 300 }}
            {...etatChamp(errors.evaluateurNom?.message)}
          />
        </div>
      </div>
      <Input
        textArea
        label="Questions évaluatives (une par ligne)"
        hintText="Par exemple : le CLS répond-il aux besoins de santé prioritaires du territoire ? Réduit-il les inégalités sociales et territoriales de santé ?"
        nativeTextAreaProps={{ ...register('questions'), rows: 4 }}
        {...etatChamp(errors.questions?.message)}
      />
      <BoutonsFormulaire sansMarge libelle="Enregistrer l’évaluation prévue" enCours={enCours} onAnnuler={onAnnuler} />
    </form>
  );
}

/** The evaluation plan, agreed by the signatories before the signature (seed 003); after it, by avenant. */
export function PlanEvaluation({ contrat }: { contrat: ContratDetail }) {
  const mutations = useEvaluationsPrevues(contrat.id);
  const edition = editionStructure(contrat);
  const [ouvert, setOuvert] = useState(false);
  return (
    <section aria-labelledby="plan-evaluation" className={fr.cx('fr-mb-4w')}>
      <h2 id="plan-evaluation" className={fr.cx('fr-h4')}>
        Plan d’évaluation
      </h2>
      <p className={fr.cx('fr-text--sm')}>L’évaluation est prévue conjointement par les signataires, avant la signature du contrat.</p>
      {contrat.planEvaluation.length === 0 ? (
        <Notice title="Aucune évaluation n’est prévue pour ce contrat." />
      ) : (
        <ul>
          {contrat.planEvaluation.map((e) => (
            <li key={e.id} className={fr.cx('fr-mb-2w')}>
              <strong>{TYPES_EVALUATION_PREVUE[e.type]}</strong> —{' '}
              {[e.echeance ? `pour le ${formaterDate(e.echeance)}` : null, e.moment].filter(Boolean).join(', ')} —{' '}
              {e.evaluateurType === 'externe' ? 'évaluateur externe' : 'en interne'}
              {e.evaluateurNom ? ` : ${e.evaluateurNom}` : ' (à désigner)'}
              {e.questions.length > 0 ? (
                <ul>
                  {e.questions.map((q) => (
                    <li key={q}>{q}</li>
                  ))}
                </ul>
              ) : (
                <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>Aucune question évaluative formulée.</p>
              )}
              {edition.possible && (
                <Button
                  type="button"
                  size="small"
                  priority="tertiary no outline"
                  iconId="fr-icon-delete-line"
                  onClick={() => mutations.retrait.mutate(e.id)}
                >
                  Retirer cette évaluation prévue
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mutations.retrait.error ? (
        <AlerteErreur erreur={mutations.retrait.error} as="h3" titre="L’évaluation prévue n’a pas été retirée" />
      ) : null}
      {edition.raison && contrat.droits.modifier && <p className={fr.cx('fr-text--sm')}>{edition.raison}</p>}
      {edition.possible &&
        (ouvert ? (
          <FormulaireEvaluation
            onEnregistrer={(e) => mutations.ajout.mutateAsync(e).then(() => setOuvert(false))}
            onAnnuler={() => setOuvert(false)}
            erreur={mutations.ajout.error}
            enCours={mutations.ajout.isPending}
          />
        ) : (
          <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setOuvert(true)}>
            Prévoir une évaluation
          </Button>
        ))}
    </section>
  );
}
