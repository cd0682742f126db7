import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { formaterMontant } from '@maillage/domain';
import { useState } from 'react';
import { useFinancements, useLignesContrat } from '../../api/financements';
import { telecharger } from '../../api/telechargement';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterNombre } from '../../components/format';
import '../../components/styles/gouvernance.css';
import { FormulaireLigneContrat } from './formulaire-ligne-contrat';
import { GraphiqueFinancements } from './graphique-financements';
import { LignesFinancements } from './lignes-financements';
import { peutAjouter } from '../../components/statuts-contrat';
import { Chiffre } from '../../components/chiffre';

/** Financements tab: totals, the breakdowns (each chart with its table), every line, the contract's own lines, export. */
export default function OngletFinancements({ contrat }: { contrat: ContratDetail }) {
  const financements = useFinancements(contrat.id);
  const gestion = useLignesContrat(contrat.id);
  const [formulaire, setFormulaire] = useState(false);
  const [message, setMessage] = useState('');
  const [erreurExport, setErreurExport] = useState<unknown>(null);
  const modifiable = contrat.droits.completer;
  const ajoutLigne = peutAjouter(contrat, 'financement');
  if (financements.isPending) return <Chargement libelle="Chargement des financements…" />;
  if (financements.error) return <AlerteErreur erreur={financements.error} titre="Impossible de charger les financements" />;
  const f = financements.data;
  const retenues = f.lignes.filter((l) => l.statut !== 'refuse');
  const acquis = retenues.filter((l) => l.statut === 'accorde' || l.statut === 'verse').reduce((t, l) => t + l.montantCentimes, 0);
  const annees = f.parAnnee.map((a) => a.cle);
  const refusees = f.lignes.length - retenues.length;

  const ajout = formulaire ? (
    <FormulaireLigneContrat
      erreur={gestion.ajout.error}
      enCours={gestion.ajout.isPending}
      onAnnuler={() => setFormulaire(false)}
      onEnregistrer={(l) =>
        gestion.ajout.mutateAsync(l).then(() => {
          setFormulaire(false);
          setMessage(`La ligne de ${formaterMontant(l.montantCentimes)} (${l.dispositif} ${l.annee}) est ajoutée.`);
        })
      }
    />
  ) : null;

  return (
    <div className={fr.cx('fr-pt-1w')}>
      <h2>Financements</h2>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {f.lignes.length === 0 ? (
        (ajout ?? (
          <EtatVide
            titre="Aucun financement inscrit"
            titreAs="h3"
            iconId="fr-icon-money-euro-circle-line"
            action={
              ajoutLigne
                ? {
                    children: 'Ajouter une ligne du contrat',
                    onClick: () => {
                      gestion.ajout.reset();
                      setFormulaire(true);
                    },
                  }
                : undefined
            }
          >
            <p>
              Les financements viennent des fiches-action (section « Financement » de chaque fiche : financeur, dispositif, année, montant,
              statut) et du contrat lui-même : poste de coordination, diagnostic, évaluation, animation. Ils se lisent ici par financeur,
              par dispositif, par année et par axe ; le FIR étant accordé année par année, la vue par année donne la visibilité
              pluriannuelle.
            </p>
          </EtatVide>
        ))
      ) : (
        <>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-3w')}>
            <Chiffre valeur={formaterMontant(f.total)} libelle="inscrits (hors refusés)" />
            <Chiffre valeur={formaterMontant(acquis)} libelle="acquis : accordés ou versés" />
            <Chiffre valeur={formaterMontant(f.total - acquis)} libelle="prévus ou sollicités" />
            <Chiffre
              valeur={formaterNombre(f.lignes.length)}
              libelle={`ligne${f.lignes.length > 1 ? 's' : ''} de financement${annees.length ? `, ${annees[0]}${annees.length > 1 ? `–${annees[annees.length - 1]}` : ''}` : ''}`}
            />
          </div>
          {refusees > 0 && (
            <p className={fr.cx('fr-text--sm')}>
              {formaterNombre(refusees)} ligne{refusees > 1 ? 's refusées ne comptent' : ' refusée ne compte'} dans aucun total.
            </p>
          )}
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm', 'fr-btns-group--icon-left', 'fr-mb-3w')}>
            <li>
              <Button
                type="button"
                priority="secondary"
                iconId="fr-icon-download-line"
                onClick={() => {
                  setErreurExport(null);
                  telecharger(`/api/contrats/${contrat.id}/financements.xlsx`).then(
                    (nom) => setMessage(`Classeur « ${nom} » téléchargé.`),
                    setErreurExport,
                  );
                }}
              >
                Exporter les financements (XLSX)
              </Button>
            </li>
            {ajoutLigne && !formulaire && (
              <li>
                <Button
                  type="button"
                  priority="tertiary"
                  iconId="fr-icon-add-line"
                  onClick={() => {
                    gestion.ajout.reset();
                    setFormulaire(true);
                  }}
                >
                  Ajouter une ligne du contrat
                </Button>
              </li>
            )}
          </ul>
          {erreurExport ? <AlerteErreur erreur={erreurExport} as="h3" titre="L’export n’a pas abouti" /> : null}
          {ajout}

          <h3>Par financeur</h3>
          <GraphiqueFinancements titre="Financements par financeur" libelleCle="Financeur" totaux={f.parFinanceur} />
          <h3>Par année</h3>
          <GraphiqueFinancements titre="Financements par année" libelleCle="Année" totaux={f.parAnnee} horizontal={false} />
          <h3>Par dispositif</h3>
          <GraphiqueFinancements titre="Financements par dispositif" libelleCle="Dispositif" totaux={f.parDispositif} />
          <h3>Par axe</h3>
          <GraphiqueFinancements titre="Financements par axe stratégique" libelleCle="Axe" totaux={f.parAxe} />

          <h3>Toutes les lignes</h3>
          <LignesFinancements contratId={contrat.id} lignes={f.lignes} modifiable={modifiable} onMessage={setMessage} />
        </>
      )}
    </div>
  );
}
