import type {
  DispositifTerritorialSaisie,
  Evaluateur,
  EvaluationPrevueSaisie,
  TypeDispositifTerritorial,
  TypeEvaluationPrevue,
} from '@maillage/domain';
import type { Queryable } from '../../platform/database';

export interface EvaluationPrevue {
  id: string;
  type: TypeEvaluationPrevue;
  echeance: string | null;
  moment: string | null;
  evaluateurType: Evaluateur;
  evaluateurNom: string | null;
  questions: string[];
}
export interface DispositifTerritorial {
  id: string;
  type: TypeDispositifTerritorial;
  nom: string;
  territoire: string | null;
  debut: string | null;
  fin: string | null;
  lien: string | null;
  nombreFiches: number;
}

const COLONNES_EVALUATION = `id, type, echeance::text as echeance, moment, evaluateur_type as "evaluateurType", evaluateur_nom as "evaluateurNom", questions`;

/**
 * The contract's planned evaluations as a JSON array, on a contract aliased `c`: the same fields and order as
 * listerEvaluationsPrevues, for the contract page, which reads them in its own query (one round trip, decision 0034).
 */
export const EVALUATIONS_PREVUES_JSON = `coalesce((select json_agg(json_build_object('id', e.id, 'type', e.type, 'echeance', e.echeance::text,
    'moment', e.moment, 'evaluateurType', e.evaluateur_type, 'evaluateurNom', e.evaluateur_nom, 'questions', e.questions)
    order by e.echeance nulls last, e.cree_le, e.id) from evaluations_prevues e where e.contrat_id = c.id), '[]')`;

export async function listerEvaluationsPrevues(db: Queryable, contratId: string): Promise<EvaluationPrevue[]> {
  const { rows } = await db.query(
    `select ${COLONNES_EVALUATION} from evaluations_prevues where contrat_id = $1 order by echeance nulls last, cree_le, id`,
    [contratId],
  );
  return rows;
}

const valeursEvaluation = (e: EvaluationPrevueSaisie) => [
  e.type,
  e.echeance ?? null,
  e.moment?.trim() || null,
  e.evaluateurType,
  e.evaluateurNom?.trim() || null,
  e.questions,
];

export async function creerEvaluationPrevue(db: Queryable, contratId: string, e: EvaluationPrevueSaisie): Promise<string> {
  const { rows } = await db.query(
    `insert into evaluations_prevues (contrat_id, type, echeance, moment, evaluateur_type, evaluateur_nom, questions) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [contratId, ...valeursEvaluation(e)],
  );
  return rows[0].id;
}

export async function modifierEvaluationPrevue(db: Queryable, contratId: string, id: string, e: EvaluationPrevueSaisie): Promise<boolean> {
  const r = await db.query(
    `update evaluations_prevues set type = $3, echeance = $4, moment = $5, evaluateur_type = $6, evaluateur_nom = $7, questions = $8 where id = $1 and contrat_id = $2`,
    [id, contratId, ...valeursEvaluation(e)],
  );
  return r.rowCount === 1;
}

export async function supprimerEvaluationPrevue(db: Queryable, contratId: string, id: string): Promise<boolean> {
  return (await db.query('delete from evaluations_prevues where id = $1 and contrat_id = $2', [id, contratId])).rowCount === 1;
}

const COLONNES_DISPOSITIF = `d.id, d.type, d.nom, d.territoire, d.debut::text as debut, d.fin::text as fin, d.lien,
  (select count(*)::int from fiche_dispositifs_territoriaux l where l.dispositif_id = d.id) as "nombreFiches"`;

/** The contract's schemes as a JSON array, on a contract aliased `c`: the same fields and order as listerDispositifs. */
export const DISPOSITIFS_JSON = `coalesce((select json_agg(json_build_object('id', d.id, 'type', d.type, 'nom', d.nom, 'territoire', d.territoire,
    'debut', d.debut::text, 'fin', d.fin::text, 'lien', d.lien,
    'nombreFiches', (select count(*)::int from fiche_dispositifs_territoriaux l where l.dispositif_id = d.id))
    order by d.type, d.nom, d.id) from dispositifs_territoriaux d where d.contrat_id = c.id), '[]')`;

export async function listerDispositifs(db: Queryable, contratId: string): Promise<DispositifTerritorial[]> {
  const { rows } = await db.query(
    `select ${COLONNES_DISPOSITIF} from dispositifs_territoriaux d where d.contrat_id = $1 order by d.type, d.nom, d.id`,
    [contratId],
  );
  return rows;
}

const valeursDispositif = (d: DispositifTerritorialSaisie) => [
  d.type,
  d.nom.trim(),
  d.territoire?.trim() || null,
  d.debut ?? null,
  d.fin ?? null,
  d.lien ?? null,
];

export async function creerDispositif(db: Queryable, contratId: string, d: DispositifTerritorialSaisie): Promise<string> {
  const { rows } = await db.query(
    `insert into dispositifs_territoriaux (contrat_id, type, nom, territoire, debut, fin, lien) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [contratId, ...valeursDispositif(d)],
  );
  return rows[0].id;
}

export async function modifierDispositif(db: Queryable, contratId: string, id: string, d: DispositifTerritorialSaisie): Promise<boolean> {
  const r = await db.query(
    `update dispositifs_territoriaux set type = $3, nom = $4, territoire = $5, debut = $6, fin = $7, lien = $8 where id = $1 and contrat_id = $2`,
    [id, contratId, ...valeursDispositif(d)],
  );
  return r.rowCount === 1;
}

export async function supprimerDispositif(db: Queryable, contratId: string, id: string): Promise<boolean> {
  return (await db.query('delete from dispositifs_territoriaux where id = $1 and contrat_id = $2', [id, contratId])).rowCount === 1;
}

/** The ids among `ids` that are schemes of this contract. */
export async function dispositifsDuContrat(db: Queryable, contratId: string, ids: string[]): Promise<{ id: string; nom: string }[]> {
  const { rows } = await db.query('select id, nom from dispositifs_territoriaux where contrat_id = $1 and id = any($2::uuid[])', [
    contratId,
    ids,
  ]);
  return rows;
}
