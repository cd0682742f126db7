import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { rapportValeursDe } from '../../api/indicateurs';
import type { RapportImportValeurs } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { RapportImportValeursVue } from './rapport-import-valeurs';
import { SuiviImport } from './suivi-import';

interface PropsVerification {
  essai: RapportImportValeurs;
  importer: { error: Error | null; isPending: boolean };
  onImporter: () => void;
  onRetour: () => void;
  onRecommencer: () => void;
}

/** Step 3: the dry run's report, and the import when no row is rejected. */
export function EtapeVerification({ essai, importer, onImporter, onRetour, onRecommencer }: PropsVerification) {
  const rejets = essai.rejetees > 0;
  return (
    <>
      {rejets ? (
        <Alert
          severity="error"
          as="h3"
          className={fr.cx('fr-mt-3w')}
          title="Ce fichier ne peut pas être importé tel quel"
          description="Des lignes sont rejetées : corrigez-les dans le fichier ou changez la correspondance des colonnes, puis vérifiez à nouveau. Rien n’a été enregistré."
        />
      ) : (
        <Alert
          severity="info"
          as="h3"
          className={fr.cx('fr-mt-3w')}
          title="Vérification réussie : rien n’est encore enregistré"
          description="Voici ce que l’import fera. Confirmez pour enregistrer les valeurs."
        />
      )}
      <RapportImportValeursVue rapport={essai} titre="Résultat de la vérification" />
      {importer.error && !rapportValeursDe(importer.error) && (
        <AlerteErreur erreur={importer.error} as="h3" titre="L’import n’a pas abouti" />
      )}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left', 'fr-mt-3w')}>
        {!rejets && essai.valeursValides > 0 && (
          <li>
            <Button iconId="fr-icon-upload-line" onClick={onImporter} disabled={importer.isPending}>
              Importer les valeurs
            </Button>
          </li>
        )}
        <li>
          <Button priority="secondary" iconId="fr-icon-arrow-left-line" onClick={onRetour}>
            Revenir à la correspondance des colonnes
          </Button>
        </li>
        <li>
          <Button priority="tertiary" onClick={onRecommencer}>
            Choisir un autre fichier
          </Button>
        </li>
      </ul>
      {importer.isPending && <p role="status">Import en cours…</p>}
    </>
  );
}

/** Step 4: the background import followed, or the report of the import done at once. */
export function EtapeImport({
  suivi,
  final,
  onRecommencer,
}: {
  suivi: string | null;
  final: RapportImportValeurs | null;
  onRecommencer: () => void;
}) {
  return (
    <>
      {suivi ? (
        <SuiviImport importId={suivi} />
      ) : (
        final && (
          <>
            <Alert
              severity="success"
              as="h3"
              title="Valeurs importées"
              description="Elles sont visibles dans les diagnostics des contrats concernés ; l’import est tracé dans le journal d’audit."
            />
            <RapportImportValeursVue rapport={final} titre="Résultat de l’import" />
          </>
        )
      )}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-mt-3w')}>
        <li>
          <Button priority="secondary" onClick={onRecommencer}>
            Importer un autre fichier
          </Button>
        </li>
        <li>
          <Button priority="tertiary" linkProps={{ to: '/indicateurs' }}>
            Retour au catalogue
          </Button>
        </li>
      </ul>
    </>
  );
}
