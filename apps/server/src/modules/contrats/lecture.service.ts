/**
 * What other modules read of a contract (its row, axes, doctrine, engaged organisations), so that they never reach
 * into `contrats.repository`. No right is checked here: the caller has already checked its own (decision 0022).
 */
import type { Queryable } from '../../platform/database';
import * as repository from './contrats.repository';

/** The contract's row (intitulé, périmètre, régions, statut…), or null. */
export const lireContrat = (db: Queryable, id: string) => repository.obtenirContrat(db, id);

/** The contract's axes with their objectives, in order. */
export const axesDuContrat = (db: Queryable, contratId: string) => repository.listerAxes(db, contratId);

/** A region's doctrine (its rules), or null when the region has none. */
export const doctrineDeRegion = (db: Queryable, regionCode: string) => repository.obtenirDoctrine(db, regionCode);

/** The organisations engaged in the contract (ARS, porteurs, signataires, partenaires, pilotes…), for the rights. */
export const organisationsEngagees = (db: Queryable, contratId: string) => repository.organisationsEngagees(db, contratId);
