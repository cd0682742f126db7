import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface Cible {
  /** "#constat-…" inside the tab, or a route ("/indicateurs/…", "?onglet=strategie"). */
  lien: string;
  texte: string;
}

export interface LigneLiens {
  libelle: string;
  cibles: Cible[];
  vide: string;
}

function LienCible({ cible }: { cible: Cible }) {
  return cible.lien.startsWith('#') ? <a href={cible.lien}>{cible.texte}</a> : <Link to={cible.lien}>{cible.texte}</Link>;
}

interface Props {
  ancre: string;
  titre: ReactNode;
  description?: string | null;
  liens: LigneLiens[];
  editable: boolean;
  onModifier?: () => void;
  onSupprimer?: () => void;
  nom: string;
  children?: ReactNode;
}

/** One link of the chain: what it says, what it rests on, what rests on it — each a link, both ways. */
export function ElementChaine({ ancre, titre, description, liens, editable, onModifier, onSupprimer, nom, children }: Props) {
  return (
    <article
      id={ancre}
      tabIndex={-1}
      aria-labelledby={`${ancre}-titre`}
      className={fr.cx('fr-p-2w', 'fr-mb-2w') + ' maillage-element-chaine'}
    >
      <h5 id={`${ancre}-titre`} className={fr.cx('fr-h6', 'fr-mb-1w')}>
        {titre}
      </h5>
      {description && <p className={fr.cx('fr-text--sm', 'fr-mb-1w') + ' maillage-texte-long'}>{description}</p>}
      {children}
      {liens.map((l) => (
        <p key={l.libelle} className={fr.cx('fr-text--sm', 'fr-mb-1v')}>
          <strong>{l.libelle} :</strong>{' '}
          {l.cibles.length === 0
            ? l.vide
            : l.cibles.map((c, i) => (
                <span key={c.lien}>
                  {i > 0 && ' · '}
                  <LienCible cible={c} />
                </span>
              ))}
        </p>
      ))}
      {editable && (onModifier || onSupprimer) && (
        <div className={fr.cx('fr-mt-1w') + ' maillage-actions'}>
          {onModifier && (
            <Button type="button" size="small" priority="tertiary" iconId="fr-icon-edit-line" onClick={onModifier}>
              Modifier<span className={fr.cx('fr-sr-only')}> {nom}</span>
            </Button>
          )}
          {onSupprimer && (
            <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={onSupprimer}>
              Supprimer<span className={fr.cx('fr-sr-only')}> {nom}</span>
            </Button>
          )}
        </div>
      )}
    </article>
  );
}

/**
 * After a save the form closes and the diagnostic reloads: focus then goes to the saved element, so keyboard and
 * screen-reader users land on what they just wrote.
 */
export function useFocusApresEnregistrement(pret: unknown) {
  const [cible, setCible] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: pret: try again when the reloaded diagnostic is rendered.
  useEffect(() => {
    if (!cible) return;
    const element = document.getElementById(cible);
    if (element) {
      element.focus();
      setCible(null);
    }
  }, [cible, pret]);
  return setCible;
}

/** Which element of a list is edited (none, a new one, or one by id) and which one awaits the confirmation of its deletion. */
export function useEditionElement<T>(enregistrer: { reset: () => void; error: unknown; isPending: boolean }) {
  const [edition, setEdition] = useState<{ id?: string } | null>(null);
  const [aSupprimer, setASupprimer] = useState<T | null>(null);
  const ouvrir = (id?: string) => {
    enregistrer.reset();
    setEdition({ id });
  };
  const fermer = () => setEdition(null);
  /** What every element form takes from the list: the save's error and progress, and cancel. */
  const proprietes = { erreur: enregistrer.error, enCours: enregistrer.isPending, onAnnuler: fermer };
  return { edition, ouvrir, fermer, proprietes, aSupprimer, setASupprimer };
}
