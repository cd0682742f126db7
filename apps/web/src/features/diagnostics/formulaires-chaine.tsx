import { Input } from '@codegouvfr/react-dsfr/Input';
import { zodResolver } from '@hookform/resolvers/zod';
import type { besoinSchema, constatSchema, prioriteSchema } from '@maillage/domain';
import { useEffect, type ReactNode } from 'react';
import { Controller, useForm, type Control, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import type { z } from 'zod';
import { appliquerErreursServeur, etatChamp, videEnNull } from '../../components/formulaire';
import { ChoixMultiples, EncartFormulaire } from './formulaire-element';

export type SaisieConstat = z.output<typeof constatSchema>;
export type SaisieBesoin = z.output<typeof besoinSchema>;
export type SaisiePriorite = z.output<typeof prioriteSchema>;

export interface OptionLien {
  id: string;
  libelle: string;
  detail?: string;
}

interface Lien {
  champ: string;
  legende: string;
  indication?: string;
  options: OptionLien[];
  vide: ReactNode;
}

interface PropsChaine<T> {
  /** What the form edits ("constat", "besoin", "priorité") and its article, for titles and buttons. */
  nom: { titreNouveau: string; titreModifier: string; ajouter: string; enregistrer: string };
  schema: typeof constatSchema | typeof besoinSchema | typeof prioriteSchema;
  valeursInitiales: Record<string, unknown> & { intitule: string; description: string | null };
  modification: boolean;
  liens: Lien[];
  onEnregistrer: (saisie: T) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}

function ChampsTexte<V extends FieldValues>({
  register,
  erreurs,
}: {
  register: UseFormRegister<V>;
  erreurs: Record<string, { message?: string } | undefined>;
}) {
  return (
    <>
      <Input
        label="Intitulé"
        nativeInputProps={{ ...register('intitule' as Path<V>), required: true, maxLength: 500 }}
        {...etatChamp(erreurs.intitule?.message)}
      />
      <Input
        label="Description (facultatif)"
        textArea
        nativeTextAreaProps={{ ...register('description' as Path<V>, { setValueAs: videEnNull }), rows: 3 }}
        {...etatChamp(erreurs.description?.message)}
      />
    </>
  );
}

/**
 * One form for the three links of the chain: an intitulé, a description, and the elements it rests on (indicators
 * and verbatims for a constat, constats for a besoin, besoins and axes for a priorité).
 */
export function FormulaireChaine<T>({
  nom,
  schema,
  valeursInitiales,
  modification,
  liens,
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: PropsChaine<T>) {
  const form = useForm<FieldValues>({ resolver: zodResolver(schema as typeof constatSchema) as never, defaultValues: valeursInitiales });
  const { register, formState, control } = form;
  const erreurs = formState.errors as Record<string, { message?: string } | undefined>;
  useEffect(() => form.setFocus('intitule'), [form]);
  const champs = ['intitule', 'description', ...liens.map((l) => l.champ)];
  const soumettre = form.handleSubmit((s) => onEnregistrer(s as T).catch((x) => appliquerErreursServeur(x, form.setError, champs)));
  return (
    <EncartFormulaire
      titre={modification ? nom.titreModifier : nom.titreNouveau}
      erreur={erreur}
      enCours={enCours}
      libelleEnvoi={modification ? nom.enregistrer : nom.ajouter}
      onSubmit={soumettre}
      onAnnuler={onAnnuler}
    >
      <ChampsTexte register={register} erreurs={erreurs} />
      {liens.map((l) => (
        <Controller
          key={l.champ}
          name={l.champ}
          control={control as Control<FieldValues>}
          render={({ field }) => (
            <ChoixMultiples
              legende={l.legende}
              indication={l.indication}
              options={l.options}
              valeur={(field.value as string[] | undefined) ?? []}
              onChange={field.onChange}
              vide={l.vide}
              erreur={erreurs[l.champ]?.message}
            />
          )}
        />
      ))}
    </EncartFormulaire>
  );
}
