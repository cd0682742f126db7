import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useDeferredValue, useId, useState } from 'react';
import { useOrganisation, useOrganisations } from '../../api/comptes';
import { libelleTypeOrganisation } from '../../components/libelles';

interface Props {
  label: string;
  valeur: string | null | undefined;
  onChange: (id: string | null, nom: string | null) => void;
  onBlur?: () => void;
  /** Offer "Aucune organisation" (a person may belong to none; a role scope may not). */
  aucune?: boolean;
  /** Label of the empty choice when `aucune` (default "Aucune organisation"; a fiche's pilot says "À définir"). */
  libelleAucune?: string;
  erreur?: string;
  indication?: string;
}

/**
 * Picks one organisation among possibly thousands: a filter field narrows a native select (keyboard and
 * screen-reader friendly) to the first 50 matches; the chosen one always stays listed.
 */
export function ChoixOrganisation({ label, valeur, onChange, onBlur, aucune = false, libelleAucune = 'Aucune organisation', erreur, indication }: Props) {
  const id = useId();
  const [filtre, setFiltre] = useState('');
  const q = useDeferredValue(filtre.trim());
  const resultats = useOrganisations({ q, parPage: 50 });
  const choisie = useOrganisation(valeur || null);
  const options = resultats.data?.elements ?? [];
  const manquante = valeur && choisie.data && !options.some((o) => o.id === valeur) ? choisie.data : null;

  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
        <Input
          label={`Filtrer la liste « ${label} »`}
          hintText="Nom, sigle, SIRET ou FINESS"
          nativeInputProps={{
            id: `${id}-filtre`,
            type: 'search',
            value: filtre,
            onChange: (e) => setFiltre(e.target.value),
            // Enter filters, it must not submit the whole form.
            onKeyDown: (e) => e.key === 'Enter' && e.preventDefault(),
          }}
        />
      </div>
      <div className={fr.cx('fr-col-12', 'fr-col-md-7')}>
        <Select
          label={label}
          hint={indication ?? (resultats.data ? `${resultats.data.total} organisation${resultats.data.total > 1 ? 's' : ''} correspondante${resultats.data.total > 1 ? 's' : ''}${resultats.data.total > 50 ? ', 50 premières listées' : ''}` : undefined)}
          state={erreur ? 'error' : 'default'}
          stateRelatedMessage={erreur}
          nativeSelectProps={{
            value: valeur ?? '',
            onBlur,
            onChange: (e) => {
              const v = e.target.value || null;
              const o = options.find((x) => x.id === v) ?? (manquante?.id === v ? manquante : null);
              onChange(v, o?.nom ?? null);
            },
          }}
        >
          <option value="" disabled={!aucune}>
            {aucune ? libelleAucune : 'Choisir une organisation'}
          </option>
          {manquante && <option value={manquante.id}>{manquante.nom}</option>}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.nom}
              {o.sigle ? ` (${o.sigle})` : ''} — {libelleTypeOrganisation(o.type)}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
