import type { Contexte, Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { conflit, nonAuthentifie } from '../../platform/errors';
import { exigerSituationComplete, journaliserLecture, type LigneSituation } from './acces-appui';
import { ouvrirJson, ouvrirTexte, sceller, trousseau } from './chiffrement-appui';

/**
 * What the plan, concertations, follow-up, closure, purge and access right take from the core of the module (issue
 * 18 items 1–3 and 8): the case and its access rule, the read log, the sealing of contents. One file, so that these
 * use cases name the core in one place.
 */

export type SituationDuPlan = LigneSituation;

/**
 * Loads a case its user may open in full (the core's rule: 403 outside the team, 403 asking for a reason to a member
 * neither référent nor assigned); `modifier` also wants it open (409 once closed). The caller logs the read once it
 * has read.
 */
export async function exigerSituation(
  db: Queryable,
  utilisateur: Utilisateur | null,
  action: 'lire' | 'modifier',
  id: string,
  verrouiller = false,
): Promise<SituationDuPlan> {
  if (!utilisateur) throw nonAuthentifie();
  const { situation } = await exigerSituationComplete(db, utilisateur, id, '', { verrouiller, journaliser: false });
  if (action === 'modifier' && situation.statut === 'close') throw conflit('Cette situation est close : elle ne se modifie plus.');
  return situation;
}

/** One line of the case's read log: who read what, now. */
export async function noterLecture(db: Queryable, utilisateur: Utilisateur, s: { id: string; organisationId: string }, objet: string) {
  await journaliserLecture(db, utilisateur, { organisationId: s.organisationId, situationId: s.id, objet });
}

/** Seals a value for a row's column with the module's key (associated data: table, column, row). */
export async function scellerPour(ctx: Contexte, table: string, colonne: string, id: string, valeur: unknown): Promise<Buffer> {
  return sceller(await trousseau(ctx.config), table, colonne, id, valeur)!;
}

export async function ouvrirDe<T>(ctx: Contexte, table: string, colonne: string, id: string, chiffre: Buffer): Promise<T> {
  return ouvrirJson<T>(await trousseau(ctx.config), table, colonne, id, chiffre)!;
}

/** A sealed string (the core seals strings as text, objects as JSON). */
export async function ouvrirTexteDe(ctx: Contexte, table: string, colonne: string, id: string | number, chiffre: Buffer | null) {
  return ouvrirTexte(await trousseau(ctx.config), table, colonne, id, chiffre);
}
