/**
 * What other modules read of a contract (its row, axes, signatories, confirmations, doctrine, engaged organisations),
 * read-only and without permission check, so that they never reach into `contrats.repository`: the caller has
 * checked the user's right on the contract (`acces.ts`) or shows only public facts (decision 0022). The SQL
 * conditions below are exported for the read models (`*.queries.ts`) that filter contracts in one query, so that the
 * rule they state is written once.
 */
import type { Queryable } from '../../platform/database';
import * as confirmations from './confirmations.repository';
import * as repository from './contrats.repository';

export type { AxeLigne, ContratLigne, ObjectifLigne, OrganisationCourte, SignataireLigne } from './contrats.repository';
export type { ConfirmationLigne } from './confirmations.repository';

/** SQL set of the organisations engaged in a contract aliased `c` (ARS, porteurs, signataires, partenaires, pilotes). */
export const ORGANISATIONS_ENGAGEES = repository.ORGANISATIONS_ENGAGEES;
/** SQL condition on a contract aliased `c`: its ARS have confirmed (the publication rule). */
export const ARS_CONFIRMEES = confirmations.ARS_CONFIRMEES;

/** The contract's row (intitulé, périmètre, régions, statut…), or null. */
export const lireContrat = (db: Queryable, id: string) => repository.obtenirContrat(db, id);
/** The contract's axes with their objectives, in order. */
export const axesDuContrat = (db: Queryable, contratId: string) => repository.listerAxes(db, contratId);
export const signatairesDuContrat = (db: Queryable, contratId: string) => repository.listerSignataires(db, contratId);
export const confirmationsDuContrat = (db: Queryable, contratId: string) => confirmations.confirmationsDuContrat(db, contratId);
export const organisationsParIds = (db: Queryable, ids: string[]) => repository.organisationsParIds(db, ids);
/** A region's doctrine (its rules), or null when the region has none. */
export const doctrineDeRegion = (db: Queryable, regionCode: string) => repository.obtenirDoctrine(db, regionCode);
/** The organisations engaged in the contract (ARS, porteurs, signataires, partenaires, pilotes…), for the rights. */
export const organisationsEngagees = (db: Queryable, contratId: string) => repository.organisationsEngagees(db, contratId);
