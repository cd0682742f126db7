import { useCallback, useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters of a list live in the URL (shareable; back and forward restore them). The fields are controlled
 * by a draft that follows the URL, so submitting never remounts a field and focus stays where it was.
 * `conserver`: other parameters the page keeps while filtering (e.g. the selected tab).
 */
export function useFiltresUrl<K extends string>(cles: readonly K[], conserver: readonly string[] = []) {
  const [params, definirParams] = useSearchParams();
  const lire = () => Object.fromEntries(cles.map((c) => [c, params.get(c) ?? ''])) as Record<K, string>;
  const valeurs = lire();
  const signature = cles.map((c) => params.get(c) ?? '').join('\u0000');
  const [brouillon, setBrouillon] = useState(valeurs);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the draft follows the URL parameters (their signature), not each render.
  useEffect(() => setBrouillon(lire()), [signature]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the list of kept parameters is compared by value (conserver.join()).
  const appliquer = useCallback(
    (nouvelles: Partial<Record<K, string>>) => {
      const suivants = new URLSearchParams();
      for (const cle of conserver) {
        const valeur = params.get(cle);
        if (valeur) suivants.set(cle, valeur);
      }
      for (const [cle, valeur] of Object.entries(nouvelles) as [K, string | undefined][]) {
        if (valeur && valeur.trim() !== '') suivants.set(cle, valeur.trim());
      }
      // A new search starts at page 1 (no "page" parameter).
      definirParams(suivants);
    },
    [definirParams, params, conserver.join()],
  );

  const champ = (cle: K) => ({
    name: cle,
    value: brouillon[cle],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setBrouillon((b) => ({ ...b, [cle]: e.target.value })),
  });

  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    appliquer(brouillon);
  };

  return { valeurs, brouillon, champ, appliquer, soumettre };
}
