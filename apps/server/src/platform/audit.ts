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
    [evenement.acteur.id, evenement.acteur.libelle, evenement.entiteType, evenement.entiteId, evenement.action, diff, evenement.contexte ?? {}],
  );
}
