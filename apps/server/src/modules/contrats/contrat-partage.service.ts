/**
 * What the other modules use of a contract besides its use cases and contrats/acces.ts (decision 0022): reads of its
 * row, axes, parties and regional doctrine; the version bump a child of the contract (a fiche) gives it; the axes and
 * objectives a plan import creates. The SQL stays in the repositories of this module; this list is what is public.
 */
export {
  axeDuContrat,
  creerAxe,
  creerObjectif,
  listerAxes,
  listerSignataires,
  objectifDuContrat,
  obtenirContrat,
  obtenirDoctrine,
  organisationsParIds,
  toucherContrat,
  type AxeLigne,
  type ContratLigne,
} from './contrats.repository';
export { dispositifsDuContrat } from './articulation.repository';
