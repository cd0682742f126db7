import { fr } from '@codegouvfr/react-dsfr';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { useId, useState } from 'react';
import { ChoixOrganisation } from './choix-organisation';

interface Props {
  /** Legend of the group, e.g. "ARS". */
  legende: string;
  indication?: string;
  /** Organisation types offered. */
  types: readonly string[];
  valeur: string[];
  onChange: (ids: string[]) => void;
  /** Names of organisations already chosen (from the contract), so their tags read well before any search. */
  noms: Map<string, string>;
  erreur?: string;
}

/**
 * Several organisations of given types: the shared organisation picker adds one at each choice (or creates it), each
 * chosen one is a tag that removes it. Announces what changed.
 */
export function ChoixOrganisations({ legende, indication, types, valeur, onChange, noms, erreur }: Props) {
  const id = useId();
  const [annonce, setAnnonce] = useState('');
  const [connus, setConnus] = useState(() => new Map(noms));
  const nom = (organisationId: string) => connus.get(organisationId) ?? noms.get(organisationId) ?? 'Organisation';

  const retirer = (organisationId: string) => {
    onChange(valeur.filter((x) => x !== organisationId));
    setAnnonce(`${nom(organisationId)} retirée.`);
    // The tag disappears: keep the focus in the group.
    document.getElementById(`${id}-groupe`)?.querySelector<HTMLInputElement>('input[role="combobox"]')?.focus();
  };

  return (
    <fieldset className={fr.cx('fr-fieldset', erreur ? 'fr-fieldset--error' : undefined)} id={`${id}-groupe`}>
      <legend className={fr.cx('fr-fieldset__legend')}>
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
                <Tag
                  dismissible
                  nativeButtonProps={{
                    type: 'button',
                    'aria-label': `Retirer ${nom(organisationId)}`,
                    onClick: () => retirer(organisationId),
                  }}
                >
                  {nom(organisationId)}
                </Tag>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-8')}>
        <ChoixOrganisation
          label={`Organisation à ajouter (${legende})`}
          types={types}
          exclure={valeur}
          valeur={null}
          onChange={(organisationId, nomChoisi) => {
            if (!organisationId || valeur.includes(organisationId)) return;
            setConnus((m) => new Map(m).set(organisationId, nomChoisi ?? 'Organisation'));
            onChange([...valeur, organisationId]);
            setAnnonce(`${nomChoisi} ajoutée.`);
          }}
        />
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
