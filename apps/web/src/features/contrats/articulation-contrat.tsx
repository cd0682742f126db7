import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  dispositifTerritorialSchema,
  estClos,
  EVALUATEURS,
  evaluationPrevueSchema,
  formaterDate,
  formaterPeriode,
  TYPES_DISPOSITIF_TERRITORIAL,
  TYPES_EVALUATION_PREVUE,
  type DispositifTerritorialSaisie,
  type EvaluationPrevueSaisie,
} from '@maillage/domain';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useDispositifsTerritoriaux, useEvaluationsPrevues } from '../../api/contrats';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { appliquerErreursServeur, etatChamp, videEnNull } from '../../components/formulaire';
import { editionStructure } from './statuts';

const optionnel = { setValueAs: videEnNull };

function Boutons({ libelle, enCours, onAnnuler }: { libelle: string; enCours: boolean; onAnnuler: () => void }) {
  return (
    <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-sm', 'fr-btns-group--sm')}>
      <li>
        <Button type="submit" disabled={enCours}>
          {libelle}
        </Button>
      </li>
      <li>
        <Button type="button" priority="secondary" onClick={onAnnuler}>
          Annuler
        </Button>
      </li>
    </ul>
  );
}

type ValeursEvaluation = Omit<z.input<typeof evaluationPrevueSchema>, 'questions'> & { questions: string };

/** A planned evaluation: its type, when, who evaluates, and the evaluative questions (one per line). */
function FormulaireEvaluation({ onEnregistrer, onAnnuler, erreur, enCours }: { onEnregistrer: (e: EvaluationPrevueSaisie) => Promise<unknown>; onAnnuler: () => void; erreur: unknown; enCours: boolean }) {
  const id = useId();
  const form = useForm<ValeursEvaluation>({ defaultValues: { type: 'finale', evaluateurType: 'externe', echeance: null, moment: null, evaluateurNom: null, questions: '' } });
  const {
    register,
    formState: { errors },
  } = form;
  const soumettre = form.handleSubmit(async (v) => {
    const saisie = evaluationPrevueSchema.safeParse({ ...v, questions: v.questions.split('\n').map((q) => q.trim()).filter(Boolean) });
    if (!saisie.success) {
      for (const i of saisie.error.issues) form.setError(String(i.path[0]) as keyof ValeursEvaluation, { message: i.message });
      return;
    }
    await onEnregistrer(saisie.data).catch((e) => appliquerErreursServeur(e, form.setError, ['type', 'echeance', 'moment', 'evaluateurType', 'evaluateurNom', 'questions']));
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
          <Input label="Échéance (facultatif)" nativeInputProps={{ type: 'date', ...register('echeance', optionnel) }} {...etatChamp(errors.echeance?.message)} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input label="Calendrier en mots (facultatif)" hintText="« À mi-parcours », « avant le renouvellement »" nativeInputProps={{ ...register('moment', optionnel), maxLength: 300 }} {...etatChamp(errors.moment?.message)} />
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
          <Input label="Évaluateur (facultatif)" hintText="Équipe, service ou cabinet ; vide : à désigner" nativeInputProps={{ ...register('evaluateurNom', optionnel), maxLength: 300 }} {...etatChamp(errors.evaluateurNom?.message)} />
        </div>
      </div>
      <Input
        textArea
        label="Questions évaluatives (une par ligne)"
        hintText="Par exemple : le CLS répond-il aux besoins de santé prioritaires du territoire ? Réduit-il les inégalités sociales et territoriales de santé ?"
        nativeTextAreaProps={{ ...register('questions'), rows: 4 }}
        {...etatChamp(errors.questions?.message)}
      />
      <Boutons libelle="Enregistrer l’évaluation prévue" enCours={enCours} onAnnuler={onAnnuler} />
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
              <strong>{TYPES_EVALUATION_PREVUE[e.type]}</strong> — {[e.echeance ? `pour le ${formaterDate(e.echeance)}` : null, e.moment].filter(Boolean).join(', ')} —{' '}
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
                <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-delete-line" onClick={() => mutations.retrait.mutate(e.id)}>
                  Retirer cette évaluation prévue
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mutations.retrait.error ? <AlerteErreur erreur={mutations.retrait.error} as="h3" titre="L’évaluation prévue n’a pas été retirée" /> : null}
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

type ValeursDispositif = z.input<typeof dispositifTerritorialSchema>;

function FormulaireDispositif({ onEnregistrer, onAnnuler, erreur, enCours }: { onEnregistrer: (d: DispositifTerritorialSaisie) => Promise<unknown>; onAnnuler: () => void; erreur: unknown; enCours: boolean }) {
  const id = useId();
  const form = useForm<ValeursDispositif, unknown, DispositifTerritorialSaisie>({
    resolver: zodResolver(dispositifTerritorialSchema) as never,
    defaultValues: { type: 'cpts', nom: '', territoire: null, debut: null, fin: null, lien: null },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const soumettre = form.handleSubmit((d) => onEnregistrer(d).catch((e) => appliquerErreursServeur(e, form.setError, ['type', 'nom', 'territoire', 'debut', 'fin', 'lien'])));
  return (
    <form onSubmit={soumettre} noValidate aria-labelledby={`${id}-titre`} className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}>
      <p id={`${id}-titre`} className={fr.cx('fr-text--bold')}>
        Ajouter un dispositif du territoire
      </p>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="Le dispositif n’a pas été enregistré" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select label="Type de dispositif" nativeSelectProps={register('type')} {...etatChamp(errors.type?.message)}>
            {Object.entries(TYPES_DISPOSITIF_TERRITORIAL).map(([code, libelle]) => (
              <option key={code} value={code}>
                {libelle}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
          <Input label="Nom" hintText="Par exemple : CPTS de l’agglomération de Redon" nativeInputProps={{ ...register('nom'), maxLength: 300 }} {...etatChamp(errors.nom?.message)} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input label="Territoire (facultatif)" nativeInputProps={{ ...register('territoire', optionnel), maxLength: 300 }} {...etatChamp(errors.territoire?.message)} />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-2')}>
          <Input label="Début (facultatif)" nativeInputProps={{ type: 'date', ...register('debut', optionnel) }} {...etatChamp(errors.debut?.message)} />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-2')}>
          <Input label="Fin (facultatif)" nativeInputProps={{ type: 'date', ...register('fin', optionnel) }} {...etatChamp(errors.fin?.message)} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input label="Lien (facultatif)" hintText="Adresse web : https://…" nativeInputProps={{ type: 'url', ...register('lien', optionnel), maxLength: 1000 }} {...etatChamp(errors.lien?.message)} />
        </div>
      </div>
      <Boutons libelle="Enregistrer le dispositif" enCours={enCours} onAnnuler={onAnnuler} />
    </form>
  );
}

/** The schemes of the territory the contract works with (seed 003): they change without avenant until it closes. */
export function DispositifsTerritoriaux({ contrat }: { contrat: ContratDetail }) {
  const mutations = useDispositifsTerritoriaux(contrat.id);
  const modifiable = contrat.droits.modifier && !estClos(contrat.statut);
  const [ouvert, setOuvert] = useState(false);
  return (
    <section aria-labelledby="dispositifs-territoriaux" className={fr.cx('fr-mb-4w')}>
      <h2 id="dispositifs-territoriaux" className={fr.cx('fr-h4')}>
        Articulation avec les dispositifs du territoire
      </h2>
      <p className={fr.cx('fr-text--sm')}>Ateliers santé ville, conseils locaux de santé mentale, contrats de ville, CPTS, projets territoriaux de santé mentale… que le contrat ne remplace pas.</p>
      {contrat.dispositifsTerritoriaux.length === 0 ? (
        <Notice title="Aucun dispositif du territoire n’est rattaché à ce contrat." />
      ) : (
        <ul>
          {contrat.dispositifsTerritoriaux.map((d) => (
            <li key={d.id} className={fr.cx('fr-mb-1w')}>
              <strong>{d.nom}</strong> — {TYPES_DISPOSITIF_TERRITORIAL[d.type]}
              {d.territoire ? ` — ${d.territoire}` : ''}
              {d.debut || d.fin ? ` — ${formaterPeriode(d.debut, d.fin)}` : ''}
              {' — '}
              {d.nombreFiches === 0 ? 'aucune fiche rattachée' : d.nombreFiches === 1 ? '1 fiche rattachée' : `${d.nombreFiches} fiches rattachées`}
              {d.lien && (
                <>
                  {' — '}
                  <a href={d.lien} target="_blank" rel="noopener noreferrer" title={`Site de ${d.nom} (nouvelle fenêtre)`}>
                    site
                  </a>
                </>
              )}
              {modifiable && (
                <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-delete-line" className={fr.cx('fr-ml-1w')} onClick={() => mutations.retrait.mutate(d.id)} nativeButtonProps={{ 'aria-label': `Retirer le dispositif ${d.nom}` }}>
                  Retirer
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mutations.retrait.error ? <AlerteErreur erreur={mutations.retrait.error} as="h3" titre="Le dispositif n’a pas été retiré" /> : null}
      {modifiable &&
        (ouvert ? (
          <FormulaireDispositif
            onEnregistrer={(d) => mutations.ajout.mutateAsync(d).then(() => setOuvert(false))}
            onAnnuler={() => setOuvert(false)}
            erreur={mutations.ajout.error}
            enCours={mutations.ajout.isPending}
          />
        ) : (
          <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setOuvert(true)}>
            Ajouter un dispositif du territoire
          </Button>
        ))}
    </section>
  );
}
