import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { RessourceVue } from '@maillage/domain/api';
import { useDeferredValue, useId, useState } from 'react';
import { useRessourcesCherchees } from '../../api/parcours';
import { messageErreur } from '../../components/alerte-erreur';

interface Props {
  etapeLibelle: string;
  /** Resources already at the step. */
  exclure: readonly string[];
  enCours: boolean;
  onChoisir: (r: RessourceVue) => void;
}

/**
 * Finds a resource of the directory by name, type or organisation (GET /api/ressources?q=…) and places it at a step.
 * The results are a plain list of buttons: each says which resource it adds, so it reads well with a screen reader.
 */
export function RechercheRessource({ etapeLibelle, exclure, enCours, onChoisir }: Props) {
  const id = useId();
  const [ouvert, setOuvert] = useState(false);
  const [q, setQ] = useState('');
  const differe = useDeferredValue(q.trim());
  const resultats = useRessourcesCherchees(differe, ouvert);
  const proposees = (resultats.data?.elements ?? []).filter((r) => !exclure.includes(r.id));

  // Closing the search gives the focus back to the button that opened it.
  const fermer = () => {
    setQ('');
    setOuvert(false);
    requestAnimationFrame(() => document.getElementById(`${id}-ouvrir`)?.focus());
  };
  if (!ouvert)
    return (
      <Button
        type="button"
        size="small"
        priority="secondary"
        iconId="fr-icon-add-line"
        onClick={() => setOuvert(true)}
        nativeButtonProps={{ id: `${id}-ouvrir` }}
      >
        Ajouter une ressource<span className={fr.cx('fr-sr-only')}> à l’étape « {etapeLibelle} »</span>
      </Button>
    );
  return (
    <div role="search" className={fr.cx('fr-mb-2w')} aria-labelledby={`${id}-titre`}>
      <p id={`${id}-titre`} className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-1w')}>
        Ajouter une ressource du répertoire à l’étape « {etapeLibelle} »
      </p>
      <Input
        label="Nom, type ou organisation de la ressource"
        hintText="Deux caractères au moins"
        nativeInputProps={{
          type: 'search',
          value: q,
          autoFocus: true,
          autoComplete: 'off',
          onChange: (e) => setQ(e.target.value),
          onKeyDown: (e) => {
            if (e.key === 'Escape') fermer();
          },
        }}
      />
      <div aria-live="polite" className={fr.cx('fr-text--sm')}>
        {differe.length < 2 ? null : resultats.error ? (
          <p className={fr.cx('fr-error-text')}>{messageErreur(resultats.error)}</p>
        ) : resultats.isPending ? (
          <p>Recherche…</p>
        ) : proposees.length === 0 ? (
          <p>Aucune ressource ne correspond à « {differe} ».</p>
        ) : (
          <p className={fr.cx('fr-mb-1w')}>
            {proposees.length} ressource{proposees.length > 1 ? 's' : ''} trouvée{proposees.length > 1 ? 's' : ''}.
          </p>
        )}
      </div>
      {differe.length >= 2 && proposees.length > 0 && (
        <ul className={fr.cx('fr-raw-list')}>
          {proposees.map((r) => (
            <li key={r.id} className={fr.cx('fr-mb-1w')}>
              <Button
                type="button"
                size="small"
                priority="tertiary"
                iconId="fr-icon-add-line"
                disabled={enCours}
                onClick={() => {
                  onChoisir(r);
                  fermer();
                }}
                nativeButtonProps={{ 'aria-label': `Ajouter ${r.nom} (${r.organisationNom}) à l’étape « ${etapeLibelle} »` }}
              >
                {r.nom} — {r.typeLibelle}, {r.organisationNom}
                {r.communeNom ? `, ${r.communeNom}` : ''}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Button type="button" size="small" priority="tertiary no outline" onClick={fermer}>
        Fermer la recherche
      </Button>
    </div>
  );
}
