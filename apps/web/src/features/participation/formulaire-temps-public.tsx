import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { PUBLICS_TEMPS_PUBLIC, tempsPublicSchema, TYPES_TEMPS_PUBLIC, type TempsPublicSaisi } from '@maillage/domain';
import { useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { estErreurApi } from '../../api/client';
import type { TempsPublic } from '../../api/participation-public';
import { AlerteErreur } from '../../components/alerte-erreur';
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

/** Records or edits a temps public. A stale edit (409) keeps what was typed and offers to save it over the new version. */
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
  const form = useForm<Champs, unknown, TempsPublicSaisi>({
    resolver: zodResolver(formulaireSchema),
    defaultValues: {
      type: element?.type ?? 'reunion_publique',
      intitule: element?.intitule ?? '',
      dateTenue: element?.dateTenue ?? '',
      lieu: element?.lieu ?? null,
      communeCode: element?.communeCode ?? null,
      nombreParticipants: element?.nombreParticipants ?? null,
      publics: element?.publics ?? [],
      intervenants: (element?.intervenants ?? []).join('\n'),
      synthese: element?.synthese ?? null,
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  useEffect(() => form.setFocus('intitule'), [form]);
  const envoyer = (version?: number) =>
    form.handleSubmit((s) => onEnregistrer(s, version).catch((x) => appliquerErreursServeur(x, form.setError, [...CHAMPS])));
  const conflit = estErreurApi(erreur, 409) ? (erreur.probleme as { courant?: TempsPublic }).courant : undefined;
  return (
    <FormulaireEncart
      idTitre={idTitre}
      titre={element ? `Modifier « ${element.intitule} »` : 'Nouveau temps public'}
      onSubmit={envoyer(element?.version)}
    >
      {conflit ? (
        <Alert
          severity="warning"
          as="h4"
          title="Ce temps public a été modifié par quelqu’un d’autre"
          description={
            <>
              Votre saisie est gardée ci-dessous. Version enregistrée entre-temps : « {conflit.intitule} »,{' '}
              {conflit.nombreParticipants ?? 'nombre non renseigné'} participants. Annulez pour la voir, ou enregistrez votre saisie à sa
              place.
              <Button type="button" size="small" priority="secondary" className={fr.cx('fr-mt-1w')} onClick={envoyer(conflit.version)}>
                Enregistrer ma saisie à la place
              </Button>
            </>
          }
          className={fr.cx('fr-mb-2w')}
        />
      ) : (
        !!erreur && <AlerteErreur erreur={erreur} as="h4" titre="Le temps public n’a pas été enregistré" />
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
      <div className="maillage-actions">
        <Button type="submit" disabled={enCours}>
          {element ? 'Enregistrer le temps public' : 'Ajouter le temps public'}
        </Button>
        <Button type="button" priority="secondary" onClick={onAnnuler}>
          Annuler
        </Button>
      </div>
    </FormulaireEncart>
  );
}
