import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterMoyens, libelleMoyen, TYPES_MOYEN } from '@maillage/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useGestionMoyens, useMoyensContrat, type LigneMoyens } from '../../api/moyens';
import type { ContratDetail } from '@maillage/domain/api';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { creerConfirmation } from '../../components/confirmation';
import { EtatVide } from '../../components/etat-vide';
import { LienResultat, TableauTotaux } from '../../components/totaux-moyens';
import { FormulaireMoyen } from './formulaire-moyen';

const suppression = creerConfirmation('confirmation-suppression-moyen');

/** What each organisation commits to the contract, year by year (seed 002: « les moyens qu’elle mobilise »). */
export function MoyensContrat({ contrat }: { contrat: ContratDetail }) {
  const moyens = useMoyensContrat(contrat.id);
  const gestion = useGestionMoyens(contrat.id);
  const { sujet } = useSession();
  const [edite, setEdite] = useState<string | 'nouveau' | null>(null);
  const [aSupprimer, setASupprimer] = useState<LigneMoyens | null>(null);
  const [message, setMessage] = useState('');
  // The organisation's referents record its means, as do those who edit the contract; the server decides.
  const referentDe = (sujet?.habilitations ?? []).flatMap((h) =>
    h.role === 'referent_organisation' && h.organisationId ? [h.organisationId] : [],
  );
  const ecriture = contrat.droits.modifier || referentDe.length > 0;
  const peutEcrire = (l: LigneMoyens) => contrat.droits.modifier || referentDe.includes(l.organisationId);

  if (moyens.isPending) return <Chargement libelle="Chargement des moyens engagés…" />;
  if (moyens.error) return <AlerteErreur erreur={moyens.error} titre="Impossible de charger les moyens engagés" />;
  const m = moyens.data;
  const mutation = edite === 'nouveau' ? gestion.ajout : gestion.modification;
  const fermer = (texte?: string) => {
    setEdite(null);
    if (texte) setMessage(texte);
  };
  const formulaire = (l?: LigneMoyens) => (
    <FormulaireMoyen
      ligne={l}
      organisationParDefaut={referentDe[0] ?? null}
      erreur={mutation.error}
      enCours={mutation.isPending}
      onAnnuler={() => fermer()}
      onEnregistrer={(saisie) =>
        l
          ? gestion.modification
              .mutateAsync({ id: l.id, version: l.version, ...saisie })
              .then(() => fermer('L’engagement de moyens est modifié.'))
          : gestion.ajout.mutateAsync(saisie).then(() => fermer('L’engagement de moyens est enregistré.'))
      }
    />
  );

  return (
    <section aria-labelledby="gouvernance-moyens" className={fr.cx('fr-mb-6w')}>
      <h2 id="gouvernance-moyens">Moyens engagés par les organisations</h2>
      <p className={fr.cx('fr-text--sm')}>
        Ce que chaque signataire ou partenaire apporte au contrat, année par année : du temps de travail (en jours ou en ETP), des
        financements, des apports en nature, et les objectifs propres de l’organisation que cet engagement sert. Les jours, les ETP et les
        euros ne s’additionnent jamais entre eux.
      </p>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {gestion.suppression.error ? (
        <AlerteErreur erreur={gestion.suppression.error} as="h3" titre="L’engagement n’a pas été supprimé" />
      ) : null}
      {m.lignes.length === 0 && edite !== 'nouveau' ? (
        <EtatVide
          titre="Aucun moyen engagé enregistré"
          titreAs="h3"
          action={
            ecriture
              ? { children: 'Enregistrer des moyens engagés', onClick: () => setEdite('nouveau'), iconId: 'fr-icon-add-line' }
              : undefined
          }
        >
          <p>
            Une organisation (la CPAM, une collectivité, un hôpital…) note ici le temps de ses agents, les sommes et les apports en nature
            qu’elle consacre au contrat : ils sont sommés par organisation et par année, et repris sur sa page d’engagements.
          </p>
        </EtatVide>
      ) : (
        <>
          <p>
            <strong>Au total :</strong> {formaterMoyens(m.total, { etpCumules: m.parAnnee.length > 1 })}.
          </p>
          <TableauTotaux
            caption="Moyens engagés par organisation"
            entete="Organisation"
            cumul={m.parAnnee.length > 1}
            lignes={m.parOrganisation.map((o) => ({
              cle: (
                <Link key={o.organisationId} to={`/organisations/${o.organisationId}/engagements`}>
                  {o.nom}
                </Link>
              ),
              total: o.total,
            }))}
          />
          <TableauTotaux
            caption="Moyens engagés par année"
            entete="Année"
            lignes={m.parAnnee.map((a) => ({ cle: String(a.annee), total: a.total }))}
          />
          <Table
            caption={`Engagements (${m.lignes.length})`}
            headers={['Organisation', 'Année', 'Moyen', 'Description', 'Objectifs et indicateurs', 'Actions']}
            data={m.lignes.map((l) => [
              l.organisationSigle || l.organisationNom,
              String(l.annee),
              `${TYPES_MOYEN[l.type]} : ${libelleMoyen(l)}`,
              l.description ?? '—',
              <LienResultat key="r" l={l} />,
              peutEcrire(l) && edite === null ? (
                <span key="a" className="maillage-actions">
                  <Button type="button" size="small" priority="tertiary" iconId="fr-icon-edit-line" onClick={() => setEdite(l.id)}>
                    Modifier
                    <span className={fr.cx('fr-sr-only')}>
                      {' '}
                      l’engagement de {l.organisationNom} pour {l.annee}
                    </span>
                  </Button>
                  <Button
                    type="button"
                    size="small"
                    priority="tertiary"
                    iconId="fr-icon-delete-line"
                    onClick={() => {
                      setASupprimer(l);
                      suppression.ouvrir();
                    }}
                  >
                    Supprimer
                    <span className={fr.cx('fr-sr-only')}>
                      {' '}
                      l’engagement de {l.organisationNom} pour {l.annee}
                    </span>
                  </Button>
                </span>
              ) : (
                '—'
              ),
            ])}
          />
        </>
      )}
      {edite && edite !== 'nouveau' && formulaire(m.lignes.find((l) => l.id === edite))}
      {edite === 'nouveau' && formulaire()}
      {ecriture && edite === null && m.lignes.length > 0 && (
        <Button type="button" priority="tertiary" iconId="fr-icon-add-line" onClick={() => setEdite('nouveau')}>
          Enregistrer d’autres moyens engagés
        </Button>
      )}
      <suppression.Confirmation
        titre="Supprimer cet engagement de moyens ?"
        libelleConfirmer="Supprimer"
        onConfirmer={() =>
          aSupprimer && gestion.suppression.mutate(aSupprimer.id, { onSuccess: () => setMessage('L’engagement de moyens est supprimé.') })
        }
      >
        <p>
          L’engagement de {aSupprimer?.organisationNom} pour {aSupprimer?.annee} sera supprimé des sommes du contrat et de la page
          d’engagements de l’organisation. La suppression est tracée dans l’historique du contrat.
        </p>
      </suppression.Confirmation>
    </section>
  );
}
