/**
 * Read model of the progress pages (read-only, decision 0022): the fiches of the fiches module as the roll-up needs
 * them, and their statut history. Nothing here writes.
 */
import type { Queryable } from '../../platform/database';

export interface FicheAMesurer {
  id: string;
  contratId: string;
  numero: number;
  intitule: string;
  statut: string;
  axeId: string | null;
  objectifId: string | null;
  poids: number;
}

/** Every fiche of these contracts, in each contract's order. */
export async function fichesDesContrats(db: Queryable, contratIds: string[]) {
  const { rows } = await db.query<FicheAMesurer>(
    `select id, contrat_id as "contratId", numero, intitule, statut, axe_id as "axeId", objectif_id as "objectifId", poids
     from fiches where contrat_id = any($1) order by contrat_id, ordre`,
    [contratIds],
  );
  return rows;
}

/** Every fiche's statut history on the contract, oldest first, by fiche. */
export async function historiquesStatuts(db: Queryable, contratId: string) {
  const { rows } = await db.query<{ ficheId: string; historique: { statut: string; le: string; par: string }[] }>(
    `select s.fiche_id as "ficheId", json_agg(json_build_object('statut', s.statut, 'le', s.le, 'par', s.par) order by s.le, s.id) as historique
     from fiche_statuts s join fiches f on f.id = s.fiche_id where f.contrat_id = $1 group by s.fiche_id`,
    [contratId],
  );
  return rows;
}
