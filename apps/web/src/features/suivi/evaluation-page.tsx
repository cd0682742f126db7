import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  APPRECIATIONS,
  CRITERES_EVALUATION,
  evaluationSchema,
  libellePeriodeSuivi,
  TYPES_EVALUATION,
  type CritereEvaluation,
  type EvaluationSaisie,
} from '@maillage/domain';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ErreurApi, estErreurApi } from '../../api/client';
import { useContrat } from '../../api/contrats';
import { useDiagnostic } from '../../api/diagnostics';
import { useFiches } from '../../api/fiches';
import { useFichiersContrat } from '../../api/fichiers';
import { telecharger } from '../../api/telechargement';
import {
  useEvaluation,
  useModificationEvaluation,
  useRenouvellementEvaluation,
  useSuivisFiches,
  useSuppressionEvaluation,
  type Evaluation,
} from '../../api/suivi';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { creerConfirmation } from '../../components/confirmation';
import { ConflitVersion, differences } from '../../components/conflit-version';
import { etatChamp } from '../../components/formulaire';
import { useTitrePage } from '../../components/titre-page';
import { ecrireMesure, formaterDateDuJour, LIBELLES_PRIORITE_RECOMMANDATION } from './libelles-suivi';
import './suivi.css';

const renouvellement = creerConfirmation('confirmation-renouvellement-evaluation');
const suppression = creerConfirmation('confirmation-suppression-evaluation');

type TypePreuve = 'valeur' | 'verbatim' | 'document';
const CRITERES = Object.keys(CRITERES_EVALUATION) as CritereEvaluation[];
const LIBELLES_PREUVE: Record<TypePreuve, string> = { valeur: 'Valeur validée', verbatim: 'Verbatim', document: 'Document' };

interface FormulaireEvaluation {
  type: 'intermediaire' | 'finale';
  intitule: string;
  evaluateur: string;
  dateRapport: string;
  methode: string;
  synthese: string;
  questions: { critere: CritereEvaluation; question: string; jugement: string; appreciation: string; preuves: { type: TypePreuve; id: string }[] }[];
  recommandations: { texte: string; priorite: string }[];
  participants: { nom: string; organisation: string; role: string }[];
  terminee: boolean;
}

const t = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function versFormulaire(e: Partial<EvaluationSaisie>): FormulaireEvaluation {
  return {
    type: e.type ?? 'intermediaire',
    intitule: e.intitule ?? '',
    evaluateur: e.evaluateur ?? '',
    dateRapport: e.dateRapport ?? '',
    methode: e.methode ?? '',
    synthese: e.synthese ?? '',
    questions: (e.questions ?? []).map((q) => ({ critere: q.critere, question: q.question, jugement: q.jugement ?? '', appreciation: q.appreciation ?? '', preuves: q.preuves.map((p) => ({ ...p })) })),
    recommandations: (e.recommandations ?? []).map((r) => ({ texte: r.texte, priorite: r.priorite ?? '' })),
    participants: (e.participants ?? []).map((p) => ({ nom: p.nom, organisation: p.organisation ?? '', role: p.role ?? '' })),
    terminee: e.terminee ?? false,
  };
}

function versSaisie(v: FormulaireEvaluation): EvaluationSaisie {
  return {
    type: v.type,
    intitule: v.intitule.trim(),
    evaluateur: t(v.evaluateur),
    dateRapport: t(v.dateRapport),
    methode: t(v.methode),
    synthese: t(v.synthese),
    questions: v.questions.map((q) => ({ critere: q.critere, question: q.question.trim(), jugement: t(q.jugement), appreciation: (q.appreciation || null) as never, preuves: q.preuves })),
    recommandations: v.recommandations.map((r) => ({ texte: r.texte.trim(), priorite: (r.priorite || null) as never })),
    participants: v.participants.map((p) => ({ nom: p.nom.trim(), organisation: t(p.organisation), role: t(p.role) })),
    terminee: v.terminee,
  };
}

const resolveur = zodResolver(evaluationSchema);
const resolverEvaluation: Resolver<FormulaireEvaluation, unknown, EvaluationSaisie> = async (v, c, o) => {
  const r = await resolveur(versSaisie(v), c, o as never);
  return Object.keys(r.errors).length ? { values: {}, errors: r.errors as FieldErrors<FormulaireEvaluation> } : { values: r.values as EvaluationSaisie, errors: {} };
};

type Preuves = Map<string, { type: TypePreuve; texte: string }>;

/** Everything that may back a judgement: the contract's validated values, its diagnostic's verbatims, its documents. */
function usePreuvesDisponibles(contratId: string, resolues: Evaluation['preuves']) {
  const fiches = useFiches(contratId);
  const suivis = useSuivisFiches((fiches.data ?? []).map((f) => f.id));
  const diagnostic = useDiagnostic(contratId);
  const fichiers = useFichiersContrat(contratId);
  return useMemo(() => {
    const options: Preuves = new Map();
    for (const s of suivis.suivis)
      for (const i of s.indicateurs)
        for (const v of i.valeurs.filter((x) => x.etat === 'valide'))
          options.set(v.id, { type: 'valeur', texte: `Fiche ${s.fiche.numero} — ${i.libelle}, ${libellePeriodeSuivi(v.periode)} : ${ecrireMesure(v, i)}` });
    for (const v of diagnostic.data?.verbatims ?? []) options.set(v.id, { type: 'verbatim', texte: `« ${v.texte.length > 140 ? `${v.texte.slice(0, 140)}…` : v.texte} » — ${v.locuteur}` });
    for (const f of fichiers.data ?? []) options.set(f.id, { type: 'document', texte: `Document : ${f.nom}` });
    const libelles: Preuves = new Map(options);
    for (const [id, p] of Object.entries(resolues ?? {})) if (!libelles.has(id)) libelles.set(id, p);
    return { options, libelles, enCours: fiches.isPending || suivis.enCours || diagnostic.isPending || fichiers.isPending };
  }, [suivis.suivis, suivis.enCours, diagnostic.data, diagnostic.isPending, fichiers.data, fichiers.isPending, fiches.isPending, resolues]);
}

interface PropsQuestion {
  form: UseFormReturn<FormulaireEvaluation, unknown, EvaluationSaisie>;
  index: number;
  rang: number;
  premier: boolean;
  dernier: boolean;
  onMonter: () => void;
  onDescendre: () => void;
  onRetirer: () => void;
  preuves: ReturnType<typeof usePreuvesDisponibles>;
}

function Question({ form, index, rang, premier, dernier, onMonter, onDescendre, onRetirer, preuves }: PropsQuestion) {
  const { register, setValue, control, formState } = form;
  const e = formState.errors.questions?.[index];
  const critere = useWatch({ control, name: `questions.${index}.critere` });
  const choisies = useWatch({ control, name: `questions.${index}.preuves` }) ?? [];
  const [choix, setChoix] = useState('');
  const nom = `question ${rang} (${CRITERES_EVALUATION[critere].toLowerCase()})`;
  const disponibles = [...preuves.options.entries()].filter(([id]) => !choisies.some((p) => p.id === id));
  const ajouter = () => {
    const p = preuves.options.get(choix);
    if (!p) return;
    setValue(`questions.${index}.preuves`, [...choisies, { type: p.type, id: choix }], { shouldDirty: true });
    setChoix('');
  };
  return (
    <div className={fr.cx('fr-p-2w', 'fr-mb-2w') + ' maillage-bloc-suivi'}>
      <fieldset className={fr.cx('fr-fieldset', 'fr-mb-0')} aria-labelledby={`question-${index}-legende`}>
        <legend id={`question-${index}-legende`} className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>
          Question {rang} ({CRITERES_EVALUATION[critere].toLowerCase()})
        </legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input label={`Question évaluative ${rang} (${CRITERES_EVALUATION[critere].toLowerCase()})`} nativeInputProps={{ ...register(`questions.${index}.question`), id: `question-${index}-texte`, maxLength: 1000 }} {...etatChamp(e?.question?.message)} />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <Select label={`Appréciation (${nom})`} nativeSelectProps={register(`questions.${index}.appreciation`)} {...etatChamp(e?.appreciation?.message)}>
            <option value="">Non encore appréciée</option>
            {(Object.keys(APPRECIATIONS) as (keyof typeof APPRECIATIONS)[]).map((a) => (
              <option key={a} value={a}>
                {APPRECIATIONS[a]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input label={`Jugement (${nom})`} hintText="La réponse argumentée à la question, appuyée sur les preuves" textArea nativeTextAreaProps={{ ...register(`questions.${index}.jugement`), rows: 4, maxLength: 10000 }} {...etatChamp(e?.jugement?.message)} />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <p className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-1w')}>Preuves de la {nom}</p>
          {choisies.length === 0 ? (
            <p className={fr.cx('fr-text--sm')}>Aucune preuve : ajoutez des valeurs validées, des verbatims ou des documents.</p>
          ) : (
            <ul className={fr.cx('fr-text--sm')}>
              {choisies.map((p, n) => (
                <li key={p.id} className={fr.cx('fr-mb-1w')}>
                  <Badge small noIcon as="span">
                    {LIBELLES_PREUVE[p.type]}
                  </Badge>{' '}
                  {preuves.libelles.get(p.id)?.texte ?? 'Preuve introuvable dans ce contrat'}{' '}
                  <Button
                    type="button"
                    size="small"
                    priority="tertiary no outline"
                    iconId="fr-icon-close-line"
                    onClick={() => setValue(`questions.${index}.preuves`, choisies.filter((_, m) => m !== n), { shouldDirty: true })}
                    nativeButtonProps={{ 'aria-label': `Retirer la preuve ${n + 1} de la ${nom}` }}
                  >
                    Retirer
                  </Button>
                  {e?.preuves?.[n] && <span className={fr.cx('fr-error-text', 'fr-mt-0')}>{(e.preuves[n] as { message?: string }).message ?? 'Preuve refusée'}</span>}
                </li>
              ))}
            </ul>
          )}
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-9')}>
              <Select
                label={`Ajouter une preuve à la ${nom}`}
                hint={preuves.enCours ? 'Chargement des valeurs validées, verbatims et documents…' : 'Seules les valeurs validées peuvent servir de preuve.'}
                nativeSelectProps={{ value: choix, onChange: (ev) => setChoix(ev.target.value) }}
              >
                <option value="">Choisir une preuve</option>
                {(['valeur', 'verbatim', 'document'] as TypePreuve[]).map((type) => {
                  const liste = disponibles.filter(([, p]) => p.type === type);
                  return liste.length ? (
                    <optgroup key={type} label={type === 'valeur' ? 'Valeurs validées des indicateurs' : type === 'verbatim' ? 'Verbatims du diagnostic' : 'Documents du contrat'}>
                      {liste.map(([id, p]) => (
                        <option key={id} value={id}>
                          {p.texte}
                        </option>
                      ))}
                    </optgroup>
                  ) : null;
                })}
              </Select>
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
              <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" className={fr.cx('fr-mb-3w')} disabled={!choix} onClick={ajouter} nativeButtonProps={{ 'aria-label': `Ajouter la preuve choisie à la ${nom}` }}>
                Ajouter la preuve
              </Button>
            </div>
          </div>
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <div className="maillage-actions">
            <Button type="button" size="small" priority="tertiary" iconId="fr-icon-arrow-up-line" disabled={premier} onClick={onMonter} nativeButtonProps={{ id: `question-${index}-monter`, 'aria-label': `Monter la ${nom}` }}>
              Monter
            </Button>
            <Button type="button" size="small" priority="tertiary" iconId="fr-icon-arrow-down-line" disabled={dernier} onClick={onDescendre} nativeButtonProps={{ id: `question-${index}-descendre`, 'aria-label': `Descendre la ${nom}` }}>
              Descendre
            </Button>
            <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={onRetirer} nativeButtonProps={{ 'aria-label': `Retirer la ${nom}` }}>
              Retirer
            </Button>
          </div>
        </div>
      </fieldset>
    </div>
  );
}

function differencesEvaluation(a: FormulaireEvaluation, b: FormulaireEvaluation) {
  const questions = (v: FormulaireEvaluation) =>
    v.questions.map((q) => `[${CRITERES_EVALUATION[q.critere]}] ${q.question.trim()}${q.appreciation ? ` — ${APPRECIATIONS[q.appreciation as keyof typeof APPRECIATIONS]}` : ''}${q.jugement.trim() ? ` — ${q.jugement.trim()}` : ''} (${q.preuves.length} preuve${q.preuves.length > 1 ? 's' : ''})`).join(' ; ');
  return differences<FormulaireEvaluation>(
    [
      { libelle: 'Type', valeur: (v) => TYPES_EVALUATION[v.type] },
      { libelle: 'Intitulé', valeur: (v) => v.intitule.trim() },
      { libelle: 'Évaluateur', valeur: (v) => v.evaluateur.trim() },
      { libelle: 'Date du rapport', valeur: (v) => (v.dateRapport ? formaterDateDuJour(v.dateRapport) : '') },
      { libelle: 'Méthode', valeur: (v) => v.methode.trim() },
      { libelle: 'Synthèse', valeur: (v) => v.synthese.trim() },
      { libelle: 'Questions', valeur: questions },
      { libelle: 'Recommandations', valeur: (v) => v.recommandations.map((r) => `${r.texte.trim()}${r.priorite ? ` (priorité ${LIBELLES_PRIORITE_RECOMMANDATION[r.priorite as 'haute'].toLowerCase()})` : ''}`).join(' ; ') },
      { libelle: 'Participants', valeur: (v) => v.participants.map((p) => [p.nom, p.organisation, p.role].filter((x) => x.trim()).join(', ')).join(' ; ') },
      { libelle: 'Évaluation terminée', valeur: (v) => (v.terminee ? 'oui' : 'non') },
    ],
    a,
    b,
  );
}

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
  const editable = !!contrat.data?.droits.modifier;
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
