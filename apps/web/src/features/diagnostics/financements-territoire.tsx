import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { zodResolver } from '@hookform/resolvers/zod';
import { formaterMontant, formaterPeriodeAnnees, formaterTotalFinancements } from '@maillage/domain';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod';
import { ErreurApi } from '../../api/client';
import { useElementDiagnostic } from '../../api/diagnostics';
import type { FinancementsTerritoire, FinancementTerritoire } from '@maillage/domain/api';
import type { SaisieFinancementTerritoire } from '../../api/moyens';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsElement } from '../../components/boutons-element';
import { creerConfirmation } from '../../components/confirmation';
import { EtatVide } from '../../components/etat-vide';
import { etatChamp } from '../../components/formulaire';
import { versCentimes, versEuros } from '../../components/montants';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { EncartFormulaire } from './formulaire-element';
import { useEditionElement } from './element-chaine';

const suppression = creerConfirmation('confirmation-suppression-financement-territoire');
const annee = z.string().trim();

const schema = z
  .object({
    financeurId: z.string().nullable(),
    financeurLibelle: z.string().trim().max(200),
    dispositif: z.string().trim().min(2, 'Nommez le dispositif ou le programme').max(300),
    montantEuros: z
      .string()
      .trim()
      .refine(
        (v) => v === '' || Number.isFinite(versCentimes(v)),
        'Montant en euros attendu, par exemple 45 000 (vide s’il n’est pas connu)',
      ),
    anneeDebut: annee.regex(/^(19|20|21)\d\d$/, 'Année attendue, par exemple 2021'),
    anneeFin: annee.refine((v) => v === '' || /^(19|20|21)\d\d$/.test(v), 'Année attendue, par exemple 2023 (vide si en cours)'),
    objet: z.string().trim().min(3, 'Dites ce qui est financé').max(2000),
    source: z.string().trim().max(300),
  })
  .refine((v) => v.financeurId || v.financeurLibelle, { message: 'Indiquez le financeur', path: ['financeurLibelle'] });
type Valeurs = z.infer<typeof schema>;
const CHAMPS = ['financeurId', 'financeurLibelle', 'dispositif', 'montantEuros', 'anneeDebut', 'anneeFin', 'objet', 'source'];

function Formulaire({
  element,
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: {
  element?: FinancementTerritoire;
  onEnregistrer: (s: SaisieFinancementTerritoire) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}) {
  const form = useForm<Valeurs>({
    resolver: zodResolver(schema),
    defaultValues: {
      financeurId: element?.financeurId ?? null,
      financeurLibelle: element?.financeurLibelle ?? '',
      dispositif: element?.dispositif ?? '',
      montantEuros: element?.montantCentimes != null ? versEuros(element.montantCentimes) : '',
      anneeDebut: String(element?.anneeDebut ?? new Date().getFullYear()),
      anneeFin: element?.anneeFin != null ? String(element.anneeFin) : '',
      objet: element?.objet ?? '',
      source: element?.source ?? '',
    },
  });
  const {
    register,
    formState: { errors: e },
  } = form;
  const financeurId = useWatch({ control: form.control, name: 'financeurId' });
  const soumettre = form.handleSubmit((v) =>
    onEnregistrer({
      financeurId: v.financeurId,
      financeurLibelle: v.financeurId ? null : v.financeurLibelle || null,
      dispositif: v.dispositif,
      montantCentimes: v.montantEuros === '' ? null : versCentimes(v.montantEuros),
      anneeDebut: Number(v.anneeDebut),
      anneeFin: v.anneeFin === '' ? null : Number(v.anneeFin),
      objet: v.objet,
      source: v.source || null,
    }).catch((x) => {
      if (!(x instanceof ErreurApi)) return;
      for (const [i, { champ, message }] of (x.probleme.erreurs ?? []).entries()) {
        const c = champ.replace(/^montantCentimes$/, 'montantEuros');
        if (CHAMPS.includes(c)) form.setError(c as Path<Valeurs>, { type: 'serveur', message }, { shouldFocus: i === 0 });
      }
    }),
  );
  return (
    <EncartFormulaire
      titre={element ? 'Modifier le financement existant' : 'Recenser un financement existant'}
      erreur={erreur}
      enCours={enCours}
      libelleEnvoi={element ? 'Enregistrer le financement' : 'Ajouter le financement'}
      onSubmit={soumettre}
      onAnnuler={onAnnuler}
    >
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
          {...etatChamp(e.financeurLibelle?.message)}
        />
      )}
      <Input
        label="Dispositif ou programme"
        hintText="Exemple : contrat de ville (volet santé), FIR prévention, ACI de la CPTS"
        nativeInputProps={{ ...register('dispositif'), maxLength: 300 }}
        {...etatChamp(e.dispositif?.message)}
      />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Montant sur la période, en euros (facultatif)"
            hintText="Vide s’il n’est pas connu"
            nativeInputProps={{ ...register('montantEuros'), inputMode: 'decimal' }}
            {...etatChamp(e.montantEuros?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-4')}>
          <Input
            label="Première année"
            nativeInputProps={{ ...register('anneeDebut'), inputMode: 'numeric', maxLength: 4 }}
            {...etatChamp(e.anneeDebut?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-4')}>
          <Input
            label="Dernière année (facultatif)"
            hintText="Vide si en cours"
            nativeInputProps={{ ...register('anneeFin'), inputMode: 'numeric', maxLength: 4 }}
            {...etatChamp(e.anneeFin?.message)}
          />
        </div>
      </div>
      <Input label="Ce qu’il finance" textArea nativeTextAreaProps={{ ...register('objet'), rows: 3 }} {...etatChamp(e.objet?.message)} />
      <Input
        label="Source (facultatif)"
        hintText="Document ou interlocuteur d’où vient l’information"
        nativeInputProps={{ ...register('source'), maxLength: 300 }}
        {...etatChamp(e.source?.message)}
      />
    </EncartFormulaire>
  );
}

/**
 * Seed 003 (ARS Île-de-France): « recenser et valoriser dans le CLS l’ensemble des financements déjà mis à disposition
 * sur un territoire ». The list, its total, and beside it the contract's own funding lines summed.
 */
export function FinancementsTerritoireDiagnostic({
  contratId,
  financements,
  editable,
}: {
  contratId: string;
  financements: FinancementsTerritoire;
  editable: boolean;
}) {
  const { enregistrer, supprimer } = useElementDiagnostic<SaisieFinancementTerritoire>(contratId, 'financements-existants');
  const { edition, ouvrir, fermer, proprietes, aSupprimer, setASupprimer } = useEditionElement<FinancementTerritoire>(enregistrer);
  const { lignes, total, contrat } = financements;
  const formulaire = edition && (
    <Formulaire
      element={edition.id ? lignes.find((l) => l.id === edition.id) : undefined}
      {...proprietes}
      onEnregistrer={(saisie) => enregistrer.mutateAsync({ id: edition.id, saisie }).then(() => fermer())}
    />
  );
  return (
    <>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-2w')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <p className={fr.cx('fr-mb-0', 'fr-p-2w') + ' maillage-chiffre'}>
            <span className={fr.cx('fr-h4', 'fr-mb-0')}>{formaterTotalFinancements(total)}</span>
            <span className={fr.cx('fr-text--sm', 'fr-mb-0')}>déjà mis à disposition sur le territoire ({lignes.length} recensés)</span>
          </p>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <p className={fr.cx('fr-mb-0', 'fr-p-2w') + ' maillage-chiffre'}>
            <span className={fr.cx('fr-h4', 'fr-mb-0')}>{formaterMontant(contrat.totalCentimes)}</span>
            <span className={fr.cx('fr-text--sm', 'fr-mb-0')}>
              de financement propre du contrat : {formaterMontant(contrat.fichesCentimes)} sur les fiches-action,{' '}
              {formaterMontant(contrat.horsFichesCentimes)} hors fiches, dont {formaterMontant(contrat.acquisCentimes)} accordés ou versés
              (lignes refusées exclues)
            </span>
          </p>
        </div>
      </div>
      {supprimer.error ? <AlerteErreur erreur={supprimer.error} as="h4" titre="Le financement n’a pas été retiré" /> : null}
      {lignes.length === 0 && !edition ? (
        <EtatVide
          titre="Aucun financement existant recensé"
          titreAs="h4"
          action={
            editable ? { children: 'Recenser un financement existant', onClick: () => ouvrir(), iconId: 'fr-icon-add-line' } : undefined
          }
        >
          <p>
            Listez les financements déjà présents sur le territoire (ARS, collectivités, Assurance maladie, politique de la ville, démarches
            locales de santé…) : qui finance, par quel dispositif, combien, sur quelle période et pour quoi. Un montant inconnu peut rester
            vide.
          </p>
        </EtatVide>
      ) : (
        lignes.length > 0 && (
          <Table
            caption={`Financements existants du territoire (${lignes.length})`}
            headers={['Financeur', 'Dispositif', 'Montant', 'Période', 'Ce qu’il finance', ...(editable ? ['Actions'] : [])]}
            data={lignes.map((l) => [
              l.financeur,
              l.dispositif,
              l.montantCentimes == null ? 'Non connu' : formaterMontant(l.montantCentimes),
              formaterPeriodeAnnees(l.anneeDebut, l.anneeFin),
              <span key="o">
                {l.objet}
                {l.source && <span className={fr.cx('fr-hint-text')}>Source : {l.source}</span>}
              </span>,
              ...(editable
                ? [
                    <span key="a" className="maillage-actions">
                      <BoutonsElement
                        nom={`le financement « ${l.dispositif} »`}
                        onModifier={() => ouvrir(l.id)}
                        onSupprimer={() => {
                          setASupprimer(l);
                          suppression.ouvrir();
                        }}
                        libelleSupprimer="Retirer"
                        desactive={!!edition}
                      />
                    </span>,
                  ]
                : []),
            ])}
          />
        )
      )}
      {formulaire}
      {editable && !edition && lignes.length > 0 && (
        <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" onClick={() => ouvrir()}>
          Recenser un autre financement
        </Button>
      )}
      <suppression.Confirmation
        titre="Retirer ce financement du diagnostic ?"
        libelleConfirmer="Retirer"
        onConfirmer={() => aSupprimer && supprimer.mutate(aSupprimer.id)}
      >
        <p>
          Le financement « {aSupprimer?.dispositif} » sera retiré de la liste des financements existants. Le retrait est tracé dans
          l’historique du contrat.
        </p>
      </suppression.Confirmation>
    </>
  );
}
