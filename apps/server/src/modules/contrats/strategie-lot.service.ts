/**
 * The strategy (axes, objectifs) completed inside the caller's transaction, by a plan import: the caller has checked
 * the right to change the contract and its signed-contract rule once for the whole file; each creation is audited
 * here as the contracts module audits it, marked as coming from an import.
 */
import { auditer } from '../../platform/audit';
import { acteurDe, type Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import * as repository from './contrats.repository';

/** Takes the contract's row until the transaction ends: one import at a time per contract. */
export async function verrouillerContrat(tx: Queryable, contratId: string): Promise<void> {
  await repository.obtenirContrat(tx, contratId, true);
}

export async function creerAxeImporte(
  tx: Queryable,
  utilisateur: Utilisateur,
  contratId: string,
  a: { intitule: string; axePrs?: string | null; description?: string | null },
) {
  const id = await repository.creerAxe(tx, contratId, a);
  await auditerCreation(tx, utilisateur, contratId, 'axe', id, a);
  return id;
}

export async function creerObjectifImporte(
  tx: Queryable,
  utilisateur: Utilisateur,
  contratId: string,
  axeId: string,
  o: { intitule: string; objectifsOperationnels: string[] },
) {
  const id = await repository.creerObjectif(tx, axeId, o);
  await auditerCreation(tx, utilisateur, contratId, 'objectif', id, { axeId, ...o });
  return id;
}

/** The contract's version and date move once the strategy changed. */
export const toucherContrat = (tx: Queryable, contratId: string) => repository.toucherContrat(tx, contratId);

function auditerCreation(
  tx: Queryable,
  utilisateur: Utilisateur,
  contratId: string,
  entite: string,
  id: string,
  apres: Record<string, unknown>,
) {
  return auditer(tx, {
    acteur: acteurDe(utilisateur),
    entiteType: entite,
    entiteId: id,
    action: 'creation',
    apres: apres as never,
    contexte: { contratId, import: true },
  });
}
