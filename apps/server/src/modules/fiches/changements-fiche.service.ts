/**
 * What other modules change on a fiche: a séance's decision (validation, statut, funding) and a validated follow-up
 * report (statut). The fiches table is written here, by its own module (decision 0022); the caller has checked its
 * rights, holds the transaction and writes the audit event that says why.
 */
import type { FicheSaisie } from '@maillage/domain';
import type { Queryable } from '../../platform/database';
import { publierEvenement } from '../../platform/evenements';
import * as repository from './fiches.repository';

/** The fiche, or null when unknown (`verrouiller`: locked for the rest of the transaction). */
export const trouverFiche = (db: Queryable, id: string, verrouiller = false) => repository.obtenirFiche(db, id, verrouiller);

/** The fiche's statut history, oldest first. */
export const historiqueStatuts = (db: Queryable, ficheId: string) => repository.historiqueStatuts(db, ficheId);

/** Sets the fiche's statut and records who changed it (`par`: a readable origin, e.g. « X (décision du …) »). */
export async function changerStatutFiche(tx: Queryable, ficheId: string, statut: string, par: string) {
  const { rows } = await tx.query('select contrat_id as "contratId", numero, statut from fiches where id = $1 for update', [ficheId]);
  await tx.query('update fiches set statut = $2, version = version + 1, modifie_le = now() where id = $1', [ficheId, statut]);
  await repository.noterStatut(tx, ficheId, statut, par);
  if (rows[0] && rows[0].statut !== statut)
    await publierEvenement(tx, {
      type: 'fiche.statut_modifie',
      contratId: rows[0].contratId,
      donnees: { ficheId, numero: rows[0].numero, statutAvant: rows[0].statut, statut },
    });
}

/** Marks the fiche validated on that date by that decision. */
export async function validerFiche(tx: Queryable, ficheId: string, date: string, decisionId: string) {
  await tx.query('update fiches set validee_le = $2, validee_par = $3, version = version + 1, modifie_le = now() where id = $1', [
    ficheId,
    date,
    decisionId,
  ]);
}

/** Replaces the fiche's funding lines. */
export async function remplacerFinancementsFiche(tx: Queryable, contratId: string, ficheId: string, lignes: FicheSaisie['financements']) {
  await repository.remplacerFinancements(tx, contratId, ficheId, lignes);
  await tx.query('update fiches set version = version + 1, modifie_le = now() where id = $1', [ficheId]);
}
