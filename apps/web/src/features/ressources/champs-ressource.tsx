import { fr } from '@codegouvfr/react-dsfr';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ressourceSaisieSchema } from '@maillage/domain';
import { Controller, type FieldPath, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { useTypesRessource } from '../../api/ressources';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { etatChamp, videEnNull } from '../../components/formulaire';
import { ChoixPerimetre } from '../../components/choix-perimetre';
import { OPTIONS_MISSIONS, OPTIONS_NIVEAUX, OPTIONS_PUBLICS, OPTIONS_SOLLICITEURS } from './libelles-ressources';

export type SaisieRessource = z.input<typeof ressourceSaisieSchema>;
export type RessourceValide = z.output<typeof ressourceSaisieSchema>;
export type FormRessource = UseFormReturn<SaisieRessource, unknown, RessourceValide>;

/** The form's fields, so that the server's field errors land on them. */
export const CHAMPS_RESSOURCE = [
  'organisationId',
  'nom',
  'typeCode',
  'publics',
  'missions',
  'niveau',
  'sollicitablePar',
  'zone',
  'adresse',
  'communeCode',
  'horaires',
  'contacts',
  'criteresInclusion',
  'capacite',
  'delaiHabituel',
  'statut',
  'statutDepuis',
  'statutJusquAu',
  'finess',
  'siret',
  'rorId',
  'publie',
] as const;

export const RESSOURCE_VIDE: SaisieRessource = {
  organisationId: '',
  nom: '',
  typeCode: '',
  publics: [],
  missions: [],
  niveau: '' as SaisieRessource['niveau'],
  sollicitablePar: [],
  zone: { epci: [], communes: [] },
  adresse: null,
  communeCode: null,
  horaires: null,
  contacts: [],
  criteresInclusion: null,
  capacite: null,
  delaiHabituel: null,
  statut: 'active',
  statutDepuis: null,
  statutJusquAu: null,
  finess: null,
  siret: null,
  rorId: null,
  publie: false,
};

/** A group of checkboxes for one list of codes (publics, missions, who solicits). */
function Cases({
  form,
  nom,
  legende,
  indication,
  options,
}: {
  form: FormRessource;
  nom: 'publics' | 'missions' | 'sollicitablePar';
  legende: string;
  indication?: string;
  options: { valeur: string; libelle: string }[];
}) {
  const erreur = form.formState.errors[nom];
  const message = erreur?.message ?? (Array.isArray(erreur) ? erreur.find(Boolean)?.message : undefined);
  return (
    <Checkbox
      legend={legende}
      hintText={indication}
      orientation="vertical"
      state={message ? 'error' : 'default'}
      stateRelatedMessage={message}
      options={options.map((o) => ({ label: o.libelle, nativeInputProps: { ...form.register(nom), value: o.valeur } }))}
    />
  );
}

/** Identity, kind, organisation and what the resource offers (publics, missions, level, who may solicit it). */
export function ChampsOffre({ form }: { form: FormRessource }) {
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const types = useTypesRessource();
  return (
    <>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Identité</legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Nom de la ressource"
            nativeInputProps={{ ...register('nom'), required: true }}
            {...etatChamp(errors.nom?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <Select
            key={types.data ? 'types' : 'attente'}
            label="Type de ressource"
            hint="Une liste que les administrateurs de la plateforme complètent"
            nativeSelectProps={{ ...register('typeCode'), required: true }}
            {...etatChamp(errors.typeCode?.message)}
          >
            <option value="">Choisir un type</option>
            {types.data?.map((t) => (
              <option key={t.code} value={t.code}>
                {t.libelle}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <Controller
            control={control}
            name="organisationId"
            render={({ field, fieldState }) => (
              <ChoixOrganisation
                label="Organisation qui porte la ressource"
                valeur={field.value}
                onChange={(id) => field.onChange(id ?? '')}
                onBlur={field.onBlur}
                erreur={fieldState.error?.message}
              />
            )}
          />
        </div>
      </fieldset>
      <Cases form={form} nom="publics" legende="Publics (facultatif)" options={OPTIONS_PUBLICS} />
      <Cases
        form={form}
        nom="missions"
        legende="Missions (facultatif)"
        indication="Les trois missions des fonctions d’appui, les activités de la mission 2, puis soins et accompagnement. Une activité de la mission 2 inclut la mission 2."
        options={OPTIONS_MISSIONS}
      />
      <RadioButtons
        legend="Niveau de l’offre"
        state={errors.niveau ? 'error' : 'default'}
        stateRelatedMessage={errors.niveau?.message}
        options={OPTIONS_NIVEAUX.map((o) => ({ label: o.libelle, nativeInputProps: { ...register('niveau'), value: o.valeur } }))}
      />
      <Cases form={form} nom="sollicitablePar" legende="Qui peut la solliciter (facultatif)" options={OPTIONS_SOLLICITEURS} />
    </>
  );
}

/** A plain optional text field (empty means none). */
export function ChampTexte({
  form,
  nom,
  label,
  indication,
  multiligne,
}: {
  form: FormRessource;
  nom: FieldPath<SaisieRessource>;
  label: string;
  indication?: string;
  multiligne?: boolean;
}) {
  const erreur = nom.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], form.formState.errors) as
    | { message?: string }
    | undefined;
  const props = form.register(nom, { setValueAs: videEnNull });
  return multiligne ? (
    <Input label={label} hintText={indication} textArea nativeTextAreaProps={{ ...props, rows: 3 }} {...etatChamp(erreur?.message)} />
  ) : (
    <Input label={label} hintText={indication} nativeInputProps={{ ...props, autoComplete: 'off' }} {...etatChamp(erreur?.message)} />
  );
}

/** The intervention zone with the perimeter picker of the contracts. */
export function ChampZone({ form, noms }: { form: FormRessource; noms: Map<string, string> }) {
  return (
    <Controller
      control={form.control}
      name="zone"
      render={({ field, fieldState }) => (
        <ChoixPerimetre
          legende="Zone d’intervention (facultatif)"
          indication="Les EPCI et communes que la ressource atteint ; sans zone, elle atteint sa seule commune."
          valeur={{ epci: field.value?.epci ?? [], communes: field.value?.communes ?? [] }}
          onChange={field.onChange}
          noms={noms}
          erreur={fieldState.error?.message}
        />
      )}
    />
  );
}
