import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { RapportImport, StatutLigneImport } from '@maillage/domain/api';
import { formaterNombre } from '../../components/format';

const STATUTS: Record<StatutLigneImport, { libelle: string; severite?: BadgeProps['severity'] }> = {
  cree: { libelle: 'Créée', severite: 'success' },
  mis_a_jour: { libelle: 'Mise à jour', severite: 'info' },
  inchange: { libelle: 'Inchangée' },
  rejete: { libelle: 'Rejetée', severite: 'error' },
};

const FORMATS = { maillage: 'plan d’action de Maillage', tet: 'import de Territoires en Transitions' };

function Liste({ titre, elements }: { titre: string; elements: string[] }) {
  if (!elements.length) return null;
  return (
    <>
      <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>{titre}</p>
      <ul className={fr.cx('fr-text--sm')}>
        {elements.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </>
  );
}

/** What an import did or would do, line by line. */
export function RapportImportVue({ rapport, titre }: { rapport: RapportImport; titre: string }) {
  const { resume } = rapport;
  const fait = rapport.applique;
  const sousActions = rapport.lignes.some((l) => l.sousAction);
  return (
    <section aria-labelledby="rapport-import-titre" className={fr.cx('fr-mt-3w')}>
      <h4 id="rapport-import-titre">{titre}</h4>
      <p className={fr.cx('fr-mb-1w')}>Format reconnu : {FORMATS[rapport.format] ?? rapport.format}.</p>
      <ul>
        <li>
          Fiches {fait ? 'créées' : 'à créer'} : {formaterNombre(resume.crees)}
        </li>
        <li>
          Fiches {fait ? 'mises à jour' : 'à mettre à jour'} : {formaterNombre(resume.misAJour)}
        </li>
        <li>Fiches inchangées : {formaterNombre(resume.inchanges)}</li>
        {resume.sousActions > 0 && (
          <li>
            Sous-actions {fait ? 'reprises' : 'à reprendre'} comme étapes de leur fiche : {formaterNombre(resume.sousActions)}
          </li>
        )}
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
      {rapport.remarques?.length > 0 && (
        <Alert
          severity="info"
          small
          className={fr.cx('fr-mb-2w')}
          title="Lu autrement qu’écrit"
          description={
            <ul className={fr.cx('fr-text--sm', 'fr-mb-0')}>
              {rapport.remarques.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
        />
      )}
      <Liste titre={fait ? 'Axes créés :' : 'Axes qui seront créés :'} elements={rapport.axesCrees} />
      <Liste titre={fait ? 'Objectifs créés :' : 'Objectifs qui seront créés :'} elements={rapport.objectifsCrees} />
      <Liste
        titre={fait ? 'Organisations créées dans l’annuaire :' : 'Organisations qui seront créées dans l’annuaire :'}
        elements={rapport.organisationsCreees}
      />
      {rapport.lignes.length > 0 && (
        <Table
          caption={`Lignes du fichier (${formaterNombre(rapport.lignes.length)})`}
          headers={['Ligne', 'Fiche', 'Intitulé', ...(sousActions ? ['Sous-action (étape)'] : []), 'Résultat', 'Raison']}
          data={rapport.lignes.map((l) => [
            formaterNombre(l.ligne),
            l.numero !== undefined ? String(l.numero) : '—',
            l.intitule ?? '—',
            ...(sousActions ? [l.sousAction ?? '—'] : []),
            <Badge key="b" small noIcon severity={STATUTS[l.statut]?.severite} as="span">
              {STATUTS[l.statut]?.libelle ?? l.statut}
            </Badge>,
            l.raison ?? '',
          ])}
        />
      )}
    </section>
  );
}
