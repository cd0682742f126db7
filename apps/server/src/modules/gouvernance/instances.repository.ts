/** Governance instances and their members in SQL (tables `instances`, `membres_instance`). SQL only. */
import type { instanceSchema, membreInstanceSchema } from '@maillage/domain';
import type { z } from 'zod';
import type { Queryable } from '../../platform/database';

type Instance = z.infer<typeof instanceSchema>;
type Membre = z.infer<typeof membreInstanceSchema>;

/** The instance's secret calendar token, or null when the instance is not the contract's. */
export async function jetonCalendrier(db: Queryable, contratId: string, instanceId: string): Promise<string | null> {
  const { rows } = await db.query('select jeton_calendrier as jeton from instances where id = $1 and contrat_id = $2', [
    instanceId,
    contratId,
  ]);
  return rows[0]?.jeton ?? null;
}

/** The instance a calendar token opens, or null. */
export async function instanceDuJeton(db: Queryable, jeton: string) {
  const { rows } = await db.query<{ id: string; contratId: string; nom: string }>(
    'select id, contrat_id as "contratId", nom from instances where jeton_calendrier = $1',
    [jeton],
  );
  return rows[0] ?? null;
}

export async function instanceExiste(db: Queryable, contratId: string, instanceId: string): Promise<boolean> {
  const { rowCount } = await db.query('select 1 from instances where id = $1 and contrat_id = $2', [instanceId, contratId]);
  return !!rowCount;
}

export async function creerInstance(db: Queryable, contratId: string, i: Instance): Promise<string> {
  const { rows } = await db.query(
    'insert into instances (contrat_id, type, nom, frequence_par_an, presidence) values ($1, $2, $3, $4, $5) returning id',
    [contratId, i.type, i.nom, i.frequenceParAn ?? null, i.presidence ?? null],
  );
  return rows[0].id;
}

/** False when the instance is not the contract's. */
export async function modifierInstance(db: Queryable, contratId: string, id: string, i: Instance): Promise<boolean> {
  const { rowCount } = await db.query(
    'update instances set type = $3, nom = $4, frequence_par_an = $5, presidence = $6 where id = $1 and contrat_id = $2',
    [id, contratId, i.type, i.nom, i.frequenceParAn ?? null, i.presidence ?? null],
  );
  return !!rowCount;
}

/** False when the instance is not the contract's. */
export async function supprimerInstance(db: Queryable, contratId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from instances where id = $1 and contrat_id = $2', [id, contratId]);
  return !!rowCount;
}

/** Adds a member; a foreign key error (23503) means an unknown organisation or person. */
export async function ajouterMembre(db: Queryable, instanceId: string, m: Membre): Promise<string> {
  const { rows } = await db.query(
    'insert into membres_instance (instance_id, organisation_id, personne_id, role, copresidence, debut, fin, email, qualite) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id',
    [
      instanceId,
      m.organisationId ?? null,
      m.personneId ?? null,
      m.role ?? null,
      m.copresidence,
      m.debut ?? null,
      m.fin ?? null,
      m.email ?? null,
      m.qualite ?? null,
    ],
  );
  return rows[0].id;
}

/** The member's end of mandate and whether they sat in a séance; null when not a member of the instance. */
export async function situationMembre(db: Queryable, instanceId: string, membreId: string) {
  const { rows } = await db.query<{ fin: string | null; aSiege: boolean }>(
    'select m.fin, exists (select 1 from presences p where p.membre_id = m.id) as "aSiege" from membres_instance m where m.id = $1 and m.instance_id = $2',
    [membreId, instanceId],
  );
  return rows[0] ?? null;
}

/** Ends the mandate today (or keeps an earlier end). */
export async function finirMandat(db: Queryable, membreId: string) {
  await db.query('update membres_instance set fin = least(coalesce(fin, current_date), current_date) where id = $1', [membreId]);
}

export async function supprimerMembre(db: Queryable, membreId: string) {
  await db.query('delete from membres_instance where id = $1', [membreId]);
}

/** The member's own invitation address, locked; undefined when not a member of the instance. */
export async function courrielMembre(db: Queryable, instanceId: string, membreId: string): Promise<{ email: string | null } | undefined> {
  const { rows } = await db.query('select email from membres_instance where id = $1 and instance_id = $2 for update', [
    membreId,
    instanceId,
  ]);
  return rows[0];
}

export async function changerCourrielMembre(db: Queryable, membreId: string, email: string | null) {
  await db.query('update membres_instance set email = $2 where id = $1', [membreId, email]);
}

/** The ids of the instance's members. */
export async function membresDeLInstance(db: Queryable, instanceId: string): Promise<Set<string>> {
  const { rows } = await db.query('select id from membres_instance where instance_id = $1', [instanceId]);
  return new Set(rows.map((r) => r.id as string));
}

/** Changes what a member is (a représentant des usagers…): its former qualité, or undefined when not a member of the instance. */
export async function changerQualiteMembre(db: Queryable, instanceId: string, membreId: string, qualite: string | null) {
  const { rows } = await db.query<{ avant: string | null }>(
    `update membres_instance m set qualite = $3 from membres_instance a
     where m.id = $1 and m.instance_id = $2 and a.id = m.id returning a.qualite as avant`,
    [membreId, instanceId, qualite],
  );
  return rows[0];
}
