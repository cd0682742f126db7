import type { Parametres, QuestionDefinie, SectionSaisie, StatutConsultation, TypeQuestion, ValeurReponse } from '@maillage/domain';
import { parametresQuestion } from '@maillage/domain';
import type { SectionVue } from '@maillage/domain/api';
import type { Queryable } from '../../platform/database';

/** SQL of the consultations (tables consultation*, migration 0035). */

export interface ConsultationLue {
  id: string;
  contratId: string;
  titre: string;
  introduction: string | null;
  statut: StatutConsultation;
  debut: string | null;
  fin: string | null;
  codesRequis: boolean;
  /** Open and today inside its period (Europe/Paris). */
  enCours: boolean;
  /** Open and its period not begun yet. */
  aVenir: boolean;
  nombreQuestions: number;
  nombreReponses: number;
  creeLe: string;
  modifieLe: string;
  version: number;
}

const AUJOURDHUI = `(now() at time zone 'Europe/Paris')::date`;

const COLONNES = `c.id, c.contrat_id "contratId", c.titre, c.introduction, c.statut, to_char(c.debut, 'YYYY-MM-DD') debut,
  to_char(c.fin, 'YYYY-MM-DD') fin, c.codes_requis "codesRequis",
  (c.statut = 'ouverte' and ${AUJOURDHUI} between c.debut and c.fin) "enCours",
  (c.statut = 'ouverte' and ${AUJOURDHUI} < c.debut) "aVenir",
  (select count(*)::int from consultation_questions q where q.consultation_id = c.id) "nombreQuestions",
  (select count(*)::int from consultation_reponses r where r.consultation_id = c.id) "nombreReponses",
  to_char(c.cree_le at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') "creeLe",
  to_char(c.modifie_le at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') "modifieLe", c.version`;

export async function lireConsultation(db: Queryable, id: string, verrouiller = false): Promise<ConsultationLue | null> {
  const { rows } = await db.query(`select ${COLONNES} from consultations c where c.id = $1${verrouiller ? ' for update of c' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function consultationsDuContrat(db: Queryable, contratId: string): Promise<ConsultationLue[]> {
  const { rows } = await db.query(`select ${COLONNES} from consultations c where c.contrat_id = $1 order by c.cree_le desc, c.id`, [
    contratId,
  ]);
  return rows;
}

export async function aujourdhui(db: Queryable): Promise<string> {
  const { rows } = await db.query(`select to_char(${AUJOURDHUI}, 'YYYY-MM-DD') j`);
  return rows[0].j;
}

export async function creerConsultation(
  tx: Queryable,
  contratId: string,
  c: { titre: string; introduction: string | null; codesRequis: boolean },
): Promise<string> {
  const { rows } = await tx.query(
    'insert into consultations (contrat_id, titre, introduction, codes_requis) values ($1, $2, $3, $4) returning id',
    [contratId, c.titre, c.introduction, c.codesRequis],
  );
  // A new consultation starts with one untitled section, where the first questions go.
  await tx.query('insert into consultation_sections (consultation_id, position) values ($1, 1)', [rows[0].id]);
  return rows[0].id;
}

/** Writes the given fields if the version is still the one read; returns the new version, or null when stale. */
export async function modifierConsultation(
  tx: Queryable,
  id: string,
  version: number,
  champs: Partial<{
    titre: string;
    introduction: string | null;
    codes_requis: boolean;
    statut: StatutConsultation;
    debut: string;
    fin: string;
  }>,
): Promise<number | null> {
  const cles = Object.keys(champs) as (keyof typeof champs)[];
  const affectations = cles.map((k, i) => `${k} = $${i + 3}`);
  const { rows } = await tx.query(
    `update consultations set ${[...affectations, 'version = version + 1', 'modifie_le = now()'].join(', ')}
     where id = $1 and version = $2 returning version`,
    [id, version, ...cles.map((k) => champs[k])],
  );
  return rows[0]?.version ?? null;
}

export async function supprimerConsultation(tx: Queryable, id: string, version: number): Promise<boolean> {
  const { rowCount } = await tx.query(`delete from consultations where id = $1 and version = $2 and statut = 'brouillon'`, [id, version]);
  return !!rowCount;
}

// ---------- The questionnaire

export async function lireQuestionnaire(db: Queryable, consultationId: string): Promise<SectionVue[]> {
  const { rows } = await db.query(
    `select s.id, s.position, s.titre, s.description,
       coalesce(json_agg(json_build_object('id', q.id, 'position', q.position, 'type', q.type, 'libelle', q.libelle, 'aide', q.aide,
         'obligatoire', q.obligatoire, 'choix', q.parametres -> 'choix', 'echelle', q.parametres -> 'echelle') order by q.position)
         filter (where q.id is not null), '[]') questions
     from consultation_sections s left join consultation_questions q on q.section_id = s.id
     where s.consultation_id = $1 group by s.id order by s.position`,
    [consultationId],
  );
  return rows;
}

/** The questions as the rules on answers need them. */
export const questionsDefinies = (sections: SectionVue[]): QuestionDefinie[] =>
  sections.flatMap((s) =>
    s.questions.map((q) => ({
      id: q.id,
      type: q.type as TypeQuestion,
      libelle: q.libelle,
      obligatoire: q.obligatoire,
      choix: q.choix ?? undefined,
      echelle: q.echelle ?? undefined,
    })),
  );

/**
 * Replaces sections and questions (a draft has no answer yet, so nothing points at them). Ids the caller sent back
 * are kept when they belong to this consultation, so that the screen's selection survives a save.
 */
export async function remplacerQuestionnaire(tx: Queryable, consultationId: string, sections: SectionSaisie[]): Promise<void> {
  const { rows: anciennes } = await tx.query(
    `select id from consultation_sections where consultation_id = $1
     union all select id from consultation_questions where consultation_id = $1`,
    [consultationId],
  );
  const connus = new Set(anciennes.map((r) => r.id as string));
  await tx.query('delete from consultation_sections where consultation_id = $1', [consultationId]);
  const lignesSections: unknown[] = [];
  const lignesQuestions: unknown[] = [];
  let position = 0;
  sections.forEach((s, i) => {
    const sectionId = s.id && connus.has(s.id) ? s.id : crypto.randomUUID();
    lignesSections.push({ id: sectionId, position: i + 1, titre: s.titre || null, description: s.description || null });
    for (const q of s.questions) {
      position++;
      const parametres: Parametres = parametresQuestion(q);
      lignesQuestions.push({
        id: q.id && connus.has(q.id) ? q.id : crypto.randomUUID(),
        section_id: sectionId,
        position,
        type: q.type,
        libelle: q.libelle,
        aide: q.aide || null,
        obligatoire: q.obligatoire,
        parametres,
      });
    }
  });
  await tx.query(
    `insert into consultation_sections (id, consultation_id, position, titre, description)
     select n.id, $1, n.position, n.titre, n.description from json_to_recordset($2::json) n(id uuid, position int, titre text, description text)`,
    [consultationId, JSON.stringify(lignesSections)],
  );
  await tx.query(
    `insert into consultation_questions (id, consultation_id, section_id, position, type, libelle, aide, obligatoire, parametres)
     select n.id, $1, n.section_id, n.position, n.type, n.libelle, n.aide, n.obligatoire, n.parametres
     from json_to_recordset($2::json) n(id uuid, section_id uuid, position int, type text, libelle text, aide text, obligatoire boolean, parametres jsonb)`,
    [consultationId, JSON.stringify(lignesQuestions)],
  );
}

// ---------- Answers and codes

/** One person's answer: the row has the day only; the values go beside it. */
export async function enregistrerReponse(tx: Queryable, consultationId: string, valeurs: ValeurReponse[]): Promise<void> {
  const { rows } = await tx.query('insert into consultation_reponses (consultation_id) values ($1) returning id', [consultationId]);
  if (!valeurs.length) return;
  await tx.query(
    `insert into consultation_valeurs (reponse_id, question_id, valeur)
     select $1, n."questionId", n.valeur from json_to_recordset($2::json) n("questionId" uuid, valeur text)`,
    [rows[0].id, JSON.stringify(valeurs)],
  );
}

/** Marks a code used if it exists and was not; false otherwise (one statement: two people cannot both use it). */
export async function utiliserCode(tx: Queryable, consultationId: string, empreinte: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'update consultation_codes set utilise = true where consultation_id = $1 and empreinte = $2 and not utilise',
    [consultationId, empreinte],
  );
  return !!rowCount;
}

export async function codeExiste(db: Queryable, consultationId: string, empreinte: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from consultation_codes where consultation_id = $1 and empreinte = $2', [
    consultationId,
    empreinte,
  ]);
  return rows.length > 0;
}

/** Inserts the codes' fingerprints; returns those that were new (a collision with an earlier code is skipped). */
export async function ajouterCodes(tx: Queryable, consultationId: string, empreintes: string[]): Promise<string[]> {
  const { rows } = await tx.query(
    `insert into consultation_codes (consultation_id, empreinte) select $1, unnest($2::text[])
     on conflict do nothing returning empreinte`,
    [consultationId, empreintes],
  );
  return rows.map((r) => r.empreinte);
}

export async function compterCodes(db: Queryable, consultationId: string): Promise<{ total: number; utilises: number }> {
  const { rows } = await db.query(
    'select count(*)::int total, (count(*) filter (where utilise))::int utilises from consultation_codes where consultation_id = $1',
    [consultationId],
  );
  return rows[0];
}
