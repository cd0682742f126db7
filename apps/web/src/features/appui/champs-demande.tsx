import { fr } from '@codegouvfr/react-dsfr';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useDeferredValue } from 'react';
import type { FieldErrors, UseFormRegister, UseFormWatch } from 'react-hook-form';
import { useRechercheTerritoires } from '../../api/territoires';
import { etatChamp } from '../../components/formulaire';

/** What the request form holds (text as typed; the page turns it into the API's body). */
export interface ValeursDemande {
  equipeId: string;
  origine: string;
  telephone: boolean;
  demandeurNom: string;
  demandeurQualite: string;
  demandeurTelephone: string;
  demandeurCourriel: string;
  nom: string;
  prenoms: string;
  dateNaissance: string;
  communeRecherche: string;
  communeCode: string;
  motif: string;
  urgence: string;
  moiMedecin: boolean;
  medecinNom: string;
  medecinRpps: string;
  medecinCourriel: string;
}

interface Props {
  register: UseFormRegister<ValeursDemande>;
  watch: UseFormWatch<ValeursDemande>;
  errors: FieldErrors<ValeursDemande>;
}

/** Who calls, when a member of the team takes the request by phone. */
export function ChampsDemandeur({ register, errors }: Omit<Props, 'watch'>) {
  return (
    <fieldset className={fr.cx('fr-fieldset')}>
      <legend className={fr.cx('fr-fieldset__legend')}>Qui appelle</legend>
      <div className={fr.cx('fr-fieldset__element')}>
        <Input
          label="Nom de la personne qui appelle"
          nativeInputProps={register('demandeurNom')}
          {...etatChamp(errors.demandeurNom?.message)}
        />
        <Input
          label="Qualité (facultatif)"
          hintText="Infirmière libérale, fille de la personne, assistante sociale…"
          nativeInputProps={register('demandeurQualite')}
        />
        <Input
          label="Téléphone pour la rappeler (facultatif)"
          nativeInputProps={{ ...register('demandeurTelephone'), type: 'tel', autoComplete: 'off' }}
        />
        <Input
          label="Courriel (facultatif)"
          nativeInputProps={{ ...register('demandeurCourriel'), type: 'email', autoComplete: 'off' }}
          {...etatChamp(errors.demandeurCourriel?.message)}
        />
      </div>
    </fieldset>
  );
}

/** For whom: the minimal identity (birth name, first names, birth date, commune), nothing more at this stage. */
export function ChampsPersonne({ register, watch, errors }: Props) {
  const recherche = useDeferredValue(watch('communeRecherche').trim());
  const communes = useRechercheTerritoires({ q: recherche.length >= 2 ? recherche : undefined, type: 'commune', limite: 10 });
  const trouvees = recherche.length >= 2 ? (communes.data ?? []) : [];
  return (
    <fieldset className={fr.cx('fr-fieldset')}>
      <legend className={fr.cx('fr-fieldset__legend')}>Pour qui</legend>
      <div className={fr.cx('fr-fieldset__element')}>
        <Input
          label="Nom de naissance de la personne"
          nativeInputProps={{ ...register('nom'), autoComplete: 'off' }}
          {...etatChamp(errors.nom?.message)}
        />
        <Input label="Prénoms" nativeInputProps={{ ...register('prenoms'), autoComplete: 'off' }} {...etatChamp(errors.prenoms?.message)} />
        <Input
          label="Date de naissance (facultatif)"
          nativeInputProps={{ ...register('dateNaissance'), type: 'date' }}
          {...etatChamp(errors.dateNaissance?.message)}
        />
        <Input
          label="Commune de résidence (facultatif)"
          hintText="Tapez deux lettres au moins, puis choisissez la commune dans la liste qui suit"
          nativeInputProps={{ ...register('communeRecherche'), autoComplete: 'off' }}
        />
        {trouvees.length > 0 && (
          <Select label="Commune trouvée" nativeSelectProps={register('communeCode')}>
            <option value="">Choisir la commune</option>
            {trouvees.map((c) => (
              <option key={c.code} value={c.code}>
                {c.nom} ({c.departementCode})
              </option>
            ))}
          </Select>
        )}
      </div>
    </fieldset>
  );
}

/** The médecin traitant: the GP who asks is it by default; otherwise their name, RPPS and e-mail when known. */
export function ChampsMedecin({ register, watch, errors, estMedecin }: Props & { estMedecin: boolean }) {
  const moi = estMedecin && watch('moiMedecin');
  return (
    <fieldset className={fr.cx('fr-fieldset')}>
      <legend className={fr.cx('fr-fieldset__legend')}>
        Médecin traitant
        <span className={fr.cx('fr-hint-text')}>
          Il est informé par courriel de l’ouverture et de la clôture de l’accompagnement, sans aucun détail de santé.
        </span>
      </legend>
      <div className={fr.cx('fr-fieldset__element')}>
        {estMedecin && (
          <Checkbox
            small
            options={[{ label: 'Je suis le médecin traitant de cette personne', nativeInputProps: register('moiMedecin') }]}
          />
        )}
        {!moi && (
          <>
            <Input label="Nom du médecin traitant (facultatif)" nativeInputProps={{ ...register('medecinNom'), autoComplete: 'off' }} />
            <Input
              label="Numéro RPPS (facultatif)"
              hintText="11 chiffres"
              nativeInputProps={{ ...register('medecinRpps'), inputMode: 'numeric', autoComplete: 'off' }}
              {...etatChamp(errors.medecinRpps?.message)}
            />
            <Input
              label="Courriel du médecin traitant (facultatif)"
              nativeInputProps={{ ...register('medecinCourriel'), type: 'email', autoComplete: 'off' }}
              {...etatChamp(errors.medecinCourriel?.message)}
            />
          </>
        )}
      </div>
    </fieldset>
  );
}
