import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { can, formaterMontant, ROLES_ENGAGEMENT, ROLES_FICHE_ENGAGEMENT, type StatutContrat } from '@maillage/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useEngagements, useOffres, type ContratEngagement, type Engagements } from '../../api/annuaire';
import { telecharger } from '../../api/telechargement';
import { useSession } from '../../app/session';
import { Chiffre } from '../../components/chiffre';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterNombre, pluriel } from '../../components/format';
import { useTitrePage } from '../../components/titre-page';
import { BadgeStatutContrat, BadgeStatutFiche, libelleGeneration } from '../../components/statuts-contrat';
import '../../components/styles/gouvernance.css';
import { MoyensOrganisation } from './moyens-organisation';
import { OffresOrganisation } from './offres-organisation';

function Contrat({
  contrat,
  engagements,
  modifiable,
  onMessage,
}: {
  contrat: ContratEngagement;
  engagements: Engagements;
  modifiable: boolean;
  onMessage: (m: string) => void;
}) {
  const { rattachement } = useOffres(engagements.organisation.id);
  const idOffre = (intitule: string) => engagements.offres.find((o) => o.intitule === intitule)?.id;
  return (
    <article aria-labelledby={`engagement-${contrat.id}`} className={fr.cx('fr-mb-5w')}>
      <h3 id={`engagement-${contrat.id}`} className={fr.cx('fr-mb-1w')}>
        <Link to={`/contrats/${contrat.id}`}>{contrat.intitule}</Link>
      </h3>
      <ul className={fr.cx('fr-badges-group', 'fr-mb-1w')} aria-label="Statut du contrat et rôles de l’organisation">
        <li>
          <BadgeStatutContrat statut={contrat.statut as StatutContrat} />
        </li>
        <li>
          <Badge small noIcon as="span">
            {libelleGeneration(contrat.generation)}
          </Badge>
        </li>
        {contrat.roles.map((r) => (
          <li key={r}>
            <Badge small noIcon severity="info" as="span">
              {ROLES_ENGAGEMENT[r] ?? r}
            </Badge>
          </li>
        ))}
      </ul>
      <p className={fr.cx('fr-mb-2w')}>
        Financement apporté au contrat : <strong>{formaterMontant(Number(contrat.financementCentimes))}</strong>
      </p>
      {contrat.fiches.length === 0 ? (
        <p className={fr.cx('fr-text--sm')}>Aucune fiche-action pilotée, cofinancée ou accompagnée par l’organisation dans ce contrat.</p>
      ) : (
        <Table
          caption={`Fiches-action où l’organisation est engagée (${contrat.fiches.length})`}
          headers={['Fiche', 'Statut', 'Rôle', 'Offres de service']}
          data={contrat.fiches.map((f) => [
            <Link key="f" to={`/fiches/${f.id}`}>
              {f.numero}. {f.intitule}
            </Link>,
            <BadgeStatutFiche key="s" statut={f.statut} />,
            f.roles.map((r) => ROLES_FICHE_ENGAGEMENT[r] ?? r).join(', ') || '—',
            f.offres.length === 0 ? (
              '—'
            ) : (
              <ul key="o" className={fr.cx('fr-raw-list')}>
                {f.offres.map((o) => (
                  <li key={o}>
                    {o}
                    {modifiable && idOffre(o) && (
                      <Button
                        type="button"
                        size="small"
                        priority="tertiary no outline"
                        className={fr.cx('fr-ml-1w')}
                        disabled={rattachement.isPending}
                        onClick={() =>
                          rattachement.mutate(
                            { ficheId: f.id, offreId: idOffre(o)!, rattacher: false },
                            { onSuccess: () => onMessage(`L’offre « ${o} » est détachée de la fiche ${f.numero}.`) },
                          )
                        }
                        nativeButtonProps={{ 'aria-label': `Détacher l’offre « ${o} » de la fiche ${f.numero}` }}
                      >
                        Détacher
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            ),
          ])}
        />
      )}
      {rattachement.error ? <AlerteErreur erreur={rattachement.error} as="h4" titre="L’offre n’a pas été détachée" /> : null}
    </article>
  );
}

/** The CPAM case: where an organisation is engaged, contract by contract, fiche by fiche; its people, funding and offers. */
export default function EngagementsPage() {
  const { id } = useParams();
  const { sujet } = useSession();
  const engagements = useEngagements(id);
  const [message, setMessage] = useState('');
  const [erreurExport, setErreurExport] = useState<unknown>(null);
  const nom = engagements.data?.organisation.nom;
  useTitrePage(nom ? `Engagements de ${nom}` : 'Engagements');
  const filAriane = (
    <Breadcrumb
      currentPageLabel="Engagements"
      homeLinkProps={{ to: '/' }}
      segments={[
        { label: 'Annuaire', linkProps: { to: '/annuaire' } },
        { label: nom ?? 'Organisation', linkProps: { to: `/organisations/${id}` } },
      ]}
    />
  );
  if (engagements.isPending)
    return (
      <>
        {filAriane}
        <Chargement />
      </>
    );
  if (engagements.error) {
    return (
      <>
        {filAriane}
        <h1>Engagements introuvables</h1>
        <AlerteErreur erreur={engagements.error} />
      </>
    );
  }
  const e = engagements.data;
  const modifiable = can(sujet, 'modifier', { type: 'organisation', id: e.organisation.id });
  const fiches = e.contrats.reduce((t, c) => t + c.fiches.length, 0);

  return (
    <>
      {filAriane}
      <h1>Engagements de {e.organisation.nom}</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les contrats locaux de santé où {e.organisation.sigle || e.organisation.nom} signe, pilote, finance ou accompagne des actions, et
        les personnes qui les suivent.
      </p>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-3w')}>
        <Chiffre valeur={formaterNombre(e.contrats.length)} libelle={e.contrats.length > 1 ? 'contrats' : 'contrat'} />
        <Chiffre valeur={formaterNombre(fiches)} libelle={fiches > 1 ? 'fiches-action' : 'fiche-action'} />
        <Chiffre valeur={formaterMontant(e.financementTotalCentimes)} libelle="de financements apportés" />
        <Chiffre valeur={formaterNombre(e.offres.length)} libelle={e.offres.length > 1 ? 'offres de service' : 'offre de service'} />
      </div>
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-download-line"
        className={fr.cx('fr-mb-4w')}
        onClick={() => {
          setErreurExport(null);
          telecharger(`/api/organisations/${e.organisation.id}/engagements.xlsx`).then(
            (n) => setMessage(`Classeur « ${n} » téléchargé.`),
            setErreurExport,
          );
        }}
      >
        Exporter les engagements (XLSX)
      </Button>
      {erreurExport ? <AlerteErreur erreur={erreurExport} titre="L’export n’a pas abouti" /> : null}

      <section aria-labelledby="engagements-contrats" className={fr.cx('fr-mb-6w')}>
        <h2 id="engagements-contrats">Contrats et fiches-action</h2>
        {e.contrats.length === 0 ? (
          <EtatVide titre="Aucun engagement visible" titreAs="h3">
            <p>
              Une organisation apparaît ici dès qu’une coordination de contrat local de santé la désigne comme signataire, partenaire,
              pilote d’une fiche-action ou financeur. Seuls les contrats que vous pouvez consulter sont listés.
            </p>
          </EtatVide>
        ) : (
          e.contrats.map((c) => <Contrat key={c.id} contrat={c} engagements={e} modifiable={modifiable} onMessage={setMessage} />)
        )}
      </section>

      <MoyensOrganisation engagements={e} />

      <section aria-labelledby="engagements-referents" className={fr.cx('fr-mb-6w')}>
        <h2 id="engagements-referents">Référents et personnes</h2>
        {e.referents.length === 0 ? (
          <p>Aucune personne de l’organisation n’est enregistrée dans l’annuaire.</p>
        ) : (
          <Table
            caption={`Personnes de ${e.organisation.sigle || e.organisation.nom} (${pluriel(e.referents.length, 'personne')})`}
            headers={['Nom', 'Adresse e-mail', 'Rôle']}
            data={e.referents.map((r) => [
              `${r.prenom} ${r.nom}`,
              r.email ? (
                <a key="m" href={`mailto:${r.email}`}>
                  {r.email}
                </a>
              ) : (
                '—'
              ),
              r.role === 'référent' ? 'Référent de l’organisation' : 'Membre',
            ])}
          />
        )}
      </section>

      <OffresOrganisation engagements={e} modifiable={modifiable} onMessage={setMessage} />
    </>
  );
}
