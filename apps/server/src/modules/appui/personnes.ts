import type { IdentitePersonne } from '@maillage/domain/api';
import type { Trousseau } from '../../platform/chiffrement';
import type { Queryable } from '../../platform/database';
import { introuvable } from '../../platform/errors';
import * as queries from './appui.queries';
import { ouvrirJson, sceller } from './chiffrement-appui';

/**
 * The person (issue 18 item 2): minimal identity, encrypted whole; only the commune code stays in clear, for the
 * aggregates by territory. The INS is kept as entered and always shown as not qualified (no call to the INSi service).
 */

export async function lireIdentite(
  db: Queryable,
  t: Trousseau,
  personneId: string,
): Promise<IdentitePersonne & { communeCode: string | null }> {
  const { rows } = await db.query<{ chiffre: Buffer; communeCode: string | null }>(
    'select identite_chiffree as chiffre, commune_code as "communeCode" from appui_personnes where id = $1',
    [personneId],
  );
  if (!rows[0]) throw introuvable('Cette personne n’existe pas.');
  const identite = ouvrirJson<IdentitePersonne>(t, 'appui_personnes', 'identite_chiffree', personneId, rows[0].chiffre)!;
  return { ...identite, communeCode: rows[0].communeCode };
}

/** An identity already read (the lists fetch the ciphertexts in their own query). */
export const ouvrirIdentite = (t: Trousseau, personneId: string, chiffre: Buffer) =>
  ouvrirJson<IdentitePersonne>(t, 'appui_personnes', 'identite_chiffree', personneId, chiffre)!;

/** « DUPONT Marie » — for the lists of those who have access. */
export const nomAffiche = (i: IdentitePersonne) => `${(i.nomUsage || i.nom).toLocaleUpperCase('fr-FR')} ${i.prenoms}`;

export async function vueIdentite(db: Queryable, t: Trousseau, personneId: string) {
  const i = await lireIdentite(db, t, personneId);
  return {
    nom: i.nom,
    nomUsage: i.nomUsage ?? null,
    prenoms: i.prenoms,
    dateNaissance: i.dateNaissance ?? null,
    sexe: i.sexe ?? null,
    communeCode: i.communeCode ?? null,
    communeNom: await queries.communeNom(db, i.communeCode ?? null),
    ins: i.ins ?? null,
    insQualifie: false as const,
  };
}

export async function ecrireIdentite(db: Queryable, t: Trousseau, personneId: string, identite: IdentitePersonne) {
  await db.query('update appui_personnes set identite_chiffree = $2, commune_code = $3, modifie_le = now() where id = $1', [
    personneId,
    sceller(t, 'appui_personnes', 'identite_chiffree', personneId, identite),
    identite.communeCode ?? null,
  ]);
}
