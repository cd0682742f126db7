import { refusRenouvellement, type StatutContrat } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { conflit, type ErreurMetier } from '../../platform/errors';
import * as repository from './contrats.repository';

/**
 * Every path that gives a contract its next generation (renewal from the contract page, from an evaluation, a contract
 * created or edited naming its predecessor) takes the predecessor to « Renouvelé », in the caller's transaction,
 * audited as a status change. `refus` builds the error when the predecessor cannot be renewed.
 */
export async function marquerRenouvele(
  tx: Queryable,
  utilisateur: Utilisateur,
  predecesseurId: string,
  successeurId: string,
  refus: (message: string) => ErreurMetier = conflit,
): Promise<void> {
  const { rows } = await tx.query('select statut, version, regions from contrats where id = $1 for update', [predecesseurId]);
  const { rows: autres } = await tx.query('select intitule from contrats where predecesseur_id = $1 and id <> $2 limit 1', [
    predecesseurId,
    successeurId,
  ]);
  const de = rows[0].statut as StatutContrat;
  const raison = refusRenouvellement(de, autres[0]?.intitule ?? null);
  if (raison) throw refus(raison);
  if (de === 'renouvele') return;
  await repository.changerStatut(tx, predecesseurId, rows[0].version, 'renouvele', null);
  await auditer(tx, {
    acteur: acteurDe(utilisateur),
    entiteType: 'contrat',
    entiteId: predecesseurId,
    action: 'statut',
    avant: { statut: de },
    apres: { statut: 'renouvele' },
    contexte: { regions: rows[0].regions, successeurId },
  });
}
