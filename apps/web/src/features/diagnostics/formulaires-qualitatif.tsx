import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { LOCUTEURS, rencontreSchema, TYPES_RENCONTRE, verbatimSchema } from '@maillage/domain';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { Rencontre, Verbatim } from '@maillage/domain/api';
import { appliquerErreursServeur, etatChamp, videEnNull } from '../../components/formulaire';
import { LIBELLES_LOCUTEUR } from '../../components/libelles';
import { EncartFormulaire } from './formulaire-element';

export type SaisieVerbatim = z.output<typeof verbatimSchema>;
export type SaisieRencontre = z.output<typeof rencontreSchema>;

interface PropsFormulaire<T, E> {
  element?: E;
  onEnregistrer: (saisie: T) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}

/** A verbatim: the words as said, who said them (kind of speaker, commune), where and when they were collected. */
export function FormulaireVerbatim({
  element,
  communes,
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: PropsFormulaire<SaisieVerbatim, Verbatim> & { communes: { code: string; nom: string }[] }) {
  const form = useForm<z.input<typeof verbatimSchema>, unknown, SaisieVerbatim>({
    resolver: zodResolver(verbatimSchema),
    defaultValues: {
      texte: element?.texte ?? '',
      locuteur: (element?.locuteur as SaisieVerbatim['locuteur']) ?? 'habitant',
      communeCode: element?.communeCode ?? null,
      source: element?.source ?? null,
      dateRecueil: element?.dateRecueil ?? null,
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  useEffect(() => form.setFocus('texte'), [form]);
  const soumettre = form.handleSubmit((s) =>
    onEnregistrer(s).catch((x) => appliquerErreursServeur(x, form.setError, ['texte', 'locuteur', 'communeCode', 'source', 'dateRecueil'])),
  );
  return (
    <EncartFormulaire
      titre={element ? 'Modifier le verbatim' : 'Nouveau verbatim'}
      erreur={erreur}
      enCours={enCours}
      libelleEnvoi={element ? 'Enregistrer le verbatim' : 'Ajouter le verbatim'}
      onSubmit={soumettre}
      onAnnuler={onAnnuler}
    >
      <Input
        label="Paroles rapportées"
        hintText="Telles qu’elles ont été dites, sans les reformuler."
        textArea
        nativeTextAreaProps={{ ...register('texte'), rows: 3, required: true }}
        {...etatChamp(e.texte?.message)}
      />
      <Select label="Qui parle" nativeSelectProps={register('locuteur')} {...etatChamp(e.locuteur?.message)}>
        {LOCUTEURS.map((l) => (
          <option key={l} value={l}>
            {LIBELLES_LOCUTEUR[l] ?? l}
          </option>
        ))}
      </Select>
      <Select
        label="Commune (facultatif)"
        nativeSelectProps={register('communeCode', { setValueAs: videEnNull })}
        {...etatChamp(e.communeCode?.message)}
      >
        <option value="">Non précisée</option>
        {communes.map((c) => (
          <option key={c.code} value={c.code}>
            {c.nom}
          </option>
        ))}
      </Select>
      <Input
        label="Source (facultatif)"
        hintText="Entretien, questionnaire, réunion publique, étude…"
        nativeInputProps={{ ...register('source', { setValueAs: videEnNull }), maxLength: 300 }}
        {...etatChamp(e.source?.message)}
      />
      <Input
        label="Date du recueil (facultatif)"
        nativeInputProps={{ ...register('dateRecueil', { setValueAs: videEnNull }), type: 'date' }}
        {...etatChamp(e.dateRecueil?.message)}
      />
    </EncartFormulaire>
  );
}

/** An interview, a public meeting, a consultation: when, who took part, what came out of it. */
export function FormulaireRencontre({ element, onEnregistrer, onAnnuler, erreur, enCours }: PropsFormulaire<SaisieRencontre, Rencontre>) {
  const form = useForm<z.input<typeof rencontreSchema>, unknown, SaisieRencontre>({
    resolver: zodResolver(rencontreSchema),
    defaultValues: {
      type: (element?.type as SaisieRencontre['type']) ?? 'entretien',
      titre: element?.titre ?? '',
      dateRencontre: element?.dateRencontre ?? null,
      participants: element?.participants ?? null,
      synthese: element?.synthese ?? null,
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  useEffect(() => form.setFocus('titre'), [form]);
  const soumettre = form.handleSubmit((s) =>
    onEnregistrer(s).catch((x) =>
      appliquerErreursServeur(x, form.setError, ['type', 'titre', 'dateRencontre', 'participants', 'synthese']),
    ),
  );
  return (
    <EncartFormulaire
      titre={element ? 'Modifier la rencontre' : 'Nouvelle rencontre'}
      erreur={erreur}
      enCours={enCours}
      libelleEnvoi={element ? 'Enregistrer la rencontre' : 'Ajouter la rencontre'}
      onSubmit={soumettre}
      onAnnuler={onAnnuler}
    >
      <Input label="Titre" nativeInputProps={{ ...register('titre'), required: true, maxLength: 300 }} {...etatChamp(e.titre?.message)} />
      <Select label="Type de rencontre" nativeSelectProps={register('type')} {...etatChamp(e.type?.message)}>
        {Object.entries(TYPES_RENCONTRE).map(([valeur, libelle]) => (
          <option key={valeur} value={valeur}>
            {libelle}
          </option>
        ))}
      </Select>
      <Input
        label="Date (facultatif)"
        nativeInputProps={{ ...register('dateRencontre', { setValueAs: videEnNull }), type: 'date' }}
        {...etatChamp(e.dateRencontre?.message)}
      />
      <Input
        label="Participants (facultatif)"
        hintText="Personnes, structures, nombre d’habitants présents…"
        textArea
        nativeTextAreaProps={{ ...register('participants', { setValueAs: videEnNull }), rows: 2 }}
        {...etatChamp(e.participants?.message)}
      />
      <Input
        label="Synthèse (facultatif)"
        textArea
        nativeTextAreaProps={{ ...register('synthese', { setValueAs: videEnNull }), rows: 5 }}
        {...etatChamp(e.synthese?.message)}
      />
    </EncartFormulaire>
  );
}
