import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { COTATIONS, DIMENSIONS_EVALUATION, type DimensionEvaluation, niveauReponse, URGENCES, type Urgence } from '@maillage/domain';
import { useForm } from 'react-hook-form';
import { type SituationComplete, useEvaluation } from '../../api/appui';
import { AlerteErreur } from '../../components/alerte-erreur';
import { formaterDateHeure } from '../../components/format';
import { appliquerErreursServeur } from '../../components/formulaire';
import { FormulaireEncart } from '../../components/formulaire-encart';
import { TableauDefilant } from '../../components/tableau-defilant';
import { libelleNiveau, libelleUrgence } from './libelles-appui';

const DIMENSIONS = Object.entries(DIMENSIONS_EVALUATION) as [DimensionEvaluation, string][];
type Valeurs = Record<DimensionEvaluation, string> & { urgence: Urgence; commentaire: string };

/** The grid of complexity (five dimensions scored 0 to 3, and urgency); the level of answer shows as it is filled. */
function NouvelleEvaluation({ s }: { s: SituationComplete }) {
  const evaluation = useEvaluation(s.id);
  const derniere = s.evaluations[0];
  const { register, handleSubmit, watch, setError } = useForm<Valeurs>({
    defaultValues: {
      ...(Object.fromEntries(DIMENSIONS.map(([d]) => [d, String(derniere?.[d] ?? 0)])) as Record<DimensionEvaluation, string>),
      urgence: derniere?.urgence ?? 'normale',
      commentaire: '',
    },
  });
  const valeurs = watch();
  const grille = Object.fromEntries(DIMENSIONS.map(([d]) => [d, Number(valeurs[d])])) as Record<DimensionEvaluation, number>;
  const niveau = niveauReponse(grille, valeurs.urgence);
  const soumettre = handleSubmit((v) =>
    evaluation.mutate(
      { ...grille, urgence: v.urgence, commentaire: v.commentaire.trim() || null },
      { onError: (e) => appliquerErreursServeur(e, setError, [...DIMENSIONS.map(([d]) => d), 'urgence', 'commentaire']) },
    ),
  );
  return (
    <FormulaireEncart idTitre="titre-evaluation" titre={derniere ? 'Réévaluer la situation' : 'Évaluer la situation'} onSubmit={soumettre}>
      {evaluation.error ? <AlerteErreur erreur={evaluation.error} as="h3" titre="L’évaluation n’a pas été enregistrée" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        {DIMENSIONS.map(([code, libelle]) => (
          <div key={code} className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Select label={`Dimension ${libelle.toLowerCase()}`} nativeSelectProps={register(code)}>
              {Object.entries(COTATIONS).map(([cote, texte]) => (
                <option key={cote} value={cote}>
                  {cote} — {texte}
                </option>
              ))}
            </Select>
          </div>
        ))}
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select label="Urgence" nativeSelectProps={register('urgence')}>
            {Object.entries(URGENCES).map(([code, libelle]) => (
              <option key={code} value={code}>
                {libelle}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Input label="Commentaire (facultatif)" textArea nativeTextAreaProps={register('commentaire')} />
      <p className={fr.cx('fr-text--bold')} aria-live="polite">
        Niveau de réponse qui en résulte : {libelleNiveau(niveau)}
      </p>
      <Button type="submit" disabled={evaluation.isPending}>
        Enregistrer l’évaluation
      </Button>
      {evaluation.isSuccess && (
        <p role="status" className={fr.cx('fr-mt-2w')}>
          Évaluation enregistrée.
        </p>
      )}
    </FormulaireEncart>
  );
}

/** Evaluation: the grid, the level it gives, and the earlier evaluations (most recent first). */
export function OngletEvaluation({ situation: s }: { situation: SituationComplete }) {
  return (
    <>
      <h2>Évaluation de la complexité</h2>
      <p>
        Chaque dimension est cotée de 0 (aucune difficulté) à 3 (difficulté sévère) ; la grille et l’urgence donnent le niveau de réponse,
        de l’information et orientation à la gestion de cas.
      </p>
      {s.statut === 'ouverte' && <NouvelleEvaluation s={s} />}
      {s.evaluations.length === 0 ? (
        <p>Aucune évaluation encore.</p>
      ) : (
        <TableauDefilant
          caption="Évaluations de la situation"
          headers={['Date', ...DIMENSIONS.map(([, l]) => l), 'Urgence', 'Niveau de réponse', 'Par']}
          data={s.evaluations.map((e) => [
            formaterDateHeure(e.evalueeLe),
            ...DIMENSIONS.map(([d]) => String(e[d])),
            libelleUrgence(e.urgence),
            libelleNiveau(e.niveau),
            e.evalueePar ?? '—',
          ])}
        />
      )}
    </>
  );
}
