import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useRef, useState } from 'react';
import type { RapportImportAnnuaire, StatutLigneAnnuaire } from '@maillage/domain/api';
import { rapportAnnuaireDe, useImportOrganisations } from '../../api/annuaire';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { formaterNombre } from '../../components/format';
import { useTitrePage } from '../../components/titre-page';

const confirmation = creerConfirmation('confirmation-import-organisations');

/** A line's outcome: what will happen (dry run) or what happened. */
const STATUTS: Record<StatutLigneAnnuaire, { fait: string; prevu: string; severite?: BadgeProps['severity'] }> = {
  cree: { fait: 'Créée', prevu: 'À créer', severite: 'success' },
  mis_a_jour: { fait: 'Mise à jour', prevu: 'À mettre à jour', severite: 'info' },
  inchange: { fait: 'Inchangée', prevu: 'Inchangée' },
  rejete: { fait: 'Rejetée', prevu: 'Rejetée', severite: 'error' },
};

function Rapport({ rapport, titre }: { rapport: RapportImportAnnuaire; titre: string }) {
  const fait = rapport.applique;
  const { resume } = rapport;
  return (
    <section aria-labelledby="rapport-annuaire" className={fr.cx('fr-mt-3w')}>
      <h2 id="rapport-annuaire">{titre}</h2>
      <ul>
        <li>Organisations {fait ? 'créées' : 'à créer'} : {formaterNombre(resume.crees)}</li>
        <li>Organisations {fait ? 'mises à jour' : 'à mettre à jour'} : {formaterNombre(resume.misAJour)}</li>
        <li>Organisations inchangées : {formaterNombre(resume.inchanges)}</li>
        <li>Lignes rejetées : {formaterNombre(resume.rejetes)}</li>
      </ul>
      {rapport.colonnesInconnues.length > 0 && (
        <Alert severity="warning" small className={fr.cx('fr-mb-2w')} description={`Colonnes non reconnues, leur contenu n’est pas importé : ${rapport.colonnesInconnues.join(', ')}.`} />
      )}
      {rapport.lignes.length > 0 && (
        <Table
          caption={`Lignes du fichier (${formaterNombre(rapport.lignes.length)})`}
          headers={['Ligne', 'Organisation', 'Résultat', 'Raison']}
          data={rapport.lignes.map((l) => [
            formaterNombre(l.ligne),
            l.nom ?? '—',
            <Badge key="b" small noIcon severity={STATUTS[l.statut]?.severite} as="span">
              {(fait ? STATUTS[l.statut]?.fait : STATUTS[l.statut]?.prevu) ?? l.statut}
            </Badge>,
            l.raison ?? '',
          ])}
        />
      )}
    </section>
  );
}

/** Admin: import a directory (CSV or XLSX). A dry run first shows each line's outcome; then the import, all or nothing. */
export default function ImportOrganisationsPage() {
  useTitrePage('Importer des organisations');
  const importer = useImportOrganisations();
  const [fichier, setFichier] = useState<File | null>(null);
  const [apercu, setApercu] = useState<RapportImportAnnuaire | null>(null);
  const [final, setFinal] = useState<RapportImportAnnuaire | null>(null);
  const [erreurFichier, setErreurFichier] = useState<string | undefined>();
  const champ = useRef<HTMLInputElement>(null);

  const verifier = () => {
    if (!fichier) {
      setErreurFichier('Choisissez un fichier .csv ou .xlsx.');
      champ.current?.focus();
      return;
    }
    setFinal(null);
    importer.mutate({ fichier, dryRun: true }, { onSuccess: setApercu, onError: (e) => setApercu(rapportAnnuaireDe(e)) });
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
        onError: (e) => setApercu(rapportAnnuaireDe(e) ?? apercu),
      },
    );
  };
  const rejets = apercu ? apercu.resume.rejetes > 0 : false;
  const rien = apercu ? apercu.resume.crees + apercu.resume.misAJour === 0 && !rejets : false;

  return (
    <>
      <Breadcrumb
        currentPageLabel="Importer des organisations"
        homeLinkProps={{ to: '/' }}
        segments={[{ label: 'Organisations', linkProps: { to: '/administration/organisations' } }]}
      />
      <h1>Importer des organisations</h1>
      <p className={fr.cx('fr-text--lead')}>Alimentez l’annuaire à partir d’un tableur : une organisation par ligne.</p>
      <p>
        Colonnes reconnues (la première ligne porte les intitulés) : <strong>nom</strong> (obligatoire), sigle, type (code ou
        libellé : « cpam », « Commune », « Centre hospitalier »… ; « autre » si absent), siret, finess, région (code INSEE),
        département (code). Une organisation est retrouvée par son SIRET, sinon par son nom : elle est alors mise à jour, jamais
        dupliquée. Rien n’est enregistré tant que vous n’avez pas vérifié puis confirmé ; une seule ligne rejetée annule tout.
      </p>
      <Upload
        label="Fichier des organisations"
        hint="Formats acceptés : .csv (séparateur « ; » ou « , »), .xlsx. Taille maximale : 20 Mo."
        state={erreurFichier ? 'error' : 'default'}
        stateRelatedMessage={erreurFichier}
        nativeInputProps={{
          ref: champ,
          accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          onChange: (e) => {
            setFichier(e.target.files?.[0] ?? null);
            setErreurFichier(undefined);
            setApercu(null);
            importer.reset();
          },
        }}
      />
      <Button type="button" priority="secondary" iconId="fr-icon-search-line" className={fr.cx('fr-mt-2w')} onClick={verifier} disabled={importer.isPending}>
        Vérifier le fichier
      </Button>
      <div role="status">{importer.isPending && <p className={fr.cx('fr-mt-2w')}>Lecture du fichier en cours…</p>}</div>
      {importer.error && !rapportAnnuaireDe(importer.error) && <AlerteErreur erreur={importer.error} titre="Le fichier n’a pas pu être lu" className={fr.cx('fr-mt-3w')} />}
      {apercu && (
        <>
          {rejets ? (
            <Alert
              severity="error"
              as="h2"
              className={fr.cx('fr-mt-3w')}
              title="Ce fichier ne peut pas être importé"
              description="Au moins une ligne est rejetée : corrigez-la dans le fichier (la raison est dans le tableau), puis vérifiez-le à nouveau. Rien n’a été enregistré."
            />
          ) : (
            <Alert
              severity="info"
              as="h2"
              className={fr.cx('fr-mt-3w')}
              title="Aperçu : rien n’est encore enregistré"
              description={rien ? 'Ce fichier ne change rien à l’annuaire.' : 'Vérifiez le résultat ligne par ligne, puis confirmez l’import.'}
            />
          )}
          <Rapport rapport={apercu} titre="Résultat de la vérification" />
          {!rejets && !rien && (
            <Button type="button" iconId="fr-icon-upload-line" onClick={() => confirmation.ouvrir()} disabled={importer.isPending}>
              Importer ces organisations
            </Button>
          )}
        </>
      )}
      {final && (
        <>
          <Alert severity="success" as="h2" className={fr.cx('fr-mt-3w')} title="Organisations importées" description="L’annuaire est à jour ; chaque création ou mise à jour est tracée dans le journal d’audit." />
          <Rapport rapport={final} titre="Résultat de l’import" />
          <Button priority="secondary" linkProps={{ to: '/administration/organisations' }}>
            Retour aux organisations
          </Button>
        </>
      )}
      <confirmation.Confirmation titre="Importer ces organisations ?" libelleConfirmer="Importer" iconeConfirmer="fr-icon-upload-line" onConfirmer={appliquer}>
        <p>
          {apercu
            ? `Comme dans l’aperçu — organisations à créer : ${apercu.resume.crees} ; à mettre à jour : ${apercu.resume.misAJour}. Les valeurs du fichier remplacent celles des organisations existantes ; les champs vides du fichier ne les effacent pas.`
            : 'Les organisations du fichier seront importées.'}
        </p>
      </confirmation.Confirmation>
    </>
  );
}
