import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterDate } from '@maillage/domain';
import { useState } from 'react';
import { usePartenaires, useSignataires } from '../../api/contrats';
import type { ConfirmationPartie, ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonLigne, BoutonsLigne } from '../../components/boutons-element';
import { creerConfirmation } from '../../components/confirmation';
import { libelleTypeOrganisation } from '../../components/libelles';
import { DispositifsTerritoriaux } from './dispositifs-territoriaux';
import { FormulairePartenaire, FormulaireSignataire } from './formulaires-parties';
import { BadgeConfirmation, editionStructure } from '../../components/statuts-contrat';

const retrait = creerConfirmation('confirmation-retrait-partie');
const COLONNES_SIGNATAIRES = ['Organisation', 'Type', 'Confirmation', 'Représentant', 'Qualité', 'Date de signature'];

/** « À confirmer », « Confirmé », or « Refusé » with the organisation's reason. */
function Confirmation({ confirmation }: { confirmation: ConfirmationPartie }) {
  return (
    <>
      <BadgeConfirmation statut={confirmation.statut} />
      {confirmation.motif && <span className={fr.cx('fr-text--xs', 'fr-mb-0')}> Motif : {confirmation.motif}</span>}
    </>
  );
}

type Cible = { type: 'signataire' | 'partenaire'; id: string; nom: string };

/** Signataires (bound, each with its date) and partenaires (not bound), with their representatives and roles. */
export default function OngletParties({ contrat }: { contrat: ContratDetail }) {
  const signataires = useSignataires(contrat.id);
  const partenaires = usePartenaires(contrat.id);
  const edition = editionStructure(contrat);
  const [formulaire, setFormulaire] = useState<'signataire' | 'partenaire' | string | null>(null);
  const [cible, setCible] = useState<Cible | null>(null);
  const [message, setMessage] = useState('');
  const fermer = (texte?: string) => {
    setFormulaire(null);
    if (texte) setMessage(texte);
  };
  const erreurRetrait = signataires.retrait.error ?? partenaires.retrait.error;
  const enEdition = contrat.signataires.find((s) => s.id === formulaire);

  const retirer = (c: Cible) => {
    setCible(c);
    retrait.ouvrir();
  };
  const boutonsSignataire = (s: ContratDetail['signataires'][number]) => (
    <div className="maillage-actions">
      <BoutonsLigne
        nom={`le signataire ${s.organisation.nom}`}
        libelleSupprimer="Retirer"
        onModifier={() => setFormulaire(s.id)}
        onSupprimer={() => retirer({ type: 'signataire', id: s.id, nom: s.organisation.nom })}
      />
    </div>
  );

  return (
    <>
      <h2>Parties au contrat</h2>
      {edition.raison && <Notice className={fr.cx('fr-mb-3w')} title={edition.raison} />}
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {erreurRetrait ? <AlerteErreur erreur={erreurRetrait} as="h3" titre="Le retrait n’a pas abouti" /> : null}

      <h3>Signataires</h3>
      <p className={fr.cx('fr-text--sm')}>
        Un signataire s’engage formellement et siège au comité de pilotage. La signature du contrat demande au moins une ARS et une
        collectivité signataires, chacune avec sa date. Chaque organisation nommée confirme elle-même son rôle (ses agents ou son référent
        reçoivent une demande) : tant qu’elle n’a pas confirmé, sa date de signature ne peut pas être saisie.
      </p>
      {contrat.signataires.length === 0 ? (
        <p>
          Aucun signataire pour l’instant.
          {edition.possible ? ' Ajoutez l’ARS et la ou les collectivités porteuses, puis les autres signataires.' : ''}
        </p>
      ) : (
        <Table
          caption="Signataires du contrat"
          headers={[...COLONNES_SIGNATAIRES, ...(edition.possible ? ['Actions'] : [])]}
          data={contrat.signataires.map((s) => {
            const ligne = [
              s.organisation.nom,
              libelleTypeOrganisation(s.organisation.type),
              <Confirmation key="c" confirmation={s.confirmation} />,
              s.representant ?? '—',
              s.qualite ?? '—',
              s.dateSignature ? formaterDate(s.dateSignature) : 'Non signée',
            ];
            return edition.possible ? [...ligne, boutonsSignataire(s)] : ligne;
          })}
        />
      )}
      {enEdition && (
        <FormulaireSignataire
          key={enEdition.id}
          signataire={enEdition}
          erreur={signataires.modification.error}
          enCours={signataires.modification.isPending}
          onAnnuler={() => fermer()}
          onEnregistrer={(saisie) =>
            signataires.modification
              .mutateAsync({ id: enEdition.id, ...saisie })
              .then(() => fermer(`Le signataire ${enEdition.organisation.nom} est enregistré.`))
          }
        />
      )}
      {edition.possible &&
        (formulaire === 'signataire' ? (
          <FormulaireSignataire
            erreur={signataires.ajout.error}
            enCours={signataires.ajout.isPending}
            onAnnuler={() => fermer()}
            onEnregistrer={(saisie) => signataires.ajout.mutateAsync(saisie).then(() => fermer('Le signataire est ajouté.'))}
          />
        ) : (
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-add-line"
            className={fr.cx('fr-mb-4w')}
            onClick={() => setFormulaire('signataire')}
          >
            Ajouter un signataire
          </Button>
        ))}

      <h3>Partenaires</h3>
      <p className={fr.cx('fr-text--sm')}>Un partenaire contribue aux actions sans signer le contrat ni s’y engager formellement.</p>
      {contrat.partenaires.length === 0 ? (
        <p>Aucun partenaire enregistré.</p>
      ) : (
        <Table
          caption="Partenaires du contrat (non signataires)"
          headers={edition.possible ? ['Organisation', 'Type', 'Rôle', 'Actions'] : ['Organisation', 'Type', 'Rôle']}
          data={contrat.partenaires.map((p) => {
            const ligne = [p.organisation.nom, libelleTypeOrganisation(p.organisation.type), p.role ?? '—'];
            if (!edition.possible) return ligne;
            return [
              ...ligne,
              <BoutonLigne
                key="r"
                libelle="Retirer"
                etiquette={`Retirer le partenaire ${p.organisation.nom}`}
                icone="fr-icon-delete-line"
                onClick={() => retirer({ type: 'partenaire', id: p.id, nom: p.organisation.nom })}
              />,
            ];
          })}
        />
      )}
      {edition.possible &&
        (formulaire === 'partenaire' ? (
          <FormulairePartenaire
            erreur={partenaires.ajout.error}
            enCours={partenaires.ajout.isPending}
            onAnnuler={() => fermer()}
            onEnregistrer={(saisie) => partenaires.ajout.mutateAsync(saisie).then(() => fermer('Le partenaire est ajouté.'))}
          />
        ) : (
          <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={() => setFormulaire('partenaire')}>
            Ajouter un partenaire
          </Button>
        ))}

      <retrait.Confirmation
        titre={cible ? `Retirer ${cible.nom} ?` : 'Retirer'}
        libelleConfirmer="Retirer"
        onConfirmer={() => {
          if (!cible) return;
          const fin = { onSuccess: () => setMessage(`${cible.nom} est retiré des ${cible.type}s.`) };
          if (cible.type === 'signataire') signataires.retrait.mutate(cible.id, fin);
          else partenaires.retrait.mutate(cible.id, fin);
        }}
      >
        <p>
          {cible?.nom} ne sera plus {cible?.type} du contrat
          {cible?.type === 'signataire' ? ' ; son représentant et sa date de signature seront perdus' : ''}. Le retrait est tracé dans
          l’historique.
        </p>
      </retrait.Confirmation>
      <DispositifsTerritoriaux contrat={contrat} />
    </>
  );
}
