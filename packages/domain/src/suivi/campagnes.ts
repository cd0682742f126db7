import type { EtatSuivi } from './workflow';

/** Where a fiche stands in a campaign, from its report and its indicators' values for the period. */
export const ETATS_FICHE_CAMPAGNE = ['a_faire', 'en_cours', 'a_corriger', 'soumis', 'valide'] as const;
export type EtatFicheCampagne = (typeof ETATS_FICHE_CAMPAGNE)[number];
export const LIBELLES_ETAT_FICHE_CAMPAGNE: Record<EtatFicheCampagne, string> = {
  a_faire: 'À renseigner',
  en_cours: 'En cours de saisie',
  a_corriger: 'Renvoyé pour correction',
  soumis: 'Soumis, à valider',
  valide: 'Validé',
};

/** The fiche's state in a campaign from the states of its report and values (null: not entered yet). */
export function etatFicheCampagne(etats: readonly (EtatSuivi | null)[]): EtatFicheCampagne {
  if (etats.every((e) => e === null)) return 'a_faire';
  if (etats.includes('a_corriger')) return 'a_corriger';
  if (etats.every((e) => e === 'valide')) return 'valide';
  if (etats.every((e) => e === 'soumis' || e === 'valide')) return 'soumis';
  return 'en_cours';
}

/** Submitted or validated: the pilote's part is done. */
export const ficheCampagneComplete = (e: EtatFicheCampagne) => e === 'soumis' || e === 'valide';
