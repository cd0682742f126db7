import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErreurApi, requete } from './client';
import { invaliderContrats } from './contrats';
import type { RapportImport } from '@maillage/domain/api';

/** The report of an import, whether it was accepted (200) or refused line by line (422 carries it too). */
export function rapportDe(erreur: unknown): RapportImport | null {
  return erreur instanceof ErreurApi && erreur.probleme.rapport ? (erreur.probleme.rapport as RapportImport) : null;
}

/** POST /api/contrats/{id}/plan/import, multipart field « fichier »; dryRun checks without saving anything. */
export function useImportPlan(contratId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ fichier, dryRun }: { fichier: File; dryRun: boolean }) => {
      const corps = new FormData();
      corps.append('fichier', fichier);
      return requete<RapportImport>(`/api/contrats/${contratId}/plan/import?dryRun=${dryRun}`, { methode: 'POST', corps });
    },
    onSuccess: (rapport) => {
      if (rapport.applique) void invaliderContrats(client);
    },
  });
}
