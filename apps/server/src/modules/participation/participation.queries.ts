import type { Queryable } from '../../platform/database';

/** Read-only reach into the contracts and territoires tables: what a consultation page shows of its contract. */

/** The contract's title and the communes of its territory (by name), for the « commune de résidence » question. */
export async function contratEtCommunes(
  db: Queryable,
  contratId: string,
): Promise<{ nom: string; communes: { code: string; libelle: string }[] } | null> {
  const { rows } = await db.query(
    `select c.intitule nom,
       coalesce((select json_agg(json_build_object('code', t.code, 'libelle', t.nom) order by t.nom_normalise, t.code)
         from contrat_communes cc join territoires t on t.type = 'commune' and t.code = cc.commune_code
         where cc.contrat_id = c.id), '[]') communes
     from contrats c where c.id = $1`,
    [contratId],
  );
  return rows[0] ?? null;
}
