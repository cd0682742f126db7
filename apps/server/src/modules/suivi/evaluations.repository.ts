/** Evaluations of a contract in SQL (table `evaluations`). SQL only: the rules are in the service. */
import type { EvaluationSaisie } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

const COLONNES = `id, contrat_id as "contratId", type, intitule, evaluateur, date_rapport as "dateRapport", methode, synthese, questions,
  recommandations, participants, terminee, version, cree_le as "creeLe", modifie_le as "modifieLe"`;

/** The evaluation, or null (`verrouiller`: locked for the rest of the transaction). */
export async function lireEvaluation(db: Queryable, id: string, verrouiller = false) {
  const { rows } = await db.query(`select ${COLONNES} from evaluations where id = $1 ${verrouiller ? 'for update' : ''}`, [id]);
  return rows[0] ?? null;
}

/** The contract's evaluations, latest first. */
export async function evaluationsDuContrat(db: Queryable, contratId: string) {
  const { rows } = await db.query(`select ${COLONNES} from evaluations where contrat_id = $1 order by cree_le desc`, [contratId]);
  return rows;
}

const colonnes = (s: EvaluationSaisie) => [
  s.type,
  s.intitule,
  s.evaluateur ?? null,
  s.dateRapport ?? null,
  s.methode ?? null,
  s.synthese ?? null,
  JSON.stringify(s.questions),
  JSON.stringify(s.recommandations),
  JSON.stringify(s.participants),
  s.terminee,
];

export async function creerEvaluation(db: Queryable, contratId: string, s: EvaluationSaisie): Promise<string> {
  const { rows } = await db.query(
    `insert into evaluations (contrat_id, type, intitule, evaluateur, date_rapport, methode, synthese, questions, recommandations, participants, terminee)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [contratId, ...colonnes(s)],
  );
  return rows[0].id;
}

export async function modifierEvaluation(db: Queryable, id: string, s: EvaluationSaisie) {
  await db.query(
    `update evaluations set type = $2, intitule = $3, evaluateur = $4, date_rapport = $5, methode = $6, synthese = $7, questions = $8,
       recommandations = $9, participants = $10, terminee = $11, version = version + 1, modifie_le = now() where id = $1`,
    [id, ...colonnes(s)],
  );
}

export async function supprimerEvaluation(db: Queryable, id: string) {
  await db.query('delete from evaluations where id = $1', [id]);
}
