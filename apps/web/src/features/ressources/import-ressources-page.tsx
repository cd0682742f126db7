import { fr } from '@codegouvfr/react-dsfr';
import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { RapportImportRessources } from '@maillage/domain/api';
import { useState } from 'react';
import { cheminModeleImport, rapportRessourcesDe, useImportRessources } from '../../api/ressources';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { creerConfirmation } from '../../components/confirmation';
import { formaterNombre } from '../../components/format';
import { ImportVerifie, useImportVerifie } from '../../components/import-verifie';
import { TableauDefilant } from '../../components/tableau-defilant';
import { Telechargement } from '../../components/telechargement';
import { useTitrePage } from '../../components/titre-page';

const confirmation = creerConfirmation('confirmation-import-ressources');

type Statut = RapportImportRessources['lignes'][number]['statut'];
const STATUTS: Record<Statut, { fait: string; prevu: string; severite?: BadgeProps['severity'] }> = {
  cree: { fait: 'Créée', prevu: 'À créer', severite: 'success' },
  mis_a_jour: { fait: 'Mise à jour', prevu: 'À mettre à jour', severite: 'info' },
  inchange: { fait: 'Inchangée', prevu: 'Inchangée' },
  rejete: { fait: 'Refusée', prevu: 'Refusée', severite: 'error' },
  non_reprise: { fait: 'Non reprise', prevu: 'Non reprise', severite: 'warning' },
};

function Liste({ elements }: { elements: string[] }) {
  if (!elements.length) return <>—</>;
  return (
    <ul className={fr.cx('fr-mb-0')}>
      {elements.map((e, i) => (
        <li key={i}>{e}</li>
      ))}
    </ul>
  );
}

function Rapport({ rapport, titre }: { rapport: RapportImportRessources; titre: string }) {
  const fait = rapport.applique;
  const { resume } = rapport;
  return (
    <section aria-labelledby="rapport-ressources" className={fr.cx('fr-mt-3w')}>
      <h2 id="rapport-ressources">{titre}</h2>
      <p>{rapport.format === 'ror' ? 'Bundle FHIR du ROR : une entrée par ressource du Bundle.' : 'Tableur : une ligne par ressource.'}</p>
      <ul>
        <li>
          Ressources {fait ? 'créées' : 'à créer'} : {formaterNombre(resume.crees)}
        </li>
        <li>
          Ressources {fait ? 'mises à jour' : 'à mettre à jour'} : {formaterNombre(resume.misAJour)}
        </li>
        <li>Ressources inchangées : {formaterNombre(resume.inchanges)}</li>
        <li>Entrées refusées : {formaterNombre(resume.rejetes)}</li>
      </ul>
      {rapport.lignes.length > 0 && (
        <TableauDefilant
          caption={`Entrées du fichier (${formaterNombre(rapport.lignes.length)})`}
          headers={['Entrée', 'Ressource', 'Résultat', 'Repris', 'Non repris', 'Raison']}
          data={rapport.lignes.map((l) => [
            l.reference ? `${formaterNombre(l.ligne)} (${l.reference})` : formaterNombre(l.ligne),
            l.nom ?? '—',
            <Badge key="b" small noIcon severity={STATUTS[l.statut]?.severite} as="span">
              {(fait ? STATUTS[l.statut]?.fait : STATUTS[l.statut]?.prevu) ?? l.statut}
            </Badge>,
            <Liste key="m" elements={l.mappes} />,
            <Liste key="n" elements={l.nonMappes} />,
            l.raison ?? '',
          ])}
        />
      )}
    </section>
  );
}

/** /ressources/import: a ROR FHIR Bundle or the CSV/XLSX template; a dry run reports each entry, then the import, all or nothing. */
export default function ImportRessourcesPage() {
  useTitrePage('Importer des ressources');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const etat = useImportVerifie(
    useImportRessources(organisationId),
    rapportRessourcesDe,
    'Choisissez un fichier : Bundle du ROR (.json), .csv ou .xlsx.',
  );
  const { apercu } = etat;

  return (
    <>
      <Breadcrumb
        currentPageLabel="Importer des ressources"
        homeLinkProps={{ to: '/' }}
        segments={[{ label: 'Répertoire des ressources', linkProps: { to: '/ressources' } }]}
      />
      <h1>Importer des ressources</h1>
      <p className={fr.cx('fr-text--lead')}>
        Alimentez le répertoire avec l’offre du Répertoire opérationnel des ressources (ROR) ou avec un tableur.
      </p>
      <p>
        <strong>ROR</strong> : la réponse de recherche du ROR (Bundle FHIR R4 de HealthcareService, Organization et Location, en JSON). Les
        organisations sont retrouvées par leur FINESS ou leur SIRET ; une offre déjà importée (même identifiant ROR) est mise à jour, jamais
        dupliquée. <strong>Tableur</strong> : le modèle ci-dessous, une ressource par ligne. Rien n’est enregistré tant que vous n’avez pas
        vérifié puis confirmé ; une seule entrée refusée annule tout.
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Telechargement libelle="Modèle d’import" details="XLSX – avec la liste des codes" chemin={cheminModeleImport('xlsx')} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Telechargement libelle="Modèle d’import" details="CSV – séparateur « ; »" chemin={cheminModeleImport('csv')} />
        </div>
      </div>
      <ChoixOrganisation
        label="Organisation de rattachement (facultatif)"
        indication="Pour les offres du ROR dont l’organisation n’est trouvée ni par son FINESS ni par son SIRET dans l’annuaire."
        valeur={organisationId}
        aucune
        libelleAucune="Aucune : refuser ces offres"
        onChange={(id) => {
          setOrganisationId(id);
          etat.choisir(etat.champ.current?.files?.[0] ?? null);
        }}
      />
      <ImportVerifie
        etat={etat}
        as="h2"
        fichier={{
          label: 'Fichier des ressources',
          hint: 'Formats acceptés : .json (Bundle FHIR du ROR), .csv (séparateur « ; » ou « , »), .xlsx. Taille maximale : 20 Mo.',
          accept:
            '.json,.csv,.xlsx,application/json,application/fhir+json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }}
        textes={{
          erreur: 'Le fichier n’a pas pu être lu',
          rejet:
            'Au moins une entrée est refusée : la raison est dans le tableau. Corrigez le fichier, ou choisissez une organisation de rattachement, puis vérifiez-le à nouveau. Rien n’a été enregistré.',
          rien: 'Ce fichier ne change rien au répertoire.',
          importer: 'Importer ces ressources',
          succes: 'Ressources importées',
          descriptionSucces: 'Le répertoire est à jour ; chaque création ou mise à jour est tracée dans le journal d’audit.',
        }}
        rapport={(r, titre) => <Rapport rapport={r} titre={titre} />}
        onImporter={() => confirmation.ouvrir()}
        apresImport={
          <Button priority="secondary" linkProps={{ to: '/ressources' }}>
            Voir le répertoire
          </Button>
        }
      />
      <confirmation.Confirmation
        titre="Importer ces ressources ?"
        libelleConfirmer="Importer"
        iconeConfirmer="fr-icon-upload-line"
        onConfirmer={etat.appliquer}
      >
        <p>
          {apercu
            ? `Comme dans l’aperçu — ressources à créer : ${apercu.resume.crees} ; à mettre à jour : ${apercu.resume.misAJour}.`
            : 'Les ressources du fichier seront importées.'}
        </p>
      </confirmation.Confirmation>
    </>
  );
}
