import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { formaterNombre } from '@maillage/domain';
import { useIndicateurs } from '../../api/indicateurs';
import type { ApercuImport } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { ChampsLecture, type Lecture } from './choix-fichier-import';
import { CorrespondanceColonnes, manques, type Reglages } from './correspondance-colonnes';
import { AvertissementsEchelle, descriptionFormat, MODES } from './rapport-import-valeurs';
import { TableauDefilant } from '../../components/tableau-defilant';

interface Mutation {
  isPending: boolean;
  error: unknown;
}

interface Props {
  apercu: ApercuImport;
  reglages: Reglages;
  onReglages: (r: Reglages) => void;
  lecture: Lecture;
  onLecture: (l: Lecture) => void;
  actualisation: Mutation;
  verification: Mutation;
  onActualiser: () => void;
  onVerifier: () => void;
  onRetour: () => void;
}

const cellule = (c: string | number | null) => (c === null || c === '' ? '—' : String(c));

/** Step 2: what was detected, the editable column mapping, and the first rows as the server reads them. */
export function EtapeCorrespondance({
  apercu,
  reglages,
  onReglages,
  lecture,
  onLecture,
  actualisation,
  verification,
  onActualiser,
  onVerifier,
  onRetour,
}: Props) {
  const catalogue = useIndicateurs();
  const manquants = manques(reglages);
  const lectures = new Map(apercu.lectures.map((l) => [l.ligne, l]));
  return (
    <>
      <h3 className={fr.cx('fr-h5', 'fr-mt-3w')}>Ce qui a été détecté</h3>
      <ul>
        <li>Format : {descriptionFormat(apercu)}</li>
        <li>Organisation proposée : {MODES[apercu.mode] ?? apercu.mode}</li>
        <li>Colonnes : {apercu.entetes.join(', ') || 'aucune'}</li>
        {apercu.colonnesIgnorees.length > 0 && <li>Colonnes ignorées pour l’instant : {apercu.colonnesIgnorees.join(', ')}</li>}
      </ul>

      <AvertissementsEchelle avertissements={apercu.avertissements} />

      <h3 className={fr.cx('fr-h5')}>Lecture des valeurs</h3>
      <ChampsLecture lecture={lecture} onChange={onLecture} />

      <h3 className={fr.cx('fr-h5')}>Correspondance des colonnes</h3>
      <CorrespondanceColonnes apercu={apercu} reglages={reglages} onChange={onReglages} catalogue={catalogue.data ?? []} />
      {manquants.length > 0 && (
        <Alert
          severity="warning"
          small
          className={fr.cx('fr-mb-2w')}
          description={`À indiquer avant de vérifier le fichier : ${manquants.join(', ')}.`}
        />
      )}

      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
        <li>
          <Button
            priority="secondary"
            iconId="fr-icon-refresh-line"
            onClick={onActualiser}
            disabled={actualisation.isPending || manquants.length > 0}
          >
            Actualiser l’aperçu
          </Button>
        </li>
      </ul>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {actualisation.isPending ? 'Actualisation de l’aperçu…' : ''}
      </p>
      {actualisation.error ? <AlerteErreur erreur={actualisation.error} as="h4" titre="L’aperçu n’a pas pu être actualisé" /> : null}

      <TableauDefilant
        caption={`Aperçu : les ${formaterNombre(apercu.exemples.length)} premières lignes et leur lecture`}
        headers={['Ligne', ...apercu.entetes, 'Lecture']}
        data={apercu.exemples.map((ex) => {
          const l = lectures.get(ex.ligne);
          const lu = !l
            ? '—'
            : l.rejets.length
              ? `Rejetée : ${l.rejets.join(' ; ')}`
              : `${formaterNombre(l.valeurs)} valeur${l.valeurs > 1 ? 's' : ''} lue${l.valeurs > 1 ? 's' : ''}`;
          return [formaterNombre(ex.ligne), ...apercu.entetes.map((_, i) => cellule(ex.cellules[i] ?? null)), lu];
        })}
      />

      {verification.error ? <AlerteErreur erreur={verification.error} as="h4" titre="Le fichier n’a pas pu être vérifié" /> : null}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left', 'fr-mt-3w')}>
        <li>
          <Button iconId="fr-icon-checkbox-circle-line" onClick={onVerifier} disabled={verification.isPending || manquants.length > 0}>
            Vérifier tout le fichier
          </Button>
        </li>
        <li>
          <Button priority="tertiary" iconId="fr-icon-arrow-left-line" onClick={onRetour}>
            Choisir un autre fichier
          </Button>
        </li>
      </ul>
      <p role="status">{verification.isPending ? 'Vérification de toutes les lignes, sans rien enregistrer…' : ''}</p>
    </>
  );
}
