import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { zodResolver } from '@hookform/resolvers/zod';
import { indicateurSuiviSchema, LIBELLES_TYPE_INDICATEUR, TYPES_INDICATEUR_SUIVI, type IndicateurSuiviSaisie } from '@maillage/domain';
import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type FieldErrors, type Path, type Resolver } from 'react-hook-form';
import { ErreurApi, estErreurApi } from '../../api/client';
import { useIndicateurs } from '../../api/indicateurs';
import { useGestionIndicateurs, type IndicateurSuiviLigne } from '../../api/suivi';

import { ConflitVersion, differences } from '../../components/conflit-version';
import { etatChamp } from '../../components/formulaire';
import { AlerteErreurProfonde, ecrireMesure, formaterDateDuJour, lireNombre, versChamp } from './libelles-suivi';

type TypeIndicateur = (typeof TYPES_INDICATEUR_SUIVI)[number];

export interface FormulaireIndicateur {
  libelle: string;
  type: TypeIndicateur;
  unite: string;
  methode: string;
  source: string;
  /** The target as the fiche states it ("6 par an"). */
  cible: string;
  pourcentage: boolean;
  poids: string;
  refValeur: string;
  refNumerateur: string;
  refDenominateur: string;
  refDate: string;
  cibles: { periode: string; valeur: string; numerateur: string; denominateur: string }[];
  indicateurDiagnostic: string;
}

const texte = (s: string) => (s.trim() === '' ? null : s.trim());

export function versFormulaireIndicateur(i?: IndicateurSuiviLigne | null): FormulaireIndicateur {
  return {
    libelle: i?.libelle ?? '',
    type: i?.type ?? 'activite',
    unite: i?.unite ?? '',
    methode: i?.methode ?? '',
    source: i?.source ?? '',
    cible: i?.cible ?? '',
    pourcentage: i?.pourcentage ?? false,
    poids: versChamp(i?.poids ?? 1),
    refValeur: versChamp(i?.referenceValeur),
    refNumerateur: versChamp(i?.referenceNumerateur),
    refDenominateur: versChamp(i?.referenceDenominateur),
    refDate: i?.referenceDate ?? '',
    cibles: (i?.cibles ?? []).map((c) => ({ periode: c.periode, valeur: versChamp(c.valeur), numerateur: versChamp(c.numerateur), denominateur: versChamp(c.denominateur) })),
    indicateurDiagnostic: i?.indicateurDiagnostic ?? '',
  };
}

/** The form's values as the API's indicator (a percentage keeps only its numerator and denominator). */
export function versSaisieIndicateur(v: FormulaireIndicateur): IndicateurSuiviSaisie {
  const pct = v.pourcentage;
  const ref = pct ? { numerateur: lireNombre(v.refNumerateur), denominateur: lireNombre(v.refDenominateur) } : { valeur: lireNombre(v.refValeur) };
  const refVide = Object.values(ref).every((x) => x === null) && !v.refDate;
  return {
    libelle: v.libelle.trim(),
    type: v.type,
    unite: pct ? null : texte(v.unite),
    methode: texte(v.methode),
    source: texte(v.source),
    cible: texte(v.cible),
    pourcentage: pct,
    poids: lireNombre(v.poids) ?? 1,
    reference: refVide ? null : { ...ref, date: texte(v.refDate) },
    cibles: v.cibles.map((c) =>
      pct ? { periode: c.periode.trim(), numerateur: lireNombre(c.numerateur), denominateur: lireNombre(c.denominateur) } : { periode: c.periode.trim(), valeur: lireNombre(c.valeur) },
    ),
    indicateurDiagnostic: texte(v.indicateurDiagnostic),
  } as IndicateurSuiviSaisie;
}

/** API path → form field ("reference.numerateur" → "refNumerateur"). */
const CHAMPS_REFERENCE: Record<string, keyof FormulaireIndicateur> = { valeur: 'refValeur', numerateur: 'refNumerateur', denominateur: 'refDenominateur', date: 'refDate' };
export const cheminIndicateur = (champ: string) => (champ.startsWith('reference.') ? (CHAMPS_REFERENCE[champ.split('.')[1]] ?? 'refValeur') : champ);

const resolveur = zodResolver(indicateurSuiviSchema);
export const resolverIndicateur: Resolver<FormulaireIndicateur, unknown, IndicateurSuiviSaisie> = async (valeurs, contexte, options) => {
  const r = await resolveur(versSaisieIndicateur(valeurs), contexte, options as never);
  if (Object.keys(r.errors).length === 0) return { values: r.values as IndicateurSuiviSaisie, errors: {} };
  const erreurs = { ...r.errors } as Record<string, unknown>;
  const reference = erreurs.reference as Record<string, unknown> | undefined;
  if (reference) {
    for (const [k, e] of Object.entries(reference)) if (CHAMPS_REFERENCE[k]) erreurs[CHAMPS_REFERENCE[k]] = e;
    delete erreurs.reference;
  }
  return { values: {}, errors: erreurs as FieldErrors<FormulaireIndicateur> };
};

function ecrireReferenceFormulaire(v: FormulaireIndicateur) {
  const s = versSaisieIndicateur(v);
  if (!s.reference) return '';
  const m = ecrireMesure(s.reference, { pourcentage: s.pourcentage, unite: s.unite ?? null });
  return s.reference.date ? `${m}, au ${formaterDateDuJour(s.reference.date)}` : m;
}

/** Field by field, for the 409 comparison. */
function differencesIndicateur(saisie: FormulaireIndicateur, actuel: FormulaireIndicateur, libellesDiagnostic: Map<string, string>) {
  const cibles = (v: FormulaireIndicateur) => {
    const s = versSaisieIndicateur(v);
    return s.cibles.map((c) => `${c.periode} : ${ecrireMesure(c, { pourcentage: s.pourcentage, unite: s.unite ?? null })}`).join(' ; ');
  };
  return differences<FormulaireIndicateur>(
    [
      { libelle: 'Libellé', valeur: (v) => v.libelle.trim() },
      { libelle: 'Type', valeur: (v) => LIBELLES_TYPE_INDICATEUR[v.type] },
      { libelle: 'Unité', valeur: (v) => v.unite.trim() },
      { libelle: 'Méthode de recueil', valeur: (v) => v.methode.trim() },
      { libelle: 'Source', valeur: (v) => v.source.trim() },
      { libelle: 'Cible énoncée', valeur: (v) => v.cible.trim() },
      { libelle: 'Pourcentage', valeur: (v) => (v.pourcentage ? 'oui' : 'non') },
      { libelle: 'Poids', valeur: (v) => v.poids.trim() },
      { libelle: 'Référence', valeur: ecrireReferenceFormulaire },
      { libelle: 'Cibles', valeur: cibles },
      { libelle: 'Indicateur du diagnostic', valeur: (v) => (v.indicateurDiagnostic ? (libellesDiagnostic.get(v.indicateurDiagnostic) ?? v.indicateurDiagnostic) : '') },
    ],
    saisie,
    actuel,
  );
}

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
  const form = useForm<FormulaireIndicateur, unknown, IndicateurSuiviSaisie>({ resolver: resolverIndicateur, defaultValues: versFormulaireIndicateur(indicateur) });
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const cibles = useFieldArray({ control, name: 'cibles' });
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

  const nouvelleCible = () => {
    const prises = form.getValues('cibles').map((c) => c.periode);
    let periode = periodeSuggeree;
    while (prises.includes(periode) && /^\d{4}$/.test(periode)) periode = String(Number(periode) + 1);
    cibles.append({ periode, valeur: '', numerateur: '', denominateur: '' });
    requestAnimationFrame(() => document.getElementById(`${prefixe}-cible-${form.getValues('cibles').length - 1}-mesure`)?.focus());
  };

  const conflit = estErreurApi(gestion.modification.error, 409) && courant;
  return (
    <form onSubmit={form.handleSubmit((s) => enregistrer(s))} noValidate className={fr.cx('fr-p-3w', 'fr-mb-3w') + ' maillage-encart'} aria-labelledby={`${prefixe}-titre`}>
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
          <Input label="Libellé" hintText="Ce qui est mesuré, par exemple « Ateliers de sensibilisation tenus »" nativeInputProps={{ ...register('libelle'), id: `${prefixe}-libelle`, required: true, maxLength: 500 }} {...etatChamp(errors.libelle?.message)} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select label="Type" hint="Processus : ce qui était prévu est-il fait ? Activité : combien ? Résultat : qu’est-ce qui a changé ?" nativeSelectProps={register('type')} {...etatChamp(errors.type?.message)}>
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
            <Input label="Unité (facultatif)" hintText="ateliers, participants, jours…" nativeInputProps={{ ...register('unite'), maxLength: 100 }} {...etatChamp(errors.unite?.message)} />
          </div>
        )}
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input label="Source (facultatif)" hintText="Qui fournit la donnée" nativeInputProps={{ ...register('source'), maxLength: 500 }} {...etatChamp(errors.source?.message)} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input label="Poids" hintText="Dans l’avancement de la fiche ; 1 par défaut" nativeInputProps={{ ...register('poids'), inputMode: 'decimal', maxLength: 10 }} {...etatChamp(errors.poids?.message)} />
        </div>
      </div>
      <Input label="Méthode de recueil (facultatif)" hintText="Comment la valeur est obtenue : comptage, questionnaire, extraction…" textArea nativeTextAreaProps={{ ...register('methode'), rows: 2, maxLength: 2000 }} {...etatChamp(errors.methode?.message)} />
      <Input label="Cible énoncée (facultatif)" hintText="Telle que la fiche la formule, par exemple « 200 participants » ; les cibles chiffrées par période sont plus bas" nativeInputProps={{ ...register('cible'), maxLength: 200 }} {...etatChamp(errors.cible?.message)} />

      <fieldset className={fr.cx('fr-fieldset')} aria-labelledby={`${prefixe}-ref-legende`}>
        <legend id={`${prefixe}-ref-legende`} className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>
          Valeur de référence (facultatif)
        </legend>
        {pourcentage ? (
          <>
            <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
              <Input label="Numérateur de référence" nativeInputProps={{ ...register('refNumerateur'), inputMode: 'decimal' }} {...etatChamp(errors.refNumerateur?.message)} />
            </div>
            <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
              <Input label="Dénominateur de référence" nativeInputProps={{ ...register('refDenominateur'), inputMode: 'decimal' }} {...etatChamp(errors.refDenominateur?.message)} />
            </div>
          </>
        ) : (
          <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
            <Input label="Valeur de référence" hintText="Par exemple 0 ou 12,5" nativeInputProps={{ ...register('refValeur'), inputMode: 'decimal' }} {...etatChamp(errors.refValeur?.message)} />
          </div>
        )}
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Input label="Date de la référence" nativeInputProps={{ ...register('refDate'), type: 'date' }} {...etatChamp(errors.refDate?.message)} />
        </div>
      </fieldset>

      <fieldset className={fr.cx('fr-fieldset')} aria-labelledby={`${prefixe}-cibles-legende`}>
        <legend id={`${prefixe}-cibles-legende`} className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>
          Cibles par période
        </legend>
        {cibles.fields.length === 0 && (
          <p className={fr.cx('fr-fieldset__element', 'fr-text--sm')}>Aucune cible : sans cible, les valeurs de l’indicateur ne comptent pas dans l’avancement.</p>
        )}
        {cibles.fields.map((c, n) => {
          const e = errors.cibles?.[n];
          return (
            <div key={c.id} className={fr.cx('fr-fieldset__element')}>
              <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
                <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                  <Input label={`Période de la cible ${n + 1}`} hintText="2026, 2026-S1…" nativeInputProps={{ ...register(`cibles.${n}.periode`), maxLength: 7 }} {...etatChamp(e?.periode?.message)} />
                </div>
                {pourcentage ? (
                  <>
                    <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                      <Input label={`Numérateur de la cible ${n + 1}`} nativeInputProps={{ ...register(`cibles.${n}.numerateur`), id: `${prefixe}-cible-${n}-mesure`, inputMode: 'decimal' }} {...etatChamp(e?.numerateur?.message)} />
                    </div>
                    <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                      <Input label={`Dénominateur de la cible ${n + 1}`} nativeInputProps={{ ...register(`cibles.${n}.denominateur`), inputMode: 'decimal' }} {...etatChamp(e?.denominateur?.message)} />
                    </div>
                  </>
                ) : (
                  <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
                    <Input label={`Valeur de la cible ${n + 1}`} nativeInputProps={{ ...register(`cibles.${n}.valeur`), id: `${prefixe}-cible-${n}-mesure`, inputMode: 'decimal' }} {...etatChamp(e?.valeur?.message)} />
                  </div>
                )}
                <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                  <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" className={fr.cx('fr-mb-3w')} onClick={() => cibles.remove(n)}>
                    Retirer la cible {n + 1}
                  </Button>
                </div>
              </div>
            </div>
          );
        })}
        <div className={fr.cx('fr-fieldset__element')}>
          <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" onClick={nouvelleCible}>
            Ajouter une cible
          </Button>
        </div>
      </fieldset>

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

      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-mt-2w')}>
        <li>
          <Button type="submit" disabled={enCours}>
            {indicateur ? 'Enregistrer l’indicateur' : 'Ajouter l’indicateur'}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => onFermer()}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
