import { motDePasseSchema } from '@maillage/domain';
import { useEffect, useState } from 'react';

/*
 * The password strength check of the server, in the forms. Its dictionaries (about 500 kB compressed) are fetched
 * when a page that chooses a password opens, not with the app; until they arrive only the length is checked here,
 * and the server still refuses a weak password with the same reason.
 */

type Estimateur = typeof import('@maillage/domain/mot-de-passe');
let estimateur: Estimateur | null = null;
let chargement: Promise<Estimateur> | null = null;

function charger() {
  chargement ??= import('@maillage/domain/mot-de-passe').then((m) => (estimateur = m));
  return chargement;
}

/**
 * Starts loading the estimator; true once it is there. `surPret` runs when it arrives after the page opened: the
 * form validates again what was already typed.
 */
export function useEstimateurMotDePasse(surPret?: () => void): boolean {
  const [pret, setPret] = useState(estimateur !== null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page: the callback of the first render is the one to call.
  useEffect(() => {
    let actif = true;
    const dejaLa = estimateur !== null;
    charger().then(
      () => {
        if (!actif) return;
        setPret(true);
        if (!dejaLa) surPret?.();
      },
      () => {}, // offline or a failed chunk: the server still checks
    );
    return () => {
      actif = false;
    };
  }, []);
  return pret;
}

/** Why the password is too easy to guess (the server's French reason), or null. */
export function raisonMotDePasseFaible(motDePasse: string, indices: string[] = []): string | null {
  return estimateur?.raisonMotDePasseFaible(motDePasse, indices) ?? null;
}

/** The shared length rules, then the strength, with the person's own words when the form knows them. */
export const nouveauMotDePasse = (indices: () => string[] = () => []) =>
  motDePasseSchema.superRefine((valeur, ctx) => {
    const raison = raisonMotDePasseFaible(valeur, indices());
    if (raison) ctx.addIssue({ code: 'custom', message: raison });
  });
