import { libellePeriodeSuivi, type ActionSuivi } from '@maillage/domain';
import { useState } from 'react';
import { useTransitionValeur, type IndicateurSuivi, type ValeurSuivi } from '../../api/suivi';
import { creerModaleRenvoi } from './modale-renvoi';

const renvoi = creerModaleRenvoi('modale-renvoi-valeur');
const reouverture = creerModaleRenvoi('modale-reouverture-valeur');

/**
 * The steps of a value's workflow: submit and validate at once; send back or reopen after a comment asked in a modal.
 * Each outcome is told through onMessage. The caller places `modales` in its page.
 */
export function useTransitionsValeur(indicateurs: IndicateurSuivi[], setMessage: (m: string) => void) {
  const transition = useTransitionValeur();
  const [cibleRenvoi, setCibleRenvoi] = useState<{ valeur: ValeurSuivi; nom: string } | null>(null);
  const [cibleReouverture, setCibleReouverture] = useState<{ valeur: ValeurSuivi; nom: string } | null>(null);
  const nomValeur = (v: ValeurSuivi) => {
    const i = indicateurs.find((x) => x.id === v.indicateurId);
    return `la valeur ${libellePeriodeSuivi(v.periode)} de « ${i?.libelle ?? 'l’indicateur'} »`;
  };
  const onTransition = (v: ValeurSuivi, action: ActionSuivi) => {
    if (action === 'renvoyer') {
      setCibleRenvoi({ valeur: v, nom: nomValeur(v) });
      renvoi.ouvrir();
      return;
    }
    if (action === 'rouvrir') {
      setCibleReouverture({ valeur: v, nom: nomValeur(v) });
      reouverture.ouvrir();
      return;
    }
    setMessage('');
    transition.mutate(
      { valeurId: v.id, action },
      {
        onSuccess: () =>
          setMessage(
            action === 'valider'
              ? `${nomValeur(v)} est validée : la période est verrouillée et compte dans l’avancement.`
              : `${nomValeur(v)} est soumise : la coordination va la valider.`,
          ),
      },
    );
  };
  const modales = (
    <>
      <renvoi.ModaleRenvoi
        titre="Renvoyer la valeur pour correction"
        objet={cibleRenvoi?.nom ?? 'la valeur'}
        onConfirmer={(commentaire) => {
          const cible = cibleRenvoi;
          if (!cible) return;
          transition.mutate(
            { valeurId: cible.valeur.id, action: 'renvoyer', commentaire },
            { onSuccess: () => setMessage(`${cible.nom} est renvoyée pour correction au pilote.`) },
          );
        }}
      />
      <reouverture.ModaleRenvoi
        reouverture
        titre="Rouvrir la valeur validée"
        objet={cibleReouverture?.nom ?? 'la valeur'}
        onConfirmer={(commentaire) => {
          const cible = cibleReouverture;
          if (!cible) return;
          transition.mutate(
            { valeurId: cible.valeur.id, action: 'rouvrir', commentaire },
            {
              onSuccess: () =>
                setMessage(`${cible.nom} est rouverte : elle retourne au pilote pour correction, puis sera soumise et validée à nouveau.`),
            },
          );
        }}
      />
    </>
  );
  return { transition, onTransition, modales };
}
