import type { Queryable } from '../../platform/database';

export interface FiltreAudit {
  entiteType: string | null;
  entiteId: string | null;
  acteur: string | null;
  action: string | null;
  depuis: string | null;
  jusqua: string | null;
  limite: number;
  decalage: number;
}

export async function listerEvenements(db: Queryable, f: FiltreAudit) {
  const { rows } = await db.query(
    `select id, le, acteur_id as "acteurId", acteur_libelle as "acteurLibelle", entite_type as "entiteType",
       entite_id as "entiteId", action, diff, contexte, count(*) over () as total
     from audit_evenements
     where ($1::text is null or entite_type = $1) and ($2::text is null or entite_id = $2)
       and ($3::text is null or acteur_libelle ilike '%' || $3 || '%') and ($4::text is null or action = $4)
       and ($5::timestamptz is null or le >= $5) and ($6::timestamptz is null or le < $6::date + 1)
     order by id desc limit $7 offset $8`,
    [f.entiteType, f.entiteId, f.acteur, f.action, f.depuis, f.jusqua, f.limite, f.decalage],
  );
  return { total: rows[0]?.total ?? 0, elements: rows.map(({ total, ...e }) => e) };
}

export async function valeursDistinctes(db: Queryable) {
  const { rows } = await db.query(
    `select array(select distinct entite_type from audit_evenements order by 1) as "entiteTypes",
            array(select distinct action from audit_evenements order by 1) as actions`,
  );
  return rows[0] as { entiteTypes: string[]; actions: string[] };
}

/** Events of a contract and of its parts (fiches, axes, signataires…), newest first. */
export async function historiqueContrat(db: Queryable, contratId: string, limite: number, decalage: number) {
  const { rows } = await db.query(
    `select id, le, acteur_id as "acteurId", acteur_libelle as "acteurLibelle", entite_type as "entiteType",
       entite_id as "entiteId", action, diff, contexte, count(*) over () as total
     from audit_evenements
     where (entite_type = 'contrat' and entite_id = $1) or contexte ->> 'contratId' = $1
     order by id desc limit $2 offset $3`,
    [contratId, limite, decalage],
  );
  return { total: rows[0]?.total ?? 0, elements: rows.map(({ total, ...e }) => e) };
}
