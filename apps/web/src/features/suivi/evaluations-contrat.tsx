import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { zodResolver } from '@hookform/resolvers/zod';
import { evaluationSchema, TYPES_EVALUATION, type EvaluationSaisie } from '@maillage/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { telecharger } from '../../api/telechargement';
import { useCreationEvaluation, useEvaluations } from '../../api/suivi';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { appliquerErreursServeur, etatChamp } from '../../components/formulaire';
import { formaterDateDuJour } from './libelles-suivi';

const schemaCreation = evaluationSchema.pick({ type: true, intitule: true });
type ValeursCreation = z.input<typeof schemaCreation>;

function FormulaireEvaluation({ contrat, onAnnuler }: { contrat: ContratDetail; onAnnuler: () => void }) {
  const naviguer = useNavigate();
  const creation = useCreationEvaluation(contrat.id);
  const form = useForm<ValeursCreation, unknown, z.output<typeof schemaCreation>>({
    resolver: zodResolver(schemaCreation),
    defaultValues: { type: 'intermediaire', intitule: `Évaluation intermédiaire du ${contrat.intitule}` },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const envoyer = (s: z.output<typeof schemaCreation>) =>
    creation.mutate(evaluationSchema.parse({ ...s }) as EvaluationSaisie, {
      onSuccess: (r) =>
        naviguer(`/evaluations/${r.id}`, {
          state: { message: 'L’évaluation est créée : posez ses questions évaluatives, critère par critère.' },
        }),
      onError: (e) => appliquerErreursServeur(e, form.setError, ['type', 'intitule']),
    });
  return (
    <form
      onSubmit={form.handleSubmit(envoyer)}
      noValidate
      className={fr.cx('fr-p-3w', 'fr-mb-4w') + ' maillage-encart'}
      aria-labelledby="titre-nouvelle-evaluation"
    >
      <h3 id="titre-nouvelle-evaluation" className={fr.cx('fr-h5')}>
        Nouvelle évaluation
      </h3>
      {creation.error ? <AlerteErreur erreur={creation.error} as="h4" titre="L’évaluation n’a pas été créée" /> : null}
      <RadioButtons
        legend="Type d’évaluation"
        orientation="horizontal"
        options={(Object.keys(TYPES_EVALUATION) as (keyof typeof TYPES_EVALUATION)[]).map((t) => ({
          label: TYPES_EVALUATION[t],
          nativeInputProps: {
            ...register('type', {
              onChange: (e) => {
                const actuel = form.getValues('intitule');
                if (Object.values(TYPES_EVALUATION).some((l) => actuel === `${l} du ${contrat.intitule}`))
                  form.setValue('intitule', `${TYPES_EVALUATION[e.target.value as keyof typeof TYPES_EVALUATION]} du ${contrat.intitule}`);
              },
            }),
            value: t,
          },
        }))}
        {...etatChamp(errors.type?.message)}
      />
      <Input
        label="Intitulé"
        nativeInputProps={{ ...register('intitule'), required: true, maxLength: 300 }}
        {...etatChamp(errors.intitule?.message)}
      />
      <BoutonsFormulaire taille="md" libelle="Créer et ouvrir l’évaluation" enCours={creation.isPending} onAnnuler={onAnnuler} />
    </form>
  );
}

/** The contract's evaluations: list, report downloads, and the start of a new one. */
export function EvaluationsContrat({ contrat }: { contrat: ContratDetail }) {
  const evaluations = useEvaluations(contrat.id);
  const [formulaire, setFormulaire] = useState(false);
  const [message, setMessage] = useState('');
  const [erreur, setErreur] = useState<unknown>(null);
  const peutCreer = contrat.droits.completer;
  const charger = (id: string, format: 'docx' | 'pdf') => {
    setErreur(null);
    setMessage('Production du rapport…');
    telecharger(`/api/evaluations/${id}/rapport.${format}`).then(
      (nom) => setMessage(`Rapport « ${nom} » téléchargé.`),
      (e) => {
        setMessage('');
        setErreur(e);
      },
    );
  };
  return (
    <section aria-labelledby="titre-evaluations" className={fr.cx('fr-mb-6w')}>
      <div className="maillage-titre-avec-action">
        <h2 id="titre-evaluations">Évaluations</h2>
        {peutCreer && !formulaire && evaluations.data && evaluations.data.length > 0 && (
          <Button type="button" iconId="fr-icon-add-line" onClick={() => setFormulaire(true)}>
            Nouvelle évaluation
          </Button>
        )}
      </div>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {erreur ? <AlerteErreur erreur={erreur} as="h3" titre="Le rapport n’a pas pu être produit" /> : null}
      {formulaire && <FormulaireEvaluation contrat={contrat} onAnnuler={() => setFormulaire(false)} />}
      {evaluations.isPending ? (
        <Chargement libelle="Chargement des évaluations…" />
      ) : evaluations.error ? (
        <AlerteErreur erreur={evaluations.error} as="h3" titre="Impossible de charger les évaluations" />
      ) : evaluations.data.length === 0 ? (
        !formulaire && (
          <EtatVide
            titre="Aucune évaluation"
            titreAs="h3"
            iconId="fr-icon-survey-line"
            action={peutCreer ? { children: 'Nouvelle évaluation', onClick: () => setFormulaire(true) } : undefined}
          >
            <p>
              À mi-parcours (évaluation intermédiaire) puis en fin de contrat (évaluation finale), l’évaluation pose des questions par
              critère — pertinence, cohérence, efficacité, efficience, impact —, les appuie sur des preuves (valeurs validées des
              indicateurs, verbatims du diagnostic, documents), formule un jugement et des recommandations. Son rapport se télécharge en
              DOCX ou PDF, et la génération suivante du contrat peut partir de ses recommandations.
            </p>
          </EtatVide>
        )
      ) : (
        <div className="maillage-defilement">
          <Table
            caption="Les évaluations du contrat"
            headers={['Évaluation', 'Type', 'Évaluateur', 'Rapport du', 'État', 'Rapport']}
            data={evaluations.data.map((e) => [
              <Link key="l" to={`/evaluations/${e.id}`}>
                {e.intitule}
              </Link>,
              TYPES_EVALUATION[e.type],
              e.evaluateur ?? '—',
              e.dateRapport ? formaterDateDuJour(e.dateRapport) : '—',
              e.terminee ? (
                <Badge key="b" small severity="success" as="span">
                  Terminée
                </Badge>
              ) : (
                <Badge key="b" small severity="new" as="span">
                  En cours
                </Badge>
              ),
              <div key="r" className="maillage-actions">
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-download-line"
                  onClick={() => charger(e.id, 'docx')}
                  nativeButtonProps={{ 'aria-label': `Télécharger le rapport « ${e.intitule} » en DOCX` }}
                >
                  DOCX
                </Button>
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-download-line"
                  onClick={() => charger(e.id, 'pdf')}
                  nativeButtonProps={{ 'aria-label': `Télécharger le rapport « ${e.intitule} » en PDF` }}
                >
                  PDF
                </Button>
              </div>,
            ])}
          />
        </div>
      )}
    </section>
  );
}
