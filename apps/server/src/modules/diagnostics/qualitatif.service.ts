import type { besoinSchema, constatSchema, prioriteSchema, rencontreSchema, verbatimSchema } from '@maillage/domain';
import type { z } from 'zod';
import { auditer, auditerLot } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { introuvable, invalide } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';
import { trouverTerritoire } from '../territoires/territoires.service';

/**
 * The qualitative side of a diagnostic and the chain constats → besoins → priorités → axes. Changing it needs the
 * right to edit the contract, but no avenant: the diagnostic is not the contract's text.
 */
async function modifier<T>(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  entite: string,
  travail: (tx: Queryable) => Promise<{ id: string; action: string; resultat: T; apres?: unknown }>,
) {
  exigerRecevable(await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId), 'diagnostic');
  return enTransaction(ctx.db, async (tx) => {
    const r = await travail(tx);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: entite,
      entiteId: r.id,
      action: r.action,
      apres: (r.apres ?? null) as never,
      contexte: { contratId },
    });
    return r.resultat;
  });
}

/** Links must point inside the same contract (a verbatim of another contract cannot support this constat). */
async function verifierLiens(tx: Queryable, table: string, ids: string[], contratId: string, champ: string) {
  if (!ids.length) return;
  const { rows } = await tx.query(`select count(*)::int n from ${table} where id = any($1::uuid[]) and contrat_id = $2`, [ids, contratId]);
  if (rows[0].n !== new Set(ids).size)
    throw invalide('Un élément lié n’appartient pas à ce contrat.', [{ champ, message: 'Élément inconnu dans ce contrat' }]);
}

async function remplacerLiens(
  tx: Queryable,
  table: string,
  colonneSource: string,
  colonneCible: string,
  id: string,
  cibles: string[],
  type = 'uuid',
) {
  await tx.query(`delete from ${table} where ${colonneSource} = $1`, [id]);
  if (cibles.length)
    await tx.query(`insert into ${table} (${colonneSource}, ${colonneCible}) select $1, unnest($2::${type}[]) on conflict do nothing`, [
      id,
      cibles,
    ]);
}

type Verbatim = z.infer<typeof verbatimSchema>;
type Rencontre = z.infer<typeof rencontreSchema>;
type Constat = z.infer<typeof constatSchema>;
type Besoin = z.infer<typeof besoinSchema>;
type Priorite = z.infer<typeof prioriteSchema>;

export const enregistrerVerbatim = (ctx: Contexte, u: Utilisateur, contratId: string, v: Verbatim, id?: string) =>
  modifier(ctx, u, contratId, 'verbatim', async (tx) => {
    if (v.communeCode && !(await trouverTerritoire(tx, 'commune', v.communeCode)))
      throw invalide(`La commune ${v.communeCode} n’existe pas dans le référentiel géographique.`, [
        { champ: 'communeCode', message: 'Commune inconnue du référentiel' },
      ]);
    const valeurs = [v.texte, v.locuteur, v.communeCode ?? null, v.source ?? null, v.dateRecueil ?? null];
    if (id) {
      const { rowCount } = await tx.query(
        'update verbatims set texte = $3, locuteur = $4, commune_code = $5, source = $6, date_recueil = $7 where id = $1 and contrat_id = $2',
        [id, contratId, ...valeurs],
      );
      if (!rowCount) throw introuvable('Ce verbatim n’existe pas.');
      return { id, action: 'modification', resultat: { id }, apres: v };
    }
    const { rows } = await tx.query(
      'insert into verbatims (contrat_id, texte, locuteur, commune_code, source, date_recueil) values ($1, $2, $3, $4, $5, $6) returning id',
      [contratId, ...valeurs],
    );
    return { id: rows[0].id, action: 'creation', resultat: { id: rows[0].id as string }, apres: v };
  });

/**
 * Verbatims drawn from another module's material (a consultation's free-text answers, issue 20), in the caller's
 * transaction so that the caller's own link to each verbatim commits with it. Checks the right to edit the
 * diagnostic, then inserts and audits each one; returns their ids in the given order.
 */
export async function creerVerbatimsDepuisSource(
  tx: Queryable,
  u: Utilisateur,
  contratId: string,
  verbatims: Verbatim[],
): Promise<string[]> {
  exigerRecevable(await exigerSurContrat(tx, u, 'modifier', contratId), 'diagnostic');
  if (!verbatims.length) return [];
  const ids = verbatims.map(() => crypto.randomUUID());
  await tx.query(
    `insert into verbatims (id, contrat_id, texte, locuteur, commune_code, source, date_recueil)
     select n.id, $1, n.texte, n.locuteur, n."communeCode", n.source, n."dateRecueil"
     from json_to_recordset($2::json) n(id uuid, texte text, locuteur text, "communeCode" text, source text, "dateRecueil" date)`,
    [contratId, JSON.stringify(verbatims.map((v, i) => ({ ...v, id: ids[i] })))],
  );
  await auditerLot(
    tx,
    ids.map((id, i) => ({
      acteur: acteurDe(u),
      entiteType: 'verbatim',
      entiteId: id,
      action: 'creation',
      apres: verbatims[i] as never,
      contexte: { contratId },
    })),
  );
  return ids;
}

export const enregistrerRencontre = (ctx: Contexte, u: Utilisateur, contratId: string, r: Rencontre, id?: string) =>
  modifier(ctx, u, contratId, 'rencontre', async (tx) => {
    const valeurs = [r.type, r.titre, r.dateRencontre ?? null, r.participants ?? null, r.synthese ?? null];
    if (id) {
      const { rowCount } = await tx.query(
        'update rencontres set type = $3, titre = $4, date_rencontre = $5, participants = $6, synthese = $7 where id = $1 and contrat_id = $2',
        [id, contratId, ...valeurs],
      );
      if (!rowCount) throw introuvable('Cette rencontre n’existe pas.');
      return { id, action: 'modification', resultat: { id }, apres: r };
    }
    const { rows } = await tx.query(
      'insert into rencontres (contrat_id, type, titre, date_rencontre, participants, synthese) values ($1, $2, $3, $4, $5, $6) returning id',
      [contratId, ...valeurs],
    );
    return { id: rows[0].id, action: 'creation', resultat: { id: rows[0].id as string }, apres: r };
  });

export const enregistrerConstat = (ctx: Contexte, u: Utilisateur, contratId: string, c: Constat, id?: string) =>
  modifier(ctx, u, contratId, 'constat', async (tx) => {
    await verifierLiens(tx, 'verbatims', c.verbatims, contratId, 'verbatims');
    const { rows: connus } = await tx.query('select code from indicateurs where code = any($1)', [c.indicateurs]);
    if (connus.length !== new Set(c.indicateurs).size)
      throw invalide('Un indicateur cité est inconnu du catalogue.', [{ champ: 'indicateurs', message: 'Indicateur inconnu' }]);
    let cible = id;
    if (id) {
      const { rowCount } = await tx.query('update constats set intitule = $3, description = $4 where id = $1 and contrat_id = $2', [
        id,
        contratId,
        c.intitule,
        c.description ?? null,
      ]);
      if (!rowCount) throw introuvable('Ce constat n’existe pas.');
    } else {
      const { rows } = await tx.query(
        'insert into constats (contrat_id, intitule, description, ordre) values ($1, $2, $3, (select count(*) from constats where contrat_id = $1)) returning id',
        [contratId, c.intitule, c.description ?? null],
      );
      cible = rows[0].id;
    }
    await remplacerLiens(tx, 'constat_indicateurs', 'constat_id', 'indicateur_code', cible!, c.indicateurs, 'text');
    await remplacerLiens(tx, 'constat_verbatims', 'constat_id', 'verbatim_id', cible!, c.verbatims);
    return { id: cible!, action: id ? 'modification' : 'creation', resultat: { id: cible! }, apres: c };
  });

export const enregistrerBesoin = (ctx: Contexte, u: Utilisateur, contratId: string, b: Besoin, id?: string) =>
  modifier(ctx, u, contratId, 'besoin', async (tx) => {
    await verifierLiens(tx, 'constats', b.constats, contratId, 'constats');
    let cible = id;
    if (id) {
      const { rowCount } = await tx.query('update besoins set intitule = $3, description = $4 where id = $1 and contrat_id = $2', [
        id,
        contratId,
        b.intitule,
        b.description ?? null,
      ]);
      if (!rowCount) throw introuvable('Ce besoin n’existe pas.');
    } else
      cible = (
        await tx.query('insert into besoins (contrat_id, intitule, description) values ($1, $2, $3) returning id', [
          contratId,
          b.intitule,
          b.description ?? null,
        ])
      ).rows[0].id;
    await remplacerLiens(tx, 'besoin_constats', 'besoin_id', 'constat_id', cible!, b.constats);
    return { id: cible!, action: id ? 'modification' : 'creation', resultat: { id: cible! }, apres: b };
  });

export const enregistrerPriorite = (ctx: Contexte, u: Utilisateur, contratId: string, p: Priorite, id?: string) =>
  modifier(ctx, u, contratId, 'priorite', async (tx) => {
    await verifierLiens(tx, 'besoins', p.besoins, contratId, 'besoins');
    await verifierLiens(tx, 'axes', p.axes, contratId, 'axes');
    let cible = id;
    if (id) {
      const { rowCount } = await tx.query('update priorites set intitule = $3, description = $4 where id = $1 and contrat_id = $2', [
        id,
        contratId,
        p.intitule,
        p.description ?? null,
      ]);
      if (!rowCount) throw introuvable('Cette priorité n’existe pas.');
    } else
      cible = (
        await tx.query('insert into priorites (contrat_id, intitule, description) values ($1, $2, $3) returning id', [
          contratId,
          p.intitule,
          p.description ?? null,
        ])
      ).rows[0].id;
    await remplacerLiens(tx, 'priorite_besoins', 'priorite_id', 'besoin_id', cible!, p.besoins);
    await remplacerLiens(tx, 'priorite_axes', 'priorite_id', 'axe_id', cible!, p.axes);
    return { id: cible!, action: id ? 'modification' : 'creation', resultat: { id: cible! }, apres: p };
  });

const TABLES = { verbatim: 'verbatims', rencontre: 'rencontres', constat: 'constats', besoin: 'besoins', priorite: 'priorites' } as const;

export const supprimerElement = (ctx: Contexte, u: Utilisateur, contratId: string, entite: keyof typeof TABLES, id: string) =>
  modifier(ctx, u, contratId, entite, async (tx) => {
    const { rowCount } = await tx.query(`delete from ${TABLES[entite]} where id = $1 and contrat_id = $2`, [id, contratId]);
    if (!rowCount) throw introuvable('Cet élément n’existe pas.');
    return { id, action: 'suppression', resultat: undefined };
  });

/** The whole qualitative side and the chain, with links in both directions. */
export async function lireQualitatif(db: Queryable, contratId: string) {
  const requete = async (sql: string) => (await db.query(sql, [contratId])).rows;
  // Independent reads: run together (on the pool) rather than one after the other.
  const [verbatims, rencontres, constats, besoins, priorites] = await Promise.all([
    requete(
      `select id, texte, locuteur, commune_code as "communeCode", source, date_recueil as "dateRecueil" from verbatims where contrat_id = $1 order by cree_le, id`,
    ),
    requete(
      `select id, type, titre, date_rencontre as "dateRencontre", participants, synthese from rencontres where contrat_id = $1 order by date_rencontre nulls last, cree_le, id`,
    ),
    requete(`select c.id, c.intitule, c.description,
      array(select indicateur_code from constat_indicateurs where constat_id = c.id order by 1) as indicateurs,
      array(select verbatim_id from constat_verbatims where constat_id = c.id) as verbatims,
      array(select besoin_id from besoin_constats where constat_id = c.id) as besoins
    from constats c where c.contrat_id = $1 order by c.ordre, c.id`),
    requete(`select b.id, b.intitule, b.description,
      array(select constat_id from besoin_constats where besoin_id = b.id) as constats,
      array(select priorite_id from priorite_besoins where besoin_id = b.id) as priorites
    from besoins b where b.contrat_id = $1 order by b.intitule, b.id`),
    requete(`select p.id, p.intitule, p.description,
      array(select besoin_id from priorite_besoins where priorite_id = p.id) as besoins,
      array(select axe_id from priorite_axes where priorite_id = p.id) as axes
    from priorites p where p.contrat_id = $1 order by p.intitule, p.id`),
  ]);
  return { verbatims, rencontres, constats, besoins, priorites };
}
