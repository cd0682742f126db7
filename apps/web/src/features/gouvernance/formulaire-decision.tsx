import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { DISPOSITIFS, formaterDate, formaterMontant, LIBELLES_STATUT_FICHE, LIBELLES_STATUT_FINANCEMENT, STATUTS_FICHE, STATUTS_FINANCEMENT } from '@maillage/domain';
import { useId } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod';
import { ErreurApi } from '../../api/client';
import type { SaisieDecision, Seance } from '../../api/gouvernance';
import type { Fiche } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { etatChamp } from '../../components/formulaire';
import { versCentimes } from '../../components/montants';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { ACTIONS_DECISION } from './libelles';

const schema = z
  .object({
    action: z.enum(['aucune', 'valider_fiche', 'statut_fiche', 'financement_fiche']),
    texte: z.string().trim().min(3, 'Rédigez la décision').max(5000),
    ficheId: z.string(),
    statut: z.enum(STATUTS_FICHE),
    rang: z.string(),
    financeurId: z.string().nullable(),
    financeurLibelle: z.string().trim().max(200),
    dispositif: z.enum(DISPOSITIFS),
    annee: z.string().trim(),
    montantEuros: z.string(),
    nature: z.enum(['fonctionnement', 'investissement']),
    statutFinancement: z.enum(STATUTS_FINANCEMENT),
    valorisationNature: z.string().trim().max(300),
    confirmerSeanceFuture: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.action !== 'aucune' && !v.ficheId) ctx.addIssue({ code: 'custom', path: ['ficheId'], message: 'Choisissez la fiche-action concernée' });
    if (v.action !== 'financement_fiche') return;
    if (!/^\d{4}$/.test(v.annee) || Number(v.annee) < 2000 || Number(v.annee) > 2100) ctx.addIssue({ code: 'custom', path: ['annee'], message: 'Année attendue, par exemple 2025' });
    if (!Number.isFinite(versCentimes(v.montantEuros))) ctx.addIssue({ code: 'custom', path: ['montantEuros'], message: 'Montant en euros attendu, par exemple 20 000' });
    if (!v.financeurId && !v.financeurLibelle) ctx.addIssue({ code: 'custom', path: ['financeurLibelle'], message: 'Indiquez le financeur' });
  });
type Valeurs = z.infer<typeof schema>;

const VIDE: Valeurs = {
  action: 'statut_fiche',
  texte: '',
  ficheId: '',
  statut: 'en_cours',
  rang: '',
  financeurId: null,
  financeurLibelle: '',
  dispositif: 'FIR',
  annee: String(new Date().getFullYear()),
  montantEuros: '',
  nature: 'fonctionnement',
  statutFinancement: 'accorde',
  valorisationNature: '',
  confirmerSeanceFuture: false,
};

function versSaisie(v: Valeurs): SaisieDecision {
  const confirmation = v.confirmerSeanceFuture ? { confirmerSeanceFuture: true } : {};
  return { ...versDecision(v), ...confirmation };
}

function versDecision(v: Valeurs): SaisieDecision {
  const texte = v.texte.trim();
  if (v.action === 'aucune') return { action: 'aucune', texte };
  if (v.action === 'valider_fiche') return { action: 'valider_fiche', texte, ficheId: v.ficheId };
  if (v.action === 'statut_fiche') return { action: 'statut_fiche', texte, ficheId: v.ficheId, statut: v.statut };
  return {
    action: 'financement_fiche',
    texte,
    ficheId: v.ficheId,
    rang: v.rang === '' ? null : Number(v.rang),
    ligne: {
      financeurId: v.financeurId,
      financeurLibelle: v.financeurId ? null : v.financeurLibelle || null,
      dispositif: v.dispositif,
      annee: Number(v.annee),
      montantCentimes: versCentimes(v.montantEuros),
      nature: v.nature,
      statut: v.statutFinancement,
      valorisationNature: v.valorisationNature || null,
    },
  };
}

/** "ligne.montantCentimes" (API) → "montantEuros" (this form). */
const champDuServeur = (champ: string) =>
  champ.replace(/^ligne\.montantCentimes$/, 'montantEuros').replace(/^ligne\.statut$/, 'statutFinancement').replace(/^ligne\./, '');

const euros = (centimes: number) => (centimes / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 }).replace(/\u202f/g, ' ');

interface Props {
  seance: Seance;
  fiches: Fiche[];
  onEnregistrer: (d: SaisieDecision) => Promise<unknown>;
  erreur: unknown;
  enCours: boolean;
}

/** A decision: its text, and what it does to a fiche (validate it, change its statut, change or add a funding line). */
export function FormulaireDecision({ seance, fiches, onEnregistrer, erreur, enCours }: Props) {
  const id = useId();
  const form = useForm<Valeurs>({ resolver: zodResolver(schema), defaultValues: VIDE });
  const {
    register,
    formState: { errors },
  } = form;
  const [action, ficheId, financeurId] = useWatch({ control: form.control, name: ['action', 'ficheId', 'financeurId'] });
  const fiche = fiches.find((f) => f.id === ficheId);
  const aLOrdreDuJour = new Set(seance.ordreDuJour.flatMap((p) => p.ficheIds));
  const tri = (a: Fiche, b: Fiche) => a.numero - b.numero;
  // A séance not yet held has decided nothing: the user says so explicitly before the decision applies.
  const aVenir = new Date(seance.debut).getTime() > Date.now();
  const soumettre = form.handleSubmit((v) => {
    if (aVenir && !v.confirmerSeanceFuture) {
      form.setError('confirmerSeanceFuture', { type: 'confirmation', message: 'Cochez la case pour confirmer une décision avant la séance' }, { shouldFocus: true });
      return;
    }
    return onEnregistrer(versSaisie(v))
      .then(() => form.reset({ ...VIDE, action: v.action }))
      .catch((e) => {
        if (!(e instanceof ErreurApi)) return;
        for (const [i, { champ, message }] of (e.probleme.erreurs ?? []).entries())
          form.setError(champDuServeur(champ) as Path<Valeurs>, { type: 'serveur', message }, { shouldFocus: i === 0 });
      });
  });
  const prendreLigne = (rang: string) => {
    form.setValue('rang', rang);
    const l = rang === '' ? null : fiche?.financements[Number(rang)];
    if (!l) return;
    form.setValue('financeurId', l.financeurId);
    form.setValue('financeurLibelle', l.financeurLibelle ?? '');
    form.setValue('dispositif', l.dispositif as Valeurs['dispositif']);
    form.setValue('annee', String(l.annee));
    form.setValue('montantEuros', euros(l.montantCentimes));
    form.setValue('nature', l.nature as Valeurs['nature']);
    form.setValue('statutFinancement', l.statut as Valeurs['statutFinancement']);
    form.setValue('valorisationNature', l.valorisationNature ?? '');
  };
  const option = (f: Fiche) => (
    <option key={f.id} value={f.id}>
      Fiche {f.numero} — {f.intitule} ({LIBELLES_STATUT_FICHE[f.statut]})
    </option>
  );

  return (
    <form onSubmit={soumettre} noValidate aria-labelledby={`${id}-titre`} className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}>
      <h3 id={`${id}-titre`} className={fr.cx('fr-h6')}>
        Ajouter une décision au relevé
      </h3>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="La décision n’a pas été enregistrée" /> : null}
      <Select label="Effet de la décision" hint="Une décision sur une fiche s’y applique aussitôt et figure dans son historique" nativeSelectProps={register('action')}>
        {Object.entries(ACTIONS_DECISION).map(([code, libelle]) => (
          <option key={code} value={code}>
            {libelle}
          </option>
        ))}
      </Select>
      {action !== 'aucune' && (
        <Select label="Fiche-action concernée" nativeSelectProps={register('ficheId', { onChange: () => form.setValue('rang', '') })} {...etatChamp(errors.ficheId?.message)}>
          <option value="" disabled>
            {fiches.length ? 'Choisir une fiche' : 'Ce contrat n’a pas encore de fiche-action'}
          </option>
          {aLOrdreDuJour.size > 0 && <optgroup label="À l’ordre du jour">{fiches.filter((f) => aLOrdreDuJour.has(f.id)).sort(tri).map(option)}</optgroup>}
          <optgroup label={aLOrdreDuJour.size > 0 ? 'Autres fiches du contrat' : 'Fiches du contrat'}>{fiches.filter((f) => !aLOrdreDuJour.has(f.id)).sort(tri).map(option)}</optgroup>
        </Select>
      )}
      {action === 'statut_fiche' && (
        <Select
          label="Nouveau statut de la fiche"
          hint={fiche ? `Statut actuel : ${LIBELLES_STATUT_FICHE[fiche.statut]}` : undefined}
          nativeSelectProps={register('statut')}
          {...etatChamp(errors.statut?.message)}
        >
          {STATUTS_FICHE.map((s) => (
            <option key={s} value={s}>
              {LIBELLES_STATUT_FICHE[s]}
            </option>
          ))}
        </Select>
      )}
      {action === 'financement_fiche' && (
        <fieldset className={fr.cx('fr-fieldset')}>
          <legend className={fr.cx('fr-fieldset__legend')}>Ligne de financement</legend>
          <div className={fr.cx('fr-fieldset__element')}>
            <Select label="Ligne concernée" nativeSelectProps={{ ...register('rang'), onChange: (e) => prendreLigne(e.target.value) }} {...etatChamp(errors.rang?.message)}>
              <option value="">Nouvelle ligne</option>
              {fiche?.financements.map((l, i) => (
                <option key={l.id} value={String(i)}>
                  Remplacer la ligne {i + 1} : {l.financeurNom ?? l.financeurLibelle ?? 'financeur non précisé'}, {l.dispositif} {l.annee}, {formaterMontant(l.montantCentimes)}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-fieldset__element')}>
            <Controller
              control={form.control}
              name="financeurId"
              render={({ field, fieldState }) => (
                <ChoixOrganisation label="Financeur" aucune libelleAucune="Hors annuaire : saisir son nom" valeur={field.value} onChange={(v) => field.onChange(v)} erreur={fieldState.error?.message} />
              )}
            />
          </div>
          {!financeurId && (
            <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
              <Input label="Nom du financeur" nativeInputProps={{ ...register('financeurLibelle'), maxLength: 200 }} {...etatChamp(errors.financeurLibelle?.message)} />
            </div>
          )}
          <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
            <Select label="Dispositif" nativeSelectProps={register('dispositif')} {...etatChamp(errors.dispositif?.message)}>
              {DISPOSITIFS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
            <Input label="Année" nativeInputProps={{ ...register('annee'), inputMode: 'numeric', maxLength: 4 }} {...etatChamp(errors.annee?.message)} />
          </div>
          <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
            <Input label="Montant en euros" hintText="Exemple : 20 000" nativeInputProps={{ ...register('montantEuros'), inputMode: 'decimal' }} {...etatChamp(errors.montantEuros?.message)} />
          </div>
          <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
            <Select label="Nature" nativeSelectProps={register('nature')}>
              <option value="fonctionnement">Fonctionnement</option>
              <option value="investissement">Investissement</option>
            </Select>
          </div>
          <div className={fr.cx('fr-fieldset__element', 'fr-col-6', 'fr-col-md-3')}>
            <Select label="Statut du financement" nativeSelectProps={register('statutFinancement')} {...etatChamp(errors.statutFinancement?.message)}>
              {STATUTS_FINANCEMENT.map((s) => (
                <option key={s} value={s}>
                  {LIBELLES_STATUT_FINANCEMENT[s]}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-fieldset__element')}>
            <Input label="Valorisation en nature ou en ETP (facultatif)" nativeInputProps={{ ...register('valorisationNature'), maxLength: 300 }} {...etatChamp(errors.valorisationNature?.message)} />
          </div>
        </fieldset>
      )}
      <Input
        label="Texte de la décision"
        hintText="Tel qu’il figurera au relevé de décisions. Exemple : « Le COPIL valide le lancement de la fiche 12 au second semestre. »"
        textArea
        nativeTextAreaProps={{ ...register('texte'), rows: 3, maxLength: 5000 }}
        {...etatChamp(errors.texte?.message)}
      />
      {aVenir && (
        <Checkbox
          state={errors.confirmerSeanceFuture ? 'error' : 'default'}
          stateRelatedMessage={errors.confirmerSeanceFuture?.message}
          options={[
            {
              label: `Je confirme : la séance du ${formaterDate(seance.debut.slice(0, 10))} n’a pas encore eu lieu, et la décision ${action === 'aucune' ? 'sera enregistrée' : 'sera appliquée à la fiche'} dès maintenant.`,
              hintText: 'Si la date de la séance est erronée, corrigez-la plutôt.',
              nativeInputProps: register('confirmerSeanceFuture'),
            },
          ]}
        />
      )}
      <Button type="submit" disabled={enCours} iconId="fr-icon-check-line">
        {action === 'aucune' ? 'Ajouter la décision' : 'Ajouter et appliquer la décision'}
      </Button>
    </form>
  );
}
