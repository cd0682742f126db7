import { fr } from '@codegouvfr/react-dsfr';
import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterMontant, LIBELLES_STATUT_FINANCEMENT, NATURES_FINANCEMENT, type StatutFinancement } from '@maillage/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { OBJETS_FINANCEMENT, useLignesContrat, type LigneFinancement } from '../../api/financements';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';

const suppression = creerConfirmation('confirmation-suppression-ligne-financement');

const SEVERITE: Record<StatutFinancement, BadgeProps['severity'] | undefined> = {
  prevu: undefined,
  sollicite: 'info',
  accorde: 'success',
  verse: 'success',
  refuse: 'error',
};

export function BadgeStatutFinancement({ statut }: { statut: StatutFinancement }) {
  return (
    <Badge small noIcon severity={SEVERITE[statut]} as="span">
      {LIBELLES_STATUT_FINANCEMENT[statut] ?? statut}
    </Badge>
  );
}

const objet = (l: LigneFinancement) => (l.objet ? (OBJETS_FINANCEMENT[l.objet] ?? l.objet) : 'Contrat');

/** Every funding line: a fiche's line links to the fiche; a line of the contract itself can be removed here. */
export function LignesFinancements({
  contratId,
  lignes,
  modifiable,
  onMessage,
}: {
  contratId: string;
  lignes: LigneFinancement[];
  modifiable: boolean;
  onMessage: (m: string) => void;
}) {
  const gestion = useLignesContrat(contratId);
  const [cible, setCible] = useState<LigneFinancement | null>(null);
  const colonnes = ['Fiche ou objet', 'Financeur', 'Dispositif', 'Année', 'Montant', 'Nature', 'Statut'];
  return (
    <>
      {gestion.suppression.error ? (
        <AlerteErreur erreur={gestion.suppression.error} as="h3" titre="La ligne n’a pas été supprimée" />
      ) : null}
      <Table
        caption={`Toutes les lignes de financement (${lignes.length})`}
        headers={modifiable ? [...colonnes, 'Actions'] : colonnes}
        data={lignes.map((l) => {
          const ligne = [
            l.ficheId ? (
              <Link key="f" to={`/fiches/${l.ficheId}`}>
                Fiche {l.ficheNumero} — {l.ficheIntitule}
              </Link>
            ) : (
              <span key="o">
                {objet(l)}
                <span className={fr.cx('fr-text--xs', 'fr-mb-0')}> (contrat)</span>
              </span>
            ),
            l.financeur,
            l.dispositif,
            String(l.annee),
            <span key="m">
              <span className="maillage-nombre">{formaterMontant(l.montantCentimes)}</span>
              {l.valorisationNature ? <span className={fr.cx('fr-text--xs')}> + {l.valorisationNature}</span> : null}
            </span>,
            NATURES_FINANCEMENT[l.nature],
            <BadgeStatutFinancement key="s" statut={l.statut} />,
          ];
          if (!modifiable) return ligne;
          return [
            ...ligne,
            l.ficheId ? (
              <span key="a" className={fr.cx('fr-text--xs')}>
                Sur la fiche
              </span>
            ) : (
              <Button
                key="a"
                type="button"
                size="small"
                priority="tertiary no outline"
                iconId="fr-icon-delete-line"
                onClick={() => {
                  setCible(l);
                  suppression.ouvrir();
                }}
                nativeButtonProps={{
                  'aria-label': `Supprimer la ligne ${objet(l)}, ${l.financeur}, ${l.annee}, ${formaterMontant(l.montantCentimes)}`,
                }}
              >
                Supprimer
              </Button>
            ),
          ];
        })}
      />
      <suppression.Confirmation
        titre="Supprimer cette ligne de financement ?"
        libelleConfirmer="Supprimer la ligne"
        onConfirmer={() =>
          cible &&
          gestion.suppression.mutate(cible.id, {
            onSuccess: () => onMessage(`La ligne « ${objet(cible)} — ${cible.financeur}, ${cible.annee} » est supprimée.`),
          })
        }
      >
        <p>
          {cible
            ? `La ligne « ${objet(cible)} » de ${cible.financeur} (${cible.dispositif} ${cible.annee}, ${formaterMontant(cible.montantCentimes)}, ${LIBELLES_STATUT_FINANCEMENT[cible.statut].toLowerCase()}) sera retirée des financements du contrat et de ses totaux.`
            : ''}{' '}
          La suppression est tracée dans l’historique.
        </p>
      </suppression.Confirmation>
    </>
  );
}
