import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Quote } from '@codegouvfr/react-dsfr/Quote';
import { formaterDate, pluriel } from '@maillage/domain';
import { useElementDiagnostic } from '../../api/diagnostics';
import type { Diagnostic } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsElement } from '../../components/boutons-element';
import { creerConfirmation } from '../../components/confirmation';
import { EtatVide } from '../../components/etat-vide';
import { LIBELLES_LOCUTEUR } from '../../components/libelles';
import { useEditionElement, useFocusApresEnregistrement } from './element-chaine';
import { extrait } from './formulaire-element';
import { FormulaireVerbatim, type SaisieVerbatim } from './formulaires-qualitatif';

const suppression = creerConfirmation('confirmation-suppression-verbatim');

/** The quotes already carry their own quotation marks in some files: the DSFR quote adds French ones. */
const sansGuillemets = (t: string) => t.trim().replace(/^["«“\s]+|["»”\s]+$/g, '');

interface Props {
  contratId: string;
  diagnostic: Diagnostic;
  communes: { code: string; nom: string }[];
  editable: boolean;
}

/** What inhabitants, elected officials and professionals said, as said, with who, where, when; and the constats citing it. */
export function VerbatimsDiagnostic({ contratId, diagnostic: d, communes, editable }: Props) {
  const { enregistrer, supprimer } = useElementDiagnostic<SaisieVerbatim>(contratId, 'verbatims');
  const { edition, ouvrir, fermer, proprietes, aSupprimer, setASupprimer } = useEditionElement<{
    id: string;
    texte: string;
    constats: number;
  }>(enregistrer);
  const focaliser = useFocusApresEnregistrement(d);
  const nomCommune = new Map(communes.map((c) => [c.code, c.nom]));
  const formulaire = edition && (
    <FormulaireVerbatim
      element={edition.id ? d.verbatims.find((v) => v.id === edition.id) : undefined}
      communes={communes}
      {...proprietes}
      onEnregistrer={(saisie) =>
        enregistrer.mutateAsync({ id: edition.id, saisie }).then((r) => {
          fermer();
          focaliser(`verbatim-${r.id}`);
        })
      }
    />
  );

  return (
    <>
      {supprimer.error && <AlerteErreur erreur={supprimer.error} as="h4" titre="Le verbatim n’a pas été supprimé" />}
      {d.verbatims.length === 0 && !edition && (
        <EtatVide
          titre="Aucun verbatim recueilli"
          titreAs="h4"
          action={editable ? { children: 'Ajouter un verbatim', onClick: () => ouvrir(), iconId: 'fr-icon-add-line' } : undefined}
        >
          <p>
            Les verbatims gardent la parole des habitants, des élus et des professionnels telle qu’elle a été dite lors des entretiens, des
            questionnaires ou des réunions publiques. Les constats du diagnostic peuvent ensuite les citer.
          </p>
        </EtatVide>
      )}
      {d.verbatims.map((v) => {
        if (edition?.id === v.id) return <div key={v.id}>{formulaire}</div>;
        const constats = d.constats.filter((c) => c.verbatims.includes(v.id));
        const qui = [LIBELLES_LOCUTEUR[v.locuteur] ?? v.locuteur, v.communeCode ? (nomCommune.get(v.communeCode) ?? v.communeCode) : null]
          .filter(Boolean)
          .join(', ');
        return (
          <div key={v.id} id={`verbatim-${v.id}`} tabIndex={-1} className={fr.cx('fr-mb-3w')}>
            <Quote
              size="medium"
              text={sansGuillemets(v.texte)}
              author={qui}
              source={
                <>
                  {v.source && <li>{v.source}</li>}
                  {v.dateRecueil && <li>recueilli le {formaterDate(v.dateRecueil)}</li>}
                </>
              }
            />
            <p className={fr.cx('fr-text--sm', 'fr-mb-1w', 'fr-ml-4w')}>
              {constats.length === 0 ? (
                'Cité par aucun constat.'
              ) : (
                <>
                  Cité par {constats.length > 1 ? 'les constats' : 'le constat'} :{' '}
                  {constats.map((c, i) => (
                    <span key={c.id}>
                      {i > 0 && ' · '}
                      <a href={`#constat-${c.id}`}>{c.intitule}</a>
                    </span>
                  ))}
                </>
              )}
            </p>
            {editable && (
              <div className={fr.cx('fr-ml-4w') + ' maillage-actions'}>
                <BoutonsElement
                  nom={`le verbatim ${extrait(v.texte, 40)}`}
                  onModifier={() => ouvrir(v.id)}
                  onSupprimer={() => {
                    setASupprimer({ id: v.id, texte: v.texte, constats: constats.length });
                    suppression.ouvrir();
                  }}
                />
              </div>
            )}
          </div>
        );
      })}
      {edition && !edition.id && formulaire}
      {editable && !edition && d.verbatims.length > 0 && (
        <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" onClick={() => ouvrir()}>
          Ajouter un verbatim
        </Button>
      )}
      <suppression.Confirmation
        titre="Supprimer ce verbatim ?"
        libelleConfirmer="Supprimer"
        onConfirmer={() => aSupprimer && supprimer.mutate(aSupprimer.id)}
      >
        <p>
          {aSupprimer ? extrait(aSupprimer.texte, 160) : ''} sera supprimé du diagnostic
          {aSupprimer?.constats
            ? ` ; ${pluriel(aSupprimer.constats, 'constat')} ne le ${aSupprimer.constats > 1 ? 'citeront' : 'citera'} plus`
            : ''}
          . La suppression est tracée dans l’historique du contrat.
        </p>
      </suppression.Confirmation>
    </>
  );
}
