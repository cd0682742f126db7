import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { TYPES_ORGANISATION, type organisationSaisieSchema } from '@maillage/domain';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { useRegions } from '../../api/territoires';
import { etatChamp, videEnNull } from '../../components/formulaire';

export type SaisieOrganisation = z.input<typeof organisationSaisieSchema>;
export type OrganisationValide = z.output<typeof organisationSaisieSchema>;
export const CHAMPS_ORGANISATION = [
  'nom',
  'sigle',
  'type',
  'siren',
  'siret',
  'finess',
  'regionCode',
  'departementCode',
  'territoireCode',
] as const;

export const SAISIE_VIDE: SaisieOrganisation = {
  nom: '',
  sigle: null,
  type: '' as SaisieOrganisation['type'],
  siren: null,
  siret: null,
  finess: null,
  regionCode: null,
  departementCode: null,
  territoireCode: null,
};

/** The fields of an organisation; validation is the shared organisationSaisieSchema (SIRET/FINESS keys included). */
export function ChampsOrganisation({ form }: { form: UseFormReturn<SaisieOrganisation, unknown, OrganisationValide> }) {
  const {
    register,
    formState: { errors },
  } = form;
  const regions = useRegions();
  const optionnel = { setValueAs: videEnNull };
  return (
    <>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Identité</legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Nom"
            nativeInputProps={{ ...register('nom'), required: true, autoComplete: 'organization' }}
            {...etatChamp(errors.nom?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-fieldset__element--inline', 'fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Sigle (facultatif)"
            hintText="Exemple : CPAM 35"
            nativeInputProps={register('sigle', optionnel)}
            {...etatChamp(errors.sigle?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <Select label="Type" nativeSelectProps={{ ...register('type'), required: true }} {...etatChamp(errors.type?.message)}>
            <option value="" disabled>
              Choisir un type
            </option>
            {Object.entries(TYPES_ORGANISATION).map(([code, libelle]) => (
              <option key={code} value={code}>
                {libelle}
              </option>
            ))}
          </Select>
        </div>
      </fieldset>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Identifiants (facultatifs)</legend>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <Input
            label="SIREN"
            hintText="9 chiffres : l’unité légale ; déduit du SIRET s’il est vide"
            nativeInputProps={{ ...register('siren', optionnel), inputMode: 'numeric', autoComplete: 'off' }}
            {...etatChamp(errors.siren?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <Input
            label="SIRET"
            hintText="14 chiffres ; les espaces sont acceptés"
            nativeInputProps={{ ...register('siret', optionnel), inputMode: 'numeric', autoComplete: 'off' }}
            {...etatChamp(errors.siret?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <Input
            label="FINESS"
            hintText="9 caractères, pour les établissements sanitaires et médico-sociaux"
            nativeInputProps={{ ...register('finess', optionnel), autoComplete: 'off' }}
            {...etatChamp(errors.finess?.message)}
          />
        </div>
      </fieldset>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Territoire (facultatif)</legend>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Select
            key={regions.data ? 'regions' : 'attente'}
            label="Région"
            nativeSelectProps={register('regionCode', optionnel)}
            {...etatChamp(errors.regionCode?.message)}
          >
            <option value="">Aucune</option>
            {regions.data?.map((r) => (
              <option key={r.code} value={r.code}>
                {r.nom}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Code du département"
            hintText="Exemples : 35, 2A, 974"
            nativeInputProps={{ ...register('departementCode', optionnel), maxLength: 3, autoComplete: 'off' }}
            {...etatChamp(errors.departementCode?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Commune ou EPCI"
            hintText="Code INSEE de la commune ou SIREN de l’EPCI"
            nativeInputProps={{ ...register('territoireCode', optionnel), maxLength: 20, autoComplete: 'off' }}
            {...etatChamp(errors.territoireCode?.message)}
          />
        </div>
      </fieldset>
    </>
  );
}
