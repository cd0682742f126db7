import { Badge } from '@codegouvfr/react-dsfr/Badge';
import {
  ISSUES_ORIENTATION,
  NIVEAUX_REPONSE,
  ORIGINES_DEMANDE,
  URGENCES,
  type IssueOrientation,
  type NiveauReponse,
  type Urgence,
} from '@maillage/domain';
import { formaterNombre } from '../../components/format';

/** The words of the module, for people (the codes stay in the API). */
export const libelleOrigine = (o: string) => ORIGINES_DEMANDE[o as keyof typeof ORIGINES_DEMANDE] ?? o;
export const libelleUrgence = (u: string) => URGENCES[u as Urgence] ?? u;
export const libelleNiveau = (n: string | null) => (n ? (NIVEAUX_REPONSE[n as NiveauReponse] ?? n) : 'Non évaluée');
export const libelleIssue = (i: string) => ISSUES_ORIENTATION[i as IssueOrientation] ?? i;

/** « NOM Prénoms » written for people: « Mme Durand » is not known, the names are. */
export function nomPersonne(p: { nom: string; nomUsage: string | null; prenoms: string }) {
  return `${p.prenoms} ${p.nomUsage ? `${p.nomUsage} (née ou né ${p.nom})` : p.nom}`;
}

export function BadgeUrgence({ urgence }: { urgence: string }) {
  const severite = urgence === 'immediate' ? 'error' : urgence === 'rapide' ? 'warning' : 'info';
  return (
    <Badge small noIcon severity={severite} as="span">
      Urgence : {libelleUrgence(urgence).toLowerCase()}
    </Badge>
  );
}

export function BadgeNiveau({ niveau }: { niveau: string | null }) {
  return (
    <Badge small noIcon severity={niveau ? 'new' : undefined} as="span">
      {libelleNiveau(niveau)}
    </Badge>
  );
}

/** "3 h", "2,5 jours": a delay measured in hours, as a person reads it. */
export function formaterDelai(heures: number | null | undefined): string {
  if (heures === null || heures === undefined) return '—';
  if (heures < 48) return `${formaterNombre(Math.round(heures * 10) / 10)} h`;
  return `${formaterNombre(Math.round((heures / 24) * 10) / 10)} jours`;
}
