import { fr } from '@codegouvfr/react-dsfr';
import { Alert, type AlertProps } from '@codegouvfr/react-dsfr/Alert';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Link } from 'react-router';
import { useAlertes, useSeances, type Alerte } from '../../api/gouvernance';
import type { ContratDetail } from '@maillage/domain/api';
import { quandSeance } from './dates';
import { effetDecision } from './libelles';

export const GRAVITES: Record<Alerte['gravite'], { severite: AlertProps.Severity; libelle: string }> = {
  critique: { severite: 'error', libelle: 'Critique' },
  attention: { severite: 'warning', libelle: 'À surveiller' },
  info: { severite: 'info', libelle: 'Information' },
};
const ORDRE: Alerte['gravite'][] = ['critique', 'attention', 'info'];
export const trierAlertes = (alertes: Alerte[]) => [...alertes].sort((a, b) => ORDRE.indexOf(a.gravite) - ORDRE.indexOf(b.gravite));

/** The contract's alerts (COPIL, coordination, élaboration, fiches without pilot): the words say the severity too. */
export function AlertesContrat({ contratId }: { contratId: string }) {
  const alertes = useAlertes(contratId);
  if (!alertes.data || alertes.data.length === 0) return null;
  return (
    <section aria-labelledby="synthese-alertes" className={fr.cx('fr-mb-4w')}>
      <h2 id="synthese-alertes">Alertes</h2>
      {trierAlertes(alertes.data).map((a) => (
        <Alert
          key={`${a.type}-${a.message}`}
          severity={GRAVITES[a.gravite]?.severite ?? 'info'}
          small
          className={fr.cx('fr-mb-2w')}
          description={
            <>
              <strong>{GRAVITES[a.gravite]?.libelle ?? a.gravite} :</strong> {a.message}
              {(a.type === 'coordination_vacante' || a.type.includes('copil')) && (
                <>
                  {' '}
                  <Link to={`/contrats/${contratId}?onglet=gouvernance`}>Voir la gouvernance</Link>
                </>
              )}
            </>
          }
        />
      ))}
    </section>
  );
}

/** Next séances and the latest decisions, for the Synthèse tab. */
export function GouvernanceSynthese({ contrat }: { contrat: ContratDetail }) {
  const seances = useSeances(contrat.id);
  if (!seances.data) return null;
  const maintenant = Date.now();
  const prochaines = seances.data.filter((s) => s.statut === 'prevue' && new Date(s.debut).getTime() >= maintenant).slice(0, 3);
  const decisions = [...seances.data]
    .sort((a, b) => b.debut.localeCompare(a.debut))
    .flatMap((s) => s.decisions.map((d) => ({ d, s })))
    .slice(0, 5);
  return (
    <>
      <h2>Prochaines séances</h2>
      {prochaines.length === 0 ? (
        <p>
          Aucune séance prévue.{' '}
          <Link to={`/contrats/${contrat.id}?onglet=gouvernance`}>
            {contrat.droits.completer ? 'Planifier une séance' : 'Voir la gouvernance'}
          </Link>
        </p>
      ) : (
        <ul>
          {prochaines.map((s) => (
            <li key={s.id}>
              <Link to={`/seances/${s.id}`}>
                {s.instanceNom}, le {quandSeance(s.debut, s.fin)}
              </Link>
              {s.lieu ? ` — ${s.lieu}` : s.visio ? ' — en visio' : ''}
            </li>
          ))}
        </ul>
      )}
      {decisions.length > 0 && <h2>Décisions récentes</h2>}
      {decisions.length > 0 && (
        <Table
          caption={`Les ${decisions.length > 1 ? `${decisions.length} dernières décisions` : 'dernière décision'} des séances`}
          headers={['Séance', 'Décision', 'Effet']}
          data={decisions.map(({ d, s }) => [
            <Link key="s" to={`/seances/${s.id}`}>
              {s.instanceNom}, {quandSeance(s.debut)}
            </Link>,
            d.texte,
            effetDecision(d) ?? '—',
          ])}
        />
      )}
    </>
  );
}
