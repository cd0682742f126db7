import type { SituationComplete } from '../../api/appui';
import { useConcertations, usePlan } from '../../api/appui-plan';
import { formaterDate, formaterDateHeure } from '../../components/format';
import { libelleIssue, libelleNiveau } from './libelles-appui';

interface Evenement {
  le: string;
  texte: string;
  jour?: boolean;
}

/** The case's life in date order: opening, evaluations, orientations and their outcome, plan versions, concertations, closure. */
export function ChronologieSituation({ situation: s }: { situation: SituationComplete }) {
  const plan = usePlan(s.id);
  const concertations = useConcertations(s.id);
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
    ...(plan.data?.versions ?? []).map((v) => ({ le: v.enregistreLe, texte: `Plan personnalisé, version ${v.version} (${v.auteur})` })),
    ...(concertations.data?.elements ?? []).map((c) => ({
      le: c.date,
      texte: `Concertation${c.remunerable ? ' pluriprofessionnelle rémunérable' : ''}`,
      jour: true,
    })),
    ...(s.closeLe ? [{ le: s.closeLe, texte: 'Clôture de la situation' }] : []),
  ];
  evenements.sort((a, b) => a.le.localeCompare(b.le));
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
