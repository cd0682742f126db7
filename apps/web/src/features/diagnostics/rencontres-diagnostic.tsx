import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { formaterDate, TYPES_RENCONTRE } from '@maillage/domain';
import { useElementDiagnostic } from '../../api/diagnostics';
import type { Rencontre } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsElement } from '../../components/boutons-element';
import { creerConfirmation } from '../../components/confirmation';
import { EtatVide } from '../../components/etat-vide';
import { useEditionElement, useFocusApresEnregistrement } from './element-chaine';
import { FormulaireRencontre, type SaisieRencontre } from './formulaires-qualitatif';

const suppression = creerConfirmation('confirmation-suppression-rencontre');
const libelleType = (t: string) => (TYPES_RENCONTRE as Record<string, string>)[t] ?? t;

/** Interviews, public meetings, consultations and workshops of the diagnostic: date, participants, synthesis. */
export function RencontresDiagnostic({
  contratId,
  rencontres,
  editable,
}: {
  contratId: string;
  rencontres: Rencontre[];
  editable: boolean;
}) {
  const { enregistrer, supprimer } = useElementDiagnostic<SaisieRencontre>(contratId, 'rencontres');
  const { edition, ouvrir, fermer, proprietes, aSupprimer, setASupprimer } = useEditionElement<Rencontre>(enregistrer);
  const focaliser = useFocusApresEnregistrement(rencontres);
  const formulaire = edition && (
    <FormulaireRencontre
      element={edition.id ? rencontres.find((r) => r.id === edition.id) : undefined}
      {...proprietes}
      onEnregistrer={(saisie) =>
        enregistrer.mutateAsync({ id: edition.id, saisie }).then((r) => {
          fermer();
          focaliser(`rencontre-${r.id}`);
        })
      }
    />
  );

  return (
    <>
      {supprimer.error && <AlerteErreur erreur={supprimer.error} as="h4" titre="La rencontre n’a pas été supprimée" />}
      {rencontres.length === 0 && !edition && (
        <EtatVide
          titre="Aucune rencontre enregistrée"
          titreAs="h4"
          action={editable ? { children: 'Enregistrer une rencontre', onClick: () => ouvrir(), iconId: 'fr-icon-add-line' } : undefined}
        >
          <p>
            Entretiens avec les acteurs, réunions publiques, consultations et ateliers nourrissent le diagnostic partagé : notez-en la date,
            les participants et la synthèse, pour que chacun sache d’où viennent les constats.
          </p>
        </EtatVide>
      )}
      {rencontres.map((r) =>
        edition?.id === r.id ? (
          <div key={r.id}>{formulaire}</div>
        ) : (
          <article
            key={r.id}
            id={`rencontre-${r.id}`}
            tabIndex={-1}
            aria-labelledby={`rencontre-${r.id}-titre`}
            className={fr.cx('fr-p-2w', 'fr-mb-2w') + ' maillage-element-chaine'}
          >
            <h4 id={`rencontre-${r.id}-titre`} className={fr.cx('fr-h6', 'fr-mb-1w')}>
              {r.titre}
            </h4>
            <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
              <Badge small noIcon as="span" className={fr.cx('fr-mr-1w')}>
                {libelleType(r.type)}
              </Badge>
              {r.dateRencontre ? `le ${formaterDate(r.dateRencontre)}` : 'date non renseignée'}
            </p>
            {r.participants && (
              <p className={fr.cx('fr-text--sm', 'fr-mb-1w') + ' maillage-texte-long'}>
                <strong>Participants :</strong> {r.participants}
              </p>
            )}
            {r.synthese && (
              <p className={fr.cx('fr-text--sm', 'fr-mb-1w') + ' maillage-texte-long'}>
                <strong>Synthèse :</strong> {r.synthese}
              </p>
            )}
            {editable && (
              <div className="maillage-actions">
                <BoutonsElement
                  nom={`la rencontre « ${r.titre} »`}
                  onModifier={() => ouvrir(r.id)}
                  onSupprimer={() => {
                    setASupprimer(r);
                    suppression.ouvrir();
                  }}
                />
              </div>
            )}
          </article>
        ),
      )}
      {edition && !edition.id && formulaire}
      {editable && !edition && rencontres.length > 0 && (
        <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" onClick={() => ouvrir()}>
          Enregistrer une rencontre
        </Button>
      )}
      <suppression.Confirmation
        titre="Supprimer cette rencontre ?"
        libelleConfirmer="Supprimer"
        onConfirmer={() => aSupprimer && supprimer.mutate(aSupprimer.id)}
      >
        <p>
          La rencontre « {aSupprimer?.titre} », ses participants et sa synthèse seront supprimés du diagnostic. La suppression est tracée
          dans l’historique du contrat.
        </p>
      </suppression.Confirmation>
    </>
  );
}
