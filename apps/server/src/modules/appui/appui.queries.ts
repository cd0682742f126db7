import type { Queryable } from '../../platform/database';

/**
 * Read-only reach of the appui module into the directory (resources of the module « ressources ») and the accounts
 * (names of staff): what a case names, never written from here.
 */

export interface MedecinRepertoire {
  nom: string;
  courriel: string | null;
}

/** A médecin traitant chosen in the directory: its name and first e-mail contact. */
export async function medecinDuRepertoire(db: Queryable, ressourceId: string): Promise<MedecinRepertoire | null> {
  const { rows } = await db.query<MedecinRepertoire>(
    `select r.nom,
            (select c->>'valeur' from jsonb_array_elements(r.contacts) c where c->>'type' = 'courriel' limit 1) as courriel
       from ressources r where r.id = $1`,
    [ressourceId],
  );
  return rows[0] ?? null;
}

export async function ressourcesParId(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, { nom: string; typeLibelle: string }>();
  const { rows } = await db.query<{ id: string; nom: string; typeLibelle: string }>(
    `select r.id, r.nom, t.libelle as "typeLibelle" from ressources r join types_ressource t on t.code = r.type_code where r.id = any($1)`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function ressourceExiste(db: Queryable, id: string): Promise<{ nom: string; statut: string } | null> {
  const { rows } = await db.query<{ nom: string; statut: string }>('select nom, statut from ressources where id = $1', [id]);
  return rows[0] ?? null;
}

/** Staff names by account id. */
export async function libellesUtilisateurs(db: Queryable, ids: (string | null)[]) {
  const uniques = [...new Set(ids.filter((x): x is string => !!x))];
  if (!uniques.length) return new Map<string, string>();
  const { rows } = await db.query<{ id: string; libelle: string }>(
    `select u.id, p.prenom || ' ' || p.nom as libelle from utilisateurs u join personnes p on p.id = u.personne_id where u.id = any($1)`,
    [uniques],
  );
  return new Map(rows.map((r) => [r.id, r.libelle]));
}

export async function communeNom(db: Queryable, code: string | null): Promise<string | null> {
  if (!code) return null;
  const { rows } = await db.query<{ nom: string }>(`select nom from territoires where type = 'commune' and code = $1`, [code]);
  return rows[0]?.nom ?? null;
}

export async function courrielUtilisateur(db: Queryable, id: string): Promise<string | null> {
  const { rows } = await db.query<{ email: string }>('select email from utilisateurs where id = $1 and actif', [id]);
  return rows[0]?.email ?? null;
}
