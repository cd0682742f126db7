import type { SituationComplete } from '../../api/appui';
import { useConcertations, usePlan } from '../../api/appui-plan';
import { formaterDate, formaterDateHeure } from '../../components/format';
import { libelleIssue, libelleNiveau } from './libelles-appui';

interface Evenement {
  le: string;
  texte: string;
  jour?: boolean;
  /** The sort key when `le` is a day: a day alone would sort before every instant of that day. */
  cle?: string;
}

/**
 * Where a concertation (a day) sorts: traced on the day it was held, when it was traced — and no later than the plan
 * version it produced; held on an earlier day, the end of that day.
 */
function cleConcertation(
  c: { date: string; creeLe: string; planVersion: number | null },
  versions: { version: number; enregistreLe: string }[],
) {
  if (!c.creeLe.startsWith(c.date)) return `${c.date}T23:59:59`;
  const produite = versions.find((v) => v.version === c.planVersion)?.enregistreLe;
  return produite && produite < c.creeLe ? produite : c.creeLe;
}

/** The case's life in date order: opening, evaluations, orientations and their outcome, plan versions, concertations, closure. */
export function ChronologieSituation({ situation: s }: { situation: SituationComplete }) {
  const plan = usePlan(s.id);
  const concertations = useConcertations(s.id);
  const versions = plan.data?.versions ?? [];
  const evenements: Evenement[] = [
    { le: s.ouverteLe, texte: 'Ouverture de la situation' },
    ...s.evaluations.map((e) => ({
      le: e.evalueeLe,
      texte: `Évaluation : ${libelleNiveau(e.niveau).toLowerCase()}${e.evalueePar ? ` (${e.evalueePar})` : ''}`,
    })),
    ...s.orientations.map((o) => ({ le: o.orienteeLe, texte: `Orientation vers ${o.ressourceNom}` })),
    ...s.orientations.flatMap((o) =>
      o.issueLe ? [{ le: o.issueLe, texte: `Orientation vers ${o.ressourceNom} : ${libelleIssue(o.issue).toLowerCase()}` }] : [],
    ),
    ...versions.map((v) => ({ le: v.enregistreLe, texte: `Plan personnalisé, version ${v.version} (${v.auteur})` })),
    ...(concertations.data?.elements ?? []).map((c) => ({
      le: c.date,
      texte: `Concertation${c.remunerable ? ' pluriprofessionnelle rémunérable' : ''}`,
      jour: true,
      cle: cleConcertation(c, versions),
    })),
    ...(s.closeLe ? [{ le: s.closeLe, texte: 'Clôture de la situation' }] : []),
  ];
  // Same instant (one transaction): the concertation before the plan version it produced.
  evenements.sort((a, b) => (a.cle ?? a.le).localeCompare(b.cle ?? b.le) || Number(!!b.jour) - Number(!!a.jour));
  return (
    <>
      <h2>Chronologie</h2>
      <ol className="maillage-appui-chronologie" aria-label="Chronologie de la situation">
        {evenements.map((e, i) => (
          <li key={i}>
            <span className="fr-text--bold">{e.jour ? formaterDate(e.le) : formaterDateHeure(e.le)}</span> — {e.texte}
          </li>
        ))}
      </ol>
    </>
  );
}
