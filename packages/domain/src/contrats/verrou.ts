import { formaterDate } from '../format';
import { estSigne, LIBELLES_STATUT_CONTRAT, type StatutContrat } from './statuts';

/**
 * The lock rule of a contract (decision 0006): what it may still receive, at each point of its life cycle. Every
 * service that adds something to a contract asks it, and the web hides the same buttons with the same reason.
 */

/** A contract that ended (échu), was followed by its next generation (renouvelé) or was abandoned. */
export const STATUTS_CLOS: readonly StatutContrat[] = ['echu', 'renouvele', 'abandonne'];
export const estClos = (statut: StatutContrat): boolean => STATUTS_CLOS.includes(statut);

/**
 * What can be added to a contract. The text of the contract (« texte »: axes, objectifs, fiches, parties,
 * périmètre, plan import) also needs an open avenant once it is signed; the rest is the life around the text.
 */
export const APPORTS_CONTRAT = [
  'texte',
  'diagnostic',
  'instance',
  'membre_instance',
  'coordination',
  'financement',
  'engagement',
  'indicateur_suivi',
  'campagne',
  'decision_sur_plan',
  'seance',
  'decision',
  'fichier',
  'suivi',
  'statut_fiche',
  'evaluation',
  'articulation',
  'parcours',
] as const;
export type ApportContrat = (typeof APPORTS_CONTRAT)[number];

/** What each refused addition is called in the refusal: « il ne reçoit plus … ». */
const REFUSES_SI_CLOS: Partial<Record<ApportContrat, string>> = {
  texte: 'de changement de son texte (axes, objectifs, fiches-action, parties)',
  diagnostic: 'd’élément de diagnostic (le diagnostic suivant se fait sur le contrat renouvelé)',
  instance: 'de nouvelle instance',
  membre_instance: 'de nouveau membre d’instance',
  coordination: 'de nouveau poste de coordination',
  financement: 'de nouvelle ligne de financement',
  indicateur_suivi: 'de nouvel indicateur de suivi',
  campagne: 'de nouvelle campagne de suivi',
  decision_sur_plan: 'de décision qui valide une fiche ou change son financement',
  articulation: 'de changement de ses liens avec les dispositifs du territoire (ASV, CLSM, contrat de ville, CPTS, PTSM…)',
  // Parcours, steps, ruptures and grid move to the renewed contract; closing a rupture stays possible (decision 0028).
  parcours: 'de changement de ses parcours de santé (parcours, étapes, ruptures, grille de coopération)',
};

/** What a closed contract still receives, said on its pages and in every refusal. */
export const RESTE_POSSIBLE_CONTRAT_CLOS = [
  'son évaluation, intermédiaire ou finale, et son rapport',
  'le suivi de ses fiches (valeurs, bilans, validation) jusqu’à la période qui contient sa date de fin',
  'le statut de chaque fiche',
  'les séances de ses instances existantes (séance de clôture, restitution de l’évaluation), leurs comptes rendus, présences et décisions de prise d’acte ou de statut',
  'ses fichiers (rapport d’évaluation, bilan final, comptes rendus)',
  'les offres de service qu’une organisation rattache à ses fiches, pour tenir le registre de ses engagements',
] as const;

/** The same, short enough for an error message. */
export const RESTE_POSSIBLE_COURT =
  'Restent possibles : son évaluation, le suivi jusqu’à sa dernière période, le statut des fiches, les séances de ses instances et ses fichiers.';

export type DecisionApport = { ok: true } | { ok: false; raison: string };

/** The start of a follow-up period ("2024", "2024-S2", "2024-T3"), as an ISO date; null for an unknown format. */
export function debutPeriodeSuivi(periode: string): string | null {
  const m = /^(\d{4})(?:-(S[12]|T[1-4]))?$/.exec(periode);
  if (!m) return null;
  if (!m[2]) return `${m[1]}-01-01`;
  const n = Number(m[2].slice(1));
  const mois = m[2][0] === 'S' ? (n - 1) * 6 + 1 : (n - 1) * 3 + 1;
  return `${m[1]}-${String(mois).padStart(2, '0')}-01`;
}

/**
 * May this contract receive this addition now? A closed contract refuses what would extend it (new instances,
 * funding, fiches, indicators…) and keeps what closes it (evaluation, last follow-up, closing séance, files).
 * `periode` is the follow-up period of a value or report: after the contract's end it is refused.
 */
export function peutRecevoir(
  contrat: { statut: StatutContrat; periodeFin?: string | null },
  apport: ApportContrat,
  periode?: string,
): DecisionApport {
  if (!estClos(contrat.statut)) return { ok: true };
  const libelle = LIBELLES_STATUT_CONTRAT[contrat.statut].toLowerCase();
  const refus = REFUSES_SI_CLOS[apport];
  if (refus) return { ok: false, raison: `Ce contrat est ${libelle} : il ne reçoit plus ${refus}. ${RESTE_POSSIBLE_COURT}` };
  if (apport === 'suivi' && periode && contrat.periodeFin) {
    const debut = debutPeriodeSuivi(periode);
    if (debut && debut > contrat.periodeFin)
      return {
        ok: false,
        raison: `Ce contrat est ${libelle} et sa période a pris fin le ${formaterDate(contrat.periodeFin)} : la période ${periode} commence après, elle ne peut pas être suivie sur ce contrat.`,
      };
  }
  return { ok: true };
}

/** Why the contract's text cannot be edited right now, or null: closed, or signed without an open avenant. */
export function raisonVerrou(statut: StatutContrat, avenantOuvert: boolean): string | null {
  if (estClos(statut)) return 'Ce contrat est clos : il ne peut plus être modifié.';
  if (estSigne(statut) && !avenantOuvert)
    return 'Ce contrat est signé : ses changements passent par un avenant. Ouvrez un avenant pour le modifier.';
  return null;
}

/**
 * The rights shown beside the lock, so that they never say the opposite of it. The role gives them; the lock takes
 * back what the contract no longer receives:
 * - `modifier` (its text, its parties, its strategy): not on a closed contract, whoever one is;
 * - `creerFiche`: only while the text is open (not closed, and once signed only through an open avenant);
 * - `completer` (new): what the person may still add to it — on a closed contract, only what
 *   RESTE_POSSIBLE_CONTRAT_CLOS lists (evaluation, last follow-up, séances of existing instances, files), each
 *   addition being checked by `peutRecevoir`.
 */
export function droitsSelonVerrou<D extends { modifier: boolean; creerFiche: boolean }>(
  droitsDuRole: D,
  contrat: { statut: StatutContrat; avenantOuvert: boolean },
): D & { completer: boolean } {
  const verrou = raisonVerrou(contrat.statut, contrat.avenantOuvert);
  return {
    ...droitsDuRole,
    modifier: droitsDuRole.modifier && !estClos(contrat.statut),
    creerFiche: droitsDuRole.creerFiche && verrou === null,
    completer: droitsDuRole.modifier,
  };
}
