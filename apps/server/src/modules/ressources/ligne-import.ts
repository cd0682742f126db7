import { ressourceSaisieSchema } from '@maillage/domain';
import type { RapportImportRessources } from '@maillage/domain/api';
import type { Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { ErreurMetier } from '../../platform/errors';
import type * as queries from './ressources.queries';
import { enregistrerRessource, type Memo } from './ressources.service';

/** One row of a resource import (ROR entry or spreadsheet row), its report line, and how it is written. */

export type Ligne = RapportImportRessources['lignes'][number];

export interface ImportDemande {
  dryRun: boolean;
  /** Where a ROR offer goes when its organisation is found neither by FINESS nor by SIRET. */
  organisationId?: string;
}

export type Preparation = (
  tx: Queryable,
  utilisateur: Utilisateur,
  demande: ImportDemande,
  lignes: Ligne[],
  nomFichier: string,
) => Promise<void>;

/** Writes one row through the directory's use case; its refusal (rights, unknown commune…) becomes the row's reason. */
export async function ecrireLigne(
  tx: Queryable,
  utilisateur: Utilisateur,
  saisie: unknown,
  avant: queries.RessourceLue | null,
  ligne: Omit<Ligne, 'statut'>,
  lignes: Ligne[],
  contexte: Record<string, unknown>,
  memo: Memo,
) {
  const lue = ressourceSaisieSchema.safeParse(saisie);
  if (!lue.success) {
    lignes.push({
      ...ligne,
      statut: 'rejete',
      raison: lue.error.issues.map((i) => `${i.path.join('.') || 'ligne'} : ${i.message}`).join(' ; '),
    });
    return;
  }
  // A savepoint per row: a refused row leaves the transaction usable, to report the following ones.
  await tx.query('savepoint ligne_import');
  try {
    const r = await enregistrerRessource(tx, utilisateur, lue.data, avant, avant?.version ?? null, contexte, undefined, memo);
    await tx.query('release savepoint ligne_import');
    lignes.push({ ...ligne, statut: r.statut });
  } catch (e) {
    await tx.query('rollback to savepoint ligne_import');
    if (!(e instanceof ErreurMetier)) throw e;
    lignes.push({ ...ligne, statut: 'rejete', raison: e.message });
  }
}
