import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErreurApi, requete } from './client';
import { invaliderContrats } from './contrats';
import type { EtatImportPlan, ImportPlanEnFond, RapportImport } from '@maillage/domain/api';

/** The report of an import, whether it was accepted (200) or refused line by line (422 carries it too). */
export function rapportDe(erreur: unknown): RapportImport | null {
  return erreur instanceof ErreurApi && erreur.probleme.rapport ? (erreur.probleme.rapport as RapportImport) : null;
}

const attendre = (ms: number) => new Promise((fin) => setTimeout(fin, ms));

/**
 * Follows a large import run as a job, every second, until it ends: the same report as a direct answer, or the same
 * error (a refused file: 422 with its report, as the direct answer would have been).
 */
async function suivreImport(suivi: string, avancer: (e: EtatImportPlan) => void): Promise<RapportImport> {
  for (;;) {
    await attendre(1000);
    const etat = await requete<EtatImportPlan>(suivi);
    avancer(etat);
    if (etat.etat === 'termine' && etat.rapport) return etat.rapport;
    if (etat.etat !== 'en_cours') {
      const statut = etat.rapport ? 422 : 500;
      throw new ErreurApi(statut, {
        status: statut,
        title: 'Import refusé',
        detail: etat.erreur ?? 'L’import n’a pas abouti : rien n’a été enregistré.',
        rapport: etat.rapport ?? undefined,
      });
    }
  }
}

/**
 * POST /api/contrats/{id}/plan/import, multipart field « fichier »; dryRun checks without saving anything. A large
 * file answers 202: the import runs as a job, followed here until its report (`avancement` says how far it is).
 */
export function useImportPlan(contratId: string) {
  const client = useQueryClient();
  const [avancement, setAvancement] = useState<EtatImportPlan | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ fichier, dryRun }: { fichier: File; dryRun: boolean }) => {
      const corps = new FormData();
      corps.append('fichier', fichier);
      setAvancement(null);
      const r = await requete<RapportImport | ImportPlanEnFond>(`/api/contrats/${contratId}/plan/import?dryRun=${dryRun}`, {
        methode: 'POST',
        corps,
      });
      if (!('suivi' in r)) return r;
      try {
        return await suivreImport(r.suivi, setAvancement);
      } finally {
        setAvancement(null);
      }
    },
    onSuccess: (rapport) => {
      if (rapport.applique) void invaliderContrats(client);
    },
  });
  return { ...mutation, avancement };
}
