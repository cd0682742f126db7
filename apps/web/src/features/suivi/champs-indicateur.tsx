import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { IndicateurSuiviSaisie } from '@maillage/domain';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { etatChamp } from '../../components/formulaire';
import type { FormulaireIndicateur } from './modele-indicateur';

interface Props {
  form: UseFormReturn<FormulaireIndicateur, unknown, IndicateurSuiviSaisie>;
  /** Prefix of the fields' ids, unique to the form. */
  prefixe: string;
  /** A percentage is entered as a numerator and a denominator, else as one value. */
  pourcentage: boolean;
}

/** The baseline of an indicator: its value (or numerator and denominator) and its date. */
export function ChampsReference({ form, prefixe, pourcentage }: Props) {
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <fieldset className={fr.cx('fr-fieldset')} aria-labelledby={`${prefixe}-ref-legende`}>
      <legend id={`${prefixe}-ref-legende`} className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>
        Valeur de référence (facultatif)
      </legend>
      {pourcentage ? (
        <>
          <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
            <Input
              label="Numérateur de référence"
              nativeInputProps={{ ...register('refNumerateur'), inputMode: 'decimal' }}
              {...etatChamp(errors.refNumerateur?.message)}
            />
          </div>
          <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
            <Input
              label="Dénominateur de référence"
              nativeInputProps={{ ...register('refDenominateur'), inputMode: 'decimal' }}
              {...etatChamp(errors.refDenominateur?.message)}
            />
          </div>
        </>
      ) : (
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Valeur de référence"
            hintText="Par exemple 0 ou 12,5"
            nativeInputProps={{ ...register('refValeur'), inputMode: 'decimal' }}
            {...etatChamp(errors.refValeur?.message)}
          />
        </div>
      )}
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
        <Input
          label="Date de la référence"
          nativeInputProps={{ ...register('refDate'), type: 'date' }}
          {...etatChamp(errors.refDate?.message)}
        />
      </div>
    </fieldset>
  );
}

/** The targets by period, each removable; a new one takes the suggested period, or the next year not yet taken. */
export function CiblesParPeriode({ form, prefixe, pourcentage, periodeSuggeree }: Props & { periodeSuggeree: string }) {
  const {
    register,
    formState: { errors },
  } = form;
  const cibles = useFieldArray({ control: form.control, name: 'cibles' });
  const nouvelleCible = () => {
    const prises = form.getValues('cibles').map((c) => c.periode);
    let periode = periodeSuggeree;
    while (prises.includes(periode) && /^\d{4}$/.test(periode)) periode = String(Number(periode) + 1);
    cibles.append({ periode, valeur: '', numerateur: '', denominateur: '' });
    requestAnimationFrame(() => document.getElementById(`${prefixe}-cible-${form.getValues('cibles').length - 1}-mesure`)?.focus());
  };
  return (
    <fieldset className={fr.cx('fr-fieldset')} aria-labelledby={`${prefixe}-cibles-legende`}>
      <legend id={`${prefixe}-cibles-legende`} className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>
        Cibles par période
      </legend>
      {cibles.fields.length === 0 && (
        <p className={fr.cx('fr-fieldset__element', 'fr-text--sm')}>
          Aucune cible : sans cible, les valeurs de l’indicateur ne comptent pas dans l’avancement.
        </p>
      )}
      {cibles.fields.map((c, n) => {
        const e = errors.cibles?.[n];
        return (
          <div key={c.id} className={fr.cx('fr-fieldset__element')}>
            <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
              <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                <Input
                  label={`Période de la cible ${n + 1}`}
                  hintText="2026, 2026-S1…"
                  nativeInputProps={{ ...register(`cibles.${n}.periode`), maxLength: 7 }}
                  {...etatChamp(e?.periode?.message)}
                />
              </div>
              {pourcentage ? (
                <>
                  <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                    <Input
                      label={`Numérateur de la cible ${n + 1}`}
                      nativeInputProps={{ ...register(`cibles.${n}.numerateur`), id: `${prefixe}-cible-${n}-mesure`, inputMode: 'decimal' }}
                      {...etatChamp(e?.numerateur?.message)}
                    />
                  </div>
                  <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                    <Input
                      label={`Dénominateur de la cible ${n + 1}`}
                      nativeInputProps={{ ...register(`cibles.${n}.denominateur`), inputMode: 'decimal' }}
                      {...etatChamp(e?.denominateur?.message)}
                    />
                  </div>
                </>
              ) : (
                <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
                  <Input
                    label={`Valeur de la cible ${n + 1}`}
                    nativeInputProps={{ ...register(`cibles.${n}.valeur`), id: `${prefixe}-cible-${n}-mesure`, inputMode: 'decimal' }}
                    {...etatChamp(e?.valeur?.message)}
                  />
                </div>
              )}
              <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-delete-line"
                  className={fr.cx('fr-mb-3w')}
                  onClick={() => cibles.remove(n)}
                >
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
  );
}
