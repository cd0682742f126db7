/**
 * The follow-up of fiches in SQL: values by period, reports, and their workflow steps (tables `valeurs_suivi`,
 * `bilans_fiche`, `etapes_suivi`). The indicators' definitions (`indicateurs_suivi`) are the fiches module's
 * (decision 0007): read in `indicateurs.queries.ts`; here they only locate and lock this module's rows.
 * SQL only: the rules are in the services.
 */
import type { EtatSuivi } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

/** The last person who submitted a value or a report (SQL, for a row aliased `alias` of the given column). */
const SOUMIS_PAR = (colonne: 'valeur_id' | 'bilan_id', alias: string) =>
  `(select e.acteur_id from etapes_suivi e where e.${colonne} = ${alias}.id and e.action = 'soumettre' order by e.le desc, e.id desc limit 1) as "soumisPar"`;

const ETAPES = (colonne: 'valeur_id' | 'bilan_id', alias: string) =>
  `coalesce((select json_agg(json_build_object('action', e.action, 'etat', e.etat, 'par', e.acteur_libelle, 'le', e.le, 'commentaire', e.commentaire) order by e.le, e.id)
     from etapes_suivi e where e.${colonne} = ${alias}.id), '[]') as etapes`;

export interface ValeurLigne {
  id: string;
  indicateurId: string;
  periode: string;
  valeur: number | null;
  numerateur: number | null;
  denominateur: number | null;
  recit: string | null;
  etat: EtatSuivi;
  version: number;
  modifieLe: string;
  /** Who last submitted it: the web app greys out « Valider » for that person when four eyes are required. */
  soumisPar: string | null;
}

/** Every value of these indicators with its workflow steps. */
export async function lireValeurs(db: Queryable, indicateurIds: string[]) {
  const { rows } = await db.query<ValeurLigne & { etapes: unknown[] }>(
    `select v.id, v.indicateur_id as "indicateurId", v.periode, v.valeur, v.numerateur, v.denominateur, v.recit, v.etat, v.version, v.modifie_le as "modifieLe", ${SOUMIS_PAR('valeur_id', 'v')},
       ${ETAPES('valeur_id', 'v')}
     from valeurs_suivi v where v.indicateur_id = any($1)`,
    [indicateurIds],
  );
  return rows;
}

/** Every report of these fiches with its workflow steps, latest period first. */
export async function lireBilans(db: Queryable, ficheIds: string[]) {
  const { rows } = await db.query(
    `select b.id, b.fiche_id as "ficheId", b.periode, b.recit, b.difficultes, b.perspectives, b.statut_propose as "statutPropose", b.etat, b.version, b.modifie_le as "modifieLe", ${SOUMIS_PAR('bilan_id', 'b')},
       ${ETAPES('bilan_id', 'b')}
     from bilans_fiche b where b.fiche_id = any($1) order by b.periode desc`,
    [ficheIds],
  );
  return rows;
}

/** These fiches' reports for one period, with the comment of the last sending back (the pilote's campaign form). */
export async function bilansDePeriode(db: Queryable, ficheIds: string[], periode: string) {
  const { rows } = await db.query(
    `select b.id, b.fiche_id as "ficheId", b.periode, b.recit, b.difficultes, b.perspectives, b.statut_propose as "statutPropose", b.etat, b.version,
       (select e.commentaire from etapes_suivi e where e.bilan_id = b.id and e.action = 'renvoyer' order by e.le desc limit 1) as "dernierRenvoi"
     from bilans_fiche b where b.fiche_id = any($1) and b.periode = $2`,
    [ficheIds, periode],
  );
  return rows;
}

export async function noterEtape(
  tx: Queryable,
  cible: { valeurId?: string; bilanId?: string },
  etape: { action: string; etat: EtatSuivi; acteurId: string; acteurLibelle: string; commentaire?: string | null },
) {
  await tx.query(
    'insert into etapes_suivi (valeur_id, bilan_id, action, etat, acteur_id, acteur_libelle, commentaire) values ($1, $2, $3, $4, $5, $6, $7)',
    [
      cible.valeurId ?? null,
      cible.bilanId ?? null,
      etape.action,
      etape.etat,
      etape.acteurId,
      etape.acteurLibelle,
      etape.commentaire?.trim() || null,
    ],
  );
}

/** Locks the indicator: two entries of the same period wait for each other. */
export async function verrouillerIndicateur(tx: Queryable, indicateurId: string) {
  await tx.query('select 1 from indicateurs_suivi where id = $1 for update', [indicateurId]);
}

/** The value of a period, locked, or null. */
export async function valeurDePeriode(tx: Queryable, indicateurId: string, periode: string) {
  const { rows } = await tx.query(
    'select id, etat, version, valeur, numerateur, denominateur, recit from valeurs_suivi where indicateur_id = $1 and periode = $2 for update',
    [indicateurId, periode],
  );
  return rows[0] ?? null;
}

type Mesure = { valeur: number | null | undefined; numerateur: number | null | undefined; denominateur: number | null | undefined };

export async function reecrireValeur(tx: Queryable, id: string, mesure: Mesure, recit: string | null): Promise<number> {
  const { rows } = await tx.query(
    'update valeurs_suivi set valeur = $2, numerateur = $3, denominateur = $4, recit = $5, version = version + 1, modifie_le = now() where id = $1 returning version',
    [id, mesure.valeur, mesure.numerateur, mesure.denominateur, recit],
  );
  return rows[0].version;
}

export async function insererValeur(
  tx: Queryable,
  indicateurId: string,
  periode: string,
  mesure: Mesure,
  recit: string | null,
): Promise<{ id: string; version: number }> {
  const { rows } = await tx.query(
    'insert into valeurs_suivi (indicateur_id, periode, valeur, numerateur, denominateur, recit) values ($1, $2, $3, $4, $5, $6) returning id, version',
    [indicateurId, periode, mesure.valeur, mesure.numerateur, mesure.denominateur, recit],
  );
  return rows[0];
}

/** A value's state and last submitter, locked. */
export async function etatValeur(tx: Queryable, valeurId: string) {
  const { rows } = await tx.query<{ etat: EtatSuivi; soumisPar: string | null }>(
    `select x.etat, ${SOUMIS_PAR('valeur_id', 'x')} from valeurs_suivi x where x.id = $1 for update`,
    [valeurId],
  );
  return rows[0];
}

export async function changerEtat(tx: Queryable, table: 'valeurs_suivi' | 'bilans_fiche', id: string, etat: EtatSuivi) {
  await tx.query(
    `update ${table === 'bilans_fiche' ? 'bilans_fiche' : 'valeurs_suivi'} set etat = $2, version = version + 1, modifie_le = now() where id = $1`,
    [id, etat],
  );
}

/** The report of a fiche for a period, locked, or null. */
export async function bilanDePeriode(tx: Queryable, ficheId: string, periode: string) {
  const { rows } = await tx.query(
    'select id, etat, version, recit, difficultes, perspectives, statut_propose as "statutPropose" from bilans_fiche where fiche_id = $1 and periode = $2 for update',
    [ficheId, periode],
  );
  return rows[0] ?? null;
}

type ContenuBilan = [recit: string | null, difficultes: string | null, perspectives: string | null, statutPropose: string | null];

export async function reecrireBilan(tx: Queryable, id: string, contenu: ContenuBilan): Promise<{ id: string; version: number }> {
  const { rows } = await tx.query(
    'update bilans_fiche set recit = $2, difficultes = $3, perspectives = $4, statut_propose = $5, version = version + 1, modifie_le = now() where id = $1 returning id, version',
    [id, ...contenu],
  );
  return rows[0];
}

export async function insererBilan(
  tx: Queryable,
  ficheId: string,
  periode: string,
  contenu: ContenuBilan,
): Promise<{ id: string; version: number }> {
  const { rows } = await tx.query(
    'insert into bilans_fiche (fiche_id, periode, recit, difficultes, perspectives, statut_propose) values ($1, $2, $3, $4, $5, $6) returning id, version',
    [ficheId, periode, ...contenu],
  );
  return rows[0];
}

/** What moves together for a fiche and a period (its report and its values), locked, with their last submitter. */
export async function elementsDePeriode(tx: Queryable, ficheId: string, periode: string) {
  const { rows: bilans } = await tx.query<{ id: string; etat: EtatSuivi; statutPropose: string | null; soumisPar: string | null }>(
    `select b.id, b.etat, b.statut_propose as "statutPropose", ${SOUMIS_PAR('bilan_id', 'b')} from bilans_fiche b where b.fiche_id = $1 and b.periode = $2 for update`,
    [ficheId, periode],
  );
  const { rows: valeurs } = await tx.query<{ id: string; indicateurId: string; etat: EtatSuivi; soumisPar: string | null }>(
    `select v.id, v.indicateur_id as "indicateurId", v.etat, ${SOUMIS_PAR('valeur_id', 'v')} from valeurs_suivi v join indicateurs_suivi i on i.id = v.indicateur_id where i.fiche_id = $1 and v.periode = $2 order by i.rang for update of v`,
    [ficheId, periode],
  );
  return { bilans, valeurs };
}
