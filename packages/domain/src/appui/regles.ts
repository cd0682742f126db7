import type { DimensionEvaluation, NiveauReponse, RoleAppui, Urgence } from './vocabulaire';
import { ORDRE_NIVEAUX } from './vocabulaire';

/**
 * The rules of the appui module (issue 18, decision 0031): the level of answer from the evaluation grid, who reads a
 * case, and the delays. Pure: the service reads the rows and asks here.
 */

export type Grille = Record<DimensionEvaluation, number>;

/**
 * The level of answer. A dimension at 2 or 3 is a real difficulty; at 3 a severe one. One difficulty calls for an
 * appui ponctuel; three, or two severe, for coordination; case management when three dimensions are severe, or two
 * severe among four difficulties (the intensive answer, « une trentaine de cas par gestionnaire »). An immediate
 * urgency raises the answer by one step, up to coordination: urgency asks for speed, not for case management.
 */
export function niveauReponse(grille: Grille, urgence: Urgence = 'normale'): NiveauReponse {
  const cotes = Object.values(grille);
  const difficultes = cotes.filter((c) => c >= 2).length;
  const severes = cotes.filter((c) => c >= 3).length;
  let niveau: NiveauReponse;
  if (severes >= 3 || (severes >= 2 && difficultes >= 4)) niveau = 'gestion_de_cas';
  else if (difficultes >= 3 || severes >= 2) niveau = 'coordination';
  else if (difficultes >= 1) niveau = 'appui_ponctuel';
  else niveau = 'information_orientation';
  if (urgence === 'immediate' && ORDRE_NIVEAUX.indexOf(niveau) < ORDRE_NIVEAUX.indexOf('coordination'))
    niveau = ORDRE_NIVEAUX[ORDRE_NIVEAUX.indexOf(niveau) + 1];
  return niveau;
}

/** What the module knows of a user: the support teams they belong to, with their role there. */
export interface MembreEquipe {
  organisationId: string;
  role: RoleAppui;
}

export interface RefSituation {
  organisationId: string;
  referentId: string | null;
  intervenants: readonly string[];
}

/**
 * What a user may see of a case. « complet »: its référent, the staff assigned to it, or a team member who declared a
 * reason lately; « existence »: another member of the team (number, status, dates); « aucun »: anyone else — ARS
 * agents, CLS coordinators, administrators, other teams, the public.
 */
export type NiveauAcces = 'complet' | 'existence' | 'aucun';

export function accesSituation(
  userId: string,
  membres: readonly MembreEquipe[],
  situation: RefSituation,
  motifDeclareValide = false,
): NiveauAcces {
  if (!membres.some((m) => m.organisationId === situation.organisationId)) return 'aucun';
  if (situation.referentId === userId || situation.intervenants.includes(userId) || motifDeclareValide) return 'complet';
  return 'existence';
}

export interface RefDemande {
  organisationId: string;
  referentId: string | null;
  saisieParId: string | null;
}

/**
 * A request before its case opens: the team's coordinators triage it, its référent and the member who took the call
 * read it; other members see that it exists. The professional who sent it gets its acknowledgement, nothing more.
 */
export function accesDemande(
  userId: string,
  membres: readonly MembreEquipe[],
  demande: RefDemande,
  motifDeclareValide = false,
): NiveauAcces {
  const membre = membres.find((m) => m.organisationId === demande.organisationId);
  if (!membre) return 'aucun';
  if (membre.role === 'coordinateur_appui' || demande.referentId === userId || demande.saisieParId === userId || motifDeclareValide)
    return 'complet';
  return 'existence';
}

/** The read log of a case: its référent, and the team's coordinators who answer for its staff. */
export function peutLireJournalAcces(userId: string, membres: readonly MembreEquipe[], situation: RefSituation): boolean {
  const membre = membres.find((m) => m.organisationId === situation.organisationId);
  return membre !== undefined && (situation.referentId === userId || membre.role === 'coordinateur_appui');
}

/** A declared reason opens a case to its author for this long (then a new one is needed). */
export const DUREE_MOTIF_HEURES = 24;

/** Target delay to the first contact, by urgency (hours). */
export const DELAI_PREMIER_CONTACT_HEURES: Record<Urgence, number> = { immediate: 24, rapide: 72, normale: 168 };

const HEURE = 3_600_000;

/** Hours between two instants (rounded down to the minute's precision: one decimal), or null if one is missing. */
export function delaiHeures(debut: Date | string | null, fin: Date | string | null): number | null {
  if (debut === null || fin === null) return null;
  const ms = new Date(fin).getTime() - new Date(debut).getTime();
  return Math.round((ms / HEURE) * 10) / 10;
}

/** Whether the first contact is late: past its urgency's target, made late or still awaited. */
export function premierContactEnRetard(
  urgence: Urgence,
  recueLe: Date | string,
  premierContactLe: Date | string | null,
  maintenant: Date = new Date(),
): boolean {
  const delai = delaiHeures(recueLe, premierContactLe ?? maintenant) ?? 0;
  return delai > DELAI_PREMIER_CONTACT_HEURES[urgence];
}
