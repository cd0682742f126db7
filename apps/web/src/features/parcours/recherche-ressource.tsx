import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { RessourceVue } from '@maillage/domain/api';
import { useDeferredValue, useId, useState } from 'react';
import { useRessourcesCherchees } from '../../api/parcours';
import { ResultatsRessources } from '../../components/resultats-ressources';

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
      <ResultatsRessources
        recherche={differe}
        resultats={resultats}
        proposees={proposees}
        icone="fr-icon-add-line"
        libelle={(r) => `Ajouter ${r.nom} (${r.organisationNom}) à l’étape « ${etapeLibelle} »`}
        desactive={enCours}
        onChoisir={(r) => {
          onChoisir(r);
          fermer();
        }}
      />
      <Button type="button" size="small" priority="tertiary no outline" onClick={fermer}>
        Fermer la recherche
      </Button>
    </div>
  );
}
