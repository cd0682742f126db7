import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { formaterDate, libellePublicTempsPublic, LOCUTEURS, TYPES_TEMPS_PUBLIC } from '@maillage/domain';
import { useState } from 'react';
import { type TempsPublic, useGestionTempsPublics, useTempsPublics } from '../../api/participation-public';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { creerConfirmation } from '../../components/confirmation';
import { EtatVide } from '../../components/etat-vide';
import { formaterNombre, pluriel } from '../../components/format';
import { LIBELLES_LOCUTEUR } from '../../components/libelles';
import { FormulaireTempsPublic } from './formulaire-temps-public';

const suppression = creerConfirmation('confirmation-suppression-temps-public');

/** Extracts of a temps public poured into the diagnostic as verbatims: one per paragraph, one speaker for all. */
function VerserExtraits({ contratId, t, onFin }: { contratId: string; t: TempsPublic; onFin: () => void }) {
  const { extraits } = useGestionTempsPublics(contratId);
  const [texte, setTexte] = useState('');
  const [locuteur, setLocuteur] = useState<(typeof LOCUTEURS)[number]>('habitant');
  const paragraphes = texte
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <form
      className={fr.cx('fr-p-2w', 'fr-mt-2w') + ' maillage-encart'}
      aria-label={`Verser des extraits de « ${t.intitule} » au diagnostic`}
      onSubmit={(e) => {
        e.preventDefault();
        extraits.mutate({ id: t.id, extraits: paragraphes.map((p) => ({ texte: p, locuteur })) }, { onSuccess: () => setTexte('') });
      }}
    >
      {extraits.error && <AlerteErreur erreur={extraits.error} as="h4" titre="Les extraits n’ont pas été versés" />}
      {extraits.data && (
        <p role="status" className={fr.cx('fr-text--sm')}>
          {pluriel(extraits.data.verbatims.length, 'verbatim ajouté', 'verbatims ajoutés')} au diagnostic.
        </p>
      )}
      <Input
        label="Extraits à verser au diagnostic"
        hintText="Un extrait par paragraphe (séparez-les par une ligne vide) : chacun devient un verbatim dont la source est ce temps public."
        textArea
        nativeTextAreaProps={{ value: texte, onChange: (e) => setTexte(e.target.value), rows: 4 }}
      />
      <Select label="Qui parle" nativeSelectProps={{ value: locuteur, onChange: (e) => setLocuteur(e.target.value as typeof locuteur) }}>
        {LOCUTEURS.map((l) => (
          <option key={l} value={l}>
            {LIBELLES_LOCUTEUR[l] ?? l}
          </option>
        ))}
      </Select>
      <div className="maillage-actions">
        <Button type="submit" disabled={!paragraphes.length || extraits.isPending}>
          {paragraphes.length > 1 ? `Verser les ${paragraphes.length} extraits` : 'Verser l’extrait'}
        </Button>
        <Button type="button" priority="secondary" onClick={onFin}>
          Fermer
        </Button>
      </div>
    </form>
  );
}

function CarteTempsPublic({
  contratId,
  t,
  editable,
  onModifier,
  onSupprimer,
}: {
  contratId: string;
  t: TempsPublic;
  editable: boolean;
  onModifier: () => void;
  onSupprimer: () => void;
}) {
  const [extraits, setExtraits] = useState(false);
  return (
    <article
      id={`temps-public-${t.id}`}
      tabIndex={-1}
      aria-labelledby={`temps-public-${t.id}-titre`}
      className={fr.cx('fr-p-2w', 'fr-mb-2w') + ' maillage-element-chaine'}
    >
      <h4 id={`temps-public-${t.id}-titre`} className={fr.cx('fr-h6', 'fr-mb-1w')}>
        {t.intitule}
      </h4>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
        <Badge small noIcon as="span" className={fr.cx('fr-mr-1w')}>
          {TYPES_TEMPS_PUBLIC[t.type]}
        </Badge>
        le {formaterDate(t.dateTenue)}
        {t.lieu ? `, ${t.lieu}` : ''}
        {t.communeNom ? ` (${t.communeNom})` : ''}
      </p>
      <ul className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
        <li>Participants : {t.nombreParticipants === null ? 'non renseigné' : formaterNombre(t.nombreParticipants)}</li>
        {t.publics.length > 0 && <li>Publics touchés : {t.publics.map(libellePublicTempsPublic).join(', ')}</li>}
        {t.intervenants.length > 0 && <li>Intervenants : {t.intervenants.join(' ; ')}</li>}
        <li>
          {t.nombreVerbatims
            ? `${pluriel(t.nombreVerbatims, 'verbatim versé', 'verbatims versés')} au diagnostic`
            : 'Aucun extrait versé au diagnostic'}
        </li>
      </ul>
      {t.synthese && (
        <p className={fr.cx('fr-text--sm', 'fr-mb-1w') + ' maillage-texte-long'}>
          <strong>Synthèse :</strong> {t.synthese}
        </p>
      )}
      {editable && (
        <div className="maillage-actions">
          <Button type="button" size="small" priority="secondary" onClick={onModifier}>
            Modifier<span className={fr.cx('fr-sr-only')}> {t.intitule}</span>
          </Button>
          <Button type="button" size="small" priority="secondary" onClick={() => setExtraits(true)} disabled={extraits}>
            Verser des extraits au diagnostic<span className={fr.cx('fr-sr-only')}> depuis {t.intitule}</span>
          </Button>
          <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={onSupprimer}>
            Supprimer<span className={fr.cx('fr-sr-only')}> {t.intitule}</span>
          </Button>
        </div>
      )}
      {extraits && <VerserExtraits contratId={contratId} t={t} onFin={() => setExtraits(false)} />}
    </article>
  );
}

/** Public meetings, forums and health days of the contract, with their audience and what came out of them. */
export function TempsPublicsContrat({ contratId, editable }: { contratId: string; editable: boolean }) {
  const liste = useTempsPublics(contratId);
  const { ajout, modification, suppression: supprimer } = useGestionTempsPublics(contratId);
  const [edition, setEdition] = useState<{ id?: string } | null>(null);
  const [aSupprimer, setASupprimer] = useState<TempsPublic | null>(null);
  if (liste.isPending) return <Chargement libelle="Chargement des temps publics…" />;
  if (liste.error) return <AlerteErreur erreur={liste.error} as="h4" titre="Impossible de charger les temps publics" />;
  const temps = liste.data;
  const mutation = edition?.id ? modification : ajout;
  const formulaire = edition && (
    <FormulaireTempsPublic
      element={edition.id ? temps.find((t) => t.id === edition.id) : undefined}
      erreur={mutation.error}
      enCours={mutation.isPending}
      onAnnuler={() => {
        mutation.reset();
        setEdition(null);
      }}
      onEnregistrer={(saisie, version) =>
        (edition.id ? modification.mutateAsync({ id: edition.id, version: version!, ...saisie }) : ajout.mutateAsync(saisie)).then(() => {
          mutation.reset();
          setEdition(null);
        })
      }
    />
  );
  return (
    <>
      {supprimer.error && <AlerteErreur erreur={supprimer.error} as="h4" titre="Le temps public n’a pas été supprimé" />}
      {temps.length === 0 && !edition && (
        <EtatVide
          titre="Aucun temps public enregistré"
          titreAs="h4"
          action={
            editable ? { children: 'Enregistrer un temps public', onClick: () => setEdition({}), iconId: 'fr-icon-add-line' } : undefined
          }
        >
          <p>
            Réunions publiques, forums et journées santé font entendre les habitants : notez la date, le lieu, le public touché, les
            intervenants et la synthèse, puis versez ce qui s’y est dit au diagnostic.
          </p>
        </EtatVide>
      )}
      {temps.map((t) =>
        edition?.id === t.id ? (
          <div key={t.id}>{formulaire}</div>
        ) : (
          <CarteTempsPublic
            key={t.id}
            contratId={contratId}
            t={t}
            editable={editable}
            onModifier={() => setEdition({ id: t.id })}
            onSupprimer={() => {
              setASupprimer(t);
              suppression.ouvrir();
            }}
          />
        ),
      )}
      {edition && !edition.id && formulaire}
      {editable && !edition && temps.length > 0 && (
        <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" onClick={() => setEdition({})}>
          Enregistrer un temps public
        </Button>
      )}
      <suppression.Confirmation
        titre="Supprimer ce temps public ?"
        libelleConfirmer="Supprimer"
        onConfirmer={() => aSupprimer && supprimer.mutate(aSupprimer.id)}
      >
        <p>
          Le temps public « {aSupprimer?.intitule} », son public, ses intervenants et sa synthèse seront supprimés. Les verbatims déjà
          versés restent au diagnostic. La suppression est tracée dans l’historique du contrat.
        </p>
      </suppression.Confirmation>
    </>
  );
}
