import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useGestionSeance, type Seance } from '../../api/gouvernance';
import type { Fiche } from '@maillage/domain/api';
import { jourParis } from './dates';
import { FormulaireDecision } from './formulaire-decision';
import { effetDecision } from './libelles';

/** The relevé de décisions: each decision, what it did to its fiche and a link to it; then the form to add one. */
export function DecisionsSeance({ seance, fiches, modifiable }: { seance: Seance; fiches: Fiche[]; modifiable: boolean }) {
  const { decision } = useGestionSeance(seance.id);
  const [issue, setIssue] = useState<{ resume: string | null; ficheId: string | null } | null>(null);
  const annonce = useRef<HTMLDivElement>(null);
  const parId = new Map(fiches.map((f) => [f.id, f]));

  return (
    <section aria-labelledby="seance-decisions" className={fr.cx('fr-mb-6w')}>
      <h2 id="seance-decisions">Relevé de décisions</h2>
      {seance.decisions.length === 0 ? (
        <p>
          Aucune décision relevée.
          {modifiable
            ? ' Une décision peut valider une fiche-action, changer son statut ou son financement : Maillage l’applique à la fiche et le note dans son historique.'
            : ''}
        </p>
      ) : (
        <ol className={fr.cx('fr-mb-3w')}>
          {seance.decisions.map((d) => {
            const f = d.ficheId ? parId.get(d.ficheId) : undefined;
            const effet = effetDecision(d);
            return (
              <li key={d.id} className={fr.cx('fr-mb-2w')}>
                <p className={fr.cx('fr-mb-1v') + ' maillage-texte-libre'}>{d.texte}</p>
                {d.action && (
                  <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>
                    {d.appliqueeLe ? (
                      <Badge small severity="success" as="span" className={fr.cx('fr-mr-1w')}>
                        Appliquée le {jourParis(d.appliqueeLe)}
                      </Badge>
                    ) : (
                      <Badge small severity="warning" as="span" className={fr.cx('fr-mr-1w')}>
                        Non appliquée
                      </Badge>
                    )}
                    {f ? `Fiche ${f.numero}` : d.ficheId ? 'Fiche supprimée' : ''}
                    {effet ? ` — ${effet}` : ''}
                    {d.ficheId && f && (
                      <>
                        {' '}
                        <Link to={`/fiches/${d.ficheId}`}>
                          Voir la fiche {f.numero}
                          <span className={fr.cx('fr-sr-only')}> — {f.intitule}</span>
                        </Link>
                      </>
                    )}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div ref={annonce} tabIndex={-1} role="status">
        {issue && (
          <Alert
            severity="success"
            as="h3"
            className={fr.cx('fr-mb-3w')}
            title="Décision enregistrée"
            description={
              <>
                {issue.resume ? `${issue.resume}. La fiche et son historique sont à jour.` : 'La décision figure au relevé.'}
                {issue.ficheId && (
                  <>
                    {' '}
                    <Link to={`/fiches/${issue.ficheId}`}>Ouvrir la fiche {parId.get(issue.ficheId)?.numero ?? ''}</Link>
                  </>
                )}
              </>
            }
          />
        )}
      </div>
      {modifiable && (
        <FormulaireDecision
          seance={seance}
          fiches={fiches}
          erreur={decision.error}
          enCours={decision.isPending}
          onEnregistrer={(d) =>
            decision.mutateAsync(d).then((r) => {
              setIssue({ resume: r.resume, ficheId: d.action === 'aucune' ? null : d.ficheId });
              setTimeout(() => annonce.current?.focus(), 0);
            })
          }
        />
      )}
    </section>
  );
}
