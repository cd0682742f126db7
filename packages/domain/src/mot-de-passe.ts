import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as dictionnaireCommun } from '@zxcvbn-ts/language-common';
import { dictionary as dictionnaireFrancais, translations } from '@zxcvbn-ts/language-fr';
import { motDePasseSchema } from './comptes';

/*
 * Password strength, shared by the server (authoritative) and the web forms (the same reason, live).
 * Kept out of the package's main entry (`@maillage/domain/mot-de-passe`): the dictionaries weigh about 500 kB
 * compressed, so the web app loads them on demand, only where a password is chosen.
 */

/** zxcvbn's score (0 to 4): 3 means about 10⁸ guesses, out of reach of an online attack slowed by the login throttle. */
export const SCORE_MOT_DE_PASSE_MIN = 3;

let estimateur: ZxcvbnFactory | null = null;
// Built on first use: the dictionaries take ~100 ms to load.
function estimer() {
  estimateur ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...dictionnaireCommun, ...dictionnaireFrancais },
    // The defaults (100 l33t substitutions, 256 characters) let one crafted password cost seconds of CPU; with these
    // caps a check stays within tens of milliseconds, and a password beyond 64 characters is long enough anyway.
    l33tMaxSubstitutions: 10,
    maxLength: 64,
  });
  return estimateur;
}

const phrase = (texte: string) =>
  texte
    .trim()
    .replace(/\.$/, '')
    .replace(/^./, (c) => c.toLowerCase());

/**
 * Why a password is too easy to guess, in French, or null when it is strong enough. `indices` are words of the
 * person's own (e-mail, names) that must not carry the password.
 */
export function raisonMotDePasseFaible(motDePasse: string, indices: string[] = []): string | null {
  if (!motDePasse.trim()) return 'Le mot de passe ne peut pas être fait que d’espaces';
  const resultat = estimer().check(
    motDePasse,
    indices.filter(Boolean).map((i) => i.toLowerCase()),
  );
  if (resultat.score >= SCORE_MOT_DE_PASSE_MIN) return null;
  const raison = resultat.feedback.warning ?? resultat.feedback.suggestions[0] ?? 'Allongez-le ou ajoutez des mots moins courants';
  return `Mot de passe trop facile à deviner : ${phrase(raison)}`;
}

/**
 * The length rules, then the strength. The API's request schemas check only the length: the server runs the
 * estimator once the caller has proved something (a valid reset link, the old password, an admin's rights), so
 * that anonymous requests cannot make it spend CPU.
 */
export const motDePasseRobusteSchema = motDePasseSchema.superRefine((valeur, contexte) => {
  const raison = raisonMotDePasseFaible(valeur);
  if (raison) contexte.addIssue({ code: 'custom', message: raison });
});
