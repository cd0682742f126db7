import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { estClos, formaterDate, formaterPeriode, LIBELLES_STATUT_CONTRAT, RESTE_POSSIBLE_COURT } from '@maillage/domain';
import { Link, useNavigate } from 'react-router';
import { useSuppressionContrat } from '../../api/contrats';
import type { ContratDetail, PartieContrat } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { formaterPopulation, pluriel } from '../../components/format';
import { BadgeConfirmation, BadgeStatutContrat, editionStructure, libelleGeneration } from '../../components/statuts-contrat';

const suppression = creerConfirmation('confirmation-suppression-contrat');
const RENOUVELABLES = ['signe', 'evaluation', 'echu'];

/** Title, statut, génération, période, territory, parties, and the contract-level actions. */
export function EnTeteContrat({ contrat }: { contrat: ContratDetail }) {
  const naviguer = useNavigate();
  const supprimer = useSuppressionContrat();
  const { territoire } = contrat;
  const edition = editionStructure(contrat);
  const supprimable = contrat.droits.supprimer && (contrat.statut === 'preparation' || contrat.statut === 'abandonne');
  const renouvelable = contrat.droits.completer && RENOUVELABLES.includes(contrat.statut) && contrat.successeurs.length === 0;

  return (
    <>
      <h1 className={fr.cx('fr-mb-2w')}>{contrat.intitule}</h1>
      <ul className={fr.cx('fr-badges-group', 'fr-mb-2w')} aria-label="Statut et génération">
        <li>
          <BadgeStatutContrat statut={contrat.statut} petit={false} />
        </li>
        <li>
          <Badge noIcon as="span">
            {libelleGeneration(contrat.generation)}
          </Badge>
        </li>
        {contrat.publie && (
          <li>
            <Badge noIcon severity="info" as="span">
              Publié
            </Badge>{' '}
            <Link to={`/public/contrats/${contrat.id}`} className={fr.cx('fr-link', 'fr-text--sm')}>
              Voir la page publique
            </Link>
          </li>
        )}
      </ul>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-2w')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <p className={fr.cx('fr-mb-1w')}>
            <strong>Période :</strong>{' '}
            {contrat.periode.debut || contrat.periode.fin ? formaterPeriode(contrat.periode.debut, contrat.periode.fin) : 'non renseignée'}
            {contrat.dateSignature && <> — signé le {formaterDate(contrat.dateSignature)}</>}
          </p>
          <p className={fr.cx('fr-mb-1w')}>
            <strong>Territoire :</strong> {territoire.epci.map((e) => e.nom).join(', ') || 'communes choisies'} —{' '}
            {pluriel(territoire.nombreCommunes, 'commune')}, {formaterPopulation(territoire.population)}
            {contrat.insulaire ? ', territoire insulaire' : ''}
          </p>
          <p className={fr.cx('fr-mb-1w')}>
            <strong>{territoire.departements.length > 1 ? 'Départements' : 'Département'} :</strong>{' '}
            {territoire.departements.map((d) => `${d.nom} (${d.code})`).join(', ') || '—'} ;{' '}
            <strong>{territoire.regions.length > 1 ? 'régions' : 'région'} :</strong>{' '}
            {territoire.regions.map((r) => r.nom).join(', ') || '—'}
          </p>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <p className={fr.cx('fr-mb-1w')}>
            <strong>ARS :</strong> <Parties parties={contrat.ars} />
          </p>
          <p className={fr.cx('fr-mb-1w')}>
            <strong>Collectivités porteuses :</strong> <Parties parties={contrat.porteurs} />
          </p>
          {contrat.predecesseur && (
            <p className={fr.cx('fr-mb-1w')}>
              <strong>Succède à :</strong> <Link to={`/contrats/${contrat.predecesseur.id}`}>{contrat.predecesseur.intitule}</Link>
            </p>
          )}
          {contrat.successeurs.map((s) => (
            <p key={s.id} className={fr.cx('fr-mb-1w')}>
              <strong>Génération suivante :</strong> <Link to={`/contrats/${s.id}`}>{s.intitule}</Link>
            </p>
          ))}
        </div>
      </div>
      {(edition.possible || renouvelable || supprimable || contrat.droits.publier) && (
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm', 'fr-btns-group--icon-left', 'fr-mb-2w')}>
          {edition.possible && (
            <li>
              <Button priority="secondary" iconId="fr-icon-edit-line" linkProps={{ to: `/contrats/${contrat.id}/modifier` }}>
                Modifier le contrat
              </Button>
            </li>
          )}
          {contrat.droits.publier && (
            <li>
              {/* Both ways go through the preview of the public page: one sees what becomes (or stops being) public. */}
              <Button
                priority="secondary"
                iconId={contrat.publie ? 'fr-icon-eye-off-line' : 'fr-icon-eye-line'}
                linkProps={{ to: `/contrats/${contrat.id}/apercu-public` }}
              >
                {contrat.publie ? 'Retirer la publication' : 'Publier'}
              </Button>
            </li>
          )}
          {renouvelable && (
            <li>
              <Button priority="secondary" iconId="fr-icon-refresh-line" linkProps={{ to: `/contrats/${contrat.id}/renouvellement` }}>
                Renouveler
              </Button>
            </li>
          )}
          {supprimable && (
            <li>
              <Button priority="tertiary" iconId="fr-icon-delete-line" onClick={() => suppression.ouvrir()}>
                Supprimer le contrat
              </Button>
            </li>
          )}
        </ul>
      )}
      {estClos(contrat.statut) && (
        // Said once on every page of a closed contract, so that hidden buttons are not a mystery (decision 0006).
        <Notice
          className={fr.cx('fr-mb-3w')}
          title={`Ce contrat est ${LIBELLES_STATUT_CONTRAT[contrat.statut].toLowerCase()} : il ne reçoit plus de nouvelle fiche, instance, ligne de financement, poste de coordination, indicateur ni campagne.`}
          description={RESTE_POSSIBLE_COURT}
        />
      )}
      {supprimer.error && <AlerteErreur erreur={supprimer.error} titre="Le contrat n’a pas été supprimé" />}
      {contrat.avenantOuvert && (
        <Alert
          severity="info"
          as="h2"
          className={fr.cx('fr-mb-3w')}
          title={`Avenant n° ${contrat.avenantOuvert.numero} en cours de rédaction`}
          description="Le contrat signé est modifiable jusqu’à la signature de l’avenant ; ses changements seront alors listés et une version consolidée enregistrée (onglet « Avenants »)."
        />
      )}
      <suppression.Confirmation
        titre="Supprimer ce contrat ?"
        libelleConfirmer="Supprimer définitivement"
        onConfirmer={() =>
          supprimer.mutate(contrat.id, {
            onSuccess: () => naviguer('/contrats', { state: { message: `Le contrat « ${contrat.intitule} » est supprimé.` } }),
          })
        }
      >
        <p>
          Le contrat « {contrat.intitule} », ses axes, ses fiches-action et ses parties seront supprimés. Cette action est tracée dans le
          journal d’audit et ne peut pas être annulée.
        </p>
      </suppression.Confirmation>
    </>
  );
}

/** Each organisation with its confirmation: until it confirms, its role is only « à confirmer ». */
function Parties({ parties }: { parties: PartieContrat[] }) {
  if (parties.length === 0) return <>—</>;
  return (
    <>
      {parties.map((o, i) => (
        <span key={o.id}>
          {i > 0 && ', '}
          {o.nom} <BadgeConfirmation statut={o.confirmation.statut} />
        </span>
      ))}
    </>
  );
}
