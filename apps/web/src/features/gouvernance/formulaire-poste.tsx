import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import type { PosteCoordination, SaisiePoste } from '../../api/gouvernance';
import { AlerteErreur } from '../../components/alerte-erreur';
import { etatChamp } from '../../components/formulaire';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { useFocusPremierChamp } from '../../components/focus';
import { FormulaireEncart } from '../../components/formulaire-encart';

/** 0.8 → "0,8", 50 → "50": at most two decimals, no trailing zeros. */
export const nombreFr = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
const decimal = (v: string) => Number(v.replace(',', '.').replace(/\s/g, ''));
const schema = z
  .object({
    intitule: z.string().trim().min(2, 'L’intitulé doit compter au moins 2 caractères').max(200),
    personne: z.string().trim().max(200),
    employeurId: z.string().nullable(),
    etp: z
      .string()
      .trim()
      .refine(
        (v) => v === '' || (Number.isFinite(decimal(v)) && decimal(v) >= 0 && decimal(v) <= 5),
        'ETP : un nombre de 0 à 5, par exemple 0,8',
      ),
    cofinancements: z
      .array(
        z.object({
          financeur: z.string().trim().min(1, 'Nommez le financeur').max(200),
          part: z
            .string()
            .trim()
            .refine((v) => Number.isFinite(decimal(v)) && decimal(v) >= 0 && decimal(v) <= 100, 'Une part en %, de 0 à 100'),
        }),
      )
      .max(10)
      .refine((l) => l.reduce((t, c) => t + (decimal(c.part) || 0), 0) <= 100.0001, 'La somme des parts dépasse 100 %'),
    debut: z.string(),
    fin: z.string(),
    notesPassation: z.string().max(20000),
  })
  .refine((p) => !p.debut || !p.fin || p.fin >= p.debut, { message: 'La fin précède le début', path: ['fin'] });
export type ValeursPoste = z.infer<typeof schema>;
export const CHAMPS_POSTE = ['intitule', 'personne', 'employeurId', 'etp', 'cofinancements', 'debut', 'fin', 'notesPassation'];

export function versValeursPoste(
  p?: Pick<PosteCoordination, 'intitule' | 'personne' | 'employeurId' | 'etp' | 'cofinancements' | 'debut' | 'fin' | 'notesPassation'>,
): ValeursPoste {
  return {
    intitule: p?.intitule ?? 'Coordination du CLS',
    personne: p?.personne ?? '',
    employeurId: p?.employeurId ?? null,
    etp: p?.etp !== null && p?.etp !== undefined ? nombreFr(Number(p.etp)) : '',
    cofinancements: (p?.cofinancements ?? []).map((c) => ({ financeur: c.financeur, part: nombreFr(c.part) })),
    debut: p?.debut?.slice(0, 10) ?? '',
    fin: p?.fin?.slice(0, 10) ?? '',
    notesPassation: p?.notesPassation ?? '',
  };
}

export function versSaisiePoste(v: ValeursPoste): SaisiePoste {
  return {
    intitule: v.intitule.trim(),
    personne: v.personne.trim() || null,
    employeurId: v.employeurId || null,
    etp: v.etp.trim() ? decimal(v.etp) : null,
    cofinancements: v.cofinancements.map((c) => ({ financeur: c.financeur.trim(), part: decimal(c.part) })),
    debut: v.debut || null,
    fin: v.fin || null,
    notesPassation: v.notesPassation.trim() || null,
  };
}

function Cofinancements({ form }: { form: UseFormReturn<ValeursPoste> }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'cofinancements' });
  const lignes = useWatch({ control: form.control, name: 'cofinancements' }) ?? [];
  const total = lignes.reduce((t, c) => t + (decimal(c.part) || 0), 0);
  const erreurs = form.formState.errors.cofinancements;
  const erreurRacine = erreurs?.message ?? erreurs?.root?.message;
  return (
    <fieldset className={fr.cx('fr-fieldset')}>
      <legend className={fr.cx('fr-fieldset__legend')}>Cofinancement du poste (facultatif)</legend>
      <p className={fr.cx('fr-hint-text', 'fr-fieldset__element')}>
        La doctrine régionale prévoit souvent un financement à parts égales entre l’ARS et la collectivité.
      </p>
      {fields.map((champ, i) => (
        <div key={champ.id} className={fr.cx('fr-fieldset__element')}>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <Input
                label={`Financeur ${i + 1}`}
                nativeInputProps={{ ...form.register(`cofinancements.${i}.financeur`), maxLength: 200 }}
                {...etatChamp(erreurs?.[i]?.financeur?.message)}
              />
            </div>
            <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
              <Input
                label={`Part du financeur ${i + 1}, en %`}
                nativeInputProps={{ ...form.register(`cofinancements.${i}.part`), inputMode: 'decimal' }}
                {...etatChamp(erreurs?.[i]?.part?.message)}
              />
            </div>
            <div className={fr.cx('fr-col-6', 'fr-col-md-3', 'fr-mb-3w')}>
              <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => remove(i)}>
                Retirer le financeur {i + 1}
              </Button>
            </div>
          </div>
        </div>
      ))}
      <div className={fr.cx('fr-fieldset__element')}>
        <Button
          type="button"
          size="small"
          priority="secondary"
          iconId="fr-icon-add-line"
          onClick={() => append({ financeur: '', part: '' })}
        >
          Ajouter un financeur
        </Button>
        {fields.length > 0 && (
          <p role="status" className={fr.cx('fr-text--sm', 'fr-mt-1w', 'fr-mb-0')}>
            Total des parts : {nombreFr(total)} %
          </p>
        )}
        {erreurRacine && (
          <p className={fr.cx('fr-error-text')} role="alert">
            {erreurRacine}
          </p>
        )}
      </div>
    </fieldset>
  );
}

interface Props {
  poste?: PosteCoordination;
  form: UseFormReturn<ValeursPoste>;
  onEnregistrer: (v: ValeursPoste) => void;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}

export const usePosteForm = (poste?: PosteCoordination) =>
  useForm<ValeursPoste>({ resolver: zodResolver(schema), defaultValues: versValeursPoste(poste) });

/** The coordinator post: who (empty: vacant), employer, ETP, co-funding shares, dates, handover notes. */
export function FormulairePoste({ poste, form, onEnregistrer, onAnnuler, erreur, enCours }: Props) {
  const id = useId();
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <FormulaireEncart
      cadre={cadre}
      idTitre={`${id}-titre`}
      titre={poste ? `Modifier le poste « ${poste.intitule} »` : 'Ajouter un poste de coordination'}
      onSubmit={form.handleSubmit(onEnregistrer)}
    >
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="Le poste n’a pas été enregistré" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Intitulé du poste"
            nativeInputProps={{ ...register('intitule'), maxLength: 200 }}
            {...etatChamp(errors.intitule?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Coordonnateur ou coordonnatrice (facultatif)"
            hintText="Prénom et nom ; laissez vide si le poste est vacant"
            nativeInputProps={{ ...register('personne'), maxLength: 200 }}
            {...etatChamp(errors.personne?.message)}
          />
        </div>
      </div>
      <Controller
        control={form.control}
        name="employeurId"
        render={({ field, fieldState }) => (
          <ChoixOrganisation
            label="Employeur (facultatif)"
            aucune
            libelleAucune="Non renseigné"
            valeur={field.value}
            onChange={(v) => field.onChange(v)}
            onBlur={field.onBlur}
            erreur={fieldState.error?.message}
          />
        )}
      />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Temps de travail en ETP (facultatif)"
            hintText="Exemple : 0,8"
            nativeInputProps={{ ...register('etp'), inputMode: 'decimal' }}
            {...etatChamp(errors.etp?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-4')}>
          <Input
            label="Début (facultatif)"
            nativeInputProps={{ ...register('debut'), type: 'date' }}
            {...etatChamp(errors.debut?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-4')}>
          <Input label="Fin (facultatif)" nativeInputProps={{ ...register('fin'), type: 'date' }} {...etatChamp(errors.fin?.message)} />
        </div>
      </div>
      <Cofinancements form={form} />
      <Input
        label="Notes de passation (facultatif)"
        hintText="Ce que la personne suivante doit savoir : contacts clés, dossiers en cours, échéances, où trouver les documents"
        textArea
        nativeTextAreaProps={{ ...register('notesPassation'), rows: 5 }}
        {...etatChamp(errors.notesPassation?.message)}
      />
      <BoutonsFormulaire libelle={poste ? 'Enregistrer le poste' : 'Ajouter le poste'} enCours={enCours} onAnnuler={onAnnuler} />
    </FormulaireEncart>
  );
}
