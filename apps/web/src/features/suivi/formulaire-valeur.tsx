import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { libellePeriodeSuivi, periodeSuiviSchema, valeurSuiviSchema, type ValeurSuiviSaisie } from '@maillage/domain';
import { useEffect, useState } from 'react';
import { useForm, type FieldErrors, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { ErreurApi, estErreurApi } from '../../api/client';
import { useSaisieValeur, type IndicateurSuivi, type ValeurSuivi } from '../../api/suivi';

import { ConflitVersion, differences } from '../../components/conflit-version';
import { etatChamp } from '../../components/formulaire';
import { AlerteErreurProfonde, ecrireCible, ecrireMesure, lireNombre, versChamp } from './libelles-suivi';

export interface FormulaireValeur {
  periode: string;
  valeur: string;
  numerateur: string;
  denominateur: string;
  recit: string;
}

export const versFormulaireValeur = (periode: string, v?: Partial<ValeurSuivi> | null): FormulaireValeur => ({
  periode,
  valeur: versChamp(v?.valeur),
  numerateur: versChamp(v?.numerateur),
  denominateur: versChamp(v?.denominateur),
  recit: v?.recit ?? '',
});

export function versSaisieValeur(v: FormulaireValeur, pourcentage: boolean): ValeurSuiviSaisie {
  const recit = v.recit.trim() || null;
  return pourcentage
    ? { numerateur: lireNombre(v.numerateur), denominateur: lireNombre(v.denominateur), recit }
    : { valeur: lireNombre(v.valeur), recit };
}

/** The value schema of the domain, plus what the server checks for this indicator: a value, or both terms of a rate. */
export function schemaValeur(pourcentage: boolean) {
  return valeurSuiviSchema.extend({ periode: periodeSuiviSchema }).superRefine((s, ctx) => {
    if (pourcentage) {
      if (s.numerateur == null) ctx.addIssue({ code: 'custom', message: 'Numérateur attendu pour un pourcentage', path: ['numerateur'] });
      if (s.denominateur == null)
        ctx.addIssue({ code: 'custom', message: 'Dénominateur attendu pour un pourcentage', path: ['denominateur'] });
    } else if (s.valeur == null) ctx.addIssue({ code: 'custom', message: 'Valeur attendue', path: ['valeur'] });
  });
}

/** Validates the typed strings with the domain schema; the output is the API's value (the period apart). */
export function resolverValeur(pourcentage: boolean): Resolver<FormulaireValeur, unknown, ValeurSuiviSaisie & { periode: string }> {
  const schema = schemaValeur(pourcentage);
  return async (v) => {
    const r = schema.safeParse({ ...versSaisieValeur(v, pourcentage), periode: v.periode.trim() });
    if (r.success) return { values: r.data, errors: {} };
    const erreurs: Record<string, { type: string; message: string }> = {};
    for (const i of r.error.issues) {
      const champ = String(i.path[0] ?? 'valeur');
      erreurs[champ] ??= { type: 'validation', message: i.message };
    }
    return { values: {}, errors: erreurs as FieldErrors<FormulaireValeur> };
  };
}

interface Props {
  indicateur: IndicateurSuivi;
  /** Null: a new period, chosen in the form. */
  periode: string | null;
  periodeSuggeree: string;
  onFermer: (message?: string) => void;
}

/** Enter the value of a period with its narrative; a percentage by numerator and denominator. */
export function FormulaireValeurSuivi({ indicateur, periode, periodeSuggeree, onFermer }: Props) {
  const saisie = useSaisieValeur();
  const existante = periode ? (indicateur.valeurs.find((v) => v.periode === periode) ?? null) : null;
  const [version, setVersion] = useState<number | undefined>(existante?.version);
  const [courant, setCourant] = useState<Partial<ValeurSuivi> | null>(null);
  const form = useForm<FormulaireValeur, unknown, ValeurSuiviSaisie & { periode: string }>({
    resolver: resolverValeur(indicateur.pourcentage),
    defaultValues: versFormulaireValeur(periode ?? periodeSuggeree, existante),
  });
  const {
    register,
    watch,
    formState: { errors },
  } = form;
  const prefixe = `valeur-${indicateur.id}`;
  useEffect(() => {
    requestAnimationFrame(() => document.getElementById(periode ? `${prefixe}-mesure` : `${prefixe}-periode`)?.focus());
  }, [periode, prefixe]);
  const periodeChoisie = watch('periode').trim();
  const cible = indicateur.cibles.find((c) => c.periode === periodeChoisie);

  const envoyer = (s: ValeurSuiviSaisie & { periode: string }, versionEnvoyee = version) => {
    const { periode: p, ...valeur } = s;
    saisie.mutate(
      { indicateurId: indicateur.id, periode: p, saisie: { ...valeur, version: versionEnvoyee } },
      {
        onSuccess: (r) =>
          onFermer(
            `Valeur ${libellePeriodeSuivi(p)} de « ${indicateur.libelle} » enregistrée (${r.etat === 'a_corriger' ? 'toujours à corriger : soumettez-la quand elle est prête' : 'brouillon'}).`,
          ),
        onError: (e) => {
          if (estErreurApi(e, 409) && e.probleme.courant) {
            setCourant(e.probleme.courant as Partial<ValeurSuivi>);
            return;
          }
          if (e instanceof ErreurApi && e.probleme.erreurs) {
            let premier = true;
            for (const { champ, message } of e.probleme.erreurs) {
              form.setError(champ as Path<FormulaireValeur>, { type: 'serveur', message }, { shouldFocus: premier });
              premier = false;
            }
          }
        },
      },
    );
  };
  const conflit = estErreurApi(saisie.error, 409) && courant;
  const ecrire = (v: FormulaireValeur) => ecrireMesure(versSaisieValeur(v, indicateur.pourcentage), indicateur);

  return (
    <form
      onSubmit={form.handleSubmit((s) => envoyer(s))}
      noValidate
      className={fr.cx('fr-p-3w', 'fr-mb-3w') + ' maillage-encart'}
      aria-labelledby={`${prefixe}-titre`}
    >
      <h5 id={`${prefixe}-titre`} className={fr.cx('fr-h6')}>
        {periode ? `Valeur ${libellePeriodeSuivi(periode)} de « ${indicateur.libelle} »` : `Nouvelle valeur de « ${indicateur.libelle} »`}
      </h5>
      {conflit && (
        <ConflitVersion
          entite="Cette valeur"
          diffs={differences<FormulaireValeur>(
            [
              { libelle: 'Valeur', valeur: ecrire },
              { libelle: 'Récit', valeur: (v) => v.recit.trim() },
            ],
            form.getValues(),
            versFormulaireValeur(periodeChoisie, courant),
          )}
          enCours={saisie.isPending}
          onReprendre={() => {
            form.reset(versFormulaireValeur(periodeChoisie, courant));
            setVersion(courant.version);
            setCourant(null);
            saisie.reset();
          }}
          onEcraser={() => {
            const v = courant.version;
            setVersion(v);
            setCourant(null);
            void form.handleSubmit((s) => envoyer(s, v))();
          }}
        />
      )}
      {saisie.error && !conflit ? <AlerteErreurProfonde erreur={saisie.error} as="h6" titre="La valeur n’a pas été enregistrée" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        {!periode && (
          <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
            <Input
              label="Période"
              hintText="2026, 2026-S1, 2026-T3"
              nativeInputProps={{ ...register('periode'), id: `${prefixe}-periode`, maxLength: 7, autoComplete: 'off' }}
              {...etatChamp(errors.periode?.message)}
            />
          </div>
        )}
        {indicateur.pourcentage ? (
          <>
            <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
              <Input
                label="Numérateur"
                nativeInputProps={{ ...register('numerateur'), id: `${prefixe}-mesure`, inputMode: 'decimal' }}
                {...etatChamp(errors.numerateur?.message)}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
              <Input
                label="Dénominateur"
                nativeInputProps={{ ...register('denominateur'), inputMode: 'decimal' }}
                {...etatChamp(errors.denominateur?.message)}
              />
            </div>
          </>
        ) : (
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label={`Valeur${indicateur.unite ? ` (${indicateur.unite})` : ''}`}
              nativeInputProps={{ ...register('valeur'), id: `${prefixe}-mesure`, inputMode: 'decimal' }}
              {...etatChamp(errors.valeur?.message)}
            />
          </div>
        )}
        <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
          <p className={fr.cx('fr-text--sm', 'fr-mt-md-4w', 'fr-mb-0')}>
            Cible {periodeChoisie ? libellePeriodeSuivi(periodeChoisie) : ''} : {ecrireCible(cible, indicateur)}
          </p>
        </div>
      </div>
      <Input
        label="Récit (facultatif)"
        hintText="Ce qui a été fait, ce qui explique la valeur"
        textArea
        nativeTextAreaProps={{ ...register('recit'), rows: 3, maxLength: 5000 }}
        {...etatChamp(errors.recit?.message)}
      />
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        <li>
          <Button type="submit" disabled={saisie.isPending}>
            Enregistrer la valeur
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

export type ValeurFormulaire = z.infer<ReturnType<typeof schemaValeur>>;
