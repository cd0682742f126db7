import { pluriel } from '@maillage/domain';
import type { Config } from '../../config';
import {
  chargerTrousseau,
  chiffrerJson,
  cleDuChiffre,
  dechiffrer,
  dechiffrerJson,
  chiffrer as chiffrerTexte,
  type Trousseau,
} from '../../platform/chiffrement';
import { enTransaction, type Db } from '../../platform/database';

/**
 * The appui module's encrypted columns (decision 0031). Each ciphertext is bound to its table, column and row: the
 * context below is its associated data, so a ciphertext moved to another row or column does not decrypt.
 */

export const COLONNES_CHIFFREES = [
  { table: 'appui_personnes', colonne: 'identite_chiffree', cle: 'id' },
  { table: 'appui_demandes', colonne: 'demandeur_chiffre', cle: 'id' },
  { table: 'appui_demandes', colonne: 'motif_chiffre', cle: 'id' },
  { table: 'appui_situations', colonne: 'opposition_motif_chiffre', cle: 'id' },
  { table: 'appui_evaluations', colonne: 'grille_chiffree', cle: 'id' },
  { table: 'appui_orientations', colonne: 'commentaire_chiffre', cle: 'id' },
  { table: 'appui_journal_acces', colonne: 'motif_chiffre', cle: 'id' },
  // Migration 0029 (decision 0032).
  { table: 'appui_plans', colonne: 'contenu_chiffre', cle: 'id' },
  { table: 'appui_concertations', colonne: 'contenu_chiffre', cle: 'id' },
  { table: 'appui_clotures', colonne: 'precision_chiffree', cle: 'situation_id' },
] as const;

export const contexteChiffre = (table: string, colonne: string, id: string | number) => `${table}.${colonne}:${id}`;

const trousseaux = new WeakMap<Config, Promise<Trousseau>>();

/** The keys, loaded once per configuration (the key file is created on first use). */
export function trousseau(config: Config): Promise<Trousseau> {
  let t = trousseaux.get(config);
  if (!t) {
    t = chargerTrousseau(config.dataDir, config.cleSante);
    // A failed load (unreadable file) is retried at the next use rather than kept.
    t.catch(() => trousseaux.delete(config));
    trousseaux.set(config, t);
  }
  return t;
}

/** Encrypts an object for a row's column; null stays null. */
export function sceller(t: Trousseau, table: string, colonne: string, id: string, valeur: unknown): Buffer | null {
  if (valeur === null || valeur === undefined) return null;
  return typeof valeur === 'string'
    ? chiffrerTexte(t, valeur, contexteChiffre(table, colonne, id))
    : chiffrerJson(t, valeur, contexteChiffre(table, colonne, id));
}

export function ouvrirTexte(t: Trousseau, table: string, colonne: string, id: string | number, chiffre: Buffer | null): string | null {
  return chiffre ? dechiffrer(t, chiffre, contexteChiffre(table, colonne, id)) : null;
}

export function ouvrirJson<T>(t: Trousseau, table: string, colonne: string, id: string, chiffre: Buffer | null): T | null {
  return chiffre ? dechiffrerJson<T>(t, chiffre, contexteChiffre(table, colonne, id)) : null;
}

/**
 * Re-encrypts with the active key every ciphertext made with another one, by batches of 200 rows in their own
 * transaction (a rotation interrupted goes on where it stopped). Returns how many values changed.
 */
export async function rechiffrer(db: Db, t: Trousseau, journal: (m: string) => void = () => {}): Promise<number> {
  let total = 0;
  for (const { table, colonne, cle } of COLONNES_CHIFFREES) {
    let n = 0;
    for (;;) {
      const fait = await enTransaction(db, async (tx) => {
        const { rows } = await tx.query<{ id: string; chiffre: Buffer }>(
          `select ${cle}::text as id, ${colonne} as chiffre from ${table}
            where ${colonne} is not null and substring(${colonne} from 2 for 8) <> decode($1, 'hex')
            limit 200 for update`,
          [t.active.id],
        );
        for (const r of rows) {
          if (cleDuChiffre(r.chiffre) === t.active.id) continue;
          const contexte = contexteChiffre(table, colonne, r.id);
          const nouveau = chiffrerTexte(t, dechiffrer(t, r.chiffre, contexte), contexte);
          await tx.query(`update ${table} set ${colonne} = $2 where ${cle}::text = $1`, [r.id, nouveau]);
        }
        return rows.length;
      });
      n += fait;
      if (fait < 200) break;
    }
    if (n) journal(`${table}.${colonne} : ${pluriel(n, 'valeur rechiffrée', 'valeurs rechiffrées', 'f')}.`);
    total += n;
  }
  return total;
}
