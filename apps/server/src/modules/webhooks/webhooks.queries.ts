import type { Queryable } from '../../platform/database';
import type { AbonnementLigne } from './webhooks.repository';

/**
 * Read-only SQL of the webhooks module that reaches other modules' tables: organisations (the subscriber's name) and
 * comptes' utilisateurs and habilitations (whom to tell when a subscription is paused).
 */

const COLONNES_ABONNEMENT = `a.id, a.organisation_id as "organisationId", o.nom as "organisationNom", a.url, a.evenements, a.description,
  a.statut, a.motif_pause as "motifPause", a.echecs_consecutifs as "echecsConsecutifs", a.cree_le as "creeLe",
  a.modifie_le as "modifieLe", a.version, a.cree_par as "creePar"`;

export async function listerAbonnements(db: Queryable, organisationIds: string[] | null): Promise<AbonnementLigne[]> {
  const { rows } = await db.query(
    `select ${COLONNES_ABONNEMENT} from webhooks_abonnements a join organisations o on o.id = a.organisation_id
     where $1::uuid[] is null or a.organisation_id = any($1) order by o.nom, a.cree_le`,
    [organisationIds],
  );
  return rows;
}

export async function obtenirAbonnement(db: Queryable, id: string): Promise<AbonnementLigne | null> {
  const { rows } = await db.query(
    `select ${COLONNES_ABONNEMENT} from webhooks_abonnements a join organisations o on o.id = a.organisation_id where a.id = $1
    `,
    [id],
  );
  return rows[0] ?? null;
}

/** The people to tell when a subscription is paused: who created it, and the referents of its organisation. */
export async function destinatairesAbonnement(db: Queryable, abonnementId: string): Promise<string[]> {
  const { rows } = await db.query<{ email: string }>(
    `select distinct u.email from utilisateurs u, webhooks_abonnements a
     where a.id = $1 and u.actif and (u.id = a.cree_par or exists (
       select 1 from habilitations h where h.utilisateur_id = u.id and h.role = 'referent_organisation' and h.organisation_id = a.organisation_id))
     order by u.email`,
    [abonnementId],
  );
  return rows.map((r) => r.email);
}

export async function organisationExiste(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('select 1 from organisations where id = $1', [id]);
  return rowCount === 1;
}
