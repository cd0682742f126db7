import { can, peutRecevoir, raisonVerrou, type Action, type ApportContrat, type RefContrat, type StatutContrat } from '@maillage/domain';
import type { Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { conflit, interdit, introuvable, nonAuthentifie } from '../../platform/errors';
import * as repository from './contrats.repository';

/** What the permission rules need of a contract, read from the database. */
export type RefContratEtat = RefContrat & { statut: StatutContrat; periodeFin: string | null };

export async function referenceContrat(db: Queryable, contratId: string): Promise<RefContratEtat> {
  // One query: every request on a contract starts here.
  const ref = await repository.referenceContrat(db, contratId);
  if (!ref) throw introuvable('Ce contrat n’existe pas.');
  return { ...ref, statut: ref.statut as StatutContrat };
}

/**
 * Loads the contract and checks the action. A contract the user may not even read answers 404, so that its
 * existence is not disclosed.
 */
export async function exigerSurContrat(db: Queryable, utilisateur: Utilisateur | null, action: Action, contratId: string) {
  const ref = await referenceContrat(db, contratId);
  verifierSurContrat(utilisateur, action, ref);
  return ref;
}

/** The same, with the contract's axes read in the same query (a list of its fiches numbers them by axe). */
export async function exigerSurContratAvecAxes(db: Queryable, utilisateur: Utilisateur | null, action: Action, contratId: string) {
  const ligne = await repository.referenceEtAxes(db, contratId);
  if (!ligne) throw introuvable('Ce contrat n’existe pas.');
  const { axes, ...ref } = ligne;
  const reference: RefContratEtat = { ...ref, statut: ref.statut as StatutContrat };
  verifierSurContrat(utilisateur, action, reference);
  return { ref: reference, axes };
}

/** The same check on a contract already read (a page that loads everything in one query checks before answering). */
export function verifierSurContrat(utilisateur: Utilisateur | null, action: Action, ref: RefContrat) {
  if (!can(utilisateur, 'lire', { type: 'contrat', contrat: ref }))
    throw utilisateur ? introuvable('Ce contrat n’existe pas.') : nonAuthentifie();
  if (action !== 'lire' && !can(utilisateur, action, { type: 'contrat', contrat: ref })) throw interdit();
}

export async function avenantOuvert(db: Queryable, contratId: string): Promise<{ id: string; numero: number } | null> {
  const { rows } = await db.query(`select id, numero from avenants where contrat_id = $1 and etat = 'brouillon'`, [contratId]);
  return rows[0] ?? null;
}

/** After signature the text of the contract changes only through an avenant being drafted; a closed contract never. */
export async function exigerModifiable(db: Queryable, contratId: string, statut: StatutContrat) {
  const raison = raisonVerrou(
    statut,
    statut === 'signe' || statut === 'evaluation' ? (await avenantOuvert(db, contratId)) !== null : false,
  );
  if (raison) throw conflit(raison);
}

/** Refuses (409) what the contract may no longer receive in its state (decision 0006: a closed contract). */
export function exigerRecevable(ref: { statut: StatutContrat; periodeFin?: string | null }, apport: ApportContrat, periode?: string) {
  const r = peutRecevoir(ref, apport, periode);
  if (!r.ok) throw conflit(r.raison);
}

export { raisonVerrou };
