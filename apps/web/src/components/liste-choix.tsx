import { fr } from '@codegouvfr/react-dsfr';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * What every choice list of the app takes (organisation, person): the chosen id, and on change the id with the
 * chosen item's name, so that a caller can show it without fetching it again.
 */
export interface PropsChoix {
  label: string;
  valeur: string | null | undefined;
  onChange: (id: string | null, nom: string | null) => void;
  onBlur?: () => void;
  erreur?: string;
  indication?: string;
}

/** One entry of a list: `creer` marks the entries that create the missing item (styled apart). */
export interface OptionChoix {
  cle: string;
  creer?: boolean;
}

/** The state of a combobox: what the user types, whether the list is open, which option is active. */
export function useListeChoix() {
  const id = useId();
  const [texte, setTexte] = useState('');
  const [edition, setEdition] = useState(false);
  const [ouvert, setOuvert] = useState(false);
  const [active, setActive] = useState(0);
  const champ = useRef<HTMLInputElement>(null);
  return {
    id,
    champ,
    texte,
    edition,
    ouvert,
    active,
    setActive,
    setOuvert,
    /** What the user typed, trimmed; empty while the field shows the chosen item. */
    saisie: edition ? texte.trim() : '',
    saisir: (v: string) => {
      setTexte(v);
      setEdition(true);
      setOuvert(true);
      setActive(0);
    },
    fermer: () => {
      setOuvert(false);
      setEdition(false);
      setTexte('');
    },
  };
}

export type EtatListeChoix = ReturnType<typeof useListeChoix>;

interface Props<O extends OptionChoix> {
  etat: EtatListeChoix;
  label: string;
  aide: string;
  erreur?: string;
  placeholder?: string;
  /** What the field shows while the user is not typing: the chosen item. */
  nomChoisi: string;
  options: O[];
  libelleOption: (o: O) => string;
  onChoisir: (o: O) => void;
  onBlur?: () => void;
  /** The only line of an empty list ("Recherche…", "Aucune organisation ne correspond"). */
  vide: string;
  /** Read by screen readers: the count of results while open, else the last choice. */
  annonce: string;
  /** Shown below the field (e.g. the form creating the missing item). */
  children?: ReactNode;
}

/**
 * The combobox of the app's choice lists (WAI-ARIA 1.2 pattern): the text field filters a listbox, arrows move,
 * Enter picks, Escape closes; the focus stays in the field.
 */
export function ListeChoix<O extends OptionChoix>(props: Props<O>) {
  const { etat, label, aide, erreur, placeholder, nomChoisi, options, libelleOption, onBlur, vide, annonce, children } = props;
  const { id, ouvert, setOuvert, setActive } = etat;
  const indexActif = Math.min(etat.active, options.length - 1);
  const idOption = (o: O) => `${id}-option-${o.cle}`;

  useEffect(() => {
    if (!ouvert) return;
    document.getElementById(`${id}-option-${options[indexActif]?.cle}`)?.scrollIntoView({ block: 'nearest' });
  }, [ouvert, indexActif, id, options]);

  const choisir = (o: O) => {
    props.onChoisir(o);
    etat.fermer();
  };

  const auClavier = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!ouvert) {
        setOuvert(true);
        setActive(e.key === 'ArrowDown' ? 0 : Math.max(options.length - 1, 0));
        return;
      }
      setActive((i) => (e.key === 'ArrowDown' ? Math.min(i + 1, options.length - 1) : Math.max(i - 1, 0)));
    } else if (e.key === 'Enter') {
      // Enter picks: it must never submit the whole form.
      e.preventDefault();
      if (ouvert && options[indexActif]) choisir(options[indexActif]);
      else setOuvert(true);
    } else if (e.key === 'Escape') {
      if (ouvert || etat.edition) e.preventDefault();
      etat.fermer();
    }
  };

  return (
    <div className={fr.cx('fr-mb-3w')}>
      <div className={fr.cx('fr-input-group', erreur ? 'fr-input-group--error' : undefined, 'fr-mb-0')}>
        <label className={fr.cx('fr-label')} htmlFor={`${id}-champ`}>
          {label}
          <span className={fr.cx('fr-hint-text')} id={`${id}-aide`}>
            {aide}
          </span>
        </label>
        <div className="maillage-combobox">
          <input
            ref={etat.champ}
            id={`${id}-champ`}
            className={fr.cx('fr-input', erreur ? 'fr-input--error' : undefined)}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={ouvert}
            aria-controls={`${id}-liste`}
            aria-activedescendant={ouvert && options[indexActif] ? idOption(options[indexActif]) : undefined}
            aria-describedby={`${id}-aide${erreur ? ` ${id}-erreur` : ''}`}
            aria-invalid={erreur ? true : undefined}
            placeholder={placeholder}
            value={etat.edition ? etat.texte : nomChoisi}
            onChange={(e) => etat.saisir(e.target.value)}
            onFocus={(e) => e.target.select()}
            onClick={() => setOuvert(true)}
            onKeyDown={auClavier}
            onBlur={() => {
              etat.fermer();
              onBlur?.();
            }}
          />
          <ul id={`${id}-liste`} role="listbox" aria-label={label} className="maillage-combobox__liste" hidden={!ouvert}>
            {options.map((o, i) => (
              <li
                key={o.cle}
                id={idOption(o)}
                role="option"
                aria-selected={i === indexActif}
                className={[
                  'maillage-combobox__option',
                  i === indexActif ? 'maillage-combobox__option--active' : '',
                  o.creer ? 'maillage-combobox__option--creer' : '',
                ].join(' ')}
                // Keep the focus in the field: the click picks without blurring it first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choisir(o)}
                onMouseMove={() => setActive(i)}
              >
                {libelleOption(o)}
              </li>
            ))}
            {options.length === 0 && (
              <li role="option" aria-selected={false} aria-disabled="true" id={`${id}-option-vide`} className="maillage-combobox__option">
                {vide}
              </li>
            )}
          </ul>
        </div>
        {erreur && (
          <p className={fr.cx('fr-error-text')} id={`${id}-erreur`}>
            {erreur}
          </p>
        )}
      </div>
      <p role="status" className={fr.cx('fr-sr-only')}>
        {annonce}
      </p>
      {children}
    </div>
  );
}
