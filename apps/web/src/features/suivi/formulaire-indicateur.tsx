import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { LIBELLES_TYPE_INDICATEUR, TYPES_INDICATEUR_SUIVI, type IndicateurSuiviSaisie } from '@maillage/domain';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { ErreurApi, estErreurApi } from '../../api/client';
import { useIndicateurs } from '../../api/indicateurs';
import { useGestionIndicateurs, type IndicateurSuiviLigne } from '../../api/suivi';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { ConflitVersion } from '../../components/conflit-version';
import { etatChamp } from '../../components/formulaire';
import { ChampsReference, CiblesParPeriode } from './champs-indicateur';
import { AlerteErreurProfonde } from './libelles-suivi';
import {
  cheminIndicateur,
  differencesIndicateur,
  resolverIndicateur,
  versFormulaireIndicateur,
  type FormulaireIndicateur,
} from './modele-indicateur';

interface Props {
  ficheId: string;
  indicateur?: IndicateurSuiviLigne | null;
  /** Periods offered for a new target. */
  periodeSuggeree: string;
  /** Switching value ↔ percentage is refused once values are validated. */
  aDesValeursValidees: boolean;
  onFermer: (message?: string) => void;
}

/**
 * Add or edit a follow-up indicator: type, unit, method, source, weight; baseline; targets by period (a percentage
 * keeps numerator and denominator); the optional link to a diagnostic indicator.
 */
export function FormulaireIndicateurSuivi({ ficheId, indicateur, periodeSuggeree, aDesValeursValidees, onFermer }: Props) {
  const gestion = useGestionIndicateurs(ficheId);
  const catalogue = useIndicateurs();
  const [version, setVersion] = useState(indicateur?.version ?? 0);
  const [courant, setCourant] = useState<IndicateurSuiviLigne | null>(null);
  const form = useForm<FormulaireIndicateur, unknown, IndicateurSuiviSaisie>({
    resolver: resolverIndicateur,
    defaultValues: versFormulaireIndicateur(indicateur),
  });
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const pourcentage = useWatch({ control, name: 'pourcentage' });
  const enCours = gestion.creation.isPending || gestion.modification.isPending;
  const erreur = indicateur ? gestion.modification.error : gestion.creation.error;
  const libellesDiagnostic = new Map((catalogue.data ?? []).map((i) => [i.code, i.libelle]));
  const prefixe = indicateur ? `indicateur-${indicateur.id}` : 'nouvel-indicateur';
  useEffect(() => {
    requestAnimationFrame(() => document.getElementById(`${prefixe}-libelle`)?.focus());
  }, [prefixe]);

  const placerErreurs = (e: unknown) => {
    if (!(e instanceof ErreurApi) || !e.probleme.erreurs) return;
    let premier = true;
    for (const { champ, message } of e.probleme.erreurs) {
      form.setError(cheminIndicateur(champ) as Path<FormulaireIndicateur>, { type: 'serveur', message }, { shouldFocus: premier });
      premier = false;
    }
  };
  const enregistrer = (saisie: IndicateurSuiviSaisie, versionEnvoyee = version) => {
    if (indicateur)
      gestion.modification.mutate(
        { id: indicateur.id, saisie, version: versionEnvoyee },
        {
          onSuccess: () => onFermer(`Indicateur « ${saisie.libelle} » enregistré.`),
          onError: (e) => {
            if (estErreurApi(e, 409) && e.probleme.courant) setCourant(e.probleme.courant as IndicateurSuiviLigne);
            else placerErreurs(e);
          },
        },
      );
    else gestion.creation.mutate(saisie, { onSuccess: () => onFermer(`Indicateur « ${saisie.libelle} » ajouté.`), onError: placerErreurs });
  };

  const conflit = estErreurApi(gestion.modification.error, 409) && courant;
  return (
    <form
      onSubmit={form.handleSubmit((s) => enregistrer(s))}
      noValidate
      className={fr.cx('fr-p-3w', 'fr-mb-3w') + ' maillage-encart'}
      aria-labelledby={`${prefixe}-titre`}
    >
      <h4 id={`${prefixe}-titre`} className={fr.cx('fr-h6')}>
        {indicateur ? `Modifier l’indicateur « ${indicateur.libelle} »` : 'Nouvel indicateur de suivi'}
      </h4>
      {conflit && (
        <ConflitVersion
          entite="Cet indicateur"
          masculin
          diffs={differencesIndicateur(form.getValues(), versFormulaireIndicateur(courant), libellesDiagnostic)}
          enCours={enCours}
          onReprendre={() => {
            form.reset(versFormulaireIndicateur(courant));
            setVersion(courant.version);
            setCourant(null);
            gestion.modification.reset();
          }}
          onEcraser={() => {
            setVersion(courant.version);
            const v = courant.version;
            setCourant(null);
            void form.handleSubmit((s) => enregistrer(s, v))();
          }}
        />
      )}
      {erreur && !conflit ? <AlerteErreurProfonde erreur={erreur} as="h5" titre="L’indicateur n’a pas été enregistré" /> : null}

      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
          <Input
            label="Libellé"
            hintText="Ce qui est mesuré, par exemple « Ateliers de sensibilisation tenus »"
            nativeInputProps={{ ...register('libelle'), id: `${prefixe}-libelle`, required: true, maxLength: 500 }}
            {...etatChamp(errors.libelle?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select
            label="Type"
            hint="Processus : ce qui était prévu est-il fait ? Activité : combien ? Résultat : qu’est-ce qui a changé ?"
            nativeSelectProps={register('type')}
            {...etatChamp(errors.type?.message)}
          >
            {TYPES_INDICATEUR_SUIVI.map((t) => (
              <option key={t} value={t}>
                {LIBELLES_TYPE_INDICATEUR[t]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Controller
        control={control}
        name="pourcentage"
        render={({ field }) => (
          <ToggleSwitch
            label="Pourcentage (saisi par numérateur et dénominateur)"
            helperText={
              aDesValeursValidees && indicateur
                ? 'Des valeurs de cet indicateur sont validées : il ne peut plus passer d’une valeur à un pourcentage, ou l’inverse.'
                : 'Un taux garde son numérateur et son dénominateur, pour qu’on puisse le vérifier et l’additionner.'
            }
            checked={field.value}
            onChange={field.onChange}
            disabled={aDesValeursValidees && !!indicateur}
            labelPosition="right"
            showCheckedHint={false}
            className={fr.cx('fr-mb-3w')}
          />
        )}
      />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        {!pourcentage && (
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label="Unité (facultatif)"
              hintText="ateliers, participants, jours…"
              nativeInputProps={{ ...register('unite'), maxLength: 100 }}
              {...etatChamp(errors.unite?.message)}
            />
          </div>
        )}
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Source (facultatif)"
            hintText="Qui fournit la donnée"
            nativeInputProps={{ ...register('source'), maxLength: 500 }}
            {...etatChamp(errors.source?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Poids"
            hintText="Dans l’avancement de la fiche ; 1 par défaut"
            nativeInputProps={{ ...register('poids'), inputMode: 'decimal', maxLength: 10 }}
            {...etatChamp(errors.poids?.message)}
          />
        </div>
      </div>
      <Input
        label="Méthode de recueil (facultatif)"
        hintText="Comment la valeur est obtenue : comptage, questionnaire, extraction…"
        textArea
        nativeTextAreaProps={{ ...register('methode'), rows: 2, maxLength: 2000 }}
        {...etatChamp(errors.methode?.message)}
      />
      <Input
        label="Cible énoncée (facultatif)"
        hintText="Telle que la fiche la formule, par exemple « 200 participants » ; les cibles chiffrées par période sont plus bas"
        nativeInputProps={{ ...register('cible'), maxLength: 200 }}
        {...etatChamp(errors.cible?.message)}
      />

      <ChampsReference form={form} prefixe={prefixe} pourcentage={pourcentage} />
      <CiblesParPeriode form={form} prefixe={prefixe} pourcentage={pourcentage} periodeSuggeree={periodeSuggeree} />

      <Select
        label="Indicateur du diagnostic lié (facultatif)"
        hint="Pour montrer si l’écart constaté au diagnostic se réduit : la série du territoire et l’écart avec la région s’affichent avec l’indicateur."
        nativeSelectProps={register('indicateurDiagnostic')}
        {...etatChamp(errors.indicateurDiagnostic?.message)}
      >
        <option value="">Aucun</option>
        {(catalogue.data ?? []).map((i) => (
          <option key={i.code} value={i.code}>
            {i.libelle} ({i.unite})
          </option>
        ))}
      </Select>

      <BoutonsFormulaire
        taille="md"
        sansMarge={false}
        libelle={indicateur ? 'Enregistrer l’indicateur' : 'Ajouter l’indicateur'}
        enCours={enCours}
        onAnnuler={() => onFermer()}
      />
    </form>
  );
}
