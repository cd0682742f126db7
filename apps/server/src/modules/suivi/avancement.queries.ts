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

/**
 * A fingerprint of what each contract's overall progress reads (its fiches, their indicators, their validated values):
 * for each of the three, the count and the sum of the transaction ids (xmin) of the rows' current versions. Any insert,
 * update or delete of one of those rows changes it once committed, whichever module, process or SQL script made it:
 * an update writes a new row version with its transaction's id, a delete changes the count and the sum.
 */
export async function empreintesAvancement(db: Queryable, contratIds: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; empreinte: string }>(
    `with f as (select contrat_id, count(*) as n, sum(xmin::text::bigint) as s from fiches where contrat_id = any($1) group by contrat_id),
     i as (select contrat_id, count(*) as n, sum(xmin::text::bigint) as s from indicateurs_suivi where contrat_id = any($1) group by contrat_id),
     v as (select i.contrat_id, count(*) as n, sum(v.xmin::text::bigint) as s
           from indicateurs_suivi i join valeurs_suivi v on v.indicateur_id = i.id
           where i.contrat_id = any($1) and v.etat = 'valide' and v.valeur is not null group by i.contrat_id)
     select c.id, concat_ws('|', coalesce(f.n, 0), coalesce(f.s, 0), coalesce(i.n, 0), coalesce(i.s, 0), coalesce(v.n, 0), coalesce(v.s, 0)) as empreinte
     from unnest($1::uuid[]) c (id) left join f on f.contrat_id = c.id left join i on i.contrat_id = c.id left join v on v.contrat_id = c.id`,
    [contratIds],
  );
  return new Map(rows.map((r) => [r.id, r.empreinte]));
}
