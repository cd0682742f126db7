import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { zodResolver } from '@hookform/resolvers/zod';
import { partenaireSaisieSchema, signataireSaisieSchema } from '@maillage/domain';
import { useId } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { SaisieSignataire } from '../../api/contrats';
import type { PartenaireContrat, Signataire } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { appliquerErreursServeur, etatChamp, videEnNull } from '../../components/formulaire';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';

interface PropsCommunes<T> {
  onEnregistrer: (saisie: T) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}

type ValeursSignataire = z.input<typeof signataireSaisieSchema>;

/** A signatory: the organisation, who signs for it (name, qualité) and when. */
export function FormulaireSignataire({
  signataire,
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: PropsCommunes<SaisieSignataire> & { signataire?: Signataire }) {
  const id = useId();
  const form = useForm<ValeursSignataire, unknown, SaisieSignataire>({
    resolver: zodResolver(signataireSaisieSchema) as never,
    defaultValues: {
      organisationId: signataire?.organisation.id ?? '',
      representant: signataire?.representant ?? null,
      qualite: signataire?.qualite ?? null,
      dateSignature: signataire?.dateSignature ?? null,
    },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const optionnel = { setValueAs: videEnNull };
  const soumettre = form.handleSubmit((s) =>
    onEnregistrer({
      organisationId: s.organisationId,
      representant: s.representant ?? null,
      qualite: s.qualite ?? null,
      dateSignature: s.dateSignature ?? null,
    }).catch((e) => appliquerErreursServeur(e, form.setError, ['organisationId', 'representant', 'qualite', 'dateSignature'])),
  );
  return (
    <form onSubmit={soumettre} noValidate aria-labelledby={`${id}-titre`} className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}>
      <p id={`${id}-titre`} className={fr.cx('fr-text--bold')}>
        {signataire ? `Modifier le signataire ${signataire.organisation.nom}` : 'Ajouter un signataire'}
      </p>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="Le signataire n’a pas été enregistré" /> : null}
      <Controller
        control={form.control}
        name="organisationId"
        render={({ field, fieldState }) => (
          <ChoixOrganisation
            label="Organisation signataire"
            valeur={field.value}
            onChange={(v) => field.onChange(v ?? '')}
            onBlur={field.onBlur}
            erreur={fieldState.error?.message}
          />
        )}
      />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Représentant (facultatif)"
            hintText="Qui signe : prénom et nom"
            nativeInputProps={{ ...register('representant', optionnel), maxLength: 200 }}
            {...etatChamp(errors.representant?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Qualité (facultatif)"
            hintText="Exemple : directeur général, président"
            nativeInputProps={{ ...register('qualite', optionnel), maxLength: 200 }}
            {...etatChamp(errors.qualite?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Date de signature (facultatif)"
            hintText="Chaque signataire signe à sa date"
            nativeInputProps={{ ...register('dateSignature', optionnel), type: 'date' }}
            {...etatChamp(errors.dateSignature?.message)}
          />
        </div>
      </div>
      <BoutonsFormulaire sansMarge libelle={signataire ? 'Enregistrer' : 'Ajouter le signataire'} enCours={enCours} onAnnuler={onAnnuler} />
    </form>
  );
}

type ValeursPartenaire = z.input<typeof partenaireSaisieSchema>;
type SaisiePartenaire = { organisationId: string; role: string | null };

/** A partner (non-signatory) and its role in the contract. */
export function FormulairePartenaire({
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: PropsCommunes<SaisiePartenaire> & { partenaire?: PartenaireContrat }) {
  const id = useId();
  const form = useForm<ValeursPartenaire, unknown, z.output<typeof partenaireSaisieSchema>>({
    resolver: zodResolver(partenaireSaisieSchema) as never,
    defaultValues: { organisationId: '', role: null },
  });
  const soumettre = form.handleSubmit((p) =>
    onEnregistrer({ organisationId: p.organisationId, role: p.role ?? null }).catch((e) =>
      appliquerErreursServeur(e, form.setError, ['organisationId', 'role']),
    ),
  );
  return (
    <form onSubmit={soumettre} noValidate aria-labelledby={`${id}-titre`} className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}>
      <p id={`${id}-titre`} className={fr.cx('fr-text--bold')}>
        Ajouter un partenaire
      </p>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="Le partenaire n’a pas été ajouté" /> : null}
      <Controller
        control={form.control}
        name="organisationId"
        render={({ field, fieldState }) => (
          <ChoixOrganisation
            label="Organisation partenaire"
            valeur={field.value}
            onChange={(v) => field.onChange(v ?? '')}
            onBlur={field.onBlur}
            erreur={fieldState.error?.message}
          />
        )}
      />
      <Input
        label="Rôle (facultatif)"
        hintText="Exemple : apporte son offre de service, anime un groupe de travail"
        nativeInputProps={{ ...form.register('role', { setValueAs: videEnNull }), maxLength: 300 }}
        {...etatChamp(form.formState.errors.role?.message)}
      />
      <BoutonsFormulaire sansMarge libelle="Ajouter le partenaire" enCours={enCours} onAnnuler={onAnnuler} />
    </form>
  );
}
