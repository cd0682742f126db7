import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { formaterNombre, pluriel } from '@maillage/domain';
import { useId } from 'react';
import { useEtatImport } from '../../api/indicateurs';
import type { RapportImportValeurs } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { formaterDateHeure } from '../../components/format';
import { Chargement } from '../../components/chargement';
import { RapportImportValeursVue } from './rapport-import-valeurs';

/** The last background import, remembered by this browser so that it can be found again from the import page. */
export const CLE_DERNIER_IMPORT = 'maillage:dernier-import-valeurs';

const estRapport = (r: unknown): r is RapportImportValeurs => !!r && typeof r === 'object' && 'lignesLues' in r;

/** A progress bar, in the DSFR colours, with its figures in words. */
export function Progression({ traitees, total, libelle }: { traitees: number; total: number | null; libelle: string }) {
  const id = useId();
  const estime = total && total > 0 ? Math.min(99, Math.round((traitees / total) * 100)) : null;
  return (
    <div className={fr.cx('fr-my-3w')}>
      <label htmlFor={id} className={fr.cx('fr-label', 'fr-mb-1w')}>
        {libelle}
      </label>
      <progress id={id} className="maillage-progression" max={total ?? undefined} value={total ? Math.min(traitees, total) : undefined}>
        {estime !== null ? `${estime} %` : 'en cours'}
      </progress>
      <p className={fr.cx('fr-text--sm', 'fr-mt-1w')}>
        {formaterNombre(traitees)} ligne(s) traitée(s)
        {total ? ` sur environ ${formaterNombre(total)} (${estime} %, estimation d’après la taille du fichier)` : ''}.
      </p>
    </div>
  );
}

/** Follows an import running in the background: progress while it runs, then its report. Its address can be kept and reopened. */
export function SuiviImport({ importId }: { importId: string }) {
  const etat = useEtatImport(importId);
  if (etat.isPending) return <Chargement libelle="Recherche de l’import…" />;
  if (etat.error) return <AlerteErreur erreur={etat.error} titre="Impossible de suivre cet import" />;
  const e = etat.data;
  const rapport = estRapport(e.rapport) ? e.rapport : null;
  return (
    <>
      <p>
        Import du fichier « {e.nomFichier} » lancé le {formaterDateHeure(e.creeLe)}
        {e.creePar ? ` par ${e.creePar}` : ''}.
      </p>
      <div role="status">
        {e.etat === 'en_cours' && (
          <Alert
            severity="info"
            as="h2"
            title="Import en cours"
            description="Le fichier est lu et enregistré en arrière-plan. Vous pouvez quitter cette page : l’import continue, et cette adresse (ou la page d’import) permet de revenir le suivre."
          />
        )}
        {e.etat === 'termine' && (
          <Alert
            severity="success"
            as="h2"
            title="Import terminé"
            description={`Les valeurs sont enregistrées${e.termineLe ? ` (le ${formaterDateHeure(e.termineLe)})` : ''} et visibles dans les diagnostics ; l’import est tracé dans le journal d’audit.`}
          />
        )}
        {e.etat === 'echoue' && (
          <Alert
            severity="error"
            as="h2"
            title="Import refusé"
            description={
              rapport
                ? `${pluriel(rapport.rejetees, 'ligne rejetée', 'lignes rejetées')} : rien n’a été enregistré. Corrigez le fichier (voir les raisons ci-dessous) et recommencez.`
                : `L’import a échoué : ${(e.rapport as { erreur?: string } | null)?.erreur ?? 'erreur inconnue'}. Rien n’a été enregistré.`
            }
          />
        )}
      </div>
      {e.etat === 'en_cours' && <Progression traitees={e.lignesTraitees ?? 0} total={e.lignesTotal} libelle="Progression de l’import" />}
      {rapport && (
        <RapportImportValeursVue
          rapport={rapport}
          titre={e.etat === 'termine' ? 'Résultat de l’import' : 'Lignes à corriger'}
          titreAs="h2"
        />
      )}
    </>
  );
}
