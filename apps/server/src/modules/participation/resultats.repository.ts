import type { Queryable } from '../../platform/database';

/** SQL of a consultation's results: counted in PostgreSQL, never by looping over answers in JS. */

export interface Comptes {
  /** question → value → number of people who gave it. */
  parValeur: Map<string, Map<string, number>>;
  /** question → number of people who answered it. */
  repondants: Map<string, number>;
  /** question (scale) → mean and median. */
  echelles: Map<string, { moyenne: number; mediane: number }>;
}

export async function compter(db: Queryable, consultationId: string): Promise<Comptes> {
  const [valeurs, repondants, echelles] = await Promise.all([
    db.query(
      `select v.question_id q, v.valeur, count(distinct v.reponse_id)::int n
       from consultation_valeurs v join consultation_questions q on q.id = v.question_id
       where q.consultation_id = $1 and q.type not in ('texte_court', 'texte_long') group by 1, 2`,
      [consultationId],
    ),
    db.query(
      `select v.question_id q, count(distinct v.reponse_id)::int n
       from consultation_valeurs v join consultation_questions q on q.id = v.question_id
       where q.consultation_id = $1 group by 1`,
      [consultationId],
    ),
    db.query(
      `select v.question_id q, round(avg(v.valeur::numeric), 2)::float8 moyenne,
         percentile_cont(0.5) within group (order by v.valeur::numeric)::float8 mediane
       from consultation_valeurs v join consultation_questions q on q.id = v.question_id
       where q.consultation_id = $1 and q.type = 'echelle' group by 1`,
      [consultationId],
    ),
  ]);
  const parValeur = new Map<string, Map<string, number>>();
  for (const r of valeurs.rows) {
    if (!parValeur.has(r.q)) parValeur.set(r.q, new Map());
    parValeur.get(r.q)!.set(r.valeur, r.n);
  }
  return {
    parValeur,
    repondants: new Map(repondants.rows.map((r) => [r.q, r.n])),
    echelles: new Map(echelles.rows.map((r) => [r.q, { moyenne: r.moyenne, mediane: r.mediane }])),
  };
}

/** Free-text answers with the verbatim already made of each; ordered by id (random), not by arrival. */
export async function textes(db: Queryable, consultationId: string) {
  const { rows } = await db.query(
    `select v.id, v.question_id "questionId", v.valeur texte, cv.verbatim_id "verbatimId"
     from consultation_valeurs v join consultation_questions q on q.id = v.question_id
     left join consultation_verbatims cv on cv.valeur_id = v.id
     where q.consultation_id = $1 and q.type in ('texte_court', 'texte_long') order by v.id`,
    [consultationId],
  );
  return rows as { id: string; questionId: string; texte: string; verbatimId: string | null }[];
}

export async function parJour(db: Queryable, consultationId: string): Promise<{ jour: string; nombre: number }[]> {
  const { rows } = await db.query(
    `select to_char(recue_le, 'YYYY-MM-DD') jour, count(*)::int nombre from consultation_reponses
     where consultation_id = $1 group by recue_le order by recue_le`,
    [consultationId],
  );
  return rows;
}

/** Every answer with its values, for the exports: by day, then in an order unrelated to arrival. */
export async function reponsesCompletes(db: Queryable, consultationId: string) {
  const { rows } = await db.query(
    `select to_char(r.recue_le, 'YYYY-MM-DD') jour,
       coalesce(json_agg(json_build_object('q', v.question_id, 'v', v.valeur)) filter (where v.id is not null), '[]') valeurs
     from consultation_reponses r left join consultation_valeurs v on v.reponse_id = r.id
     where r.consultation_id = $1 group by r.id order by r.recue_le, r.id`,
    [consultationId],
  );
  return rows as { jour: string; valeurs: { q: string; v: string }[] }[];
}
