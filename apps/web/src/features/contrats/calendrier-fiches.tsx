import { fr } from '@codegouvfr/react-dsfr';
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterDate, formaterPeriode } from '@maillage/domain';
import { Link } from 'react-router';
import type { Fiche } from '@maillage/domain/api';
import { EtatVide } from '../../components/etat-vide';
import { BadgeStatutFiche } from '../../components/statuts-contrat';

const MOIS_COURTS = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'];
const jour = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

interface Barre {
  debut: string;
  fin: string;
}

/** A bar from its dates; with one date only, a one-month mark. */
function barre(debut: string | null | undefined, fin: string | null | undefined): Barre | null {
  if (!debut && !fin) return null;
  const d = debut ?? fin!;
  const f = fin ?? debut!;
  return { debut: d, fin: f < d ? d : f };
}

interface PropsPiste {
  b: Barre | null;
  debutEchelle: number;
  duree: number;
  etape?: boolean;
  /** Today's position on the scale, in %, when it falls on it. */
  aujourdhui: number | null;
}

function Piste({ b, debutEchelle, duree, etape, aujourdhui }: PropsPiste) {
  const trait = aujourdhui !== null && <span className="maillage-gantt__aujourdhui" style={{ left: `${aujourdhui}%` }} />;
  if (!b)
    return (
      <div className="maillage-gantt__piste" aria-hidden="true">
        {trait}
      </div>
    );
  const gauche = ((jour(b.debut) - debutEchelle) / duree) * 100;
  // At least a visible sliver for a one-day step.
  const largeur = Math.max(((jour(b.fin) - jour(b.debut) + 86_400_000) / duree) * 100, 0.8);
  return (
    <div className="maillage-gantt__piste" aria-hidden="true">
      {trait}
      <span
        className={`maillage-gantt__barre${etape ? ' maillage-gantt__barre--etape' : ''}`}
        style={{ left: `${gauche}%`, width: `${largeur}%` }}
      />
    </div>
  );
}

/** The fiches and their étapes by month or year, in plain HTML and CSS, with the same facts as a table. */
export function CalendrierFiches({ fiches }: { fiches: Fiche[] }) {
  const datees = fiches.filter((f) => barre(f.debut, f.fin) || (f.etapes ?? []).some((e) => barre(e.debut, e.fin)));
  if (datees.length === 0) {
    return (
      <EtatVide titre="Aucune fiche-action n’est encore datée" titreAs="h3">
        <p>
          Le calendrier place chaque fiche sur sa période (début, fin) et détaille ses étapes. Renseignez la durée et les étapes du déroulé
          dans chaque fiche-action pour les voir apparaître ici, mois par mois.
        </p>
      </EtatVide>
    );
  }
  const dates = datees
    .flatMap((f) => [f.debut, f.fin, ...(f.etapes ?? []).flatMap((e) => [e.debut, e.fin])])
    .filter((d): d is string => !!d);
  const premiereAnnee = Number(dates.reduce((a, b) => (a < b ? a : b)).slice(0, 4));
  const derniereAnnee = Number(dates.reduce((a, b) => (a > b ? a : b)).slice(0, 4));
  const annees = Array.from({ length: derniereAnnee - premiereAnnee + 1 }, (_, i) => premiereAnnee + i);
  const debutEchelle = Date.UTC(premiereAnnee, 0, 1);
  const duree = Date.UTC(derniereAnnee + 1, 0, 1) - debutEchelle;
  const parMois = annees.length <= 3;
  const aujourdhui = Date.now();
  const positionAujourdhui =
    aujourdhui >= debutEchelle && aujourdhui < debutEchelle + duree ? ((aujourdhui - debutEchelle) / duree) * 100 : null;

  return (
    <>
      <p className={fr.cx('fr-text--sm')}>
        De {annees[0]} à {annees.at(-1)}, {parMois ? 'mois par mois' : 'année par année'}. Les fiches sans date n’y figurent pas (
        {fiches.length - datees.length}).
        {positionAujourdhui !== null && ' Le trait vertical marque la date du jour.'}
      </p>
      <div className="maillage-gantt">
        <div className="maillage-gantt__ligne maillage-gantt__entete" aria-hidden="true">
          <div className="maillage-gantt__libelle" />
          <div className="maillage-gantt__echelle">
            {annees.map((a) => (
              <div key={a} className="maillage-gantt__annee">
                <span>{a}</span>
                {parMois && (
                  <div className="maillage-gantt__mois">
                    {MOIS_COURTS.map((m, i) => (
                      <span key={i}>{m}</span>
                    ))}
                  </div>
                )}
              </div>
            ))}
          </div>
        </div>
        <ul className="maillage-gantt__corps" aria-label="Calendrier des fiches-action">
          {datees.map((f) => (
            <li key={f.id}>
              <div className="maillage-gantt__ligne">
                <div className="maillage-gantt__libelle">
                  <Link to={`/fiches/${f.id}`}>
                    {f.numero}. {f.intitule}
                  </Link>
                  <span className={fr.cx('fr-sr-only')}>
                    {' '}
                    : {f.debut || f.fin ? formaterPeriode(f.debut, f.fin) : 'sans dates'}, {f.statutLibelle.toLowerCase()}
                  </span>
                </div>
                <Piste b={barre(f.debut, f.fin)} debutEchelle={debutEchelle} duree={duree} aujourdhui={positionAujourdhui} />
              </div>
              {(f.etapes ?? []).length > 0 && (
                <ul aria-label={`Étapes de la fiche ${f.numero}`}>
                  {(f.etapes ?? []).map((e, i) => (
                    <li key={i} className="maillage-gantt__ligne maillage-gantt__ligne--etape">
                      <div className="maillage-gantt__libelle">
                        {e.libelle}
                        <span className={fr.cx('fr-sr-only')}> : {e.debut || e.fin ? formaterPeriode(e.debut, e.fin) : 'sans dates'}</span>
                      </div>
                      <Piste b={barre(e.debut, e.fin)} debutEchelle={debutEchelle} duree={duree} etape aujourdhui={positionAujourdhui} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </div>
      <Accordion label="Le calendrier sous forme de tableau" className={fr.cx('fr-mt-3w')}>
        <Table
          caption="Périodes des fiches-action et de leurs étapes"
          headers={['Fiche', 'Étape', 'Début', 'Fin', 'Statut']}
          data={datees.flatMap((f) => [
            [
              `${f.numero}. ${f.intitule}`,
              '—',
              formaterDate(f.debut) || '—',
              formaterDate(f.fin) || '—',
              <BadgeStatutFiche key="s" statut={f.statut} />,
            ],
            ...(f.etapes ?? []).map((e) => [
              `${f.numero}. ${f.intitule}`,
              e.libelle,
              formaterDate(e.debut) || '—',
              formaterDate(e.fin) || '—',
              '',
            ]),
          ])}
        />
      </Accordion>
    </>
  );
}
