/** Means engaged by organisations in SQL (table `engagements_moyens`). SQL only: the rules are in the service. */
import type { EngagementMoyensSaisie } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

const valeurs = (m: EngagementMoyensSaisie) => [
  m.organisationId,
  m.annee,
  m.type,
  m.type === 'temps' ? m.quantite : null,
  m.type === 'temps' ? m.unite : null,
  m.type === 'financier' ? m.montantCentimes : null,
  m.description || null,
  m.objectifs || null,
  m.indicateurCode || null,
  m.indicateurSuiviId || null,
];

export async function creerMoyen(db: Queryable, contratId: string, m: EngagementMoyensSaisie): Promise<string> {
  const { rows } = await db.query(
    `insert into engagements_moyens (contrat_id, organisation_id, annee, type, quantite, unite, montant_centimes, description, objectifs, indicateur_code, indicateur_suivi_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [contratId, ...valeurs(m)],
  );
  return rows[0].id;
}

/** The new version, or null when the version has moved. */
export async function modifierMoyen(db: Queryable, id: string, version: number, m: EngagementMoyensSaisie): Promise<number | null> {
  const { rows } = await db.query(
    `update engagements_moyens set organisation_id = $3, annee = $4, type = $5, quantite = $6, unite = $7, montant_centimes = $8, description = $9, objectifs = $10,
       indicateur_code = $11, indicateur_suivi_id = $12, version = version + 1, modifie_le = now()
     where id = $1 and version = $2 returning version`,
    [id, version, ...valeurs(m)],
  );
  return rows[0]?.version ?? null;
}

export async function supprimerMoyen(db: Queryable, id: string) {
  await db.query('delete from engagements_moyens where id = $1', [id]);
}
