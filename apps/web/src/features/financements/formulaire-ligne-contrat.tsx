import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { DISPOSITIFS, STATUTS_FINANCEMENT } from '@maillage/domain';
import { useId } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod';
import { ErreurApi } from '../../api/client';
import { OBJETS_FINANCEMENT, type ObjetFinancement, type SaisieLigneContrat } from '../../api/financements';
import { AlerteErreur } from '../../components/alerte-erreur';
import { etatChamp } from '../../components/formulaire';
import { versCentimes } from '../../components/montants';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { useFocusPremierChamp } from '../../components/focus';
import { OptionsDispositif, OptionsNature, OptionsStatutFinancement } from '../../components/options-financement';
import { FormulaireEncart } from '../../components/formulaire-encart';

const schema = z
  .object({
    objet: z.enum(Object.keys(OBJETS_FINANCEMENT) as [ObjetFinancement]),
    financeurId: z.string().nullable(),
    financeurLibelle: z.string().trim().max(200),
    dispositif: z.enum(DISPOSITIFS),
    annee: z
      .string()
      .trim()
      .regex(/^(20\d\d|2100)$/, 'Année attendue, par exemple 2025'),
    montantEuros: z.string().refine((v) => Number.isFinite(versCentimes(v)), 'Montant en euros attendu, par exemple 20 000'),
    nature: z.enum(['fonctionnement', 'investissement']),
    statut: z.enum(STATUTS_FINANCEMENT),
    valorisationNature: z.string().trim().max(300),
  })
  .refine((v) => v.financeurId || v.financeurLibelle, { message: 'Indiquez le financeur', path: ['financeurLibelle'] });
type Valeurs = z.infer<typeof schema>;

const VIDE: Valeurs = {
  objet: 'coordination',
  financeurId: null,
  financeurLibelle: '',
  dispositif: 'FIR',
  annee: String(new Date().getFullYear()),
  montantEuros: '',
  nature: 'fonctionnement',
  statut: 'prevu',
  valorisationNature: '',
};

/** "montantCentimes" (API) → "montantEuros" (this form). */
const champDuServeur = (champ: string) => champ.replace(/^montantCentimes$/, 'montantEuros');

interface Props {
  onEnregistrer: (l: SaisieLigneContrat) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}

/** A funding line of the contract itself (coordination post, diagnostic, evaluation, animation): amount typed in euros. */
export function FormulaireLigneContrat({ onEnregistrer, onAnnuler, erreur, enCours }: Props) {
  const id = useId();
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const form = useForm<Valeurs>({ resolver: zodResolver(schema), defaultValues: VIDE });
  const {
    register,
    formState: { errors },
  } = form;
  const financeurId = useWatch({ control: form.control, name: 'financeurId' });
  const soumettre = form.handleSubmit((v) =>
    onEnregistrer({
      objet: v.objet,
      financeurId: v.financeurId,
      financeurLibelle: v.financeurId ? null : v.financeurLibelle || null,
      dispositif: v.dispositif,
      annee: Number(v.annee),
      montantCentimes: versCentimes(v.montantEuros),
      nature: v.nature,
      statut: v.statut,
      valorisationNature: v.valorisationNature || null,
    }).catch((e) => {
      if (!(e instanceof ErreurApi)) return;
      for (const [i, { champ, message }] of (e.probleme.erreurs ?? []).entries())
        form.setError(champDuServeur(champ) as Path<Valeurs>, { type: 'serveur', message }, { shouldFocus: i === 0 });
    }),
  );
  return (
    <FormulaireEncart cadre={cadre} idTitre={`${id}-titre`} titre={<>Ajouter une ligne de financement du contrat</>} onSubmit={soumettre}>
      <p className={fr.cx('fr-hint-text')}>Les financements d’une fiche-action se saisissent sur la fiche (section « Financement »).</p>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="La ligne n’a pas été ajoutée" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select label="Objet" nativeSelectProps={register('objet')} {...etatChamp(errors.objet?.message)}>
            {Object.entries(OBJETS_FINANCEMENT).map(([code, libelle]) => (
              <option key={code} value={code}>
                {libelle}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select label="Dispositif" nativeSelectProps={register('dispositif')} {...etatChamp(errors.dispositif?.message)}>
            <OptionsDispositif />
          </Select>
        </div>
      </div>
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
      {!financeurId && (
        <Input
          label="Nom du financeur"
          nativeInputProps={{ ...register('financeurLibelle'), maxLength: 200 }}
          {...etatChamp(errors.financeurLibelle?.message)}
        />
      )}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
          <Input
            label="Année"
            nativeInputProps={{ ...register('annee'), inputMode: 'numeric', maxLength: 4 }}
            {...etatChamp(errors.annee?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
          <Input
            label="Montant en euros"
            hintText="Exemple : 20 000"
            nativeInputProps={{ ...register('montantEuros'), inputMode: 'decimal' }}
            {...etatChamp(errors.montantEuros?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
          <Select label="Nature" nativeSelectProps={register('nature')}>
            <OptionsNature />
          </Select>
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
          <Select label="Statut" nativeSelectProps={register('statut')} {...etatChamp(errors.statut?.message)}>
            <OptionsStatutFinancement />
          </Select>
        </div>
      </div>
      <Input
        label="Valorisation en nature ou en ETP (facultatif)"
        hintText="Exemple : mise à disposition d’un bureau, 0,5 ETP de chargé de mission"
        nativeInputProps={{ ...register('valorisationNature'), maxLength: 300 }}
        {...etatChamp(errors.valorisationNature?.message)}
      />
      <BoutonsFormulaire libelle="Ajouter la ligne" enCours={enCours} onAnnuler={onAnnuler} />
    </FormulaireEncart>
  );
}
