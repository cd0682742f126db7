import type { FournisseurOidc } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

/** SQL of the OpenID Connect login: pending logins, identity links, sessions opened by a provider (migration 0032). */

export interface DemandeOidc {
  fournisseur: FournisseurOidc;
  nonce: string;
  verificateurPkce: string;
  retour: string;
}

/** Records a login started; the expired ones go at the same time (the table stays as small as the logins in flight). */
export async function creerDemande(db: Queryable, etatHash: Buffer, d: DemandeOidc, dureeMinutes: number): Promise<void> {
  await db.query('delete from demandes_oidc where expire_le < now()');
  await db.query(
    `insert into demandes_oidc (etat_hash, fournisseur, nonce, verificateur_pkce, retour, expire_le)
     values ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
    [etatHash, d.fournisseur, d.nonce, d.verificateurPkce, d.retour, dureeMinutes],
  );
}

/** Takes the pending login of this state, once: a second return with the same state finds nothing. */
export async function consommerDemande(db: Queryable, etatHash: Buffer, fournisseur: FournisseurOidc): Promise<DemandeOidc | null> {
  const { rows } = await db.query(
    `delete from demandes_oidc where etat_hash = $1 returning fournisseur, nonce, verificateur_pkce as "verificateurPkce", retour,
       expire_le > now() as valide`,
    [etatHash],
  );
  const d = rows[0];
  return d && d.valide && d.fournisseur === fournisseur
    ? { fournisseur: d.fournisseur, nonce: d.nonce, verificateurPkce: d.verificateurPkce, retour: d.retour }
    : null;
}

export interface IdentiteOidc {
  id: string;
  utilisateurId: string;
}

export async function identiteParSub(db: Queryable, fournisseur: FournisseurOidc, sub: string): Promise<IdentiteOidc | null> {
  const { rows } = await db.query(`select id, utilisateur_id as "utilisateurId" from identites_oidc where fournisseur = $1 and sub = $2`, [
    fournisseur,
    sub,
  ]);
  return rows[0] ?? null;
}

export async function compteDejaRelie(db: Queryable, fournisseur: FournisseurOidc, utilisateurId: string): Promise<boolean> {
  const { rows } = await db.query(`select 1 from identites_oidc where fournisseur = $1 and utilisateur_id = $2`, [
    fournisseur,
    utilisateurId,
  ]);
  return rows.length > 0;
}

/** Null when another login linked this `sub` or this account in the meantime (the caller refuses). */
export async function creerIdentite(
  db: Queryable,
  i: { fournisseur: FournisseurOidc; sub: string; utilisateurId: string; email: string },
): Promise<string | null> {
  const { rows } = await db.query(
    `insert into identites_oidc (fournisseur, sub, utilisateur_id, email_au_lien, derniere_connexion) values ($1, $2, $3, $4, now())
     on conflict do nothing returning id`,
    [i.fournisseur, i.sub, i.utilisateurId, i.email],
  );
  return rows[0]?.id ?? null;
}

export async function noterConnexionIdentite(db: Queryable, id: string): Promise<void> {
  await db.query('update identites_oidc set derniere_connexion = now() where id = $1', [id]);
}

export async function noterSession(db: Queryable, sessionId: string, fournisseur: FournisseurOidc, idToken: string): Promise<void> {
  await db.query('insert into sessions_oidc (session_id, fournisseur, id_token) values ($1, $2, $3)', [sessionId, fournisseur, idToken]);
}

export async function sessionOidc(db: Queryable, sessionId: string): Promise<{ fournisseur: FournisseurOidc; idToken: string } | null> {
  const { rows } = await db.query(`select fournisseur, id_token as "idToken" from sessions_oidc where session_id = $1`, [sessionId]);
  return rows[0] ?? null;
}
