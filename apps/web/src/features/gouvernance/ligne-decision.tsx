import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { formaterMontant } from '@maillage/domain';
import type { Fiche } from '@maillage/domain/api';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { etatChamp } from '../../components/formulaire';
import { OptionsDispositif, OptionsNature, OptionsStatutFinancement } from '../../components/options-financement';
import { euros, type ValeursDecision } from './modele-decision';

/** The funding line a decision changes or adds: choosing an existing line fills the fields with it. */
export function ChampsLigneDecision({ form, fiche }: { form: UseFormReturn<ValeursDecision>; fiche: Fiche | undefined }) {
  const {
    register,
    formState: { errors },
  } = form;
  const financeurId = useWatch({ control: form.control, name: 'financeurId' });
  const prendreLigne = (rang: string) => {
    form.setValue('rang', rang);
    const l = rang === '' ? null : fiche?.financements[Number(rang)];
    if (!l) return;
    form.setValue('financeurId', l.financeurId);
    form.setValue('financeurLibelle', l.financeurLibelle ?? '');
    form.setValue('dispositif', l.dispositif as ValeursDecision['dispositif']);
    form.setValue('annee', String(l.annee));
    form.setValue('montantEuros', euros(l.montantCentimes));
    form.setValue('nature', l.nature as ValeursDecision['nature']);
    form.setValue('statutFinancement', l.statut as ValeursDecision['statutFinancement']);
    form.setValue('valorisationNature', l.valorisationNature ?? '');
  };
  return (
    <fieldset className={fr.cx('fr-fieldset')}>
      <legend className={fr.cx('fr-fieldset__legend')}>Ligne de financement</legend>
      <div className={fr.cx('fr-fieldset__element')}>
        <Select
          label="Ligne concernée"
          nativeSelectProps={{ ...register('rang'), onChange: (e) => prendreLigne(e.target.value) }}
          {...etatChamp(errors.rang?.message)}
        >
          <option value="">Nouvelle ligne</option>
          {fiche?.financements.map((l, i) => (
            <option key={l.id} value={String(i)}>
              Remplacer la ligne {i + 1} : {l.financeurNom ?? l.financeurLibelle ?? 'financeur non précisé'}, {l.dispositif} {l.annee},{' '}
              {formaterMontant(l.montantCentimes)}
            </option>
          ))}
        </Select>
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Controller
          control={form.control}
          name="financeurId"
          render={({ field, fieldState }) => (
            <ChoixOrganisation
              label="Financeur"
              aucune
              libelleAucune="Hors annuaire : saisir son nom"
              valeur={field.value}
              onChange={(v) => field.onChange(v)}
              erreur={fieldState.error?.message}
            />
          )}
        />
      </div>
      {!financeurId && (
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Nom du financeur"
            nativeInputProps={{ ...register('financeurLibelle'), maxLength: 200 }}
            {...etatChamp(errors.financeurLibelle?.message)}
          />
        </div>
      )}
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
        <Select label="Dispositif" nativeSelectProps={register('dispositif')} {...etatChamp(errors.dispositif?.message)}>
          <OptionsDispositif />
        </Select>
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
        <Input
          label="Année"
          nativeInputProps={{ ...register('annee'), inputMode: 'numeric', maxLength: 4 }}
          {...etatChamp(errors.annee?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
        <Input
          label="Montant en euros"
          hintText="Exemple : 20 000"
          nativeInputProps={{ ...register('montantEuros'), inputMode: 'decimal' }}
          {...etatChamp(errors.montantEuros?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
        <Select label="Nature" nativeSelectProps={register('nature')}>
          <OptionsNature />
        </Select>
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
        <Select
          label="Statut du financement"
          nativeSelectProps={register('statutFinancement')}
          {...etatChamp(errors.statutFinancement?.message)}
        >
          <OptionsStatutFinancement />
        </Select>
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Input
          label="Valorisation en nature ou en ETP (facultatif)"
          nativeInputProps={{ ...register('valorisationNature'), maxLength: 300 }}
          {...etatChamp(errors.valorisationNature?.message)}
        />
      </div>
    </fieldset>
  );
}
