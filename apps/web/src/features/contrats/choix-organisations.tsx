import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { parametres, requete } from '../../api/client';
import type { Organisation, Page } from '../../api/types';
import { libelleTypeOrganisation } from '../../components/libelles';

interface Props {
  /** Legend of the group, e.g. "ARS". */
  legende: string;
  indication?: string;
  /** Organisation types offered (the API filters one type at a time). */
  types: readonly string[];
  valeur: string[];
  onChange: (ids: string[]) => void;
  /** Names of organisations already chosen (from the contract), so their tags read well before any search. */
  noms: Map<string, string>;
  erreur?: string;
}

/**
 * Several organisations of given types: a filter narrows a native select, "Ajouter" adds the selection, each chosen
 * one is a tag that removes it. Keyboard and screen-reader friendly, and announces what changed.
 */
export function ChoixOrganisations({ legende, indication, types, valeur, onChange, noms, erreur }: Props) {
  const id = useId();
  const [filtre, setFiltre] = useState('');
  const [selection, setSelection] = useState('');
  const [annonce, setAnnonce] = useState('');
  const [connus, setConnus] = useState(() => new Map(noms));
  const q = useDeferredValue(filtre.trim());
  const resultats = useQueries({
    queries: types.map((type) => ({
      queryKey: ['organisations', { q, type, parPage: 50 }],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        requete<Page<Organisation>>(`/api/organisations${parametres({ q, type, parPage: 50 })}`, { signal }),
      placeholderData: keepPreviousData,
    })),
  });
  const options = resultats
    .flatMap((r) => r.data?.elements ?? [])
    .filter((o) => !valeur.includes(o.id))
    .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  const nom = (organisationId: string) => connus.get(organisationId) ?? noms.get(organisationId) ?? 'Organisation';

  const ajouter = () => {
    const o = options.find((x) => x.id === selection);
    if (!o) return;
    setConnus((m) => new Map(m).set(o.id, o.nom));
    onChange([...valeur, o.id]);
    setSelection('');
    setAnnonce(`${o.nom} ajoutée.`);
  };
  const retirer = (organisationId: string) => {
    onChange(valeur.filter((x) => x !== organisationId));
    setAnnonce(`${nom(organisationId)} retirée.`);
    // The tag disappears: keep the focus in the group.
    document.getElementById(`${id}-filtre`)?.focus();
  };

  return (
    <fieldset className={fr.cx('fr-fieldset', erreur ? 'fr-fieldset--error' : undefined)}>
      <legend className={fr.cx('fr-fieldset__legend')} id={`${id}-legende`}>
        {legende}
        {indication && <span className={fr.cx('fr-hint-text')}>{indication}</span>}
      </legend>
      <div className={fr.cx('fr-fieldset__element')}>
        {valeur.length === 0 ? (
          <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>Aucune organisation choisie.</p>
        ) : (
          <ul className={fr.cx('fr-tags-group')} aria-label={`${legende} choisies`}>
            {valeur.map((organisationId) => (
              <li key={organisationId}>
                <Tag dismissible nativeButtonProps={{ type: 'button', 'aria-label': `Retirer ${nom(organisationId)}`, onClick: () => retirer(organisationId) }}>
                  {nom(organisationId)}
                </Tag>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label={`Filtrer la liste « ${legende} »`}
              hintText="Nom ou sigle"
              nativeInputProps={{
                id: `${id}-filtre`,
                type: 'search',
                value: filtre,
                onChange: (e) => setFiltre(e.target.value),
                onKeyDown: (e) => e.key === 'Enter' && e.preventDefault(),
              }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
            <Select
              label="Organisation à ajouter"
              hint={types.map(libelleTypeOrganisation).join(' ; ')}
              nativeSelectProps={{ value: selection, onChange: (e) => setSelection(e.target.value) }}
            >
              <option value="">{options.length ? 'Choisir une organisation' : 'Aucune organisation ne correspond'}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.nom}
                  {o.sigle ? ` (${o.sigle})` : ''}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
            <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={ajouter} disabled={!selection} className={fr.cx('fr-mb-3v')}>
              Ajouter
            </Button>
          </div>
        </div>
      </div>
      {erreur && (
        <div className={fr.cx('fr-messages-group')} aria-live="polite">
          <p className={fr.cx('fr-message', 'fr-message--error')}>{erreur}</p>
        </div>
      )}
      <p role="status" className={fr.cx('fr-sr-only')}>
        {annonce}
      </p>
    </fieldset>
  );
}
