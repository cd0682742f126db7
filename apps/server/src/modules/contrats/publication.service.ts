import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { exigerSurContrat } from './acces';
import { exigerPubliable } from './confirmations.service';
import * as repository from './contrats.repository';

/**
 * Publishes or withdraws a contract (issue 12): a display setting, not a contractual change, so it is open at any
 * statut to the contract's coordination and its ARS, never through an avenant. Publishing still requires the ARS of
 * each region to have confirmed (422 naming what is missing). Asking for the current state changes nothing.
 */
export async function changerPublication(ctx: Contexte, utilisateur: Utilisateur, id: string, publie: boolean) {
  await exigerSurContrat(ctx.db, utilisateur, 'publier', id);
  return enTransaction(ctx.db, async (tx) => {
    // The contract's row first, as an ARS's answer does: a publication and a refusal racing are serialised.
    const contrat = (await repository.obtenirContrat(tx, id, true))!;
    if (contrat.publie === publie) return { publie, change: false };
    if (publie) await exigerPubliable(tx, id);
    await tx.query('update contrats set publie = $2 where id = $1', [id, publie]);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'contrat',
      entiteId: id,
      action: publie ? 'publication' : 'depublication',
      avant: { publie: contrat.publie },
      apres: { publie },
      contexte: {
        phrase: publie
          ? `a publié le contrat « ${contrat.intitule} » : sa page publique et ses données ouvertes sont visibles de tous`
          : `a retiré la publication du contrat « ${contrat.intitule} » : il n’est plus visible du public`,
      },
    });
    return { publie, change: true };
  });
}
