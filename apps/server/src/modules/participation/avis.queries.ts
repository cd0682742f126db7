/**
 * Read models of the avis (read-only, decision 0022): an opinion names the fiche it is about (table `fiches` of the
 * fiches module). Nothing here writes.
 */
import type { StatutAvis } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

// What the public may see of an opinion: never `contact`, `motif_rejet` or the moderation dates.
const PUBLIC = `a.id, a.nature, a.texte, a.fiche_id as "ficheId", f.numero as "ficheNumero", f.intitule as "ficheIntitule",
  a.depose_le as "deposeLe", a.reponse, a.reponse_le as "reponseLe"`;
const MODERATION = `${PUBLIC}, a.contact, a.statut, a.motif_rejet as "motifRejet", a.modere_le as "modereLe", a.version`;
const DEPUIS = 'from avis a left join fiches f on f.id = a.fiche_id';

/** The published opinions of a contract (or of one of its fiches), the latest first. */
export async function avisPublies(db: Queryable, contratId: string, ficheId: string | null = null) {
  const { rows } = await db.query(
    `select ${PUBLIC} ${DEPUIS} where a.contrat_id = $1 and a.statut = 'publie' and ($2::uuid is null or a.fiche_id = $2)
     order by a.depose_le desc, a.id`,
    [contratId, ficheId],
  );
  return rows;
}

/** The contract's opinions for its coordination, those to moderate first, then the latest. */
export async function avisDuContrat(db: Queryable, contratId: string, statut: StatutAvis | null) {
  const { rows } = await db.query(
    `select ${MODERATION} ${DEPUIS} where a.contrat_id = $1 and ($2::text is null or a.statut = $2)
     order by (a.statut = 'en_attente') desc, a.depose_le desc, a.id`,
    [contratId, statut],
  );
  return rows;
}

export async function lireAvis(db: Queryable, contratId: string, id: string) {
  const { rows } = await db.query(`select ${MODERATION} ${DEPUIS} where a.id = $1 and a.contrat_id = $2`, [id, contratId]);
  return rows[0] ?? null;
}

/** Whether the fiche belongs to the contract. */
export async function ficheDuContrat(db: Queryable, contratId: string, ficheId: string): Promise<boolean> {
  const { rowCount } = await db.query('select 1 from fiches where id = $1 and contrat_id = $2', [ficheId, contratId]);
  return !!rowCount;
}
