import type { ApportContrat, courrielMembreSchema, instanceSchema, membreInstanceSchema } from '@maillage/domain';
import type { z } from 'zod';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { introuvable, invalide } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';

type Instance = z.infer<typeof instanceSchema>;
type Membre = z.infer<typeof membreInstanceSchema>;

/**
 * Runs a governance change: the right to edit the contract, one transaction, an audit event tied to the contract.
 * `apport` names what a creation adds, so that a closed contract refuses it (decision 0006).
 */
export async function changerGouvernance<T>(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  entite: string,
  travail: (tx: Queryable) => Promise<{ id: string; action: string; resultat: T; avant?: unknown; apres?: unknown }>,
  apport?: ApportContrat,
): Promise<T> {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId);
  if (apport) exigerRecevable(ref, apport);
  return enTransaction(ctx.db, async (tx) => {
    const r = await travail(tx);
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: entite, entiteId: r.id, action: r.action, avant: (r.avant ?? null) as never, apres: (r.apres ?? null) as never, contexte: { contratId } });
    return r.resultat;
  });
}

/**
 * Who a member's invitations reach (m: the member): its own address, a person's address, and the active users of
 * an organisation. The séance invitations use the same rule.
 */
export const DESTINATAIRES_MEMBRE = `select count(distinct a.email)::int from (
    select m.email
    union select p.email from personnes p where p.id = m.personne_id
    union select us.email from personnes p join utilisateurs us on us.personne_id = p.id where p.organisation_id = m.organisation_id and us.actif
  ) a where a.email is not null`;

export async function listerInstances(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const { rows } = await ctx.db.query(
    `select i.id, i.type, i.nom, i.frequence_par_an as "frequenceParAn", i.presidence,
       coalesce((select json_agg(json_build_object('id', m.id, 'organisationId', m.organisation_id, 'organisationNom', o.nom,
          'personneId', m.personne_id, 'personne', nullif(trim(coalesce(p.prenom, '') || ' ' || coalesce(p.nom, '')), ''),
          'role', m.role, 'copresidence', m.copresidence, 'debut', m.debut, 'fin', m.fin, 'email', m.email,
          'destinataires', (${DESTINATAIRES_MEMBRE})) order by m.copresidence desc, o.nom)
        from membres_instance m left join organisations o on o.id = m.organisation_id left join personnes p on p.id = m.personne_id
        where m.instance_id = i.id), '[]') as membres,
       (select count(*)::int from seances s where s.instance_id = i.id) as "nombreSeances",
       (select min(s.debut) from seances s where s.instance_id = i.id and s.debut > now() and s.statut = 'prevue') as "prochaineSeance"
     from instances i where i.contrat_id = $1 order by case i.type when 'copil' then 0 when 'cotech' then 1 when 'coordination' then 2 else 3 end, i.nom`,
    [contratId],
  );
  return rows;
}

/** The secret calendar link of an instance: only people who may edit the contract see it. */
export async function lienCalendrier(ctx: Contexte, utilisateur: Utilisateur, contratId: string, instanceId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId);
  const { rows } = await ctx.db.query('select jeton_calendrier as jeton from instances where id = $1 and contrat_id = $2', [instanceId, contratId]);
  if (!rows[0]) throw introuvable('Cette instance n’existe pas.');
  return { url: `${ctx.config.publicUrl}/api/calendriers/${rows[0].jeton}.ics` };
}

export const creerInstance = (ctx: Contexte, u: Utilisateur, contratId: string, i: Instance) =>
  changerGouvernance(ctx, u, contratId, 'instance', async (tx) => {
    const { rows } = await tx.query('insert into instances (contrat_id, type, nom, frequence_par_an, presidence) values ($1, $2, $3, $4, $5) returning id', [contratId, i.type, i.nom, i.frequenceParAn ?? null, i.presidence ?? null]);
    return { id: rows[0].id, action: 'creation', resultat: { id: rows[0].id as string }, apres: i };
  }, 'instance');

export const modifierInstance = (ctx: Contexte, u: Utilisateur, contratId: string, id: string, i: Instance) =>
  changerGouvernance(ctx, u, contratId, 'instance', async (tx) => {
    const { rowCount } = await tx.query('update instances set type = $3, nom = $4, frequence_par_an = $5, presidence = $6 where id = $1 and contrat_id = $2', [id, contratId, i.type, i.nom, i.frequenceParAn ?? null, i.presidence ?? null]);
    if (!rowCount) throw introuvable('Cette instance n’existe pas.');
    return { id, action: 'modification', resultat: undefined, apres: i };
  });

export const supprimerInstance = (ctx: Contexte, u: Utilisateur, contratId: string, id: string) =>
  changerGouvernance(ctx, u, contratId, 'instance', async (tx) => {
    const { rowCount } = await tx.query('delete from instances where id = $1 and contrat_id = $2', [id, contratId]);
    if (!rowCount) throw introuvable('Cette instance n’existe pas.');
    return { id, action: 'suppression', resultat: undefined };
  });

async function instanceDuContrat(tx: Queryable, contratId: string, instanceId: string) {
  const { rowCount } = await tx.query('select 1 from instances where id = $1 and contrat_id = $2', [instanceId, contratId]);
  if (!rowCount) throw introuvable('Cette instance n’existe pas.');
}

export const ajouterMembre = (ctx: Contexte, u: Utilisateur, contratId: string, instanceId: string, m: Membre) =>
  changerGouvernance(ctx, u, contratId, 'membre_instance', async (tx) => {
    await instanceDuContrat(tx, contratId, instanceId);
    const { rows } = await tx
      .query(
        'insert into membres_instance (instance_id, organisation_id, personne_id, role, copresidence, debut, fin, email) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id',
        [instanceId, m.organisationId ?? null, m.personneId ?? null, m.role ?? null, m.copresidence, m.debut ?? null, m.fin ?? null, m.email ?? null],
      )
      .catch((e) => {
        if (e.code === '23503') throw invalide('Organisation ou personne inconnue.', [{ champ: 'organisationId', message: 'Organisation ou personne inconnue' }]);
        throw e;
      });
    return { id: rows[0].id, action: 'creation', resultat: { id: rows[0].id as string }, apres: { instanceId, ...m } };
  }, 'membre_instance');

export const retirerMembre = (ctx: Contexte, u: Utilisateur, contratId: string, instanceId: string, membreId: string) =>
  changerGouvernance(ctx, u, contratId, 'membre_instance', async (tx) => {
    await instanceDuContrat(tx, contratId, instanceId);
    const { rows } = await tx.query(
      'select m.fin, exists (select 1 from presences p where p.membre_id = m.id) as "aSiege" from membres_instance m where m.id = $1 and m.instance_id = $2',
      [membreId, instanceId],
    );
    if (!rows[0]) throw introuvable('Ce membre n’existe pas.');
    // Someone who sat in past séances leaves the instance with an end date: their attendance is history, kept.
    if (rows[0].aSiege) {
      await tx.query('update membres_instance set fin = least(coalesce(fin, current_date), current_date) where id = $1', [membreId]);
      return { id: membreId, action: 'fin_mandat', resultat: undefined, avant: { fin: rows[0].fin } };
    }
    await tx.query('delete from membres_instance where id = $1', [membreId]);
    return { id: membreId, action: 'suppression', resultat: undefined };
  });

/** Gives (or removes) the address a member's invitations also go to: a member without an account can be invited. */
export const changerCourrielMembre = (ctx: Contexte, u: Utilisateur, contratId: string, instanceId: string, membreId: string, c: z.infer<typeof courrielMembreSchema>) =>
  changerGouvernance(ctx, u, contratId, 'membre_instance', async (tx) => {
    await instanceDuContrat(tx, contratId, instanceId);
    const { rows } = await tx.query('select email from membres_instance where id = $1 and instance_id = $2 for update', [membreId, instanceId]);
    if (!rows[0]) throw introuvable('Ce membre n’existe pas.');
    await tx.query('update membres_instance set email = $2 where id = $1', [membreId, c.email ?? null]);
    const { rows: d } = await tx.query(`select (${DESTINATAIRES_MEMBRE}) as n from membres_instance m where m.id = $1`, [membreId]);
    return { id: membreId, action: 'courriel_invitation', resultat: { email: c.email ?? null, destinataires: d[0].n as number }, avant: { email: rows[0].email }, apres: { email: c.email ?? null } };
  });
