import type { ResultatTentative, StatutAbonnement, StatutLivraison, TypeEvenement } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

/** SQL of the webhooks module's tables (migration 0034): subscriptions, deliveries and their attempts. */

export interface AbonnementLigne {
  id: string;
  organisationId: string;
  organisationNom: string;
  url: string;
  evenements: TypeEvenement[];
  description: string | null;
  statut: StatutAbonnement;
  motifPause: string | null;
  echecsConsecutifs: number;
  creeLe: string;
  modifieLe: string;
  version: number;
  creePar: string | null;
}

/** Locks the subscription for a change; its version and state, read again after the lock. */
export async function verrouillerAbonnement(tx: Queryable, id: string) {
  const { rows } = await tx.query('select version, statut from webhooks_abonnements where id = $1 for update', [id]);
  return (rows[0] ?? null) as { version: number; statut: StatutAbonnement } | null;
}

export async function creerAbonnement(
  tx: Queryable,
  a: { organisationId: string; url: string; evenements: string[]; description: string | null; secret: string; creePar: string },
): Promise<string> {
  const { rows } = await tx.query(
    `insert into webhooks_abonnements (organisation_id, url, evenements, description, secret, cree_par)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [a.organisationId, a.url, a.evenements, a.description, a.secret, a.creePar],
  );
  return rows[0].id;
}

export async function modifierAbonnement(
  tx: Queryable,
  id: string,
  a: { url: string; evenements: string[]; description: string | null; statut: StatutAbonnement; motifPause: string | null },
  remettreEnService: boolean,
) {
  await tx.query(
    `update webhooks_abonnements set url = $2, evenements = $3, description = $4, statut = $5, motif_pause = $6,
       echecs_consecutifs = case when $7 then 0 else echecs_consecutifs end, modifie_le = now(), version = version + 1
     where id = $1`,
    [id, a.url, a.evenements, a.description, a.statut, a.motifPause, remettreEnService],
  );
}

export async function supprimerAbonnement(tx: Queryable, id: string) {
  await tx.query('delete from webhooks_abonnements where id = $1', [id]);
}

/** The active subscriptions: what the distribution of a batch of events matches each event against. */
export async function abonnementsActifs(tx: Queryable) {
  const { rows } = await tx.query<{ id: string; organisationId: string; evenements: TypeEvenement[] }>(
    `select id, organisation_id as "organisationId", evenements from webhooks_abonnements where statut = 'actif' order by id`,
  );
  return rows;
}

/** A delivery of an event (none when the subscription already has it: distribution may run twice). */
export async function creerLivraison(
  tx: Queryable,
  l: { abonnementId: string; evenementId: string; type: string; corps: string; rejeuDe?: string | null },
): Promise<string | null> {
  const { rows } = await tx.query(
    `insert into webhooks_livraisons (abonnement_id, evenement_id, type, corps, rejeu_de, prochaine_tentative)
     values ($1, $2, $3, $4, $5, now()) on conflict do nothing returning id`,
    [l.abonnementId, l.evenementId, l.type, l.corps, l.rejeuDe ?? null],
  );
  return rows[0]?.id ?? null;
}

export interface LivraisonAEnvoyer {
  id: string;
  abonnementId: string;
  organisationId: string;
  url: string;
  secret: string;
  corps: string;
  type: string;
  evenementId: string;
  statut: StatutLivraison;
  tentatives: number;
  abonnementActif: boolean;
}

export async function livraisonAEnvoyer(tx: Queryable, id: string): Promise<LivraisonAEnvoyer | null> {
  const { rows } = await tx.query(
    `select l.id, l.abonnement_id as "abonnementId", a.organisation_id as "organisationId", a.url, a.secret, l.corps, l.type,
       l.evenement_id as "evenementId", l.statut, l.tentatives, a.statut = 'actif' as "abonnementActif"
     from webhooks_livraisons l join webhooks_abonnements a on a.id = l.abonnement_id where l.id = $1 for update of l`,
    [id],
  );
  return rows[0] ?? null;
}

export async function noterTentative(
  tx: Queryable,
  livraisonId: string,
  t: { numero: number; debut: string; dureeMs: number; resultat: ResultatTentative; codeHttp: number | null; extrait: string | null },
) {
  await tx.query(
    `insert into webhooks_tentatives (livraison_id, numero, debut, duree_ms, resultat, code_http, extrait) values ($1, $2, $3, $4, $5, $6, $7)`,
    [livraisonId, t.numero, t.debut, t.dureeMs, t.resultat, t.codeHttp, t.extrait],
  );
}

export async function changerLivraison(
  tx: Queryable,
  id: string,
  statut: StatutLivraison,
  tentatives: number,
  prochaineDansSecondes: number | null,
) {
  await tx.query(
    `update webhooks_livraisons set statut = $2, tentatives = $3,
       prochaine_tentative = case when $4::int is null then null else now() + make_interval(secs => $4) end
     where id = $1`,
    [id, statut, tentatives, prochaineDansSecondes],
  );
}

/** Counts a failed attempt on the subscription, or resets the count after a success; returns the count. */
export async function compterEchec(tx: Queryable, abonnementId: string, echec: boolean): Promise<number> {
  const { rows } = await tx.query(
    `update webhooks_abonnements set echecs_consecutifs = case when $2 then echecs_consecutifs + 1 else 0 end where id = $1
     returning echecs_consecutifs as n`,
    [abonnementId, echec],
  );
  return rows[0]?.n ?? 0;
}

/** Pauses the subscription (system), and gives up its deliveries still waiting. Returns false if it already was. */
export async function mettreEnPause(tx: Queryable, abonnementId: string, motif: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update webhooks_abonnements set statut = 'en_pause', motif_pause = $2, modifie_le = now(), version = version + 1
     where id = $1 and statut = 'actif'`,
    [abonnementId, motif],
  );
  await abandonnerEnAttente(tx, abonnementId);
  return rowCount === 1;
}

export async function abandonnerEnAttente(tx: Queryable, abonnementId: string) {
  await tx.query(
    `update webhooks_livraisons set statut = 'abandonnee', prochaine_tentative = null where abonnement_id = $1 and statut = 'en_attente'`,
    [abonnementId],
  );
}

export async function compterLivraisons(db: Queryable, abonnementId: string): Promise<number> {
  const { rows } = await db.query('select count(*)::int n from webhooks_livraisons where abonnement_id = $1', [abonnementId]);
  return rows[0].n;
}

export async function listerLivraisons(db: Queryable, abonnementId: string, limite: number, decalage: number) {
  const { rows } = await db.query(
    `select l.id, l.evenement_id as "evenementId", l.type, l.statut, l.prochaine_tentative as "prochaineTentative",
       l.rejeu_de as "rejeuDe", l.cree_le as "creeLe", l.corps,
       coalesce((select json_agg(json_build_object('numero', t.numero, 'debut', t.debut, 'dureeMs', t.duree_ms, 'resultat', t.resultat,
                   'codeHttp', t.code_http, 'extrait', t.extrait) order by t.numero)
                 from webhooks_tentatives t where t.livraison_id = l.id), '[]') as tentatives
     from webhooks_livraisons l where l.abonnement_id = $1 order by l.cree_le desc, l.id limit $2 offset $3`,
    [abonnementId, limite, decalage],
  );
  // json_build_object writes timestamps without the ISO "T": same form as the other dates of the API.
  return rows.map((r) => ({
    ...r,
    tentatives: r.tentatives.map((t: { debut: string }) => ({ ...t, debut: new Date(t.debut).toISOString() })),
  }));
}

export async function obtenirLivraison(db: Queryable, abonnementId: string, id: string) {
  const { rows } = await db.query(
    `select id, evenement_id as "evenementId", type, corps from webhooks_livraisons where id = $1 and abonnement_id = $2`,
    [id, abonnementId],
  );
  return (rows[0] ?? null) as { id: string; evenementId: string; type: string; corps: string } | null;
}
