import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterDate, roleDe } from '@maillage/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DemandeConfirmation } from '@maillage/domain/api';
import { useDemandesConfirmation, useReponseConfirmation } from '../../api/confirmations';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { useTitrePage } from '../../components/titre-page';
import { BadgeConfirmation } from '../../components/statuts-contrat';

type Vue = 'a_confirmer' | 'toutes';

/**
 * The requests addressed to the organisations the user speaks for: a contract names one of them as ARS, collectivité
 * porteuse or signataire, and only its own people may confirm or refuse it.
 */
export default function DemandesConfirmationPage() {
  useTitrePage('Demandes de confirmation');
  const [vue, setVue] = useState<Vue>('a_confirmer');
  const demandes = useDemandesConfirmation(vue);
  const reponse = useReponseConfirmation();
  const [refus, setRefus] = useState<DemandeConfirmation | null>(null);
  const [motif, setMotif] = useState('');
  const [message, setMessage] = useState('');

  const repondre = (d: DemandeConfirmation, decision: 'acceptation' | 'refus') =>
    reponse.mutate(
      { id: d.id, decision, motif },
      {
        onSuccess: (r) => {
          setRefus(null);
          setMotif('');
          setMessage(
            decision === 'acceptation'
              ? `${d.organisation.nom} est confirmée comme ${d.roleLibelle} du contrat « ${d.contrat.intitule} ».`
              : `${d.organisation.nom} a refusé d’être ${d.roleLibelle} du contrat « ${d.contrat.intitule} ».${r.depublie ? ' Le contrat n’est plus publié.' : ''}`,
          );
        },
      },
    );

  const segment = (valeur: Vue, libelle: string) => ({
    label: libelle,
    nativeInputProps: { checked: vue === valeur, onChange: () => setVue(valeur) },
  });

  return (
    <>
      <h1>Demandes de confirmation</h1>
      <p className={fr.cx('fr-text--lead')}>
        Quand un contrat local de santé nomme votre organisation comme ARS, collectivité porteuse ou signataire, c’est à elle de le
        confirmer. Tant qu’elle ne l’a pas fait, le rôle apparaît « à confirmer », aucune date de signature ne peut lui être attribuée, et
        un contrat ne peut être publié sans l’accord de l’ARS de chacune de ses régions.
      </p>
      <SegmentedControl
        className={fr.cx('fr-mb-3w')}
        legend="Demandes affichées"
        inlineLegend
        segments={[segment('a_confirmer', 'En attente'), segment('toutes', 'Toutes')]}
      />
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {reponse.error ? <AlerteErreur erreur={reponse.error} titre="La réponse n’a pas été enregistrée" /> : null}
      {demandes.isPending ? (
        <Chargement />
      ) : demandes.error ? (
        <AlerteErreur erreur={demandes.error} titre="Impossible de charger les demandes" />
      ) : demandes.data.length === 0 ? (
        <EtatVide titre={vue === 'a_confirmer' ? 'Aucune demande n’attend votre réponse.' : 'Aucune demande pour vos organisations.'}>
          <p>
            Une demande apparaît ici dès qu’une coordination nomme votre organisation dans un contrat. Les rôles que vous attribuez
            vous-même à votre organisation sont confirmés d’office.
          </p>
        </EtatVide>
      ) : (
        <Table
          caption="Demandes de confirmation"
          headers={['Contrat', 'Organisation', 'Rôle', 'Demandé par', 'Statut', 'Réponse']}
          data={demandes.data.map((d) => [
            <span key="c">
              <Link to={`/contrats/${d.contrat.id}`}>{d.contrat.intitule}</Link>
              <br />
              <span className={fr.cx('fr-text--xs')}>
                {d.contrat.regionsNoms.join(', ')}
                {d.contrat.publie ? ' — publié' : ''}
              </span>
            </span>,
            d.organisation.nom,
            d.role === 'signataire' && d.dateSignature
              ? `${d.roleLibelle} (date saisie : ${formaterDate(d.dateSignature)})`
              : d.roleLibelle,
            `${d.demandePar}, le ${formaterDate(d.demandeLe.slice(0, 10))}`,
            <span key="s">
              <BadgeConfirmation statut={d.statut} />
              {d.reponduPar && d.statut !== 'a_confirmer' && <span className={fr.cx('fr-text--xs')}> par {d.reponduPar}</span>}
              {d.motif && <span className={fr.cx('fr-text--xs')}> — motif : {d.motif}</span>}
            </span>,
            <div key="a" className="maillage-actions">
              {d.statut !== 'confirme' && (
                <Button
                  type="button"
                  size="small"
                  iconId="fr-icon-check-line"
                  disabled={reponse.isPending}
                  onClick={() => repondre(d, 'acceptation')}
                  nativeButtonProps={{
                    'aria-label': `Confirmer : ${d.organisation.nom}, ${d.roleLibelle} du contrat ${d.contrat.intitule}`,
                  }}
                >
                  Confirmer
                </Button>
              )}
              {d.statut !== 'refuse' && (
                <Button
                  type="button"
                  size="small"
                  priority="secondary"
                  iconId="fr-icon-close-line"
                  disabled={reponse.isPending}
                  onClick={() => setRefus(d)}
                  nativeButtonProps={{ 'aria-label': `Refuser : ${d.organisation.nom}, ${d.roleLibelle} du contrat ${d.contrat.intitule}` }}
                >
                  Refuser
                </Button>
              )}
            </div>,
          ])}
        />
      )}
      {refus && (
        <form
          className={fr.cx('fr-mt-3w')}
          aria-labelledby="titre-refus"
          onSubmit={(e) => {
            e.preventDefault();
            repondre(refus, 'refus');
          }}
        >
          <h2 id="titre-refus">
            Refuser le rôle {roleDe(refus.role)} du contrat « {refus.contrat.intitule} »
          </h2>
          <p>
            {refus.organisation.nom} ne sera pas {refus.roleLibelle} de ce contrat aux yeux de tous.
            {refus.role === 'ars' && refus.contrat.publie ? ' Le contrat, aujourd’hui publié, sera retiré de la publication.' : ''} Votre
            réponse est tracée dans l’historique du contrat.
          </p>
          <Input
            label="Motif (facultatif)"
            hintText="Il sera montré à la coordination du contrat"
            textArea
            nativeTextAreaProps={{ value: motif, onChange: (e) => setMotif(e.target.value), maxLength: 1000, rows: 3 }}
          />
          <div className="maillage-actions">
            <Button type="submit" disabled={reponse.isPending}>
              Refuser
            </Button>
            <Button type="button" priority="secondary" onClick={() => setRefus(null)}>
              Annuler
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
