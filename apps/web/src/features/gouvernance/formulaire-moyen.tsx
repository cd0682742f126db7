import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { TYPES_MOYEN, UNITES_TEMPS, type EngagementMoyensSaisie, type TypeMoyen, type UniteTemps } from '@maillage/domain';
import { useId } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod';
import { ErreurApi } from '../../api/client';
import { useIndicateurs } from '../../api/indicateurs';
import type { LigneMoyens } from '../../api/moyens';
import { AlerteErreur } from '../../components/alerte-erreur';
import { etatChamp } from '../../components/formulaire';
import { versCentimes, versEuros } from '../../components/montants';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { useFocusPremierChamp } from '../../components/focus';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { FormulaireEncart } from '../../components/formulaire-encart';

const schema = z
  .object({
    organisationId: z.string({ error: 'Choisissez l’organisation' }).min(1, 'Choisissez l’organisation'),
    annee: z
      .string()
      .trim()
      .regex(/^(20\d\d|2100)$/, 'Année attendue, par exemple 2022'),
    type: z.enum(Object.keys(TYPES_MOYEN) as [TypeMoyen]),
    quantite: z.string().trim(),
    unite: z.enum(Object.keys(UNITES_TEMPS) as [UniteTemps]),
    montantEuros: z.string().trim(),
    description: z.string().trim().max(2000, 'Au plus 2000 caractères'),
    objectifs: z.string().trim().max(2000, 'Au plus 2000 caractères'),
    indicateurCode: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'temps' && !/^\d+([.,]\d{1,2})?$/.test(v.quantite))
      ctx.addIssue({ code: 'custom', path: ['quantite'], message: 'Nombre attendu, au plus deux décimales (exemple : 0,2)' });
    if (v.type === 'financier' && !Number.isFinite(versCentimes(v.montantEuros)))
      ctx.addIssue({ code: 'custom', path: ['montantEuros'], message: 'Montant en euros attendu, par exemple 1 500' });
    if (v.type === 'nature' && !v.description)
      ctx.addIssue({ code: 'custom', path: ['description'], message: 'Apport en nature : décrivez ce qui est apporté' });
  });
type Valeurs = z.infer<typeof schema>;

const valeursDe = (l?: LigneMoyens, organisationId?: string | null): Valeurs => ({
  organisationId: l?.organisationId ?? organisationId ?? '',
  annee: String(l?.annee ?? new Date().getFullYear()),
  type: l?.type ?? 'temps',
  quantite: l?.quantite != null ? String(l.quantite).replace('.', ',') : '',
  unite: l?.unite ?? 'jours',
  montantEuros: l?.montantCentimes != null ? versEuros(l.montantCentimes) : '',
  description: l?.description ?? '',
  objectifs: l?.objectifs ?? '',
  indicateurCode: l?.indicateurCode ?? '',
});

/** "montantCentimes" (API) → "montantEuros" (this form). */
const champDuServeur = (champ: string) => champ.replace(/^montantCentimes$/, 'montantEuros');
const CHAMPS = ['organisationId', 'annee', 'type', 'quantite', 'unite', 'montantEuros', 'description', 'objectifs', 'indicateurCode'];

interface Props {
  ligne?: LigneMoyens;
  /** The organisation offered first (a referent's own). */
  organisationParDefaut?: string | null;
  onEnregistrer: (m: EngagementMoyensSaisie) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}

/** What an organisation commits for a year: staff time (days or FTE), money in euros, or something in kind, and what it serves. */
export function FormulaireMoyen({ ligne, organisationParDefaut, onEnregistrer, onAnnuler, erreur, enCours }: Props) {
  const id = useId();
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const catalogue = useIndicateurs();
  const form = useForm<Valeurs>({ resolver: zodResolver(schema), defaultValues: valeursDe(ligne, organisationParDefaut) });
  const {
    register,
    formState: { errors },
  } = form;
  const type = useWatch({ control: form.control, name: 'type' });
  const soumettre = form.handleSubmit((v) =>
    onEnregistrer({
      organisationId: v.organisationId,
      annee: Number(v.annee),
      type: v.type,
      quantite: v.type === 'temps' ? Number(v.quantite.replace(',', '.')) : null,
      unite: v.type === 'temps' ? v.unite : null,
      montantCentimes: v.type === 'financier' ? versCentimes(v.montantEuros) : null,
      description: v.description || null,
      objectifs: v.objectifs || null,
      indicateurCode: v.indicateurCode || null,
      indicateurSuiviId: ligne?.indicateurSuiviId ?? null,
    }).catch((e) => {
      if (!(e instanceof ErreurApi)) return;
      for (const [i, { champ, message }] of (e.probleme.erreurs ?? []).entries())
        if (CHAMPS.includes(champDuServeur(champ)))
          form.setError(champDuServeur(champ) as Path<Valeurs>, { type: 'serveur', message }, { shouldFocus: i === 0 });
    }),
  );
  return (
    <FormulaireEncart
      cadre={cadre}
      idTitre={`${id}-titre`}
      titre={ligne ? 'Modifier l’engagement de moyens' : 'Enregistrer des moyens engagés'}
      onSubmit={soumettre}
    >
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="L’engagement n’a pas été enregistré" /> : null}
      <Controller
        control={form.control}
        name="organisationId"
        render={({ field, fieldState }) => (
          <ChoixOrganisation
            label="Organisation qui engage ces moyens"
            valeur={field.value || null}
            onChange={(v) => field.onChange(v ?? '')}
            erreur={fieldState.error?.message}
            creation={false}
          />
        )}
      />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
          <Input
            label="Année"
            nativeInputProps={{ ...register('annee'), inputMode: 'numeric', maxLength: 4 }}
            {...etatChamp(errors.annee?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
          <Select label="Type de moyen" nativeSelectProps={register('type')} {...etatChamp(errors.type?.message)}>
            {Object.entries(TYPES_MOYEN).map(([code, libelle]) => (
              <option key={code} value={code}>
                {libelle}
              </option>
            ))}
          </Select>
        </div>
        {type === 'temps' && (
          <>
            <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
              <Input
                label="Temps de travail"
                hintText="Exemple : 12 ou 0,2"
                nativeInputProps={{ ...register('quantite'), inputMode: 'decimal' }}
                {...etatChamp(errors.quantite?.message)}
              />
            </div>
            <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
              <Select label="Unité" nativeSelectProps={register('unite')} {...etatChamp(errors.unite?.message)}>
                <option value="jours">Jours</option>
                <option value="etp">ETP (équivalent temps plein sur l’année)</option>
              </Select>
            </div>
          </>
        )}
        {type === 'financier' && (
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Input
              label="Montant en euros"
              hintText="Exemple : 1 500"
              nativeInputProps={{ ...register('montantEuros'), inputMode: 'decimal' }}
              {...etatChamp(errors.montantEuros?.message)}
            />
          </div>
        )}
      </div>
      <Input
        label={type === 'nature' ? 'Ce qui est apporté' : 'Description (facultatif)'}
        hintText="Exemple : référente CLS, salle pour les COPIL, données de l’Assurance maladie pour le diagnostic"
        textArea
        nativeTextAreaProps={{ ...register('description'), rows: 2 }}
        {...etatChamp(errors.description?.message)}
      />
      <Input
        label="Objectifs propres de l’organisation que cet engagement sert (facultatif)"
        hintText="Exemple : indicateur CPG « nombre de bénéficiaires de la complémentaire santé solidaire »"
        textArea
        nativeTextAreaProps={{ ...register('objectifs'), rows: 2 }}
        {...etatChamp(errors.objectifs?.message)}
      />
      <Select
        label="Indicateur du catalogue qui en mesure le résultat (facultatif)"
        nativeSelectProps={register('indicateurCode')}
        {...etatChamp(errors.indicateurCode?.message)}
      >
        <option value="">Aucun</option>
        {(catalogue.data ?? []).map((i) => (
          <option key={i.code} value={i.code}>
            {i.libelle}
          </option>
        ))}
      </Select>
      <BoutonsFormulaire libelle={ligne ? 'Enregistrer l’engagement' : 'Ajouter l’engagement'} enCours={enCours} onAnnuler={onAnnuler} />
    </FormulaireEncart>
  );
}
