import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
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
import { useWatch, type FieldErrors, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useDiagnostic } from '../../api/diagnostics';
import { useFiches } from '../../api/fiches';
import { useFichiersContrat } from '../../api/fichiers';
import { useSuivisFiches, type Evaluation } from '../../api/suivi';
import { differences } from '../../components/conflit-version';
import { etatChamp } from '../../components/formulaire';
import { ecrireMesure, formaterDateDuJour, LIBELLES_PRIORITE_RECOMMANDATION } from './libelles-suivi';

/** The evaluation form's model and one evaluative question with its evidence: the editor page assembles them. */

type TypePreuve = 'valeur' | 'verbatim' | 'document';
export const CRITERES = Object.keys(CRITERES_EVALUATION) as CritereEvaluation[];
const LIBELLES_PREUVE: Record<TypePreuve, string> = { valeur: 'Valeur validée', verbatim: 'Verbatim', document: 'Document' };

export interface FormulaireEvaluation {
  type: 'intermediaire' | 'finale';
  intitule: string;
  evaluateur: string;
  dateRapport: string;
  methode: string;
  synthese: string;
  questions: {
    critere: CritereEvaluation;
    question: string;
    jugement: string;
    appreciation: string;
    preuves: { type: TypePreuve; id: string }[];
  }[];
  recommandations: { texte: string; priorite: string }[];
  participants: { nom: string; organisation: string; role: string }[];
  terminee: boolean;
}

const t = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function versFormulaire(e: Partial<EvaluationSaisie>): FormulaireEvaluation {
  return {
    type: e.type ?? 'intermediaire',
    intitule: e.intitule ?? '',
    evaluateur: e.evaluateur ?? '',
    dateRapport: e.dateRapport ?? '',
    methode: e.methode ?? '',
    synthese: e.synthese ?? '',
    questions: (e.questions ?? []).map((q) => ({
      critere: q.critere,
      question: q.question,
      jugement: q.jugement ?? '',
      appreciation: q.appreciation ?? '',
      preuves: q.preuves.map((p) => ({ ...p })),
    })),
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
    questions: v.questions.map((q) => ({
      critere: q.critere,
      question: q.question.trim(),
      jugement: t(q.jugement),
      appreciation: (q.appreciation || null) as never,
      preuves: q.preuves,
    })),
    recommandations: v.recommandations.map((r) => ({ texte: r.texte.trim(), priorite: (r.priorite || null) as never })),
    participants: v.participants.map((p) => ({ nom: p.nom.trim(), organisation: t(p.organisation), role: t(p.role) })),
    terminee: v.terminee,
  };
}

const resolveur = zodResolver(evaluationSchema);
export const resolverEvaluation: Resolver<FormulaireEvaluation, unknown, EvaluationSaisie> = async (v, c, o) => {
  const r = await resolveur(versSaisie(v), c, o as never);
  return Object.keys(r.errors).length
    ? { values: {}, errors: r.errors as FieldErrors<FormulaireEvaluation> }
    : { values: r.values as EvaluationSaisie, errors: {} };
};

type Preuves = Map<string, { type: TypePreuve; texte: string }>;

/** Everything that may back a judgement: the contract's validated values, its diagnostic's verbatims, its documents. */
export function usePreuvesDisponibles(contratId: string, resolues: Evaluation['preuves']) {
  const fiches = useFiches(contratId);
  const suivis = useSuivisFiches((fiches.data ?? []).map((f) => f.id));
  const diagnostic = useDiagnostic(contratId);
  const fichiers = useFichiersContrat(contratId);
  return useMemo(() => {
    const options: Preuves = new Map();
    for (const s of suivis.suivis)
      for (const i of s.indicateurs)
        for (const v of i.valeurs.filter((x) => x.etat === 'valide'))
          options.set(v.id, {
            type: 'valeur',
            texte: `Fiche ${s.fiche.numero} — ${i.libelle}, ${libellePeriodeSuivi(v.periode)} : ${ecrireMesure(v, i)}`,
          });
    for (const v of diagnostic.data?.verbatims ?? [])
      options.set(v.id, { type: 'verbatim', texte: `« ${v.texte.length > 140 ? `${v.texte.slice(0, 140)}…` : v.texte} » — ${v.locuteur}` });
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

export function Question({ form, index, rang, premier, dernier, onMonter, onDescendre, onRetirer, preuves }: PropsQuestion) {
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
          <Input
            label={`Question évaluative ${rang} (${CRITERES_EVALUATION[critere].toLowerCase()})`}
            nativeInputProps={{ ...register(`questions.${index}.question`), id: `question-${index}-texte`, maxLength: 1000 }}
            {...etatChamp(e?.question?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <Select
            label={`Appréciation (${nom})`}
            nativeSelectProps={register(`questions.${index}.appreciation`)}
            {...etatChamp(e?.appreciation?.message)}
          >
            <option value="">Non encore appréciée</option>
            {(Object.keys(APPRECIATIONS) as (keyof typeof APPRECIATIONS)[]).map((a) => (
              <option key={a} value={a}>
                {APPRECIATIONS[a]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label={`Jugement (${nom})`}
            hintText="La réponse argumentée à la question, appuyée sur les preuves"
            textArea
            nativeTextAreaProps={{ ...register(`questions.${index}.jugement`), rows: 4, maxLength: 10000 }}
            {...etatChamp(e?.jugement?.message)}
          />
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
                    onClick={() =>
                      setValue(
                        `questions.${index}.preuves`,
                        choisies.filter((_, m) => m !== n),
                        { shouldDirty: true },
                      )
                    }
                    nativeButtonProps={{ 'aria-label': `Retirer la preuve ${n + 1} de la ${nom}` }}
                  >
                    Retirer
                  </Button>
                  {e?.preuves?.[n] && (
                    <span className={fr.cx('fr-error-text', 'fr-mt-0')}>
                      {(e.preuves[n] as { message?: string }).message ?? 'Preuve refusée'}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-9')}>
              <Select
                label={`Ajouter une preuve à la ${nom}`}
                hint={
                  preuves.enCours
                    ? 'Chargement des valeurs validées, verbatims et documents…'
                    : 'Seules les valeurs validées peuvent servir de preuve.'
                }
                nativeSelectProps={{ value: choix, onChange: (ev) => setChoix(ev.target.value) }}
              >
                <option value="">Choisir une preuve</option>
                {(['valeur', 'verbatim', 'document'] as TypePreuve[]).map((type) => {
                  const liste = disponibles.filter(([, p]) => p.type === type);
                  return liste.length ? (
                    <optgroup
                      key={type}
                      label={
                        type === 'valeur'
                          ? 'Valeurs validées des indicateurs'
                          : type === 'verbatim'
                            ? 'Verbatims du diagnostic'
                            : 'Documents du contrat'
                      }
                    >
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
              <Button
                type="button"
                size="small"
                priority="secondary"
                iconId="fr-icon-add-line"
                className={fr.cx('fr-mb-3w')}
                disabled={!choix}
                onClick={ajouter}
                nativeButtonProps={{ 'aria-label': `Ajouter la preuve choisie à la ${nom}` }}
              >
                Ajouter la preuve
              </Button>
            </div>
          </div>
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <div className="maillage-actions">
            <Button
              type="button"
              size="small"
              priority="tertiary"
              iconId="fr-icon-arrow-up-line"
              disabled={premier}
              onClick={onMonter}
              nativeButtonProps={{ id: `question-${index}-monter`, 'aria-label': `Monter la ${nom}` }}
            >
              Monter
            </Button>
            <Button
              type="button"
              size="small"
              priority="tertiary"
              iconId="fr-icon-arrow-down-line"
              disabled={dernier}
              onClick={onDescendre}
              nativeButtonProps={{ id: `question-${index}-descendre`, 'aria-label': `Descendre la ${nom}` }}
            >
              Descendre
            </Button>
            <Button
              type="button"
              size="small"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              onClick={onRetirer}
              nativeButtonProps={{ 'aria-label': `Retirer la ${nom}` }}
            >
              Retirer
            </Button>
          </div>
        </div>
      </fieldset>
    </div>
  );
}

export function differencesEvaluation(a: FormulaireEvaluation, b: FormulaireEvaluation) {
  const questions = (v: FormulaireEvaluation) =>
    v.questions
      .map(
        (q) =>
          `[${CRITERES_EVALUATION[q.critere]}] ${q.question.trim()}${q.appreciation ? ` — ${APPRECIATIONS[q.appreciation as keyof typeof APPRECIATIONS]}` : ''}${q.jugement.trim() ? ` — ${q.jugement.trim()}` : ''} (${q.preuves.length} preuve${q.preuves.length > 1 ? 's' : ''})`,
      )
      .join(' ; ');
  return differences<FormulaireEvaluation>(
    [
      { libelle: 'Type', valeur: (v) => TYPES_EVALUATION[v.type] },
      { libelle: 'Intitulé', valeur: (v) => v.intitule.trim() },
      { libelle: 'Évaluateur', valeur: (v) => v.evaluateur.trim() },
      { libelle: 'Date du rapport', valeur: (v) => (v.dateRapport ? formaterDateDuJour(v.dateRapport) : '') },
      { libelle: 'Méthode', valeur: (v) => v.methode.trim() },
      { libelle: 'Synthèse', valeur: (v) => v.synthese.trim() },
      { libelle: 'Questions', valeur: questions },
      {
        libelle: 'Recommandations',
        valeur: (v) =>
          v.recommandations
            .map(
              (r) =>
                `${r.texte.trim()}${r.priorite ? ` (priorité ${LIBELLES_PRIORITE_RECOMMANDATION[r.priorite as 'haute'].toLowerCase()})` : ''}`,
            )
            .join(' ; '),
      },
      {
        libelle: 'Participants',
        valeur: (v) => v.participants.map((p) => [p.nom, p.organisation, p.role].filter((x) => x.trim()).join(', ')).join(' ; '),
      },
      { libelle: 'Évaluation terminée', valeur: (v) => (v.terminee ? 'oui' : 'non') },
    ],
    a,
    b,
  );
}
