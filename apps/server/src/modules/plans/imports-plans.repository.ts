import type { Queryable } from '../../platform/database';
import type { Rapport } from './import-plan';

/** The rows of large plan imports run as jobs (table imports_plans, migration 0025): file, progress, report. */

export interface NouvelImportPlan {
  id: string;
  contratId: string;
  nomFichier: string;
  dryRun: boolean;
  lignesTotal: number;
  fichier: Buffer;
  creePar: string;
}

export async function creerImportPlan(db: Queryable, i: NouvelImportPlan) {
  await db.query(
    `insert into imports_plans (id, contrat_id, nom_fichier, dry_run, lignes_total, fichier, cree_par) values ($1, $2, $3, $4, $5, $6, $7)`,
    [i.id, i.contratId, i.nomFichier, i.dryRun, i.lignesTotal, i.fichier, i.creePar],
  );
}

/** The file of an import still waiting for its job (null once the import ended, e.g. closed by the sweep). */
export async function importEnAttente(db: Queryable, id: string) {
  const { rows } = await db.query<{ contratId: string; nomFichier: string; dryRun: boolean; fichier: Buffer }>(
    `select contrat_id as "contratId", nom_fichier as "nomFichier", dry_run as "dryRun", fichier from imports_plans where id = $1 and etat = 'en_cours' and fichier is not null`,
    [id],
  );
  return rows[0] ?? null;
}

/** Progress, outside the import's transaction so that every process sees it. */
export async function noterAvancement(db: Queryable, id: string, lignesTraitees: number) {
  await db.query(`update imports_plans set lignes_traitees = $2 where id = $1 and etat = 'en_cours'`, [id, lignesTraitees]);
}

/** The end of an import, its file dropped; `erreur` null for a success. Only an import still running is closed. */
export async function terminerImportPlan(db: Queryable, id: string, fin: { rapport: Rapport | null; erreur: string | null }) {
  await db.query(
    `update imports_plans set etat = $2, rapport = $3, erreur = $4, lignes_traitees = case when $4::text is null then lignes_total else lignes_traitees end,
       termine_le = now(), fichier = null where id = $1 and etat = 'en_cours'`,
    [id, fin.erreur === null ? 'termine' : 'echoue', fin.rapport, fin.erreur],
  );
}

export async function lireImportPlan(db: Queryable, contratId: string, id: string) {
  const { rows } = await db.query(
    `select id, contrat_id as "contratId", nom_fichier as "nomFichier", dry_run as "dryRun", etat, lignes_total as "lignesTotal",
       lignes_traitees as "lignesTraitees", rapport, erreur, cree_par as "creePar", cree_le as "creeLe", termine_le as "termineLe"
     from imports_plans where id = $1 and contrat_id = $2`,
    [id, contratId],
  );
  return rows[0] ?? null;
}
