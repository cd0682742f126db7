import type { EtapeSuggeree, Perimetre, PreuveRupture, PublicRessource, RoleCooperation, StatutRupture } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

/** Writes of the parcours module: its own tables only. A null answer is a stale version (someone saved in between). */

export async function creerParcours(
  tx: Queryable,
  p: { contratId: string; titre: string; description: string | null; publics: PublicRessource[]; perimetre: Perimetre | null },
) {
  const { rows } = await tx.query(
    `insert into parcours (contrat_id, titre, description, publics, perimetre) values ($1, $2, $3, $4, $5) returning id, version`,
    [p.contratId, p.titre, p.description, p.publics, p.perimetre ? JSON.stringify(p.perimetre) : null],
  );
  return rows[0] as { id: string; version: number };
}

export async function modifierParcours(
  tx: Queryable,
  id: string,
  version: number,
  p: { titre: string; description: string | null; publics: PublicRessource[]; perimetre: Perimetre | null },
): Promise<number | null> {
  const { rows } = await tx.query(
    `update parcours set titre = $3, description = $4, publics = $5, perimetre = $6, version = version + 1, modifie_le = now()
     where id = $1 and version = $2 returning version`,
    [id, version, p.titre, p.description, p.publics, p.perimetre ? JSON.stringify(p.perimetre) : null],
  );
  return rows[0]?.version ?? null;
}

/** Bumps the parcours' version when the order of its steps changes; null if stale. */
export async function toucherParcours(tx: Queryable, id: string, version: number): Promise<number | null> {
  const { rows } = await tx.query(
    'update parcours set version = version + 1, modifie_le = now() where id = $1 and version = $2 returning version',
    [id, version],
  );
  return rows[0]?.version ?? null;
}

export async function supprimerParcours(tx: Queryable, id: string, version: number): Promise<boolean> {
  // The ruptures reference the steps without cascade: they go first.
  await tx.query(
    'delete from parcours_ruptures where parcours_id = $1 and exists (select 1 from parcours where id = $1 and version = $2)',
    [id, version],
  );
  const { rowCount } = await tx.query('delete from parcours where id = $1 and version = $2', [id, version]);
  return (rowCount ?? 0) > 0;
}

export async function ajouterEtape(
  tx: Queryable,
  parcoursId: string,
  e: { position: number; code: EtapeSuggeree | null; libelle: string; description: string | null },
) {
  const { rows } = await tx.query(
    `insert into parcours_etapes (parcours_id, position, code, libelle, description) values ($1, $2, $3, $4, $5) returning id`,
    [parcoursId, e.position, e.code, e.libelle, e.description],
  );
  return rows[0].id as string;
}

/** Rewrites every position from the ids' order (1-based); the unique constraint is checked at commit. */
export async function ordonnerEtapes(tx: Queryable, parcoursId: string, ids: string[]) {
  await tx.query(
    `update parcours_etapes e set position = o.rang from unnest($2::uuid[]) with ordinality as o(id, rang)
     where e.parcours_id = $1 and e.id = o.id and e.position <> o.rang`,
    [parcoursId, ids],
  );
}

export async function modifierEtape(
  tx: Queryable,
  id: string,
  version: number,
  e: { code: EtapeSuggeree | null; libelle: string; description: string | null },
): Promise<number | null> {
  const { rows } = await tx.query(
    `update parcours_etapes set code = $3, libelle = $4, description = $5, version = version + 1 where id = $1 and version = $2 returning version`,
    [id, version, e.code, e.libelle, e.description],
  );
  return rows[0]?.version ?? null;
}

export async function remplacerRessourcesEtape(tx: Queryable, etapeId: string, ids: string[]) {
  await tx.query('delete from parcours_etape_ressources where etape_id = $1', [etapeId]);
  if (ids.length)
    await tx.query('insert into parcours_etape_ressources (etape_id, ressource_id) select $1, unnest($2::uuid[])', [etapeId, ids]);
}

export async function remplacerFichesEtape(tx: Queryable, etapeId: string, ids: string[]) {
  await tx.query('delete from parcours_etape_fiches where etape_id = $1', [etapeId]);
  if (ids.length) await tx.query('insert into parcours_etape_fiches (etape_id, fiche_id) select $1, unnest($2::uuid[])', [etapeId, ids]);
}

export async function supprimerEtape(tx: Queryable, id: string, version: number): Promise<boolean> {
  const { rowCount } = await tx.query('delete from parcours_etapes where id = $1 and version = $2', [id, version]);
  return (rowCount ?? 0) > 0;
}

export async function compterRupturesEtape(tx: Queryable, etapeId: string): Promise<number> {
  const { rows } = await tx.query('select count(*)::int n from parcours_ruptures where etape_id = $1 or vers_etape_id = $1', [etapeId]);
  return rows[0].n;
}

export interface RuptureEcrite {
  etapeId: string;
  versEtapeId: string | null;
  description: string;
  preuves: PreuveRupture[];
  publics: PublicRessource[];
  gravite: string;
  ficheId: string | null;
}

export async function creerRupture(tx: Queryable, parcoursId: string, r: RuptureEcrite) {
  const { rows } = await tx.query(
    `insert into parcours_ruptures (parcours_id, etape_id, vers_etape_id, description, preuves, publics, gravite, fiche_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, version`,
    [parcoursId, r.etapeId, r.versEtapeId, r.description, JSON.stringify(r.preuves), r.publics, r.gravite, r.ficheId],
  );
  return rows[0] as { id: string; version: number };
}

export async function modifierRupture(tx: Queryable, id: string, version: number, r: RuptureEcrite): Promise<number | null> {
  const { rows } = await tx.query(
    `update parcours_ruptures set etape_id = $3, vers_etape_id = $4, description = $5, preuves = $6, publics = $7, gravite = $8, fiche_id = $9,
       version = version + 1, modifie_le = now() where id = $1 and version = $2 returning version`,
    [id, version, r.etapeId, r.versEtapeId, r.description, JSON.stringify(r.preuves), r.publics, r.gravite, r.ficheId],
  );
  return rows[0]?.version ?? null;
}

export async function changerStatutRupture(
  tx: Queryable,
  id: string,
  version: number,
  statut: StatutRupture,
  ficheId: string | null,
): Promise<number | null> {
  const { rows } = await tx.query(
    `update parcours_ruptures set statut = $3, fiche_id = $4, version = version + 1, modifie_le = now()
     where id = $1 and version = $2 returning version`,
    [id, version, statut, ficheId],
  );
  return rows[0]?.version ?? null;
}

/**
 * Writes a cell: created at version 1, removed when emptied (its version is then 0 again). Null when the version read
 * is not the stored one (0 = it was empty).
 */
export async function ecrireCellule(
  tx: Queryable,
  c: { etapeId: string; acteurType: string; acteurId: string; roles: RoleCooperation[] },
  version: number,
): Promise<number | null> {
  if (!c.roles.length) {
    const { rows } = await tx.query(
      'delete from parcours_cellules where etape_id = $1 and acteur_type = $2 and acteur_id = $3 returning version',
      [c.etapeId, c.acteurType, c.acteurId],
    );
    return (rows[0]?.version ?? 0) === version ? 0 : null;
  }
  if (version === 0) {
    const { rows } = await tx.query(
      `insert into parcours_cellules (etape_id, acteur_type, acteur_id, roles) values ($1, $2, $3, $4) on conflict do nothing returning version`,
      [c.etapeId, c.acteurType, c.acteurId, c.roles],
    );
    return rows[0]?.version ?? null;
  }
  const { rows } = await tx.query(
    `update parcours_cellules set roles = $4, version = version + 1 where etape_id = $1 and acteur_type = $2 and acteur_id = $3 and version = $5
     returning version`,
    [c.etapeId, c.acteurType, c.acteurId, c.roles, version],
  );
  return rows[0]?.version ?? null;
}
