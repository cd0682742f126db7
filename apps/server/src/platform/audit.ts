import { difference } from '@maillage/domain';
import type { Queryable } from './database';

export interface Acteur {
  id: string | null;
  libelle: string;
}

export const SYSTEME: Acteur = { id: null, libelle: 'Système' };

export interface EvenementAudit {
  acteur: Acteur;
  entiteType: string;
  entiteId: string | null;
  action: string;
  avant?: Record<string, unknown> | null;
  apres?: Record<string, unknown> | null;
  contexte?: Record<string, unknown>;
}

/** Call inside the mutation's transaction: the change and its trace commit or fail together. */
export async function auditer(tx: Queryable, evenement: EvenementAudit): Promise<void> {
  const diff = difference(evenement.avant ?? null, evenement.apres ?? null);
  await tx.query(
    `insert into audit_evenements (acteur_id, acteur_libelle, entite_type, entite_id, action, diff, contexte)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      evenement.acteur.id,
      evenement.acteur.libelle,
      evenement.entiteType,
      evenement.entiteId,
      evenement.action,
      diff,
      evenement.contexte ?? {},
    ],
  );
}

/** Many events of one change (a plan import) in one statement per thousand, in their order. */
export async function auditerLot(tx: Queryable, evenements: EvenementAudit[]): Promise<void> {
  for (let i = 0; i < evenements.length; i += 1000) {
    const paquet = evenements.slice(i, i + 1000).map((e) => ({
      acteur_id: e.acteur.id,
      acteur_libelle: e.acteur.libelle,
      entite_type: e.entiteType,
      entite_id: e.entiteId,
      action: e.action,
      diff: difference(e.avant ?? null, e.apres ?? null),
      contexte: e.contexte ?? {},
    }));
    await tx.query(
      `insert into audit_evenements (acteur_id, acteur_libelle, entite_type, entite_id, action, diff, contexte)
       select n.acteur_id, n.acteur_libelle, n.entite_type, n.entite_id, n.action, n.diff, n.contexte
       from json_to_recordset($1::json) n(acteur_id uuid, acteur_libelle text, entite_type text, entite_id text, action text, diff jsonb, contexte jsonb)`,
      [JSON.stringify(paquet)],
    );
  }
}
