import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { CRITERES_EVALUATION, TYPES_EVALUATION, type EvaluationSaisie } from '@maillage/domain';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ErreurApi, estErreurApi } from '../../api/client';
import { useContrat } from '../../api/contrats';
import { telecharger } from '../../api/telechargement';
import { useEvaluation, useModificationEvaluation, useRenouvellementEvaluation, useSuppressionEvaluation, type Evaluation } from '../../api/suivi';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { creerConfirmation } from '../../components/confirmation';
import { ConflitVersion } from '../../components/conflit-version';
import { etatChamp } from '../../components/formulaire';
import { useTitrePage } from '../../components/titre-page';
import { LIBELLES_PRIORITE_RECOMMANDATION } from './libelles-suivi';
import { CRITERES, differencesEvaluation, Question, resolverEvaluation, usePreuvesDisponibles, versFormulaire, type FormulaireEvaluation } from './evaluation-formulaire';
import './suivi.css';

const renouvellement = creerConfirmation('confirmation-renouvellement-evaluation');
const suppression = creerConfirmation('confirmation-suppression-evaluation');

const focaliser = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** The editor: every field of the evaluation, questions grouped by criterion, evidence, recommendations, participants. */
function EditeurEvaluation({ evaluation, editable, peutRenouveler }: { evaluation: Evaluation; editable: boolean; peutRenouveler: boolean }) {
  const naviguer = useNavigate();
  const modification = useModificationEvaluation(evaluation.id);
  const renouveler = useRenouvellementEvaluation(evaluation.id);
  const supprimer = useSuppressionEvaluation();
  const preuves = usePreuvesDisponibles(evaluation.contratId, evaluation.preuves);
  const [version, setVersion] = useState(evaluation.version);
  const [courant, setCourant] = useState<Evaluation | null>(null);
  const [message, setMessage] = useState('');
  const [erreurDoc, setErreurDoc] = useState<unknown>(null);
  const form = useForm<FormulaireEvaluation, unknown, EvaluationSaisie>({ resolver: resolverEvaluation, defaultValues: versFormulaire(evaluation) });
  const { register, control, formState } = form;
  const e = formState.errors;
  const questions = useFieldArray({ control, name: 'questions' });
  const recommandations = useFieldArray({ control, name: 'recommandations' });
  const participants = useFieldArray({ control, name: 'participants' });
  const criteres = useWatch({ control, name: 'questions' }) ?? [];

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
  /** Keyboard reordering: the focus follows the moved question (on the other arrow when it reaches an end). */
  const deplacer = (index: number, vers: number, bouton: 'monter' | 'descendre') => {
    questions.swap(index, vers);
    focaliser(`question-${vers}-${bouton}`);
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
            <Button type="button" iconId="fr-icon-refresh-line" disabled={formState.isDirty || renouveler.isPending} onClick={() => renouvellement.ouvrir()}>
              Préparer le renouvellement
            </Button>
          </li>
        )}
      </ul>
      {peutRenouveler && formState.isDirty && <p className={fr.cx('fr-text--xs')}>Enregistrez vos modifications avant de préparer le renouvellement : il reprend les recommandations enregistrées.</p>}
      {renouveler.error ? <AlerteErreur erreur={renouveler.error} titre="Le renouvellement n’a pas été préparé" /> : null}

      <form onSubmit={form.handleSubmit((s) => enregistrer(s))} noValidate aria-label="Évaluation">
        <fieldset disabled={!editable} className={fr.cx('fr-fieldset')} aria-labelledby="titre-cadre">
          <legend id="titre-cadre" className={fr.cx('fr-fieldset__legend')}>
            <h2 className={fr.cx('fr-h4', 'fr-mb-0')}>Cadre de l’évaluation</h2>
          </legend>
          <div className={fr.cx('fr-fieldset__element')}>
            <RadioButtons
              legend="Type"
              orientation="horizontal"
              options={(Object.keys(TYPES_EVALUATION) as (keyof typeof TYPES_EVALUATION)[]).map((ty) => ({ label: TYPES_EVALUATION[ty], nativeInputProps: { ...register('type'), value: ty } }))}
              {...etatChamp(e.type?.message)}
            />
          </div>
          <div className={fr.cx('fr-fieldset__element')}>
            <Input label="Intitulé" nativeInputProps={{ ...register('intitule'), maxLength: 300 }} {...etatChamp(e.intitule?.message)} />
          </div>
          <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-8')}>
            <Input label="Évaluateur (facultatif)" hintText="Équipe de coordination, cabinet, groupe d’évaluation participative…" nativeInputProps={{ ...register('evaluateur'), maxLength: 300 }} {...etatChamp(e.evaluateur?.message)} />
          </div>
          <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
            <Input label="Date du rapport (facultatif)" nativeInputProps={{ ...register('dateRapport'), type: 'date' }} {...etatChamp(e.dateRapport?.message)} />
          </div>
          <div className={fr.cx('fr-fieldset__element')}>
            <Input label="Méthode (facultatif)" hintText="Questionnaires, entretiens, ateliers, analyse des données de suivi…" textArea nativeTextAreaProps={{ ...register('methode'), rows: 3, maxLength: 10000 }} {...etatChamp(e.methode?.message)} />
          </div>
          <div className={fr.cx('fr-fieldset__element')}>
            <Input label="Synthèse (facultatif)" textArea nativeTextAreaProps={{ ...register('synthese'), rows: 5, maxLength: 20000 }} {...etatChamp(e.synthese?.message)} />
          </div>
        </fieldset>

        <h2 className={fr.cx('fr-h4', 'fr-mt-4w')}>Questions évaluatives</h2>
        <p className={fr.cx('fr-text--sm')}>
          Par critère, les questions auxquelles l’évaluation répond, chacune avec son appréciation, son jugement et ses preuves :
          valeurs validées des indicateurs, verbatims du diagnostic, documents du contrat.
        </p>
        {CRITERES.map((c) => {
          const indices = criteres.flatMap((q, n) => (q.critere === c ? [n] : []));
          return (
            <fieldset key={c} disabled={!editable} className={fr.cx('fr-fieldset', 'fr-mb-2w')} aria-labelledby={`critere-${c}`}>
              <legend id={`critere-${c}`} className={fr.cx('fr-fieldset__legend')}>
                <h3 className={fr.cx('fr-h5', 'fr-mb-0')}>
                  {CRITERES_EVALUATION[c]} <span className={fr.cx('fr-text--sm', 'fr-text--regular')}>({indices.length} question{indices.length > 1 ? 's' : ''})</span>
                </h3>
              </legend>
              <div className={fr.cx('fr-fieldset__element')}>
                {indices.map((index, rang) => (
                  <Question
                    key={questions.fields[index]?.id ?? index}
                    form={form}
                    index={index}
                    rang={rang + 1}
                    premier={rang === 0}
                    dernier={rang === indices.length - 1}
                    onMonter={() => deplacer(index, indices[rang - 1], rang - 1 === 0 ? 'descendre' : 'monter')}
                    onDescendre={() => deplacer(index, indices[rang + 1], rang + 1 === indices.length - 1 ? 'monter' : 'descendre')}
                    onRetirer={() => {
                      questions.remove(index);
                      focaliser(`ajouter-question-${c}`);
                    }}
                    preuves={preuves}
                  />
                ))}
                {editable && (
                  <Button
                    type="button"
                    size="small"
                    priority="secondary"
                    iconId="fr-icon-add-line"
                    nativeButtonProps={{ id: `ajouter-question-${c}` }}
                    onClick={() => {
                      const fin = indices.length ? indices[indices.length - 1] + 1 : questions.fields.length;
                      questions.insert(fin, { critere: c, question: '', jugement: '', appreciation: '', preuves: [] }, { shouldFocus: false });
                      focaliser(`question-${fin}-texte`);
                    }}
                  >
                    Ajouter une question ({CRITERES_EVALUATION[c].toLowerCase()})
                  </Button>
                )}
              </div>
            </fieldset>
          );
        })}

        <fieldset disabled={!editable} className={fr.cx('fr-fieldset', 'fr-mt-4w')} aria-labelledby="titre-recommandations">
          <legend id="titre-recommandations" className={fr.cx('fr-fieldset__legend')}>
            <h2 className={fr.cx('fr-h4', 'fr-mb-0')}>Recommandations</h2>
          </legend>
          {recommandations.fields.length === 0 && <p className={fr.cx('fr-fieldset__element', 'fr-text--sm')}>Aucune recommandation. Elles seront reprises dans le contexte de la génération suivante.</p>}
          {recommandations.fields.map((r, n) => (
            <div key={r.id} className={fr.cx('fr-fieldset__element')}>
              <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
                <div className={fr.cx('fr-col-12', 'fr-col-md-7')}>
                  <Input label={`Recommandation ${n + 1}`} textArea nativeTextAreaProps={{ ...register(`recommandations.${n}.texte`), id: `recommandation-${n}`, rows: 2, maxLength: 3000 }} {...etatChamp(e.recommandations?.[n]?.texte?.message)} />
                </div>
                <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                  <Select label={`Priorité (recommandation ${n + 1})`} nativeSelectProps={register(`recommandations.${n}.priorite`)}>
                    <option value="">Non précisée</option>
                    {(['haute', 'moyenne', 'basse'] as const).map((p) => (
                      <option key={p} value={p}>
                        {LIBELLES_PRIORITE_RECOMMANDATION[p]}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
                  <div className={fr.cx('fr-mb-3w') + ' maillage-actions'}>
                    <Button type="button" size="small" priority="tertiary" iconId="fr-icon-arrow-up-line" title={`Monter la recommandation ${n + 1}`} disabled={n === 0} onClick={() => { recommandations.swap(n, n - 1); focaliser(`recommandation-${n - 1}`); }} />
                    <Button type="button" size="small" priority="tertiary" iconId="fr-icon-arrow-down-line" title={`Descendre la recommandation ${n + 1}`} disabled={n === recommandations.fields.length - 1} onClick={() => { recommandations.swap(n, n + 1); focaliser(`recommandation-${n + 1}`); }} />
                    <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" title={`Retirer la recommandation ${n + 1}`} onClick={() => { recommandations.remove(n); focaliser('ajouter-recommandation'); }} />
                  </div>
                </div>
              </div>
            </div>
          ))}
          {editable && (
            <div className={fr.cx('fr-fieldset__element')}>
              <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" nativeButtonProps={{ id: 'ajouter-recommandation' }} onClick={() => { recommandations.append({ texte: '', priorite: '' }, { shouldFocus: false }); focaliser(`recommandation-${recommandations.fields.length}`); }}>
                Ajouter une recommandation
              </Button>
            </div>
          )}
        </fieldset>

        <fieldset disabled={!editable} className={fr.cx('fr-fieldset', 'fr-mt-4w')} aria-labelledby="titre-participants">
          <legend id="titre-participants" className={fr.cx('fr-fieldset__legend')}>
            <h2 className={fr.cx('fr-h4', 'fr-mb-0')}>Participants</h2>
          </legend>
          {participants.fields.length === 0 && <p className={fr.cx('fr-fieldset__element', 'fr-text--sm')}>Aucun participant : qui a été interrogé, qui a conduit ou relu l’évaluation (habitants et usagers compris).</p>}
          {participants.fields.map((p, n) => (
            <div key={p.id} className={fr.cx('fr-fieldset__element')}>
              <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
                <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
                  <Input label={`Nom du participant ${n + 1}`} nativeInputProps={{ ...register(`participants.${n}.nom`), id: `participant-${n}`, maxLength: 200 }} {...etatChamp(e.participants?.[n]?.nom?.message)} />
                </div>
                <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
                  <Input label={`Organisation (participant ${n + 1})`} nativeInputProps={{ ...register(`participants.${n}.organisation`), maxLength: 300 }} />
                </div>
                <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                  <Input label={`Rôle (participant ${n + 1})`} nativeInputProps={{ ...register(`participants.${n}.role`), maxLength: 200 }} />
                </div>
                <div className={fr.cx('fr-col-12', 'fr-col-md-1')}>
                  <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" className={fr.cx('fr-mb-3w')} title={`Retirer le participant ${n + 1}`} onClick={() => { participants.remove(n); focaliser('ajouter-participant'); }} />
                </div>
              </div>
            </div>
          ))}
          {editable && (
            <div className={fr.cx('fr-fieldset__element')}>
              <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" nativeButtonProps={{ id: 'ajouter-participant' }} onClick={() => { participants.append({ nom: '', organisation: '', role: '' }, { shouldFocus: false }); focaliser(`participant-${participants.fields.length}`); }}>
                Ajouter un participant
              </Button>
            </div>
          )}
        </fieldset>

        <fieldset disabled={!editable} className={fr.cx('fr-fieldset', 'fr-mt-2w')}>
          <div className={fr.cx('fr-fieldset__element')}>
            <Checkbox
              options={[{ label: 'Évaluation terminée', hintText: 'Le rapport n’est plus marqué « document de travail ».', nativeInputProps: register('terminee') }]}
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
                  state: { message: `Le contrat de ${r.generation}e génération est créé en préparation, avec les fiches non réalisées et les recommandations de « ${evaluation.intitule} » dans son contexte.` },
                }),
            },
          )
        }
      >
        <p>
          Le contrat de la génération suivante est créé <strong>en préparation (brouillon)</strong> : il reprend les fiches-action ni
          réalisées ni abandonnées, et les {evaluation.recommandations.length} recommandation{evaluation.recommandations.length > 1 ? 's' : ''} de cette évaluation
          dans son contexte. Le contrat actuel n’est pas modifié. L’opération est tracée dans l’historique.
        </p>
      </renouvellement.Confirmation>
      <suppression.Confirmation
        titre={`Supprimer « ${evaluation.intitule} » ?`}
        libelleConfirmer="Supprimer l’évaluation"
        onConfirmer={() =>
          supprimer.mutate(evaluation.id, {
            onSuccess: () => naviguer(`/contrats/${evaluation.contratId}?onglet=suivi`, { state: { message: `L’évaluation « ${evaluation.intitule} » est supprimée.` } }),
          })
        }
      >
        <p>Ses questions, jugements, preuves, recommandations et participants seront supprimés. La suppression est tracée dans l’historique du contrat.</p>
      </suppression.Confirmation>
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
      segments={[{ label: 'Contrats', linkProps: { to: '/contrats' } }, ...(contrat.data ? [{ label: contrat.data.intitule, linkProps: { to: `/contrats/${contrat.data.id}?onglet=suivi` } }] : [])]}
    />
  );
  if (evaluation.isPending || (evaluation.data && contrat.isPending)) return <>{filAriane}<Chargement libelle="Chargement de l’évaluation…" /></>;
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
      {!editable && <Alert severity="info" small className={fr.cx('fr-mb-3w')} description="Lecture seule : seule la coordination du contrat modifie l’évaluation." />}
      {contrat.data && contrat.data.successeurs.length > 0 && editable && (
        <Alert
          severity="info"
          small
          className={fr.cx('fr-mb-3w')}
          description={`Ce contrat est déjà renouvelé (${contrat.data.successeurs.map((s) => `${s.generation}e génération`).join(', ')}).`}
        />
      )}
      {editable && !renouvelable && !contrat.data?.successeurs.length && (
        <p className={fr.cx('fr-text--sm')}>« Préparer le renouvellement » sera proposé quand le contrat sera signé, en évaluation ou échu.</p>
      )}
      <EditeurEvaluation key={`${ev.id}`} evaluation={ev} editable={editable} peutRenouveler={peutRenouveler} />
    </div>
  );
}
