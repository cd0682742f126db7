import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { LIBELLES_STATUT_FICHE, LIBELLES_TYPE_INDICATEUR, libellePeriodeSuivi, STATUTS_FICHE } from '@maillage/domain';
import type { UseFormReturn } from 'react-hook-form';
import type { FicheSaisieCampagne, IndicateurCampagne } from '../../api/suivi';
import { etatChamp } from '../../components/formulaire';
import type { FormulaireValeur } from './formulaire-valeur';
import { BadgeEtatSuivi, ecrireCible, ecrireMesure } from './libelles-suivi';
import { DefinitionsBilan } from './bilans-suivi';

/** The fields of one fiche in the campaign form: an indicator's value, and the report. */
export interface FormulaireFicheCampagne {
  indicateurs: FormulaireValeur[];
  bilan: { recit: string; difficultes: string; perspectives: string; statutPropose: string };
}

interface PropsChamps {
  form: UseFormReturn<FormulaireFicheCampagne>;
  periode: string;
  prefixe: string;
}

/** Read mode of a value (submitted, validated, or not the user's to change). */
function ValeurLue({ i }: { i: IndicateurCampagne }) {
  return (
    <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
      Valeur : <strong>{ecrireMesure(i.valeur, i)}</strong> <BadgeEtatSuivi etat={i.valeur?.etat ?? null} />
      {i.valeur?.recit ? <span className="maillage-texte-long"> — {i.valeur.recit}</span> : null}
    </p>
  );
}

/** One indicator: its target for the period, then its value (or numerator and denominator) and its story. */
export function ChampsIndicateurCampagne({
  form,
  i,
  n,
  periode,
  prefixe,
  saisie,
}: PropsChamps & { i: IndicateurCampagne; n: number; saisie: boolean }) {
  const { register } = form;
  const e = form.formState.errors.indicateurs?.[n];
  return (
    <fieldset className={fr.cx('fr-fieldset', 'fr-mb-1w')} aria-labelledby={`${prefixe}-ind-${n}`}>
      <legend id={`${prefixe}-ind-${n}`} className={fr.cx('fr-fieldset__legend', 'fr-text--md', 'fr-pb-1w')}>
        {i.libelle} <span className={fr.cx('fr-text--sm', 'fr-text--regular')}>({LIBELLES_TYPE_INDICATEUR[i.type].toLowerCase()})</span>
      </legend>
      <div className={fr.cx('fr-fieldset__element')}>
        <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
          Cible {libellePeriodeSuivi(periode)} : <strong>{ecrireCible(i.ciblePeriode, i)}</strong>
          {i.methode ? ` — méthode : ${i.methode}` : ''}
          {i.source ? ` — source : ${i.source}` : ''}
        </p>
        {!saisie && <ValeurLue i={i} />}
      </div>
      {saisie && (
        <>
          {i.pourcentage ? (
            <>
              <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
                <Input
                  label={`Numérateur ${libellePeriodeSuivi(periode)}`}
                  nativeInputProps={{ ...register(`indicateurs.${n}.numerateur`), inputMode: 'decimal' }}
                  {...etatChamp(e?.numerateur?.message)}
                />
              </div>
              <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
                <Input
                  label={`Dénominateur ${libellePeriodeSuivi(periode)}`}
                  nativeInputProps={{ ...register(`indicateurs.${n}.denominateur`), inputMode: 'decimal' }}
                  {...etatChamp(e?.denominateur?.message)}
                />
              </div>
            </>
          ) : (
            <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
              <Input
                label={`Valeur ${libellePeriodeSuivi(periode)}${i.unite ? ` (${i.unite})` : ''}`}
                hintText={i.valeur ? undefined : 'Laissez vide si elle n’est pas encore connue'}
                nativeInputProps={{ ...register(`indicateurs.${n}.valeur`), inputMode: 'decimal' }}
                {...etatChamp(e?.valeur?.message)}
              />
            </div>
          )}
          <div className={fr.cx('fr-fieldset__element')}>
            <Input
              label="Récit de la valeur (facultatif)"
              hintText="Ce qui explique la valeur"
              textArea
              nativeTextAreaProps={{ ...register(`indicateurs.${n}.recit`), rows: 2, maxLength: 5000 }}
              {...etatChamp(e?.recit?.message)}
            />
          </div>
          {i.valeur && (
            <p className={fr.cx('fr-fieldset__element', 'fr-text--xs')}>
              État : <BadgeEtatSuivi etat={i.valeur.etat} />
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}

/** The period's report of the fiche: typed while it may change, read otherwise. */
export function BilanCampagne({
  form,
  fiche,
  periode,
  prefixe,
  saisissable,
}: PropsChamps & { fiche: FicheSaisieCampagne; saisissable: boolean }) {
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <fieldset className={fr.cx('fr-fieldset')} aria-labelledby={`${prefixe}-bilan`}>
      <legend id={`${prefixe}-bilan`} className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>
        Bilan {libellePeriodeSuivi(periode)} de la fiche {fiche.bilan && <BadgeEtatSuivi etat={fiche.bilan.etat} />}
      </legend>
      {saisissable ? (
        <>
          <div className={fr.cx('fr-fieldset__element')}>
            <Input
              label="Réalisations"
              hintText="Ce qui a été fait sur la période : actions, publics touchés, partenaires mobilisés"
              textArea
              nativeTextAreaProps={{ ...register('bilan.recit'), rows: 4, maxLength: 10000 }}
              {...etatChamp(errors.bilan?.recit?.message)}
            />
          </div>
          <div className={fr.cx('fr-fieldset__element')}>
            <Input
              label="Difficultés (facultatif)"
              textArea
              nativeTextAreaProps={{ ...register('bilan.difficultes'), rows: 3, maxLength: 5000 }}
              {...etatChamp(errors.bilan?.difficultes?.message)}
            />
          </div>
          <div className={fr.cx('fr-fieldset__element')}>
            <Input
              label="Perspectives (facultatif)"
              textArea
              nativeTextAreaProps={{ ...register('bilan.perspectives'), rows: 3, maxLength: 5000 }}
              {...etatChamp(errors.bilan?.perspectives?.message)}
            />
          </div>
          <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
            <Select
              label="Statut proposé pour la fiche"
              hint="Appliqué quand la coordination valide le bilan"
              nativeSelectProps={register('bilan.statutPropose')}
              {...etatChamp(errors.bilan?.statutPropose?.message)}
            >
              {STATUTS_FICHE.map((s) => (
                <option key={s} value={s}>
                  {LIBELLES_STATUT_FICHE[s]}
                </option>
              ))}
            </Select>
          </div>
        </>
      ) : (
        <DefinitionsBilan
          className={fr.cx('fr-fieldset__element')}
          bilan={fiche.bilan}
          statutPropose={fiche.bilan?.statutPropose ? LIBELLES_STATUT_FICHE[fiche.bilan.statutPropose] : null}
        />
      )}
    </fieldset>
  );
}
