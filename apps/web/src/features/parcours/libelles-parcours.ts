import { ETAPES_SUGGEREES, GRAVITES_RUPTURE, PUBLICS_RESSOURCE, type GraviteRupture, type PublicRessource } from '@maillage/domain';
import type { BadgeProps } from '@codegouvfr/react-dsfr/Badge';

export const libelleRupturesOuvertes = (n: number) =>
  n === 0 ? 'Aucune rupture ouverte' : n === 1 ? '1 rupture ouverte' : `${n} ruptures ouvertes`;

export const libellePublics = (publics: readonly PublicRessource[]) => publics.map((p) => PUBLICS_RESSOURCE[p]).join(', ');

/** The badge colour of a severity; the word is always shown too (colour is never the only signal). */
export const SEVERITE_GRAVITE: Record<GraviteRupture, NonNullable<BadgeProps['severity']>> = {
  faible: 'info',
  moyenne: 'new',
  elevee: 'warning',
  critique: 'error',
};

export const libelleGravite = (g: GraviteRupture) => `Gravité ${GRAVITES_RUPTURE[g].toLowerCase()}`;

/** The suggested steps in their usual order, for the pickers. */
export const ETAPES_PROPOSEES = Object.entries(ETAPES_SUGGEREES) as [keyof typeof ETAPES_SUGGEREES, string][];
