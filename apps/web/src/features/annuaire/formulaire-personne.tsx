import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Personne, SaisiePersonne } from '@maillage/domain/api';
import { useEnregistrementPersonne } from '../../api/annuaire';
import { estErreurApi, requete } from '../../api/client';
import { AlerteErreur } from '../../components/alerte-erreur';
import { ConflitVersion, differences } from '../../components/conflit-version';
import { appliquerErreursServeur, etatChamp } from '../../components/formulaire';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { useFocusPremierChamp } from '../../components/focus';
import { FormulaireEncart } from '../../components/formulaire-encart';

const schema = z.object({
  prenom: z.string().trim().min(1, 'Le prénom est obligatoire').max(100),
  nom: z.string().trim().min(1, 'Le nom est obligatoire').max(100),
  email: z.union([z.literal(''), z.email({ error: 'L’adresse e-mail n’est pas valide' })]),
  telephone: z.string().trim().max(40),
  fonction: z.string().trim().max(200),
  organisationId: z.string().nullable(),
});
type Valeurs = z.infer<typeof schema>;
const CHAMPS = ['prenom', 'nom', 'email', 'telephone', 'fonction', 'organisationId'];

const versValeurs = (p?: Partial<SaisiePersonne> | null, organisationId: string | null = null): Valeurs => ({
  prenom: p?.prenom ?? '',
  nom: p?.nom ?? '',
  email: p?.email ?? '',
  telephone: p?.telephone ?? '',
  fonction: p?.fonction ?? '',
  organisationId: p?.organisationId ?? organisationId,
});
const versSaisie = (v: Valeurs): SaisiePersonne => ({
  prenom: v.prenom.trim(),
  nom: v.nom.trim(),
  email: v.email.trim() || null,
  telephone: v.telephone.trim() || null,
  fonction: v.fonction.trim() || null,
  organisationId: v.organisationId || null,
});
const COMPARES = [
  { libelle: 'Prénom', valeur: (v: Valeurs) => v.prenom.trim() },
  { libelle: 'Nom', valeur: (v: Valeurs) => v.nom.trim() },
  { libelle: 'Adresse e-mail', valeur: (v: Valeurs) => v.email.trim().toLowerCase() },
  { libelle: 'Téléphone', valeur: (v: Valeurs) => v.telephone.trim() },
  { libelle: 'Fonction', valeur: (v: Valeurs) => v.fonction.trim() },
];

interface Props {
  personne?: Personne;
  /** The organisation the person belongs to, when the user may not choose another (an organisation's referent). */
  organisationFixe?: { id: string; nom: string };
  onFermer: (message?: string) => void;
}

/** A person of the directory: name, contact, function, organisation. A stale edit (409) shows what changed. */
export function FormulairePersonne({ personne, organisationFixe, onFermer }: Props) {
  const id = useId();
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const enregistrement = useEnregistrementPersonne();
  const form = useForm<Valeurs>({ resolver: zodResolver(schema), defaultValues: versValeurs(personne, organisationFixe?.id ?? null) });
  const {
    register,
    formState: { errors },
  } = form;
  const [courant, setCourant] = useState<Valeurs | null>(null);

  const enregistrer = (v: Valeurs, version = personne?.version) =>
    enregistrement.mutate(
      { id: personne?.id, saisie: versSaisie(v), version },
      {
        onSuccess: () => onFermer(`${v.prenom.trim()} ${v.nom.trim()} est enregistré·e dans l’annuaire.`),
        onError: (e) => {
          if (estErreurApi(e, 409)) return setCourant(versValeurs(e.probleme.courant as SaisiePersonne));
          appliquerErreursServeur(e, form.setError, CHAMPS);
        },
      },
    );
  // The conflict does not carry the current version: read it again before overwriting.
  const ecraser = async () => {
    const liste = await requete<Personne[]>(`/api/personnes?q=${encodeURIComponent(courant?.nom ?? personne?.nom ?? '')}`).catch(() => []);
    const actuelle = liste.find((p) => p.id === personne?.id);
    setCourant(null);
    void form.handleSubmit((v) => enregistrer(v, actuelle?.version ?? personne?.version))();
  };

  return (
    <FormulaireEncart
      cadre={cadre}
      idTitre={`${id}-titre`}
      titre={personne ? `Modifier ${personne.prenom} ${personne.nom}` : 'Ajouter une personne à l’annuaire'}
      onSubmit={form.handleSubmit((v) => enregistrer(v))}
    >
      {courant && (
        <ConflitVersion
          entite="Cette fiche"
          diffs={differences(COMPARES, form.getValues(), courant)}
          enCours={enregistrement.isPending}
          onReprendre={() => {
            form.reset(courant);
            setCourant(null);
            enregistrement.reset();
          }}
          onEcraser={() => void ecraser()}
        />
      )}
      {enregistrement.error && !courant && !estErreurApi(enregistrement.error, 409) ? (
        <AlerteErreur erreur={enregistrement.error} as="h4" titre="La personne n’a pas été enregistrée" />
      ) : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Prénom"
            nativeInputProps={{ ...register('prenom'), autoComplete: 'off', maxLength: 100 }}
            {...etatChamp(errors.prenom?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Nom"
            nativeInputProps={{ ...register('nom'), autoComplete: 'off', maxLength: 100 }}
            {...etatChamp(errors.nom?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Adresse e-mail (facultatif)"
            hintText="Format attendu : nom@domaine.fr ; sert aux invitations"
            nativeInputProps={{ ...register('email'), type: 'email', autoComplete: 'off' }}
            {...etatChamp(errors.email?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Téléphone (facultatif)"
            nativeInputProps={{ ...register('telephone'), type: 'tel', autoComplete: 'off', maxLength: 40 }}
            {...etatChamp(errors.telephone?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12')}>
          <Input
            label="Fonction (facultatif)"
            hintText="Exemple : chargée de mission prévention, directeur de la santé publique"
            nativeInputProps={{ ...register('fonction'), maxLength: 200 }}
            {...etatChamp(errors.fonction?.message)}
          />
        </div>
      </div>
      {organisationFixe ? (
        <p>
          <strong>Organisation :</strong> {organisationFixe.nom}
        </p>
      ) : (
        <Controller
          control={form.control}
          name="organisationId"
          render={({ field, fieldState }) => (
            <ChoixOrganisation
              label="Organisation"
              aucune
              valeur={field.value}
              onChange={(v) => field.onChange(v)}
              onBlur={field.onBlur}
              erreur={fieldState.error?.message}
            />
          )}
        />
      )}
      <BoutonsFormulaire
        libelle={personne ? 'Enregistrer' : 'Ajouter la personne'}
        enCours={enregistrement.isPending}
        onAnnuler={() => onFermer()}
      />
    </FormulaireEncart>
  );
}
