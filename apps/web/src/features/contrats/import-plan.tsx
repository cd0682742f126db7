import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useRef, useState } from 'react';
import { rapportDe, useImportPlan } from '../../api/plans';
import type { EtatImportPlan, RapportImport } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { RapportImportVue } from './rapport-import';

const confirmation = creerConfirmation('confirmation-import-plan');

const nombre = (n: number) => n.toLocaleString('fr-FR');

/** What the status line says while the file is read, then while a large file's job runs on the server. */
function texteAvancement(avancement: EtatImportPlan | null): string {
  if (!avancement) return 'Lecture du fichier en cours…';
  const quoi = avancement.dryRun ? 'Vérification' : 'Import';
  return `${quoi} en cours : ${nombre(avancement.lignesTraitees)} ligne${avancement.lignesTraitees > 1 ? 's' : ''} traitée${avancement.lignesTraitees > 1 ? 's' : ''} sur ${nombre(avancement.lignesTotal)}…`;
}

/**
 * Import a plan (.xlsx or .csv, Maillage's or Territoires en Transitions' format): first a dry run that shows what
 * would change, then the import itself, all or nothing.
 */
export function ImportPlan({ contratId }: { contratId: string }) {
  const importer = useImportPlan(contratId);
  const [fichier, setFichier] = useState<File | null>(null);
  const [apercu, setApercu] = useState<RapportImport | null>(null);
  const [final, setFinal] = useState<RapportImport | null>(null);
  const [erreurFichier, setErreurFichier] = useState<string | undefined>();
  const champ = useRef<HTMLInputElement>(null);

  const verifier = () => {
    if (!fichier) {
      setErreurFichier('Choisissez un fichier .xlsx ou .csv.');
      champ.current?.focus();
      return;
    }
    setFinal(null);
    importer.mutate({ fichier, dryRun: true }, { onSuccess: (r) => setApercu(r), onError: (e) => setApercu(rapportDe(e)) });
  };
  const appliquer = () => {
    if (!fichier) return;
    importer.mutate(
      { fichier, dryRun: false },
      {
        onSuccess: (r) => {
          setFinal(r);
          setApercu(null);
          setFichier(null);
          if (champ.current) champ.current.value = '';
        },
        onError: (e) => setApercu(rapportDe(e) ?? apercu),
      },
    );
  };

  const rejets = apercu ? apercu.resume.rejetes > 0 : false;
  const rien = apercu ? apercu.resume.crees + apercu.resume.misAJour === 0 && !rejets : false;
  return (
    <div>
      <p className={fr.cx('fr-text--sm')}>
        Le fichier peut être le classeur exporté ci-dessus (format de Maillage) ou un fichier d’import de Territoires en Transitions, dont
        les lignes de sous-action deviennent les étapes de leur fiche. Les fiches sont retrouvées par leur numéro ; les axes, objectifs et
        organisations inconnus sont créés. Rien n’est enregistré tant que vous n’avez pas vérifié puis confirmé l’import, et une seule ligne
        rejetée annule tout.
      </p>
      <Upload
        label="Fichier du plan d’action"
        hint="Formats acceptés : .xlsx, .csv (séparateur « ; »). Taille maximale : 10 Mo."
        state={erreurFichier ? 'error' : 'default'}
        stateRelatedMessage={erreurFichier}
        nativeInputProps={{
          ref: champ,
          accept: '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv',
          onChange: (e) => {
            setFichier(e.target.files?.[0] ?? null);
            setErreurFichier(undefined);
            setApercu(null);
            importer.reset();
          },
        }}
      />
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-search-line"
        className={fr.cx('fr-mt-2w')}
        onClick={verifier}
        disabled={importer.isPending}
      >
        Vérifier le fichier
      </Button>
      <div role="status">{importer.isPending && <p className={fr.cx('fr-mt-2w')}>{texteAvancement(importer.avancement)}</p>}</div>
      {importer.isPending && importer.avancement && (
        <progress
          className="maillage-progression"
          value={importer.avancement.lignesTraitees}
          max={importer.avancement.lignesTotal}
          aria-label="Avancement de l’import"
        />
      )}
      {importer.error && !rapportDe(importer.error) && (
        <AlerteErreur erreur={importer.error} as="h4" titre="Le fichier n’a pas pu être importé" className={fr.cx('fr-mt-3w')} />
      )}
      {apercu && (
        <>
          {rejets ? (
            <Alert
              severity="error"
              as="h4"
              className={fr.cx('fr-mt-3w')}
              title="Ce fichier ne peut pas être importé"
              description="Au moins une ligne est rejetée : corrigez-la dans le fichier (voir la raison dans le tableau), puis vérifiez-le à nouveau. Rien n’a été enregistré."
            />
          ) : (
            <Alert
              severity="info"
              as="h4"
              className={fr.cx('fr-mt-3w')}
              title="Aperçu : rien n’est encore enregistré"
              description={
                rien
                  ? 'Ce fichier ne change rien au plan d’action actuel.'
                  : 'Vérifiez le résultat ligne par ligne, puis confirmez l’import.'
              }
            />
          )}
          <RapportImportVue rapport={apercu} titre="Résultat de la vérification" />
          {!rejets && !rien && (
            <Button type="button" iconId="fr-icon-upload-line" onClick={() => confirmation.ouvrir()} disabled={importer.isPending}>
              Importer
            </Button>
          )}
        </>
      )}
      {final && (
        <>
          <Alert
            severity="success"
            as="h4"
            className={fr.cx('fr-mt-3w')}
            title="Plan d’action importé"
            description="Les fiches, axes et objectifs du fichier sont enregistrés ; l’import est tracé dans l’historique."
          />
          <RapportImportVue rapport={final} titre="Résultat de l’import" />
        </>
      )}
      <confirmation.Confirmation
        titre="Importer ce plan d’action ?"
        libelleConfirmer="Importer"
        iconeConfirmer="fr-icon-upload-line"
        onConfirmer={appliquer}
      >
        <p>
          {apercu
            ? `Comme dans l’aperçu — fiches à créer : ${apercu.resume.crees} ; fiches à mettre à jour : ${apercu.resume.misAJour}. Les champs présents dans le fichier remplacent ceux des fiches existantes.`
            : 'Le plan d’action sera importé.'}
        </p>
      </confirmation.Confirmation>
    </div>
  );
}
