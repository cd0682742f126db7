import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useDeferredValue, useId, useState } from 'react';
import { usePersonnes } from '../api/annuaire';
import type { PropsChoix } from './liste-choix';

/**
 * Picks a person of the directory, with the props of every choice list (PropsChoix): a filter field narrows a native
 * select (keyboard and screen-reader friendly).
 */
export function ChoixPersonne({ label, valeur, onChange, onBlur, erreur, indication = 'Nom, prénom ou adresse e-mail' }: PropsChoix) {
  const id = useId();
  const [filtre, setFiltre] = useState('');
  const q = useDeferredValue(filtre.trim());
  const resultats = usePersonnes({ q: q || undefined });
  const options = resultats.data ?? [];
  const choisir = (personneId: string | null) => {
    const p = options.find((x) => x.id === personneId);
    onChange(personneId, p ? `${p.prenom} ${p.nom}` : null);
  };
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
        <Input
          label={`Filtrer la liste « ${label} »`}
          hintText={indication}
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
          hint={
            resultats.data
              ? `${options.length} personne${options.length > 1 ? 's' : ''} correspondante${options.length > 1 ? 's' : ''}`
              : undefined
          }
          state={erreur ? 'error' : 'default'}
          stateRelatedMessage={erreur}
          nativeSelectProps={{ value: valeur ?? '', onBlur, onChange: (e) => choisir(e.target.value || null) }}
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
