/** Follow-up campaigns in SQL (tables `campagnes_suivi`, `courriels_campagne`). SQL only: the rules are in the service. */
import type { Queryable } from '../../platform/database';

export interface CampagneLigne {
  id: string;
  contratId: string;
  periode: string;
  echeance: string;
  message: string | null;
  etat: 'ouverte' | 'close';
  ouvertePar: string;
  ouverteLe: string;
  closeLe: string | null;
}

const COLONNES_CAMPAGNE = `c.id, c.contrat_id as "contratId", c.periode, c.echeance, c.message, c.etat, c.ouverte_par as "ouvertePar",
  c.ouverte_le as "ouverteLe", c.close_le as "closeLe"`;

export async function lireCampagne(db: Queryable, id: string): Promise<CampagneLigne | null> {
  const { rows } = await db.query<CampagneLigne>(`select ${COLONNES_CAMPAGNE} from campagnes_suivi c where c.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The contract's campaigns, latest period first. */
export async function campagnesDuContrat(db: Queryable, contratId: string) {
  const { rows } = await db.query<CampagneLigne>(
    `select ${COLONNES_CAMPAGNE} from campagnes_suivi c where c.contrat_id = $1 order by c.periode desc`,
    [contratId],
  );
  return rows;
}

export async function campagneExiste(db: Queryable, contratId: string, periode: string): Promise<boolean> {
  const { rowCount } = await db.query('select id from campagnes_suivi where contrat_id = $1 and periode = $2', [contratId, periode]);
  return !!rowCount;
}

export async function creerCampagne(
  db: Queryable,
  contratId: string,
  c: { periode: string; echeance: string; message: string | null; ouvertePar: string },
): Promise<string> {
  const { rows } = await db.query(
    'insert into campagnes_suivi (contrat_id, periode, echeance, message, ouverte_par) values ($1, $2, $3, $4, $5) returning id',
    [contratId, c.periode, c.echeance, c.message, c.ouvertePar],
  );
  return rows[0].id;
}

export async function cloreCampagne(db: Queryable, id: string) {
  await db.query(`update campagnes_suivi set etat = 'close', close_le = now() where id = $1`, [id]);
}

/** Records a mail to send; false when this mail (campaign, user, motif) was already recorded. */
export async function noterCourriel(db: Queryable, campagneId: string, utilisateurId: string, motif: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into courriels_campagne (campagne_id, utilisateur_id, motif) values ($1, $2, $3) on conflict do nothing`,
    [campagneId, utilisateurId, motif],
  );
  return !!rowCount;
}

/** Open campaigns due within seven days of `aujourdhui`, with the days left. */
export async function campagnesAEcheance(db: Queryable, aujourdhui: string) {
  const { rows } = await db.query<{ id: string; jours: number }>(
    `select id, (echeance - $1::date) as jours from campagnes_suivi where etat = 'ouverte' and echeance >= $1::date and echeance - $1::date <= 7`,
    [aujourdhui],
  );
  return rows;
}
