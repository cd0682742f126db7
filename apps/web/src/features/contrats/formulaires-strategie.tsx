import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { axeSaisieSchema } from '@maillage/domain';
import { useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { SaisieAxe, SaisieObjectif } from '../../api/contrats';
import type { Axe, Objectif } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { appliquerErreursServeur, etatChamp, videEnNull } from '../../components/formulaire';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';

interface PropsFormulaire<T> {
  titre: string;
  onEnregistrer: (saisie: T) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}

type ValeursAxe = z.input<typeof axeSaisieSchema>;

/** Add or edit an axe stratégique; its PRS axe is picked among the doctrine's when the region lists them. */
export function FormulaireAxe({
  titre,
  axe,
  axesPrs,
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: PropsFormulaire<SaisieAxe> & { axe?: Axe; axesPrs: string[] }) {
  const id = useId();
  const form = useForm<ValeursAxe, unknown, SaisieAxe>({
    resolver: zodResolver(axeSaisieSchema) as never,
    defaultValues: { intitule: axe?.intitule ?? '', axePrs: axe?.axePrs ?? null, description: axe?.description ?? null },
  });
  const {
    register,
    formState: { errors },
  } = form;
  useEffect(() => form.setFocus('intitule'), [form]);
  const options = axe?.axePrs && !axesPrs.includes(axe.axePrs) ? [...axesPrs, axe.axePrs] : axesPrs;
  const soumettre = form.handleSubmit((saisie) =>
    onEnregistrer(saisie).catch((e) => appliquerErreursServeur(e, form.setError, ['intitule', 'axePrs', 'description'])),
  );

  return (
    <form onSubmit={soumettre} noValidate aria-labelledby={`${id}-titre`} className={fr.cx('fr-p-2w', 'fr-mb-2w') + ' maillage-encart'}>
      <p id={`${id}-titre`} className={fr.cx('fr-text--bold')}>
        {titre}
      </p>
      {erreur ? <AlerteErreur erreur={erreur} as="h3" titre="L’axe n’a pas été enregistré" /> : null}
      <Input
        label="Intitulé de l’axe"
        nativeInputProps={{ ...register('intitule'), required: true, maxLength: 300 }}
        {...etatChamp(errors.intitule?.message)}
      />
      {options.length > 0 ? (
        <Select
          label="Axe du projet régional de santé (facultatif)"
          nativeSelectProps={register('axePrs', { setValueAs: videEnNull })}
          {...etatChamp(errors.axePrs?.message)}
        >
          <option value="">Aucun</option>
          {options.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          label="Axe du projet régional de santé (facultatif)"
          nativeInputProps={{ ...register('axePrs', { setValueAs: videEnNull }), maxLength: 300 }}
          {...etatChamp(errors.axePrs?.message)}
        />
      )}
      <Input
        label="Description (facultatif)"
        textArea
        nativeTextAreaProps={{ ...register('description', { setValueAs: videEnNull }), rows: 3 }}
        {...etatChamp(errors.description?.message)}
      />
      <BoutonsFormulaire sansMarge enCours={enCours} onAnnuler={onAnnuler} libelle={axe ? 'Enregistrer l’axe' : 'Ajouter l’axe'} />
    </form>
  );
}

const objectifFormulaireSchema = z.object({
  intitule: z.string().trim().min(3, 'L’intitulé de l’objectif doit compter au moins 3 caractères').max(500, 'Au plus 500 caractères'),
  operationnels: z.string().max(15000),
});
type ValeursObjectif = z.infer<typeof objectifFormulaireSchema>;

/** Add or edit an objectif stratégique and its objectifs opérationnels (one per line). */
export function FormulaireObjectif({
  titre,
  objectif,
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: PropsFormulaire<SaisieObjectif> & { objectif?: Objectif }) {
  const id = useId();
  const form = useForm<ValeursObjectif>({
    resolver: zodResolver(objectifFormulaireSchema),
    defaultValues: { intitule: objectif?.intitule ?? '', operationnels: objectif?.objectifsOperationnels.join('\n') ?? '' },
  });
  const {
    register,
    formState: { errors },
  } = form;
  useEffect(() => form.setFocus('intitule'), [form]);
  const soumettre = form.handleSubmit(({ intitule, operationnels }) =>
    onEnregistrer({
      intitule,
      objectifsOperationnels: operationnels
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    }).catch((e) => {
      if (!appliquerErreursServeur(e, form.setError, ['intitule']))
        appliquerErreursServeur(e, (_c, err, o) => form.setError('operationnels', err, o), ['objectifsOperationnels']);
    }),
  );

  return (
    <form onSubmit={soumettre} noValidate aria-labelledby={`${id}-titre`} className={fr.cx('fr-p-2w', 'fr-mb-2w') + ' maillage-encart'}>
      <p id={`${id}-titre`} className={fr.cx('fr-text--bold')}>
        {titre}
      </p>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="L’objectif n’a pas été enregistré" /> : null}
      <Input
        label="Intitulé de l’objectif stratégique"
        nativeInputProps={{ ...register('intitule'), required: true, maxLength: 500 }}
        {...etatChamp(errors.intitule?.message)}
      />
      <Input
        label="Objectifs opérationnels (facultatif)"
        hintText="Un objectif par ligne"
        textArea
        nativeTextAreaProps={{ ...register('operationnels'), rows: 4 }}
        {...etatChamp(errors.operationnels?.message)}
      />
      <BoutonsFormulaire
        sansMarge
        enCours={enCours}
        onAnnuler={onAnnuler}
        libelle={objectif ? 'Enregistrer l’objectif' : 'Ajouter l’objectif'}
      />
    </form>
  );
}
