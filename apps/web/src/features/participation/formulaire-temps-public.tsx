import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { PUBLICS_TEMPS_PUBLIC, tempsPublicSchema, TYPES_TEMPS_PUBLIC, type TempsPublicSaisi } from '@maillage/domain';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { estErreurApi } from '../../api/client';
import type { TempsPublic } from '../../api/participation-public';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { ConflitVersion, differences } from '../../components/conflit-version';
import { FormulaireEncart } from '../../components/formulaire-encart';
import { appliquerErreursServeur, etatChamp, videEnNull } from '../../components/formulaire';

// Speakers are typed one per line; the API takes a list.
const formulaireSchema = tempsPublicSchema.extend({ intervenants: z.string().max(20000).default('') }).transform((t) => ({
  ...t,
  intervenants: t.intervenants
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean),
}));
type Champs = z.input<typeof formulaireSchema>;
const CHAMPS = ['type', 'intitule', 'dateTenue', 'lieu', 'communeCode', 'nombreParticipants', 'publics', 'synthese'] as const;

const valeurs = (t: TempsPublic | undefined): Champs => ({
  type: t?.type ?? 'reunion_publique',
  intitule: t?.intitule ?? '',
  dateTenue: t?.dateTenue ?? '',
  lieu: t?.lieu ?? null,
  communeCode: t?.communeCode ?? null,
  nombreParticipants: t?.nombreParticipants ?? null,
  publics: t?.publics ?? [],
  intervenants: (t?.intervenants ?? []).join('\n'),
  synthese: t?.synthese ?? null,
});
const texte = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
/** What a stale edit compares with the version saved meanwhile. */
const COMPARES: { libelle: string; valeur: (c: Champs) => string }[] = [
  { libelle: 'Intitulé', valeur: (c) => texte(c.intitule) },
  { libelle: 'Type', valeur: (c) => TYPES_TEMPS_PUBLIC[c.type as keyof typeof TYPES_TEMPS_PUBLIC] ?? texte(c.type) },
  { libelle: 'Date', valeur: (c) => texte(c.dateTenue) },
  { libelle: 'Lieu', valeur: (c) => texte(c.lieu) },
  { libelle: 'Commune', valeur: (c) => texte(c.communeCode) },
  { libelle: 'Nombre de participants', valeur: (c) => texte(c.nombreParticipants) },
  { libelle: 'Publics touchés', valeur: (c) => [...(c.publics ?? [])].sort().join(', ') },
  { libelle: 'Intervenants', valeur: (c) => texte(c.intervenants) },
  { libelle: 'Synthèse', valeur: (c) => texte(c.synthese) },
];

/** Records or edits a temps public. A stale edit (409) shows what changed meanwhile and lets the user choose (ConflitVersion). */
export function FormulaireTempsPublic({
  element,
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: {
  element?: TempsPublic;
  onEnregistrer: (saisie: TempsPublicSaisi, version?: number) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}) {
  const idTitre = useId();
  const form = useForm<Champs, unknown, TempsPublicSaisi>({ resolver: zodResolver(formulaireSchema), defaultValues: valeurs(element) });
  // The version the next save is sent with: the one edited, then the current one once the user has seen a conflict.
  const [version, setVersion] = useState(element?.version);
  const { register, formState } = form;
  const e = formState.errors;
  useEffect(() => form.setFocus('intitule'), [form]);
  const envoyer = (v = version) =>
    form.handleSubmit((s) => onEnregistrer(s, v).catch((x) => appliquerErreursServeur(x, form.setError, [...CHAMPS])));
  const courant = estErreurApi(erreur, 409) ? (erreur.probleme as { courant?: TempsPublic }).courant : undefined;
  // Once the user has taken the current version (to start again from it, or to save over it), the conflict is settled.
  const conflit = courant && courant.version !== version ? courant : undefined;
  return (
    <FormulaireEncart idTitre={idTitre} titre={element ? `Modifier « ${element.intitule} »` : 'Nouveau temps public'} onSubmit={envoyer()}>
      {conflit ? (
        <ConflitVersion
          entite="Ce temps public"
          masculin
          diffs={differences(COMPARES, form.getValues(), valeurs(conflit))}
          enCours={enCours}
          onReprendre={() => {
            form.reset(valeurs(conflit));
            setVersion(conflit.version);
          }}
          onEcraser={() => {
            setVersion(conflit.version);
            void envoyer(conflit.version)();
          }}
        />
      ) : (
        !!erreur && !courant && <AlerteErreur erreur={erreur} as="h4" titre="Le temps public n’a pas été enregistré" />
      )}
      <Input
        label="Intitulé"
        nativeInputProps={{ ...register('intitule'), required: true, maxLength: 300 }}
        {...etatChamp(e.intitule?.message)}
      />
      <Select label="Type" nativeSelectProps={register('type')} {...etatChamp(e.type?.message)}>
        {Object.entries(TYPES_TEMPS_PUBLIC).map(([valeur, libelle]) => (
          <option key={valeur} value={valeur}>
            {libelle}
          </option>
        ))}
      </Select>
      <Input
        label="Date"
        nativeInputProps={{ ...register('dateTenue'), type: 'date', required: true }}
        {...etatChamp(e.dateTenue?.message)}
      />
      <Input label="Lieu (facultatif)" nativeInputProps={register('lieu', { setValueAs: videEnNull })} {...etatChamp(e.lieu?.message)} />
      <Input
        label="Code INSEE de la commune (facultatif)"
        hintText="Cinq caractères, par exemple 35236 pour Redon."
        nativeInputProps={{ ...register('communeCode', { setValueAs: videEnNull }), inputMode: 'text', maxLength: 5 }}
        {...etatChamp(e.communeCode?.message)}
      />
      <Input
        label="Nombre de participants (facultatif)"
        nativeInputProps={{
          ...register('nombreParticipants', { setValueAs: (v) => (v === '' || v === null ? null : Number(v)) }),
          type: 'number',
          min: 0,
          inputMode: 'numeric',
        }}
        {...etatChamp(e.nombreParticipants?.message)}
      />
      <Checkbox
        legend="Publics touchés"
        small
        options={PUBLICS_TEMPS_PUBLIC.map((p) => ({ label: p.libelle, nativeInputProps: { ...register('publics'), value: p.code } }))}
        {...etatChamp(e.publics?.message ?? e.publics?.[0]?.message)}
      />
      <Input
        label="Intervenants (facultatif)"
        hintText="Un par ligne : nom et qualité."
        textArea
        nativeTextAreaProps={{ ...register('intervenants'), rows: 3 }}
        {...etatChamp(e.intervenants?.message)}
      />
      <Input
        label="Synthèse (facultatif)"
        textArea
        nativeTextAreaProps={{ ...register('synthese', { setValueAs: videEnNull }), rows: 5 }}
        {...etatChamp(e.synthese?.message)}
      />
      <BoutonsFormulaire
        libelle={element ? 'Enregistrer le temps public' : 'Ajouter le temps public'}
        enCours={enCours}
        onAnnuler={onAnnuler}
      />
    </FormulaireEncart>
  );
}
