import type { MembreEquipe, RoleAppui } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { interdit, introuvable, invalide } from '../../platform/errors';

/**
 * Support teams and their staff (decision 0031). A team is an organisation of the directory; an administrator
 * declares it and names its first coordinator; its coordinators then manage its staff. Belonging to a team is what
 * opens nominative data, never a platform role.
 */

const estAdmin = (u: Utilisateur) => u.habilitations.some((h) => h.role === 'admin');

/** The teams a user belongs to, with their role there: what every rule of the module starts from. */
export async function membresDe(db: Queryable, utilisateurId: string): Promise<MembreEquipe[]> {
  const { rows } = await db.query<MembreEquipe>(
    `select organisation_id as "organisationId", role from appui_membres where utilisateur_id = $1`,
    [utilisateurId],
  );
  return rows;
}

export async function libelleUtilisateur(db: Queryable, id: string | null): Promise<string | null> {
  if (!id) return null;
  const { rows } = await db.query<{ libelle: string }>(
    `select p.prenom || ' ' || p.nom as libelle from utilisateurs u join personnes p on p.id = u.personne_id where u.id = $1`,
    [id],
  );
  return rows[0]?.libelle ?? null;
}

export async function listerEquipes(ctx: Contexte, utilisateur: Utilisateur) {
  const { rows } = await ctx.db.query(
    `select e.organisation_id as id, o.nom, e.telephone, e.horaires, e.seuil_charge as "seuilCharge", m.role as "monRole"
       from appui_equipes e join organisations o on o.id = e.organisation_id
       left join appui_membres m on m.organisation_id = e.organisation_id and m.utilisateur_id = $1
      order by o.nom`,
    [utilisateur.userId],
  );
  return { elements: rows };
}

export async function chargerEquipe(db: Queryable, id: string) {
  const { rows } = await db.query<{ id: string; nom: string; telephone: string | null; seuilCharge: number }>(
    `select e.organisation_id as id, o.nom, e.telephone, e.seuil_charge as "seuilCharge"
       from appui_equipes e join organisations o on o.id = e.organisation_id where e.organisation_id = $1`,
    [id],
  );
  if (!rows[0]) throw introuvable('Cette équipe d’appui n’existe pas.');
  return rows[0];
}

export async function creerEquipe(
  ctx: Contexte,
  utilisateur: Utilisateur,
  saisie: { organisationId: string; telephone?: string | null; horaires?: string | null; seuilCharge?: number },
) {
  if (!estAdmin(utilisateur)) throw interdit('Seul un administrateur déclare une équipe d’appui.');
  return enTransaction(ctx.db, async (tx) => {
    const org = await tx.query<{ nom: string }>('select nom from organisations where id = $1', [saisie.organisationId]);
    if (!org.rows[0]) throw invalide('Organisation inconnue.', [{ champ: 'organisationId', message: 'Organisation inconnue' }]);
    const { rowCount } = await tx.query(
      `insert into appui_equipes (organisation_id, telephone, horaires, seuil_charge) values ($1, $2, $3, coalesce($4, 30))
       on conflict do nothing`,
      [saisie.organisationId, saisie.telephone ?? null, saisie.horaires ?? null, saisie.seuilCharge ?? null],
    );
    if (!rowCount)
      throw invalide('Cette organisation est déjà une équipe d’appui.', [{ champ: 'organisationId', message: 'Déjà une équipe' }]);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'equipe_appui',
      entiteId: saisie.organisationId,
      action: 'creation',
      apres: { organisation: org.rows[0].nom },
      contexte: { nom: org.rows[0].nom },
    });
    return chargerEquipe(tx, saisie.organisationId).then((e) => ({ ...e, horaires: saisie.horaires ?? null, monRole: null }));
  });
}

/** An administrator, or a coordinator of that team, manages its staff. */
async function exigerGestionEquipe(db: Queryable, utilisateur: Utilisateur, equipeId: string) {
  const equipe = await chargerEquipe(db, equipeId);
  if (estAdmin(utilisateur)) return equipe;
  const membres = await membresDe(db, utilisateur.userId);
  if (!membres.some((m) => m.organisationId === equipeId && m.role === 'coordinateur_appui'))
    throw interdit('Seuls la coordination de l’équipe et les administrateurs gèrent ses membres.');
  return equipe;
}

export async function listerMembres(ctx: Contexte, utilisateur: Utilisateur, equipeId: string) {
  await chargerEquipe(ctx.db, equipeId);
  const membres = await membresDe(ctx.db, utilisateur.userId);
  if (!estAdmin(utilisateur) && !membres.some((m) => m.organisationId === equipeId))
    throw interdit('Seuls les membres de l’équipe et les administrateurs voient qui la compose.');
  const { rows } = await ctx.db.query(
    `select m.utilisateur_id as "utilisateurId", p.prenom || ' ' || p.nom as libelle, u.email, m.role
       from appui_membres m join utilisateurs u on u.id = m.utilisateur_id join personnes p on p.id = u.personne_id
      where m.organisation_id = $1 order by p.nom, p.prenom`,
    [equipeId],
  );
  return { elements: rows };
}

export async function definirMembre(ctx: Contexte, utilisateur: Utilisateur, equipeId: string, membreId: string, role: RoleAppui) {
  await enTransaction(ctx.db, async (tx) => {
    const equipe = await exigerGestionEquipe(tx, utilisateur, equipeId);
    const libelle = await libelleUtilisateur(tx, membreId);
    if (!libelle) throw introuvable('Ce compte n’existe pas.');
    const avant = await tx.query<{ role: string }>('select role from appui_membres where organisation_id = $1 and utilisateur_id = $2', [
      equipeId,
      membreId,
    ]);
    await tx.query(
      `insert into appui_membres (organisation_id, utilisateur_id, role) values ($1, $2, $3)
       on conflict (organisation_id, utilisateur_id) do update set role = excluded.role`,
      [equipeId, membreId, role],
    );
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'membre_appui',
      entiteId: membreId,
      action: avant.rows[0] ? 'modification' : 'creation',
      avant: avant.rows[0] ? { role: avant.rows[0].role } : null,
      apres: { role },
      contexte: { equipe: equipe.nom, membre: libelle },
    });
  });
  return listerMembres(ctx, utilisateur, equipeId);
}

export async function retirerMembre(ctx: Contexte, utilisateur: Utilisateur, equipeId: string, membreId: string) {
  await enTransaction(ctx.db, async (tx) => {
    const equipe = await exigerGestionEquipe(tx, utilisateur, equipeId);
    const { rows } = await tx.query<{ role: string }>(
      'delete from appui_membres where organisation_id = $1 and utilisateur_id = $2 returning role',
      [equipeId, membreId],
    );
    if (!rows[0]) throw introuvable('Ce compte n’est pas membre de l’équipe.');
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'membre_appui',
      entiteId: membreId,
      action: 'suppression',
      avant: { role: rows[0].role },
      contexte: { equipe: equipe.nom, membre: (await libelleUtilisateur(tx, membreId)) ?? '' },
    });
  });
}
