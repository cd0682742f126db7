import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterMontant, formaterPeriode } from '@maillage/domain';
import { Link } from 'react-router';
import { useOrdreFiches } from '../../api/fiches';
import type { ContratDetail, Fiche } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { formaterNombre, pluriel } from '../../components/format';
import { AnnonceDeplacement, BoutonsDeplacement, useDeplacement } from '../../components/deplacement';
import { TRIS } from './filtres-fiches';
import { BadgeStatutFiche } from '../../components/statuts-contrat';

interface Props {
  contrat: ContratDetail;
  /** The fiches shown (filtered and sorted by the server). */
  fiches: Fiche[];
  /** Every fiche in the contract's order: reordering sends the whole list. */
  toutes: Fiche[];
  filtre: boolean;
  tri: string;
  editable: boolean;
}

/** The fiches as a table: the number (an identifier) is distinct from the place in the list (ordre). */
export function TableauFiches({ contrat, fiches, toutes, filtre, tri, editable }: Props) {
  const ordre = useOrdreFiches(contrat.id);
  const deplacement = useDeplacement();
  // Moving a fiche means something only in the contract's own order, with every fiche shown.
  const reordonnable = editable && !filtre && (tri === '' || tri === 'ordre') && toutes.length > 1;
  const entetes = ['Ordre', 'N°', 'Intitulé', 'Axe', 'Statut', 'Pilotes', 'Période', 'Financement'];
  if (reordonnable) entetes.push('Déplacer');

  return (
    <>
      <AnnonceDeplacement texte={deplacement.annonce} />
      {ordre.error && <AlerteErreur erreur={ordre.error} as="h3" titre="L’ordre des fiches n’a pas été enregistré" />}
      {editable && !reordonnable && toutes.length > 1 && (
        <p className={fr.cx('fr-text--sm')}>Pour changer l’ordre des fiches, retirez les filtres et triez par « {TRIS.ordre} ».</p>
      )}
      <div className="maillage-tableau-fiches">
        <Table
          caption={`Fiches-action${filtre ? ' filtrées' : ''} (${pluriel(fiches.length, 'fiche')}), triées par ${(TRIS[tri || 'ordre'] ?? TRIS.ordre).toLowerCase()}`}
          headers={entetes}
          data={fiches.map((f, index) => {
            const ligne = [
              formaterNombre(f.ordre),
              <strong key="n">{f.numero}</strong>,
              <Link key="l" to={`/fiches/${f.id}`}>
                {f.intitule}
              </Link>,
              f.axe ? `${f.axe.numero}. ${f.axe.intitule}` : '—',
              <BadgeStatutFiche key="s" statut={f.statut} />,
              f.pilotes.map((p) => p.libelle).join(', ') || 'À définir',
              f.debut || f.fin ? formaterPeriode(f.debut, f.fin) : '—',
              f.totalFinancementCentimes ? formaterMontant(f.totalFinancementCentimes) : '—',
            ];
            if (reordonnable)
              ligne.push(
                <div key="d" className="maillage-actions">
                  <BoutonsDeplacement
                    idBase={`fiche-${f.id}`}
                    index={index}
                    total={fiches.length}
                    libelle={`la fiche ${f.numero}`}
                    desactive={deplacement.enCours}
                    onDeplacer={(i) =>
                      deplacement.executer({
                        ids: toutes.map((x) => x.id),
                        id: f.id,
                        nouvelIndex: i,
                        nom: `Fiche ${f.numero}`,
                        idBase: `fiche-${f.id}`,
                        enregistrer: ordre.mutateAsync,
                      })
                    }
                  />
                </div>,
              );
            return ligne;
          })}
        />
      </div>
    </>
  );
}
