import { fr } from '@codegouvfr/react-dsfr';
import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { requete } from '../../api/client';
import type { Alerte, Instance } from '../../api/gouvernance';
import type { ContratResume } from '@maillage/domain/api';
import { quandSeance } from './dates';

const GRAVITES: Record<Alerte['gravite'], { severite: BadgeProps['severity']; libelle: string }> = {
  critique: { severite: 'error', libelle: 'Critique' },
  attention: { severite: 'warning', libelle: 'À surveiller' },
  info: { severite: 'info', libelle: 'Information' },
};
const ORDRE: Alerte['gravite'][] = ['critique', 'attention', 'info'];
const CLOS = ['echu', 'renouvele', 'abandonne'];

/** The coordinator's day first: for each open contract, its alerts and its next séance, two clicks from the work. */
export default function SuiviContrats({ contrats }: { contrats: ContratResume[] }) {
  const ouverts = contrats.filter((c) => !CLOS.includes(c.statut));
  const alertes = useQueries({
    queries: ouverts.map((c) => ({
      queryKey: ['alertes', c.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => requete<Alerte[]>(`/api/contrats/${c.id}/alertes`, { signal }),
    })),
  });
  const instances = useQueries({
    queries: ouverts.map((c) => ({
      queryKey: ['instances', c.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => requete<Instance[]>(`/api/contrats/${c.id}/instances`, { signal }),
    })),
  });
  if (ouverts.length === 0) return null;
  return (
    <div className={fr.cx('fr-mt-4w', 'fr-mb-4w')}>
      <h3>Alertes et prochaines séances</h3>
      {ouverts.map((c, i) => {
        const liste = [...(alertes[i]?.data ?? [])].sort((a, b) => ORDRE.indexOf(a.gravite) - ORDRE.indexOf(b.gravite));
        const prochaine = (instances[i]?.data ?? [])
          .filter((x) => x.prochaineSeance)
          .sort((a, b) => a.prochaineSeance!.localeCompare(b.prochaineSeance!))[0];
        const chargement = alertes[i]?.isPending || instances[i]?.isPending;
        return (
          <div key={c.id} className={fr.cx('fr-mb-3w')}>
            <h4 className={fr.cx('fr-h6', 'fr-mb-1w')}>
              <Link to={`/contrats/${c.id}`}>{c.intitule}</Link>
            </h4>
            {chargement ? (
              <p className={fr.cx('fr-text--sm')}>Chargement…</p>
            ) : (
              <ul className={fr.cx('fr-text--sm')}>
                {liste.map((a) => (
                  <li key={`${a.type}-${a.message}`}>
                    <Badge small severity={GRAVITES[a.gravite]?.severite} as="span" className={fr.cx('fr-mr-1w')}>
                      {GRAVITES[a.gravite]?.libelle ?? a.gravite}
                    </Badge>
                    {a.message}
                  </li>
                ))}
                {liste.length === 0 && alertes[i]?.data && <li>Aucune alerte.</li>}
                {alertes[i]?.error ? <li>Les alertes n’ont pas pu être calculées.</li> : null}
                <li>
                  {prochaine ? (
                    <>
                      Prochaine séance : {prochaine.nom}, le {quandSeance(prochaine.prochaineSeance!)}.{' '}
                      <Link to={`/contrats/${c.id}?onglet=gouvernance`}>
                        La préparer<span className={fr.cx('fr-sr-only')}> ({c.intitule})</span>
                      </Link>
                    </>
                  ) : (
                    <>
                      Aucune séance à venir.{' '}
                      <Link to={`/contrats/${c.id}?onglet=gouvernance`}>
                        Planifier une séance<span className={fr.cx('fr-sr-only')}> ({c.intitule})</span>
                      </Link>
                    </>
                  )}
                </li>
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
