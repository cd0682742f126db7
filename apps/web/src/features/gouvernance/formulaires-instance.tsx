import { fr } from '@codegouvfr/react-dsfr';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { instanceSchema, membreInstanceSchema, QUALITES_MEMBRE, TYPES_INSTANCE, type TypeInstance } from '@maillage/domain';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { Instance, SaisieInstance, SaisieMembre } from '../../api/gouvernance';
import { AlerteErreur } from '../../components/alerte-erreur';
import { appliquerErreursServeur, etatChamp, videEnNull } from '../../components/formulaire';
import { ChoixPersonne } from '../../components/choix-personne';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { useFocusPremierChamp } from '../../components/focus';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { FormulaireEncart } from '../../components/formulaire-encart';

interface PropsCommunes<T> {
  onEnregistrer: (saisie: T) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}

type ValeursInstance = z.input<typeof instanceSchema>;
const nombreOuNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(String(v).replace(',', '.')));

/** An instance: its type (COPIL, COTECH…), name, expected rhythm and who chairs it. */
export function FormulaireInstance({
  instance,
  typeInitial = 'copil',
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: PropsCommunes<SaisieInstance> & { instance?: Instance; typeInitial?: TypeInstance }) {
  const id = useId();
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const form = useForm<ValeursInstance, unknown, z.output<typeof instanceSchema>>({
    resolver: zodResolver(instanceSchema),
    defaultValues: instance
      ? { type: instance.type, nom: instance.nom, frequenceParAn: instance.frequenceParAn, presidence: instance.presidence }
      : {
          type: typeInitial,
          nom: typeInitial === 'copil' ? 'Comité de pilotage' : '',
          frequenceParAn: typeInitial === 'copil' ? 2 : null,
          presidence: null,
        },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const soumettre = form.handleSubmit((i) =>
    onEnregistrer({ type: i.type, nom: i.nom, frequenceParAn: i.frequenceParAn ?? null, presidence: i.presidence ?? null }).catch((e) =>
      appliquerErreursServeur(e, form.setError, ['type', 'nom', 'frequenceParAn', 'presidence']),
    ),
  );
  return (
    <FormulaireEncart
      cadre={cadre}
      idTitre={`${id}-titre`}
      titre={instance ? `Modifier l’instance « ${instance.nom} »` : 'Créer une instance'}
      onSubmit={soumettre}
    >
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="L’instance n’a pas été enregistrée" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select label="Type d’instance" nativeSelectProps={register('type')} {...etatChamp(errors.type?.message)}>
            {Object.entries(TYPES_INSTANCE).map(([code, libelle]) => (
              <option key={code} value={code}>
                {libelle}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Nom"
            hintText="Exemple : COPIL CLS Redon Agglomération"
            nativeInputProps={{ ...register('nom'), maxLength: 200 }}
            {...etatChamp(errors.nom?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Séances par an (facultatif)"
            hintText="La doctrine demande au moins deux COPIL par an"
            nativeInputProps={{ ...register('frequenceParAn', { setValueAs: nombreOuNull }), inputMode: 'numeric', maxLength: 2 }}
            {...etatChamp(errors.frequenceParAn?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
          <Input
            label="Présidence (facultatif)"
            hintText="Exemple : co-présidé par la directrice générale de l’ARS et le président de l’agglomération"
            nativeInputProps={{ ...register('presidence', { setValueAs: videEnNull }), maxLength: 300 }}
            {...etatChamp(errors.presidence?.message)}
          />
        </div>
      </div>
      <BoutonsFormulaire libelle={instance ? 'Enregistrer' : 'Créer l’instance'} enCours={enCours} onAnnuler={onAnnuler} />
    </FormulaireEncart>
  );
}

type ValeursMembre = z.input<typeof membreInstanceSchema>;

/** A member: an organisation (all its users are invited) or a person of the directory, with role, co-chair and dates. */
export function FormulaireMembre({
  instance,
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: PropsCommunes<SaisieMembre> & { instance: Instance }) {
  const id = useId();
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const [nature, setNature] = useState<'organisation' | 'personne'>('organisation');
  const form = useForm<ValeursMembre, unknown, z.output<typeof membreInstanceSchema>>({
    resolver: zodResolver(membreInstanceSchema),
    defaultValues: {
      organisationId: null,
      personneId: null,
      email: null,
      role: null,
      qualite: null,
      copresidence: false,
      debut: null,
      fin: null,
    },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const soumettre = form.handleSubmit((m) =>
    onEnregistrer({
      organisationId: nature === 'organisation' ? (m.organisationId ?? null) : null,
      personneId: nature === 'personne' ? (m.personneId ?? null) : null,
      email: m.email ?? null,
      role: m.role ?? null,
      qualite: m.qualite ?? null,
      copresidence: m.copresidence,
      debut: m.debut ?? null,
      fin: m.fin ?? null,
    }).catch((e) =>
      appliquerErreursServeur(e, form.setError, [
        'organisationId',
        'personneId',
        'email',
        'role',
        'qualite',
        'copresidence',
        'debut',
        'fin',
      ]),
    ),
  );
  const optionnel = { setValueAs: videEnNull };
  return (
    <FormulaireEncart cadre={cadre} idTitre={`${id}-titre`} titre={<>Ajouter un membre à « {instance.nom} »</>} onSubmit={soumettre}>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="Le membre n’a pas été ajouté" /> : null}
      <RadioButtons
        legend="Le membre est"
        orientation="horizontal"
        options={[
          {
            label: 'une organisation',
            hintText: 'Ses utilisateurs de Maillage reçoivent les invitations',
            nativeInputProps: { checked: nature === 'organisation', onChange: () => setNature('organisation') },
          },
          {
            label: 'une personne de l’annuaire',
            hintText: 'Invitée à son adresse e-mail',
            nativeInputProps: { checked: nature === 'personne', onChange: () => setNature('personne') },
          },
        ]}
      />
      {nature === 'organisation' ? (
        <Controller
          control={form.control}
          name="organisationId"
          render={({ field, fieldState }) => (
            <ChoixOrganisation
              label="Organisation membre"
              valeur={field.value}
              onChange={(v) => field.onChange(v)}
              onBlur={field.onBlur}
              erreur={fieldState.error?.message}
            />
          )}
        />
      ) : (
        <Controller
          control={form.control}
          name="personneId"
          render={({ field }) => (
            <ChoixPersonne
              label="Personne membre"
              valeur={field.value}
              onChange={(v) => {
                field.onChange(v);
                form.clearErrors('organisationId');
              }}
              onBlur={field.onBlur}
              erreur={
                errors.personneId?.message ?? errors.organisationId?.message?.replace('une organisation ou une personne', 'une personne')
              }
            />
          )}
        />
      )}
      <Select
        label="Qualité (facultatif)"
        hint="Les représentants des usagers sont comptés à chaque séance."
        nativeSelectProps={register('qualite', optionnel)}
        {...etatChamp(errors.qualite?.message)}
      >
        <option value="">Non précisée</option>
        {Object.entries(QUALITES_MEMBRE).map(([code, libelle]) => (
          <option key={code} value={code}>
            {libelle}
          </option>
        ))}
      </Select>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Rôle (facultatif)"
            hintText="Exemple : trinôme de pilotage, élu référent, invité permanent"
            nativeInputProps={{ ...register('role', optionnel), maxLength: 200 }}
            {...etatChamp(errors.role?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
          <Input
            label="Depuis le (facultatif)"
            nativeInputProps={{ ...register('debut', optionnel), type: 'date' }}
            {...etatChamp(errors.debut?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
          <Input
            label="Jusqu’au (facultatif)"
            nativeInputProps={{ ...register('fin', optionnel), type: 'date' }}
            {...etatChamp(errors.fin?.message)}
          />
        </div>
      </div>
      <Input
        label="Adresse d’invitation (facultatif)"
        hintText="Pour un membre sans compte Maillage (une organisation dont personne n’a de compte, un élu…) : ses invitations partiront aussi à cette adresse."
        nativeInputProps={{ ...register('email', optionnel), type: 'email', autoComplete: 'off', maxLength: 320 }}
        {...etatChamp(errors.email?.message)}
      />
      <Checkbox options={[{ label: 'Co-préside l’instance', nativeInputProps: register('copresidence') }]} />
      <BoutonsFormulaire libelle="Ajouter le membre" enCours={enCours} onAnnuler={onAnnuler} />
    </FormulaireEncart>
  );
}
