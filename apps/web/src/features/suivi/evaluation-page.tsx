import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { TYPES_EVALUATION, type EvaluationSaisie } from '@maillage/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ErreurApi, estErreurApi } from '../../api/client';
import { useContrat } from '../../api/contrats';
import { telecharger } from '../../api/telechargement';
import {
  useEvaluation,
  useModificationEvaluation,
  useRenouvellementEvaluation,
  useSuppressionEvaluation,
  type Evaluation,
} from '../../api/suivi';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { creerConfirmation } from '../../components/confirmation';
import { ConflitVersion } from '../../components/conflit-version';
import { useTitrePage } from '../../components/titre-page';
import {
  differencesEvaluation,
  resolverEvaluation,
  usePreuvesDisponibles,
  versFormulaire,
  type FormulaireEvaluation,
} from './evaluation-formulaire';
import { CadreEvaluation, ParticipantsEvaluation, QuestionsEvaluation, RecommandationsEvaluation } from './evaluation-sections';
import './suivi.css';

const renouvellement = creerConfirmation('confirmation-renouvellement-evaluation');
const suppression = creerConfirmation('confirmation-suppression-evaluation');

/** The two confirmations of the editor: prepare the renewal, delete the evaluation. */
function ConfirmationsEvaluation({
  evaluation,
  renouveler,
  supprimer,
}: {
  evaluation: Evaluation;
  renouveler: ReturnType<typeof useRenouvellementEvaluation>;
  supprimer: ReturnType<typeof useSuppressionEvaluation>;
}) {
  const naviguer = useNavigate();
  return (
    <>
      <renouvellement.Confirmation
        titre="Préparer le renouvellement du contrat ?"
        libelleConfirmer="Créer la génération suivante"
        iconeConfirmer="fr-icon-refresh-line"
        onConfirmer={() =>
          renouveler.mutate(
            {},
            {
              onSuccess: (r) =>
                naviguer(`/contrats/${r.id}`, {
                  state: {
                    message: `Le contrat de ${r.generation}e génération est créé en préparation, avec les fiches non réalisées et les recommandations de « ${evaluation.intitule} » dans son contexte.`,
                  },
                }),
            },
          )
        }
      >
        <p>
          Le contrat de la génération suivante est créé <strong>en préparation (brouillon)</strong> : il reprend les fiches-action ni
          réalisées ni abandonnées, et les {evaluation.recommandations.length} recommandation
          {evaluation.recommandations.length > 1 ? 's' : ''} de cette évaluation dans son contexte. Le contrat actuel n’est pas modifié.
          L’opération est tracée dans l’historique.
        </p>
      </renouvellement.Confirmation>
      <suppression.Confirmation
        titre={`Supprimer « ${evaluation.intitule} » ?`}
        libelleConfirmer="Supprimer l’évaluation"
        onConfirmer={() =>
          supprimer.mutate(evaluation.id, {
            onSuccess: () =>
              naviguer(`/contrats/${evaluation.contratId}?onglet=suivi`, {
                state: { message: `L’évaluation « ${evaluation.intitule} » est supprimée.` },
              }),
          })
        }
      >
        <p>
          Ses questions, jugements, preuves, recommandations et participants seront supprimés. La suppression est tracée dans l’historique
          du contrat.
        </p>
      </suppression.Confirmation>
    </>
  );
}

/** The editor: every field of the evaluation, questions grouped by criterion, evidence, recommendations, participants. */
function EditeurEvaluation({
  evaluation,
  editable,
  peutRenouveler,
}: {
  evaluation: Evaluation;
  editable: boolean;
  peutRenouveler: boolean;
}) {
  const modification = useModificationEvaluation(evaluation.id);
  const renouveler = useRenouvellementEvaluation(evaluation.id);
  const supprimer = useSuppressionEvaluation();
  const preuves = usePreuvesDisponibles(evaluation.contratId, evaluation.preuves);
  const [version, setVersion] = useState(evaluation.version);
  const [courant, setCourant] = useState<Evaluation | null>(null);
  const [message, setMessage] = useState('');
  const [erreurDoc, setErreurDoc] = useState<unknown>(null);
  const form = useForm<FormulaireEvaluation, unknown, EvaluationSaisie>({
    resolver: resolverEvaluation,
    defaultValues: versFormulaire(evaluation),
  });
  const { register, formState } = form;

  const enregistrer = (s: EvaluationSaisie, versionEnvoyee = version) => {
    setMessage('');
    modification.mutate(
      { saisie: s, version: versionEnvoyee },
      {
        onSuccess: (r) => {
          setVersion(r.version);
          setCourant(null);
          form.reset(form.getValues());
          setMessage('Évaluation enregistrée.');
        },
        onError: (err) => {
          if (estErreurApi(err, 409) && err.probleme.courant) {
            setCourant(err.probleme.courant as Evaluation);
            return;
          }
          if (err instanceof ErreurApi && err.probleme.erreurs) {
            let premier = true;
            for (const { champ, message: m } of err.probleme.erreurs) {
              form.setError(champ as never, { type: 'serveur', message: m }, { shouldFocus: premier });
              premier = false;
            }
          }
        },
      },
    );
  };
  const rapport = (format: 'docx' | 'pdf') => {
    setErreurDoc(null);
    setMessage(`Production du rapport en ${format.toUpperCase()}…`);
    telecharger(`/api/evaluations/${evaluation.id}/rapport.${format}`).then(
      (nom) => setMessage(`Rapport « ${nom} » téléchargé${formState.isDirty ? ' (sans vos modifications non enregistrées)' : ''}.`),
      (err) => {
        setMessage('');
        setErreurDoc(err);
      },
    );
  };
  const conflit = estErreurApi(modification.error, 409) && courant;

  return (
    <>
      <p role="status" className={fr.cx('fr-text--bold')}>
        {message}
      </p>
      {erreurDoc ? <AlerteErreur erreur={erreurDoc} titre="Le rapport n’a pas pu être produit" /> : null}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left', 'fr-mb-3w')}>
        <li>
          <Button type="button" priority="secondary" iconId="fr-icon-download-line" onClick={() => rapport('docx')}>
            Rapport (DOCX)
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" iconId="fr-icon-download-line" onClick={() => rapport('pdf')}>
            Rapport (PDF)
          </Button>
        </li>
        {peutRenouveler && (
          <li>
            <Button
              type="button"
              iconId="fr-icon-refresh-line"
              disabled={formState.isDirty || renouveler.isPending}
              onClick={() => renouvellement.ouvrir()}
            >
              Préparer le renouvellement
            </Button>
          </li>
        )}
      </ul>
      {peutRenouveler && formState.isDirty && (
        <p className={fr.cx('fr-text--xs')}>
          Enregistrez vos modifications avant de préparer le renouvellement : il reprend les recommandations enregistrées.
        </p>
      )}
      {renouveler.error ? <AlerteErreur erreur={renouveler.error} titre="Le renouvellement n’a pas été préparé" /> : null}

      <form onSubmit={form.handleSubmit((s) => enregistrer(s))} noValidate aria-label="Évaluation">
        <CadreEvaluation form={form} editable={editable} />
        <QuestionsEvaluation form={form} editable={editable} preuves={preuves} />
        <RecommandationsEvaluation form={form} editable={editable} />
        <ParticipantsEvaluation form={form} editable={editable} />

        <fieldset disabled={!editable} className={fr.cx('fr-fieldset', 'fr-mt-2w')}>
          <div className={fr.cx('fr-fieldset__element')}>
            <Checkbox
              options={[
                {
                  label: 'Évaluation terminée',
                  hintText: 'Le rapport n’est plus marqué « document de travail ».',
                  nativeInputProps: register('terminee'),
                },
              ]}
            />
          </div>
        </fieldset>

        {conflit && (
          <ConflitVersion
            entite="Cette évaluation"
            diffs={differencesEvaluation(form.getValues(), versFormulaire(courant))}
            enCours={modification.isPending}
            onReprendre={() => {
              form.reset(versFormulaire(courant));
              setVersion(courant.version);
              setCourant(null);
              modification.reset();
            }}
            onEcraser={() => {
              const v = courant.version;
              setVersion(v);
              setCourant(null);
              void form.handleSubmit((s) => enregistrer(s, v))();
            }}
          />
        )}
        {modification.error && !conflit ? <AlerteErreur erreur={modification.error} titre="L’évaluation n’a pas été enregistrée" /> : null}
        {editable && (
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left', 'fr-mt-3w')}>
            <li>
              <Button type="submit" iconId="fr-icon-save-line" disabled={modification.isPending}>
                Enregistrer l’évaluation
              </Button>
            </li>
            <li>
              <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => suppression.ouvrir()}>
                Supprimer l’évaluation
              </Button>
            </li>
          </ul>
        )}
        {supprimer.error ? <AlerteErreur erreur={supprimer.error} titre="L’évaluation n’a pas été supprimée" /> : null}
      </form>

      <ConfirmationsEvaluation evaluation={evaluation} renouveler={renouveler} supprimer={supprimer} />
    </>
  );
}

/** /evaluations/:id */
export default function EvaluationPage() {
  const { id = '' } = useParams();
  const { state } = useLocation() as { state: { message?: string } | null };
  const evaluation = useEvaluation(id);
  const contrat = useContrat(evaluation.data?.contratId);
  useTitrePage(evaluation.data ? evaluation.data.intitule : 'Évaluation');

  const filAriane = (
    <Breadcrumb
      currentPageLabel={evaluation.data?.intitule ?? 'Évaluation'}
      homeLinkProps={{ to: '/' }}
      segments={[
        { label: 'Contrats', linkProps: { to: '/contrats' } },
        ...(contrat.data ? [{ label: contrat.data.intitule, linkProps: { to: `/contrats/${contrat.data.id}?onglet=suivi` } }] : []),
      ]}
    />
  );
  if (evaluation.isPending || (evaluation.data && contrat.isPending))
    return (
      <>
        {filAriane}
        <Chargement libelle="Chargement de l’évaluation…" />
      </>
    );
  if (evaluation.error) {
    return (
      <>
        {filAriane}
        <h1>Évaluation introuvable</h1>
        <AlerteErreur erreur={evaluation.error} />
      </>
    );
  }
  const ev = evaluation.data;
  const editable = !!contrat.data?.droits.completer;
  const renouvelable = ['signe', 'evaluation', 'echu'].includes(contrat.data?.statut ?? '');
  const peutRenouveler = editable && renouvelable && !contrat.data?.successeurs.length;
  return (
    <div className="maillage-suivi">
      {filAriane}
      {state?.message && <Alert severity="success" small description={state.message} className={fr.cx('fr-mb-3w')} />}
      <h1 className={fr.cx('fr-mb-1w')}>{ev.intitule}</h1>
      <p>
        {TYPES_EVALUATION[ev.type]} —{' '}
        {ev.terminee ? (
          <Badge small severity="success" as="span">
            Terminée
          </Badge>
        ) : (
          <Badge small severity="new" as="span">
            En cours
          </Badge>
        )}
        {ev.evaluateur ? ` — conduite par ${ev.evaluateur}` : ''}
      </p>
      {!editable && (
        <Alert
          severity="info"
          small
          className={fr.cx('fr-mb-3w')}
          description="Lecture seule : seule la coordination du contrat modifie l’évaluation."
        />
      )}
      {contrat.data && contrat.data.successeurs.length > 0 && editable && (
        <Alert
          severity="info"
          small
          className={fr.cx('fr-mb-3w')}
          description={`Ce contrat est déjà renouvelé (${contrat.data.successeurs.map((s) => `${s.generation}e génération`).join(', ')}).`}
        />
      )}
      {editable && !renouvelable && !contrat.data?.successeurs.length && (
        <p className={fr.cx('fr-text--sm')}>
          « Préparer le renouvellement » sera proposé quand le contrat sera signé, en évaluation ou échu.
        </p>
      )}
      <EditeurEvaluation key={`${ev.id}`} evaluation={ev} editable={editable} peutRenouveler={peutRenouveler} />
    </div>
  );
}
