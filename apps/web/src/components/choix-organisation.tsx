import { fr } from '@codegouvfr/react-dsfr';
import { can, type CollectivitePreremplie } from '@maillage/domain';
import { useDeferredValue, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useCollectivites, useOrganisation, useOrganisations } from '../api/comptes';
import type { Organisation } from '../api/types';
import { useSession } from '../app/session';
import { libelleTypeOrganisation } from './libelles';
import { CreationOrganisation, type Brouillon } from './creation-organisation';

export interface PropsChoixOrganisation {
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
  /** Organisation types offered (all when absent); the first is the default type of a new one. */
  types?: readonly string[];
  /** Organisations not to offer (already chosen elsewhere). */
  exclure?: readonly string[];
  /** Offer "Créer cette organisation" (default: when the user may create one). Off where creating makes no sense. */
  creation?: boolean;
}

const TYPES_COLLECTIVITE = ['commune', 'epci', 'departement'];

type Option =
  | { cle: string; sorte: 'aucune' }
  | { cle: string; sorte: 'organisation'; organisation: Organisation }
  | { cle: string; sorte: 'collectivite'; prerempli: CollectivitePreremplie; code: string }
  | { cle: string; sorte: 'creer' };

const libelleOrganisation = (o: Organisation) => `${o.nom}${o.sigle ? ` (${o.sigle})` : ''}`;

/**
 * The one organisation picker of the app: a DSFR-styled combobox (WAI-ARIA 1.2 pattern: the text field filters a
 * listbox of the directory's organisations, arrows move, Enter picks, Escape closes). When the organisation is missing,
 * "Créer cette organisation" opens a short form beside it, pre-filled from the référentiel for a collectivité, and the
 * server's duplicate check lets the user pick the existing one instead.
 */
export function ChoixOrganisation({
  label,
  valeur,
  onChange,
  onBlur,
  aucune = false,
  libelleAucune = 'Aucune organisation',
  erreur,
  indication,
  types,
  exclure = [],
  creation,
}: PropsChoixOrganisation) {
  const id = useId();
  const { sujet } = useSession();
  const peutCreer = (creation ?? true) && !!sujet && can(sujet, 'creer', { type: 'organisation', id: null });
  const choisie = useOrganisation(valeur || null);
  const [texte, setTexte] = useState('');
  const [edition, setEdition] = useState(false);
  const [ouvert, setOuvert] = useState(false);
  const [active, setActive] = useState(0);
  const [brouillon, setBrouillon] = useState<Brouillon | null>(null);
  const [annonce, setAnnonce] = useState('');
  const champ = useRef<HTMLInputElement>(null);
  const q = useDeferredValue(edition ? texte.trim() : '');
  const resultats = useOrganisations({ q, parPage: 20, type: types?.join(',') || undefined }, ouvert);
  const collectivitesPossibles = peutCreer && (!types || types.some((t) => TYPES_COLLECTIVITE.includes(t)));
  const collectivites = useCollectivites(q, ouvert && collectivitesPossibles);

  // The field shows the chosen organisation's name, until the user types.
  const nomChoisi = valeur && choisie.data?.id === valeur ? libelleOrganisation(choisie.data) : '';
  const affiche = edition ? texte : nomChoisi;

  const organisations = (resultats.data?.elements ?? []).filter((o) => !exclure.includes(o.id));
  const sirensConnus = new Set(organisations.map((o) => o.siren).filter(Boolean));
  const options: Option[] = [
    ...(aucune ? [{ cle: 'aucune', sorte: 'aucune' as const }] : []),
    ...organisations.map((o) => ({ cle: o.id, sorte: 'organisation' as const, organisation: o })),
    ...(collectivitesPossibles && q.length >= 2 ? (collectivites.data ?? []) : [])
      .filter((c) => (!types || types.includes(c.organisation.type)) && !(c.organisation.siren && sirensConnus.has(c.organisation.siren)))
      .map((c) => ({ cle: `${c.type}-${c.code}`, sorte: 'collectivite' as const, prerempli: c.organisation, code: c.code })),
    ...(peutCreer ? [{ cle: 'creer', sorte: 'creer' as const }] : []),
  ];
  const indexActif = Math.min(active, options.length - 1);
  const idOption = (o: Option) => `${id}-option-${o.cle}`;

  useEffect(() => {
    if (!ouvert) return;
    document.getElementById(`${id}-option-${options[indexActif]?.cle}`)?.scrollIntoView({ block: 'nearest' });
  }, [ouvert, indexActif, id, options]);

  const fermer = () => {
    setOuvert(false);
    setEdition(false);
    setTexte('');
  };

  const choisir = (option: Option) => {
    if (option.sorte === 'aucune') {
      onChange(null, null);
      setAnnonce(`${libelleAucune} : choisi.`);
    } else if (option.sorte === 'organisation') {
      onChange(option.organisation.id, option.organisation.nom);
      setAnnonce(`${option.organisation.nom} choisie.`);
    } else if (option.sorte === 'collectivite') {
      setBrouillon({ ...option.prerempli, sigle: null, siret: null, finess: null });
    } else {
      const nom = edition ? texte.trim() : '';
      setBrouillon({ nom, type: types?.[0] ?? 'association' });
    }
    fermer();
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
      if (ouvert || edition) e.preventDefault();
      fermer();
    }
  };

  const libelleOption = (o: Option) => {
    switch (o.sorte) {
      case 'aucune':
        return libelleAucune;
      case 'organisation':
        return `${libelleOrganisation(o.organisation)} — ${libelleTypeOrganisation(o.organisation.type)}`;
      case 'collectivite':
        return `Créer « ${o.prerempli.nom} » (${libelleTypeOrganisation(o.prerempli.type)}${o.prerempli.siren ? `, SIREN ${o.prerempli.siren}` : ''})`;
      case 'creer':
        return edition && texte.trim() ? `Créer cette organisation : « ${texte.trim()} »` : 'Créer cette organisation';
    }
  };

  const total = resultats.data?.total ?? 0;
  const aide =
    indication ??
    (peutCreer ? 'Tapez un nom, un sigle, un SIRET ou un FINESS ; si l’organisation manque, créez-la depuis la liste.' : 'Tapez un nom, un sigle, un SIRET ou un FINESS.');

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
            ref={champ}
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
            placeholder={!valeur && aucune ? libelleAucune : undefined}
            value={affiche}
            onChange={(e) => {
              setTexte(e.target.value);
              setEdition(true);
              setOuvert(true);
              setActive(0);
            }}
            onFocus={(e) => e.target.select()}
            onClick={() => setOuvert(true)}
            onKeyDown={auClavier}
            onBlur={() => {
              fermer();
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
                  o.sorte === 'creer' || o.sorte === 'collectivite' ? 'maillage-combobox__option--creer' : '',
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
                {resultats.isFetching ? 'Recherche…' : 'Aucune organisation ne correspond'}
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
        {ouvert && resultats.data ? `${total} organisation${total > 1 ? 's' : ''} correspondante${total > 1 ? 's' : ''}${peutCreer ? ', et le choix de la créer' : ''}.` : annonce}
      </p>
      {brouillon && (
        <CreationOrganisation
          brouillon={brouillon}
          types={types}
          onChoisie={(o, cree) => {
            setBrouillon(null);
            onChange(o.id, o.nom);
            setAnnonce(cree ? `Organisation « ${o.nom} » créée et choisie.` : `${o.nom} choisie.`);
            champ.current?.focus();
          }}
          onAnnuler={() => {
            setBrouillon(null);
            champ.current?.focus();
          }}
        />
      )}
    </div>
  );
}
