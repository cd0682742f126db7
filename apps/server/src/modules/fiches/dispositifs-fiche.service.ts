import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { invalide } from '../../platform/errors';
import { exigerRecevable } from '../contrats/acces';
import { dispositifsDuContrat } from '../contrats/contrat-partage.service';
import { chargerFiche, exigerSurFiche } from './fiches.service';

/**
 * Links a fiche to the schemes of its contract (the full list). Like the schemes themselves, the links follow the
 * territory without avenant (decision 0017); whoever may edit the fiche may set them.
 */
export async function lierDispositifs(ctx: Contexte, utilisateur: Utilisateur, ficheId: string, dispositifIds: string[]) {
  const fiche = await chargerFiche(ctx.db, ficheId);
  exigerRecevable(await exigerSurFiche(ctx.db, utilisateur, 'modifier', fiche), 'articulation');
  const ids = [...new Set(dispositifIds)];
  return enTransaction(ctx.db, async (tx) => {
    await tx.query('select 1 from fiches where id = $1 for update', [ficheId]);
    const connus = await dispositifsDuContrat(tx, fiche.contratId, ids);
    const inconnus = ids.filter((id) => !connus.some((d) => d.id === id));
    if (inconnus.length)
      throw invalide(
        `${inconnus.length > 1 ? 'Ces dispositifs ne sont' : 'Ce dispositif n’est'} pas rattaché${inconnus.length > 1 ? 's' : ''} au contrat de la fiche : ajoutez-le d’abord au contrat.`,
        inconnus.map((id) => ({ champ: `dispositifIds.${dispositifIds.indexOf(id)}`, message: 'Dispositif inconnu dans ce contrat' })),
      );
    await tx.query('delete from fiche_dispositifs_territoriaux where fiche_id = $1', [ficheId]);
    await tx.query('insert into fiche_dispositifs_territoriaux (fiche_id, dispositif_id) select $1, unnest($2::uuid[])', [ficheId, ids]);
    const nom = (id: string) => connus.find((d) => d.id === id)!.nom;
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'fiche',
      entiteId: ficheId,
      action: 'dispositifs_territoriaux',
      avant: { dispositifsTerritoriaux: fiche.dispositifsTerritoriaux.map((d) => d.nom) },
      apres: { dispositifsTerritoriaux: ids.map(nom) },
      contexte: { contratId: fiche.contratId, numero: fiche.numero },
    });
    return { dispositifsTerritoriaux: ids.map((id) => ({ id, nom: nom(id) })) };
  });
}
