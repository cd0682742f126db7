import { fr } from '@codegouvfr/react-dsfr';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  intituleAvecGeneration,
  ORIGINES_CONTRAT,
  TYPES_COLLECTIVITE,
  type ContratSaisie,
  type contratSaisieSchema,
} from '@maillage/domain';
import { Controller, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { useContrats } from '../../api/contrats';
import type { ContratDetail } from '@maillage/domain/api';
import { etatChamp, videEnNull } from '../../components/formulaire';
import { ChoixOrganisations } from '../../components/choix-organisations';
import { ChoixPerimetre } from './choix-perimetre';

export type SaisieContrat = z.input<typeof contratSaisieSchema>;
export type ContratValide = z.output<typeof contratSaisieSchema>;
export const CHAMPS_CONTRAT = [
  'intitule',
  'perimetre',
  'generation',
  'predecesseurId',
  'arsIds',
  'porteursIds',
  'origine',
  'periode',
  'debutElaboration',
  'insulaire',
  'contexte',
] as const;
const TYPES_ARS = ['ars', 'ars_delegation'] as const;

/** The two groups of organisations that sign the contract. */
const PARTIES = [
  {
    name: 'arsIds',
    legende: 'ARS',
    indication: 'L’agence ou les agences régionales de santé signataires (deux pour un territoire sur deux régions).',
    types: TYPES_ARS,
  },
  {
    name: 'porteursIds',
    legende: 'Collectivités porteuses',
    indication: 'Commune, EPCI, pays, département ou région qui porte le contrat avec l’ARS.',
    types: TYPES_COLLECTIVITE,
  },
] as const;

export const CONTRAT_VIDE: SaisieContrat = {
  intitule: '',
  perimetre: { epci: [], communes: [] },
  generation: 1,
  predecesseurId: null,
  arsIds: [],
  porteursIds: [],
  origine: null,
  periode: { debut: null, fin: null },
  debutElaboration: null,
  insulaire: false,
  contexte: null,
};

export const versSaisieContrat = (c: ContratDetail): SaisieContrat => ({
  intitule: c.intitule,
  perimetre: { epci: [...c.perimetre.epci], communes: [...c.perimetre.communes] },
  generation: c.generation,
  predecesseurId: c.predecesseurId,
  arsIds: c.ars.map((o) => o.id),
  porteursIds: c.porteurs.map((o) => o.id),
  origine: c.origine as ContratSaisie['origine'],
  periode: { debut: c.periode.debut, fin: c.periode.fin },
  debutElaboration: c.debutElaboration,
  insulaire: c.insulaire,
  contexte: c.contexte,
});

interface Props {
  form: UseFormReturn<SaisieContrat, unknown, ContratValide>;
  /** The contract being edited: names of its territories and organisations, and itself excluded as predecessor. */
  existant?: ContratDetail;
}

export function ChampsContrat({ form, existant }: Props) {
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const contrats = useContrats();
  const optionnel = { setValueAs: videEnNull };
  const noms = new Map<string, string>([
    ...(existant?.territoire.epci.map((e) => [e.code, e.nom] as [string, string]) ?? []),
    ...(existant ? [...existant.ars, ...existant.porteurs].map((o) => [o.id, o.nom] as [string, string]) : []),
  ]);
  const predecesseurs = (contrats.data ?? []).filter((c) => c.id !== existant?.id);

  return (
    <>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Le contrat</legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Intitulé"
            hintText="Exemple : Contrat local de santé de Redon Agglomération 2025-2030"
            nativeInputProps={{ ...register('intitule'), required: true, maxLength: 300 }}
            {...etatChamp(errors.intitule?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Génération"
            hintText="1 pour un premier contrat, 2 pour son renouvellement…"
            nativeInputProps={{ ...register('generation', { valueAsNumber: true }), type: 'number', min: 1, max: 10, required: true }}
            {...etatChamp(errors.generation?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-8')}>
          <Select
            key={contrats.data ? 'contrats' : 'attente'}
            label="Contrat précédent (facultatif)"
            hint="Le contrat de la génération précédente sur ce territoire"
            nativeSelectProps={register('predecesseurId', optionnel)}
            {...etatChamp(errors.predecesseurId?.message)}
          >
            <option value="">Aucun</option>
            {predecesseurs.map((c) => (
              <option key={c.id} value={c.id}>
                {intituleAvecGeneration(c.intitule, c.generation)}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <Select
            label="Origine de l’initiative (facultatif)"
            nativeSelectProps={register('origine', optionnel)}
            {...etatChamp(errors.origine?.message)}
          >
            <option value="">Non renseignée</option>
            {Object.entries(ORIGINES_CONTRAT).map(([code, libelle]) => (
              <option key={code} value={code}>
                {libelle}
              </option>
            ))}
          </Select>
        </div>
      </fieldset>

      <Controller
        control={control}
        name="perimetre"
        render={({ field, fieldState }) => (
          <ChoixPerimetre
            valeur={{ epci: field.value.epci ?? [], communes: field.value.communes ?? [] }}
            onChange={field.onChange}
            noms={noms}
            erreur={fieldState.error?.message ?? errors.perimetre?.epci?.message ?? errors.perimetre?.communes?.message}
          />
        )}
      />
      <div className={fr.cx('fr-fieldset__element')}>
        <Checkbox
          options={[
            {
              label: 'Territoire insulaire',
              hintText: 'Une île : certaines doctrines régionales dispensent les îles de la population minimale.',
              nativeInputProps: register('insulaire'),
            },
          ]}
        />
      </div>

      {PARTIES.map((partie) => (
        <Controller
          key={partie.name}
          control={control}
          name={partie.name}
          render={({ field, fieldState }) => (
            <ChoixOrganisations
              legende={partie.legende}
              indication={partie.indication}
              types={partie.types}
              valeur={field.value}
              onChange={field.onChange}
              noms={noms}
              erreur={fieldState.error?.message}
            />
          )}
        />
      ))}

      <ChampsCalendrier form={form} />
    </>
  );
}

/** The contract's calendar and context, all optional. */
function ChampsCalendrier({ form }: { form: Props['form'] }) {
  const {
    register,
    formState: { errors },
  } = form;
  const optionnel = { setValueAs: videEnNull };
  return (
    <>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Calendrier (facultatif)</legend>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Début de l’élaboration"
            nativeInputProps={{ ...register('debutElaboration', optionnel), type: 'date' }}
            {...etatChamp(errors.debutElaboration?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Début de la période du contrat"
            nativeInputProps={{ ...register('periode.debut', optionnel), type: 'date' }}
            {...etatChamp(errors.periode?.debut?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Fin de la période du contrat"
            nativeInputProps={{ ...register('periode.fin', optionnel), type: 'date' }}
            {...etatChamp(errors.periode?.fin?.message ?? errors.periode?.message)}
          />
        </div>
      </fieldset>

      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Contexte</legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Contexte (facultatif)"
            hintText="Histoire du contrat, gouvernance, particularités du territoire"
            textArea
            nativeTextAreaProps={{ ...register('contexte', optionnel), rows: 5 }}
            {...etatChamp(errors.contexte?.message)}
          />
        </div>
        <p className={fr.cx('fr-fieldset__element', 'fr-hint-text')}>
          La publication (pages publiques et données ouvertes) se règle depuis la page du contrat, avec l’action « Publier » ou « Retirer la
          publication », à tout moment et sans avenant, une fois que l’ARS de chaque région a confirmé son rôle.
        </p>
      </fieldset>
    </>
  );
}
