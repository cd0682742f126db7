import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useDeferredValue, useId, useState } from 'react';
import { usePersonnes } from '../api/annuaire';

interface Props {
  label: string;
  valeur: string | null | undefined;
  onChange: (id: string | null) => void;
  onBlur?: () => void;
  erreur?: string;
}

/** Picks a person of the directory: a filter field narrows a native select (keyboard and screen-reader friendly). */
export function ChoixPersonne({ label, valeur, onChange, onBlur, erreur }: Props) {
  const id = useId();
  const [filtre, setFiltre] = useState('');
  const q = useDeferredValue(filtre.trim());
  const resultats = usePersonnes({ q: q || undefined });
  const options = resultats.data ?? [];
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
        <Input
          label={`Filtrer la liste « ${label} »`}
          hintText="Nom, prénom ou adresse e-mail"
          nativeInputProps={{
            id: `${id}-filtre`,
            type: 'search',
            value: filtre,
            onChange: (e) => setFiltre(e.target.value),
            onKeyDown: (e) => e.key === 'Enter' && e.preventDefault(),
          }}
        />
      </div>
      <div className={fr.cx('fr-col-12', 'fr-col-md-7')}>
        <Select
          label={label}
          hint={resultats.data ? `${options.length} personne${options.length > 1 ? 's' : ''} correspondante${options.length > 1 ? 's' : ''}` : undefined}
          state={erreur ? 'error' : 'default'}
          stateRelatedMessage={erreur}
          nativeSelectProps={{ value: valeur ?? '', onBlur, onChange: (e) => onChange(e.target.value || null) }}
        >
          <option value="" disabled>
            Choisir une personne
          </option>
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.prenom} {p.nom}
              {p.organisationNom ? ` — ${p.organisationNom}` : ''}
              {p.email ? '' : ' (sans adresse e-mail)'}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
