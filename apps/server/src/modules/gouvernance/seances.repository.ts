/**
 * Séances in SQL (tables `seances`, `points_ordre_du_jour`, `presences`, `invitations`, `decisions`). SQL only: the
 * rules are in the services.
 */
import type { presencesSchema, seanceSchema } from '@maillage/domain';
import type { z } from 'zod';
import type { Queryable } from '../../platform/database';

type Seance = z.infer<typeof seanceSchema>;

const SELECT_SEANCE = `
  select s.id, s.instance_id as "instanceId", i.nom as "instanceNom", i.type as "instanceType", s.contrat_id as "contratId",
    s.debut, s.fin, s.lieu, s.visio, s.statut, s.compte_rendu as "compteRendu", s.version, s.sequence,
    coalesce((select json_agg(json_build_object('id', p.id, 'intitule', p.intitule, 'dureeMinutes', p.duree_minutes, 'ficheIds', p.fiche_ids) order by p.rang)
      from points_ordre_du_jour p where p.seance_id = s.id), '[]') as "ordreDuJour",
    coalesce((select json_agg(json_build_object('membreId', pr.membre_id, 'etat', pr.etat, 'representePar', pr.represente_par))
      from presences pr where pr.seance_id = s.id), '[]') as presences,
    coalesce((select json_agg(json_build_object('id', d.id, 'texte', d.texte, 'action', d.action, 'ficheId', d.fiche_id, 'parametres', d.parametres,
      'appliqueeLe', d.appliquee_le, 'effet', d.effet) order by d.rang) from decisions d where d.seance_id = s.id), '[]') as decisions,
    (select count(*)::int from invitations v where v.seance_id = s.id) as "invitationsEnvoyees",
    (select count(*)::int from presences pr join membres_instance m on m.id = pr.membre_id
      where pr.seance_id = s.id and pr.etat = 'present' and m.qualite = 'representant_usagers') as "representantsUsagersPresents"
  from seances s join instances i on i.id = s.instance_id`;

export async function seancesDuContrat(db: Queryable, contratId: string) {
  const { rows } = await db.query(`${SELECT_SEANCE} where s.contrat_id = $1 order by s.debut`, [contratId]);
  return rows;
}

/** The séance with its agenda, attendance, decisions and invitations count, or null. */
export async function lireSeance(db: Queryable, id: string) {
  const { rows } = await db.query(`${SELECT_SEANCE} where s.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The instance's séances, by date. */
export async function seancesDeLInstance(db: Queryable, instanceId: string): Promise<string[]> {
  const { rows } = await db.query('select id from seances where instance_id = $1 order by debut', [instanceId]);
  return rows.map((r) => r.id as string);
}

/** The contract's next planned séances after `apres`, with their instance's name. */
export async function prochainesSeances(db: Queryable, contratId: string, apres: string, nombre: number) {
  const { rows } = await db.query<{ nom: string; debut: string }>(
    `select i.nom, s.debut from seances s join instances i on i.id = s.instance_id where s.contrat_id = $1 and s.debut > $2 and s.statut = 'prevue' order by s.debut limit $3`,
    [contratId, apres, nombre],
  );
  return rows;
}

export async function creerSeance(db: Queryable, contratId: string, s: Seance): Promise<string> {
  const { rows } = await db.query(
    'insert into seances (instance_id, contrat_id, debut, fin, lieu, visio, statut) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [s.instanceId, contratId, s.debut, s.fin ?? null, s.lieu ?? null, s.visio ?? null, s.statut],
  );
  return rows[0].id;
}

/** False when the version has moved. The ICS sequence grows with each change. */
export async function modifierSeance(db: Queryable, id: string, version: number, s: Seance): Promise<boolean> {
  const { rowCount } = await db.query(
    `update seances set instance_id = $3, debut = $4, fin = $5, lieu = $6, visio = $7, statut = $8, version = version + 1, sequence = sequence + 1 where id = $1 and version = $2`,
    [id, version, s.instanceId, s.debut, s.fin ?? null, s.lieu ?? null, s.visio ?? null, s.statut],
  );
  return !!rowCount;
}

export async function ecrireOrdreDuJour(db: Queryable, seanceId: string, s: Seance) {
  await db.query('delete from points_ordre_du_jour where seance_id = $1', [seanceId]);
  for (const [rang, p] of s.ordreDuJour.entries())
    await db.query('insert into points_ordre_du_jour (seance_id, rang, intitule, duree_minutes, fiche_ids) values ($1, $2, $3, $4, $5)', [
      seanceId,
      rang,
      p.intitule,
      p.dureeMinutes ?? null,
      p.ficheIds,
    ]);
}

export async function ecrirePresences(db: Queryable, seanceId: string, presences: z.infer<typeof presencesSchema>['presences']) {
  for (const p of presences)
    await db.query(
      `insert into presences (seance_id, membre_id, etat, represente_par) values ($1, $2, $3, $4)
       on conflict (seance_id, membre_id) do update set etat = excluded.etat, represente_par = excluded.represente_par`,
      [seanceId, p.membreId, p.etat, p.etat === 'represente' ? p.representePar : null],
    );
}

/** False when the version has moved. A planned séance already begun becomes « tenue » with its minutes. */
export async function ecrireCompteRendu(db: Queryable, id: string, version: number, html: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `update seances set compte_rendu = $3, version = version + 1, statut = case when statut = 'prevue' and debut < now() then 'tenue' else statut end where id = $1 and version = $2`,
    [id, version, html],
  );
  return !!rowCount;
}

export async function noterInvitation(db: Queryable, seanceId: string, destinataire: string) {
  await db.query('insert into invitations (seance_id, destinataire) values ($1, $2)', [seanceId, destinataire]);
}

/** Records a decision after the séance's others; returns its id. */
export async function creerDecision(
  db: Queryable,
  seanceId: string,
  d: { texte: string; action: string | null; ficheId: string | null; parametres: unknown },
): Promise<string> {
  const { rows } = await db.query(
    `insert into decisions (seance_id, rang, texte, action, fiche_id, parametres)
     values ($1, (select count(*) from decisions where seance_id = $1), $2, $3, $4, $5) returning id`,
    [seanceId, d.texte, d.action, d.ficheId, d.parametres],
  );
  return rows[0].id;
}

export async function noterEffetDecision(db: Queryable, decisionId: string, effet: Record<string, unknown>) {
  await db.query('update decisions set appliquee_le = now(), effet = $2 where id = $1', [decisionId, effet]);
}
