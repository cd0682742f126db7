import { fr } from '@codegouvfr/react-dsfr';
import { phraseJournal } from '@maillage/domain';
import { useHistorique } from '../../api/contrats';
import { useFiches } from '../../api/fiches';
import type { ContratDetail, EvenementAudit } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterDateHeure, formaterNombre } from '../../components/format';
import { PaginationUrl, usePageUrl } from '../../components/pagination-url';
import { CHAMPS_MASQUES, libelleChampHistorique, nomsDuContrat, valeurHistorique } from '../../components/libelles-historique';

const PAR_PAGE = 20;

/** A creation or a deletion is said by its sentence; a change lists what changed, before → after. */
function champsAffiches(e: EvenementAudit) {
  if (e.action !== 'modification' && e.action !== 'signature') return [];
  return Object.entries(e.diff).filter(([c]) => !CHAMPS_MASQUES.has(c));
}

function Details({ evenement, noms }: { evenement: EvenementAudit; noms: Map<string, string> }) {
  const champs = champsAffiches(evenement);
  if (!champs.length) return null;
  return (
    <ul className={fr.cx('fr-text--sm', 'fr-mb-0')}>
      {champs.map(([champ, { avant, apres }]) => (
        <li key={champ}>
          {champ === 'changements' && Array.isArray(apres) ? (
            <>Changements : {apres.join(' ; ')}</>
          ) : avant === null || avant === undefined ? (
            <>
              {libelleChampHistorique(champ)} : {valeurHistorique(champ, apres, evenement.entiteType, noms)}
            </>
          ) : (
            <>
              {libelleChampHistorique(champ)} : {valeurHistorique(champ, avant, evenement.entiteType, noms)}{' '}
              <span aria-hidden="true">→</span>
              <span className={fr.cx('fr-sr-only')}>devient</span> {valeurHistorique(champ, apres, evenement.entiteType, noms)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The audit trail of the contract and its parts, as sentences ("Marie Dupont a changé le statut de la fiche 12"). */
export default function OngletHistorique({ contrat }: { contrat: ContratDetail }) {
  const page = usePageUrl();
  const historique = useHistorique(contrat.id, page, PAR_PAGE);
  // Fiches are named in full ("fiche 3 « Prévention »") when the follow-up of one is told.
  const fiches = useFiches(contrat.id);
  const noms = nomsDuContrat(contrat, fiches.data ?? []);

  return (
    <>
      <h2>Historique</h2>
      <p className={fr.cx('fr-text--sm')}>
        Chaque changement du contrat, de ses parties, de sa stratégie et de ses fiches est tracé : qui, quand, avant et après. L’historique
        ne peut être ni modifié ni effacé.
      </p>
      {historique.isPending ? (
        <Chargement />
      ) : historique.error ? (
        <AlerteErreur erreur={historique.error} titre="Impossible de charger l’historique" />
      ) : historique.data.total === 0 ? (
        <p>Aucun événement enregistré pour ce contrat.</p>
      ) : (
        <>
          <p className={fr.cx('fr-text--sm')}>
            {formaterNombre(historique.data.total)} événement{historique.data.total > 1 ? 's' : ''}, du plus récent au plus ancien
            {historique.data.total > PAR_PAGE ? ` — page ${page} sur ${Math.ceil(historique.data.total / PAR_PAGE)}` : ''}.
          </p>
          <ol className={fr.cx('fr-raw-list')} aria-label="Événements du contrat">
            {historique.data.elements.map((e) => (
              <li key={e.id} className={fr.cx('fr-py-2w') + ' maillage-evenement'}>
                <p className={fr.cx('fr-text--xs', 'fr-mb-1v')}>
                  <time dateTime={e.le}>{formaterDateHeure(e.le)}</time>
                </p>
                <p className={fr.cx('fr-mb-1v')}>
                  <strong>{e.acteurLibelle}</strong> {phraseJournal(e, noms)}
                  {champsAffiches(e).length > 0 ? ' :' : '.'}
                </p>
                <Details evenement={e} noms={noms} />
              </li>
            ))}
          </ol>
          <PaginationUrl total={historique.data.total} parPage={PAR_PAGE} />
        </>
      )}
    </>
  );
}
