import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { RapportImportAnnuaire, StatutLigneAnnuaire } from '@maillage/domain/api';
import { rapportAnnuaireDe, useImportOrganisations } from '../../api/annuaire';
import { creerConfirmation } from '../../components/confirmation';
import { formaterNombre } from '../../components/format';
import { ImportVerifie, useImportVerifie } from '../../components/import-verifie';
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
        <li>
          Organisations {fait ? 'créées' : 'à créer'} : {formaterNombre(resume.crees)}
        </li>
        <li>
          Organisations {fait ? 'mises à jour' : 'à mettre à jour'} : {formaterNombre(resume.misAJour)}
        </li>
        <li>Organisations inchangées : {formaterNombre(resume.inchanges)}</li>
        <li>Lignes rejetées : {formaterNombre(resume.rejetes)}</li>
      </ul>
      {rapport.colonnesInconnues.length > 0 && (
        <Alert
          severity="warning"
          small
          className={fr.cx('fr-mb-2w')}
          description={`Colonnes non reconnues, leur contenu n’est pas importé : ${rapport.colonnesInconnues.join(', ')}.`}
        />
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
  const etat = useImportVerifie(useImportOrganisations(), rapportAnnuaireDe, 'Choisissez un fichier .csv ou .xlsx.');
  const { apercu } = etat;

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
        Colonnes reconnues (la première ligne porte les intitulés) : <strong>nom</strong> (obligatoire), sigle, type (code ou libellé : «
        cpam », « Commune », « Centre hospitalier »… ; « autre » si absent), siret, finess, région (code INSEE), département (code). Une
        organisation est retrouvée par son SIRET, sinon par son nom : elle est alors mise à jour, jamais dupliquée. Rien n’est enregistré
        tant que vous n’avez pas vérifié puis confirmé ; une seule ligne rejetée annule tout.
      </p>
      <ImportVerifie
        etat={etat}
        as="h2"
        fichier={{
          label: 'Fichier des organisations',
          hint: 'Formats acceptés : .csv (séparateur « ; » ou « , »), .xlsx. Taille maximale : 20 Mo.',
          accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }}
        textes={{
          erreur: 'Le fichier n’a pas pu être lu',
          rejet:
            'Au moins une ligne est rejetée : corrigez-la dans le fichier (la raison est dans le tableau), puis vérifiez-le à nouveau. Rien n’a été enregistré.',
          rien: 'Ce fichier ne change rien à l’annuaire.',
          importer: 'Importer ces organisations',
          succes: 'Organisations importées',
          descriptionSucces: 'L’annuaire est à jour ; chaque création ou mise à jour est tracée dans le journal d’audit.',
        }}
        rapport={(r, titre) => <Rapport rapport={r} titre={titre} />}
        onImporter={() => confirmation.ouvrir()}
        apresImport={
          <Button priority="secondary" linkProps={{ to: '/administration/organisations' }}>
            Retour aux organisations
          </Button>
        }
      />
      <confirmation.Confirmation
        titre="Importer ces organisations ?"
        libelleConfirmer="Importer"
        iconeConfirmer="fr-icon-upload-line"
        onConfirmer={etat.appliquer}
      >
        <p>
          {apercu
            ? `Comme dans l’aperçu — organisations à créer : ${apercu.resume.crees} ; à mettre à jour : ${apercu.resume.misAJour}. Les valeurs du fichier remplacent celles des organisations existantes ; les champs vides du fichier ne les effacent pas.`
            : 'Les organisations du fichier seront importées.'}
        </p>
      </confirmation.Confirmation>
    </>
  );
}
