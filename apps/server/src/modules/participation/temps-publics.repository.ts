/** Temps publics in SQL (table `temps_publics`). SQL only: the rules are in the service. */
import type { TempsPublicSaisi } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

const COLONNES = `t.id, t.type, t.intitule, to_char(t.date_tenue, 'YYYY-MM-DD') as "dateTenue", t.lieu, t.commune_code as "communeCode",
  t.nombre_participants as "nombreParticipants", t.publics, t.intervenants, t.synthese, t.version,
  (select count(*)::int from temps_public_verbatims v where v.temps_public_id = t.id) as "nombreVerbatims"`;
const DEPUIS = 'from temps_publics t';

const valeurs = (t: TempsPublicSaisi) => [
  t.type,
  t.intitule,
  t.dateTenue,
  t.lieu ?? null,
  t.communeCode ?? null,
  t.nombreParticipants ?? null,
  t.publics,
  t.intervenants,
  t.synthese ?? null,
];

/** The contract's temps publics, the latest first. */
export async function lister(db: Queryable, contratId: string) {
  const { rows } = await db.query(`select ${COLONNES} ${DEPUIS} where t.contrat_id = $1 order by t.date_tenue desc, t.cree_le desc`, [
    contratId,
  ]);
  return rows;
}

export async function lire(db: Queryable, contratId: string, id: string) {
  const { rows } = await db.query(`select ${COLONNES} ${DEPUIS} where t.id = $1 and t.contrat_id = $2`, [id, contratId]);
  return rows[0] ?? null;
}

export async function creer(db: Queryable, contratId: string, t: TempsPublicSaisi): Promise<string> {
  const { rows } = await db.query(
    `insert into temps_publics (contrat_id, type, intitule, date_tenue, lieu, commune_code, nombre_participants, publics, intervenants, synthese)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [contratId, ...valeurs(t)],
  );
  return rows[0].id;
}

/** False when the version is not the current one (or the temps public is not the contract's). */
export async function modifier(db: Queryable, contratId: string, id: string, version: number, t: TempsPublicSaisi): Promise<boolean> {
  const { rowCount } = await db.query(
    `update temps_publics set type = $4, intitule = $5, date_tenue = $6, lieu = $7, commune_code = $8, nombre_participants = $9,
       publics = $10, intervenants = $11, synthese = $12, version = version + 1, modifie_le = now()
     where id = $1 and contrat_id = $2 and version = $3`,
    [id, contratId, version, ...valeurs(t)],
  );
  return !!rowCount;
}

export async function supprimer(db: Queryable, contratId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from temps_publics where id = $1 and contrat_id = $2', [id, contratId]);
  return !!rowCount;
}

/** Links the verbatims the diagnostic created from this temps public. */
export async function lierVerbatims(db: Queryable, id: string, verbatims: string[]) {
  await db.query('insert into temps_public_verbatims (temps_public_id, verbatim_id) select $1, unnest($2::uuid[])', [id, verbatims]);
}
