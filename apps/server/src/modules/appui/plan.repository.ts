import type { Queryable } from '../../platform/database';

/** Writes and reads of the plan personnalisé and the concertations (migration 0029): SQL only, contents already sealed. */

export interface VersionPlanLigne {
  id: string;
  situationId: string;
  version: number;
  contenu: Buffer;
  prochaineRevision: string | null;
  origine: 'saisie' | 'concertation';
  concertationId: string | null;
  auteur: string;
  enregistreLe: string;
}

const COLONNES_PLAN = `id, situation_id "situationId", version, contenu_chiffre contenu, to_char(prochaine_revision, 'YYYY-MM-DD') "prochaineRevision",
  origine, concertation_id "concertationId", enregistre_par_libelle auteur, enregistre_le "enregistreLe"`;

export async function versionActuelle(db: Queryable, situationId: string): Promise<number> {
  const { rows } = await db.query('select coalesce(max(version), 0)::int v from appui_plans where situation_id = $1', [situationId]);
  return rows[0].v;
}

/**
 * Adds version `lue + 1` if `lue` is still the last one; false otherwise (someone saved in between). The case row is
 * locked by the caller; the primary key settles the rest.
 */
export async function ajouterVersion(
  tx: Queryable,
  v: {
    id: string;
    situationId: string;
    lue: number;
    contenu: Buffer;
    prochaineRevision: string | null;
    origine: 'saisie' | 'concertation';
    concertationId: string | null;
    auteurId: string;
    auteurLibelle: string;
  },
): Promise<number | null> {
  const { rows } = await tx.query(
    `insert into appui_plans (id, situation_id, version, contenu_chiffre, prochaine_revision, origine, concertation_id, enregistre_par, enregistre_par_libelle)
     select $9, $1, $2::int + 1, $3, $4, $5, $6, $7, $8
     where (select coalesce(max(version), 0) from appui_plans where situation_id = $1) = $2::int
     on conflict do nothing returning version`,
    [v.situationId, v.lue, v.contenu, v.prochaineRevision, v.origine, v.concertationId, v.auteurId, v.auteurLibelle, v.id],
  );
  return rows[0]?.version ?? null;
}

/** One version, or the last one without `version`. */
export async function lireVersion(db: Queryable, situationId: string, version?: number): Promise<VersionPlanLigne | null> {
  const { rows } = await db.query(
    version === undefined
      ? `select ${COLONNES_PLAN} from appui_plans where situation_id = $1 order by version desc limit 1`
      : `select ${COLONNES_PLAN} from appui_plans where situation_id = $1 and version = $2`,
    version === undefined ? [situationId] : [situationId, version],
  );
  return rows[0] ?? null;
}

export async function listerVersions(db: Queryable, situationId: string): Promise<VersionPlanLigne[]> {
  const { rows } = await db.query(`select ${COLONNES_PLAN} from appui_plans where situation_id = $1 order by version desc`, [situationId]);
  return rows;
}

// ---------- Concertations

export interface ConcertationLigne {
  id: string;
  situationId: string;
  date: string;
  remunerable: boolean;
  contenu: Buffer;
  planVersion: number | null;
  auteur: string;
  creeLe: string;
}

export async function creerConcertation(
  tx: Queryable,
  c: {
    id: string;
    situationId: string;
    date: string;
    remunerable: boolean;
    contenu: Buffer;
    participants: number;
    professionnels: number;
    auteurId: string;
    auteurLibelle: string;
  },
) {
  await tx.query(
    `insert into appui_concertations (id, situation_id, date, remunerable, contenu_chiffre, participants, professionnels, saisie_par, saisie_par_libelle)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [c.id, c.situationId, c.date, c.remunerable, c.contenu, c.participants, c.professionnels, c.auteurId, c.auteurLibelle],
  );
}

export async function noterVersionProduite(tx: Queryable, concertationId: string, version: number) {
  await tx.query('update appui_concertations set plan_version = $2 where id = $1', [concertationId, version]);
}

export async function listerConcertations(db: Queryable, situationId: string): Promise<ConcertationLigne[]> {
  const { rows } = await db.query(
    `select id, situation_id "situationId", to_char(date, 'YYYY-MM-DD') date, remunerable, contenu_chiffre contenu, plan_version "planVersion",
       saisie_par_libelle auteur, cree_le "creeLe"
     from appui_concertations where situation_id = $1 order by date desc, cree_le desc`,
    [situationId],
  );
  return rows;
}
