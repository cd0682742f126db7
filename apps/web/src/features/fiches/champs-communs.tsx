import { fr } from '@codegouvfr/react-dsfr';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import type { FicheSaisie, Terme } from '@maillage/domain';
import { Controller, type Path, type UseFormReturn } from 'react-hook-form';
import type { FormulaireFiche } from './fiche-saisie';

export type FormFiche = UseFormReturn<FormulaireFiche, unknown, FicheSaisie>;

/** Yes / no / not said, for the template's many "oui/non" questions. */
export function ChampOuiNon({
  form,
  nom,
  legende,
  indication,
}: {
  form: FormFiche;
  nom: Path<FormulaireFiche>;
  legende: string;
  indication?: string;
}) {
  const enregistrement = form.register(nom);
  return (
    <RadioButtons
      legend={legende}
      hintText={indication}
      orientation="horizontal"
      small
      options={[
        { label: 'Oui', nativeInputProps: { ...enregistrement, value: 'oui' } },
        { label: 'Non', nativeInputProps: { ...enregistrement, value: 'non' } },
        { label: 'Non renseigné', nativeInputProps: { ...enregistrement, value: '' } },
      ]}
    />
  );
}

/** A multi-choice taxonomy (déterminants, interventions, publics…), grouped as the ARS template groups it. */
export function ChoixTermes({
  form,
  nom,
  legende,
  termes,
  indication,
}: {
  form: FormFiche;
  nom: Path<FormulaireFiche>;
  legende: string;
  termes: readonly Terme[];
  indication?: string;
}) {
  const groupes = [...new Set(termes.map((t) => t.groupe ?? ''))];
  const seul = groupes.length === 1;
  return (
    <Controller
      control={form.control}
      name={nom}
      render={({ field, fieldState }) => {
        const valeur = (field.value as string[]) ?? [];
        const basculer = (code: string, coche: boolean) => field.onChange(coche ? [...valeur, code] : valeur.filter((c) => c !== code));
        const options = (groupe: string) =>
          termes
            .filter((t) => (t.groupe ?? '') === groupe)
            .map((t) => ({
              label: t.libelle,
              nativeInputProps: {
                name: `${nom}-${t.code}`,
                checked: valeur.includes(t.code),
                onChange: (e: React.ChangeEvent<HTMLInputElement>) => basculer(t.code, e.target.checked),
              },
            }));
        const etat = fieldState.error ? { state: 'error' as const, stateRelatedMessage: fieldState.error.message } : {};
        if (seul)
          return (
            <Checkbox
              className={termes.length > 8 ? 'maillage-colonnes' : undefined}
              legend={legende}
              hintText={indication}
              small
              options={options(groupes[0])}
              orientation={termes.length > 8 ? 'vertical' : 'horizontal'}
              {...etat}
            />
          );
        return (
          <fieldset className={fr.cx('fr-fieldset')}>
            <legend className={fr.cx('fr-fieldset__legend')}>
              {legende}
              {indication && <span className={fr.cx('fr-hint-text')}>{indication}</span>}
            </legend>
            {groupes.map((g) => (
              <div key={g} className={fr.cx('fr-fieldset__element')}>
                <Checkbox legend={g} small options={options(g)} classes={{ legend: fr.cx('fr-text--bold', 'fr-text--sm') }} />
              </div>
            ))}
            {fieldState.error && (
              <div className={fr.cx('fr-messages-group')}>
                <p className={fr.cx('fr-message', 'fr-message--error')}>{fieldState.error.message}</p>
              </div>
            )}
          </fieldset>
        );
      }}
    />
  );
}
