/**
 * The directory as a plan import uses it, inside the caller's transaction: every organisation read once, and those
 * the file names but the directory lacks created (type « autre ») and audited as coming from the import.
 */
import type { OrganisationSaisie } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import * as repository from './comptes.repository';

export type { OrganisationLigne } from './comptes.repository';

export async function toutesLesOrganisations(db: Queryable) {
  return (await repository.listerOrganisations(db, { q: null, types: null, limite: 1_000_000, decalage: 0 })).elements;
}

export async function creerOrganisationImportee(tx: Queryable, utilisateur: Utilisateur, saisie: OrganisationSaisie, contratId: string) {
  const creee = await repository.creerOrganisation(tx, saisie);
  await auditer(tx, {
    acteur: acteurDe(utilisateur),
    entiteType: 'organisation',
    entiteId: creee.id,
    action: 'creation',
    apres: creee as never,
    contexte: { contratId, import: true },
  });
  return creee;
}
