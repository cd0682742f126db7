import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ErreurApi } from '../api/client';

/**
 * Puts the server's field errors (problem.erreurs[].champ, e.g. "siret" or "habilitations.0.regionCode")
 * on the form's fields. Returns true when at least one was placed.
 */
export function appliquerErreursServeur<T extends FieldValues>(
  erreur: unknown,
  setError: UseFormSetError<T>,
  champs: readonly string[],
): boolean {
  if (!(erreur instanceof ErreurApi) || !erreur.probleme.erreurs) return false;
  let place = false;
  for (const { champ, message } of erreur.probleme.erreurs) {
    const racine = champ.split('.')[0];
    if (!champs.includes(racine)) continue;
    setError(champ as Path<T>, { type: 'serveur', message }, { shouldFocus: !place });
    place = true;
  }
  return place;
}

/** react-hook-form `setValueAs` for optional text fields: an empty field means null. */
export const videEnNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** DSFR field state from a react-hook-form error. */
export function etatChamp(message: string | undefined): { state?: 'error'; stateRelatedMessage?: string } {
  return message ? { state: 'error', stateRelatedMessage: message } : {};
}
