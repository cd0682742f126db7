import type { Queryable } from '../../platform/database';

/** SQL of turning free-text answers into verbatims: the link table consultation_verbatims. */

export interface Candidate {
  id: string;
  texte: string;
  jour: string;
  communeCode: string | null;
  verbatimId: string | null;
}

/** The free-text answers asked for, locked: two clicks at once cannot make two verbatims of one answer. */
export async function candidates(tx: Queryable, consultationId: string, ids: string[], questionId: string | null): Promise<Candidate[]> {
  const { rows } = await tx.query(
    `select v.id, v.valeur texte, to_char(r.recue_le, 'YYYY-MM-DD') jour, cv.verbatim_id "verbatimId",
       (select v2.valeur from consultation_valeurs v2 join consultation_questions q2 on q2.id = v2.question_id
        where v2.reponse_id = v.reponse_id and q2.type = 'commune' order by q2.position limit 1) "communeCode"
     from consultation_valeurs v
     join consultation_questions q on q.id = v.question_id
     join consultation_reponses r on r.id = v.reponse_id
     left join consultation_verbatims cv on cv.valeur_id = v.id
     where q.consultation_id = $1 and q.type in ('texte_court', 'texte_long') and (v.id = any($2::uuid[]) or q.id = $3)
     order by q.position, v.id
     for update of v`,
    [consultationId, ids, questionId],
  );
  return rows;
}

export async function lier(tx: Queryable, liens: { reponseId: string; verbatimId: string }[]) {
  if (!liens.length) return;
  await tx.query(
    `insert into consultation_verbatims (valeur_id, verbatim_id)
     select n."reponseId", n."verbatimId" from json_to_recordset($1::json) n("reponseId" uuid, "verbatimId" uuid)`,
    [JSON.stringify(liens)],
  );
}
