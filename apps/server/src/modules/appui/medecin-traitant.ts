import { invalide } from '../../platform/errors';
import type { Queryable } from '../../platform/database';
import * as queries from './appui.queries';

/** The médecin traitant of a request or a case: from the directory, or entered with name and RPPS. */
export interface MedecinTraitant {
  ressourceId: string | null;
  nom: string | null;
  rpps: string | null;
  courriel: string | null;
}

export async function resoudreMedecin(
  db: Queryable,
  saisie: { ressourceId?: string | null; nom?: string | null; rpps?: string | null; courriel?: string | null } | null | undefined,
): Promise<MedecinTraitant | null> {
  if (!saisie) return null;
  if (saisie.ressourceId) {
    const r = await queries.medecinDuRepertoire(db, saisie.ressourceId);
    if (!r)
      throw invalide('Ce médecin n’est pas dans le répertoire.', [{ champ: 'medecinTraitant.ressourceId', message: 'Ressource inconnue' }]);
    return {
      ressourceId: saisie.ressourceId,
      nom: saisie.nom || r.nom,
      rpps: saisie.rpps ?? null,
      courriel: saisie.courriel ?? r.courriel,
    };
  }
  return { ressourceId: null, nom: saisie.nom ?? null, rpps: saisie.rpps ?? null, courriel: saisie.courriel ?? null };
}

export const vueMedecin = (m: MedecinTraitant) => (m.ressourceId || m.nom ? m : null);

export const colonnesMedecin = (m: MedecinTraitant | null) => [
  m?.ressourceId ?? null,
  m?.nom ?? null,
  m?.rpps ?? null,
  m?.courriel ?? null,
];
