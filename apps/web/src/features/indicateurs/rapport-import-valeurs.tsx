import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { formaterNombre } from '@maillage/domain';
import type { RapportImportValeurs } from '@maillage/domain/api';
import { PaginationUrl, usePageUrl } from '../../components/pagination-url';
import { libelleTiret } from '../../components/libelles-indicateurs';
import { TableauDefilant } from '../../components/tableau-defilant';
import { NonCorrespondantsDhis2 } from './non-correspondants-dhis2';

const PAR_PAGE = 100;
export const MODES: Record<string, string> = {
  long: 'une ligne par valeur (format long)',
  large: 'une colonne par indicateur (format large)',
  dhis2: 'dataValueSets DHIS2',
  odisse: 'fichier Odissé de Santé publique France',
  insee: 'fichier large de l’INSEE (une colonne par variable)',
};

/** "CSV, UTF-8, séparateur « ; »": what the server detected. */
export function descriptionFormat(r: { format: string; encodage: string | null; separateur: string | null }) {
  const separateur = r.separateur === '\t' ? 'tabulation' : r.separateur;
  const formats: Record<string, string> = { csv: 'CSV', xlsx: 'classeur Excel (XLSX)', dhis2: 'JSON DHIS2 (dataValueSets)' };
  return [formats[r.format] ?? r.format, r.encodage, separateur ? `séparateur « ${separateur} »` : null].filter(Boolean).join(', ');
}

/** Scale mismatches between the file and the catalogue: said before importing, never silently imported. */
export function AvertissementsEchelle({ avertissements }: { avertissements?: string[] }) {
  if (!avertissements?.length) return null;
  return (
    <Alert
      severity="warning"
      small
      className={fr.cx('fr-my-2w')}
      description={
        <ul>
          {avertissements.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      }
    />
  );
}

/** What an import of values did, or would do: counts, indicators, ignored columns, and every rejected row with its reason. */
export function RapportImportValeursVue({
  rapport: r,
  titre,
  titreAs = 'h3',
}: {
  rapport: RapportImportValeurs;
  titre: string;
  titreAs?: 'h2' | 'h3';
}) {
  const page = usePageUrl();
  const Titre = titreAs;
  const fait = r.applique;
  const rejets = r.rejets.slice((page - 1) * PAR_PAGE, page * PAR_PAGE);
  return (
    <section aria-labelledby="rapport-valeurs-titre" className={fr.cx('fr-mt-3w')}>
      <Titre id="rapport-valeurs-titre" className={fr.cx('fr-h5')}>
        {titre}
      </Titre>
      <p className={fr.cx('fr-mb-1w')}>
        Fichier « {r.nomFichier} » : {descriptionFormat(r)} ; {MODES[r.mode] ?? r.mode} ; « - » lu comme {libelleTiret(r.tiret) ?? r.tiret}.
      </p>
      <AvertissementsEchelle avertissements={r.avertissements} />
      <TableauDefilant
        caption="Résumé"
        headers={['Élément', 'Nombre']}
        data={[
          ['Lignes lues', formaterNombre(r.lignesLues)],
          ['Valeurs valides', formaterNombre(r.valeursValides)],
          ['Lignes rejetées', formaterNombre(r.rejetees)],
          [fait ? 'Valeurs créées' : 'Valeurs à créer', formaterNombre(r.creees)],
          [fait ? 'Valeurs modifiées' : 'Valeurs à modifier', formaterNombre(r.modifiees)],
          ['Valeurs inchangées', formaterNombre(r.inchangees)],
          ...(r.secrets !== undefined
            ? [['Valeurs sous secret statistique (gardées masquées, jamais lues comme 0)', formaterNombre(r.secrets)]]
            : []),
          ...(r.manquantes ? [['Valeurs non disponibles', formaterNombre(r.manquantes)]] : []),
        ]}
      />
      <NonCorrespondantsDhis2 liste={r.nonCorrespondants} />
      {r.indicateurs.length > 0 && <p className={fr.cx('fr-text--sm')}>Indicateurs concernés : {r.indicateurs.join(', ')}.</p>}
      {r.colonnesIgnorees.length > 0 && (
        <p className={fr.cx('fr-text--sm')}>Colonnes ignorées (leur contenu n’est pas importé) : {r.colonnesIgnorees.join(', ')}.</p>
      )}
      {r.rejetees > 0 && (
        <>
          <TableauDefilant
            caption={`Lignes rejetées et leur raison (${formaterNombre(r.rejetees)}${r.rejets.length < r.rejetees ? `, dont les ${formaterNombre(r.rejets.length)} premières détaillées` : ''})`}
            headers={['Ligne du fichier', 'Raison du rejet']}
            data={rejets.map((x, i) => [formaterNombre(x.ligne), <span key={i}>{x.raison}</span>])}
          />
          <PaginationUrl total={r.rejets.length} parPage={PAR_PAGE} />
        </>
      )}
    </section>
  );
}
