import type { IndicateurSaisie } from '@maillage/domain';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ErreurApi, requete } from './client';
import type {
  ApercuImport,
  EtatImport,
  ImportEnFond,
  Indicateur,
  OptionsImportSaisie as OptionsImport,
  RapportContours,
  RapportImportValeurs,
} from '@maillage/domain/api';

/** The catalogue, and everything computed from values: diagnostics, aggregates, vulnerability, contours. */
const PREFIXES = ['indicateurs', 'indicateur', 'diagnostic', 'agregat', 'vulnerabilite', 'contours', 'audit'];
const invalider = (client: QueryClient) => client.invalidateQueries({ predicate: (q) => PREFIXES.includes(String(q.queryKey[0])) });

export function useIndicateurs() {
  return useQuery({
    queryKey: ['indicateurs'],
    queryFn: ({ signal }) => requete<Indicateur[]>('/api/indicateurs', { signal }),
    staleTime: 60_000,
  });
}

export const obtenirIndicateur = (code: string) => requete<Indicateur>(`/api/indicateurs/${encodeURIComponent(code)}`);

export function useIndicateur(code: string | undefined) {
  return useQuery({
    queryKey: ['indicateur', code],
    queryFn: ({ signal }) => requete<Indicateur>(`/api/indicateurs/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: !!code,
  });
}

/** POST (no code yet) or PUT with the version read (409 when someone saved meanwhile). */
export function useEnregistrementIndicateur() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, saisie, version }: { code?: string; saisie: IndicateurSaisie; version?: number }) =>
      code
        ? requete<Indicateur>(`/api/indicateurs/${encodeURIComponent(code)}`, { methode: 'PUT', corps: { ...saisie, version } })
        : requete<Indicateur>('/api/indicateurs', { methode: 'POST', corps: saisie }),
    onSuccess: () => invalider(client),
  });
}

export function useSuppressionIndicateur() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => requete<void>(`/api/indicateurs/${encodeURIComponent(code)}`, { methode: 'DELETE' }),
    // Not awaited, and not the deleted indicator itself: its page is left right after, not reloaded into a 404.
    onSuccess: (_r, code) => {
      void client.invalidateQueries({
        predicate: (q) => PREFIXES.includes(String(q.queryKey[0])) && !(q.queryKey[0] === 'indicateur' && q.queryKey[1] === code),
      });
    },
  });
}

// ---------- Import of values

function envoi(fichier: File, options?: OptionsImport): FormData {
  const corps = new FormData();
  // The options first: the server reads the parts in order.
  if (options) corps.append('options', JSON.stringify(options));
  corps.append('fichier', fichier);
  return corps;
}

/** The report carried by a 422 (a rejected row: nothing written). */
export function rapportValeursDe(erreur: unknown): RapportImportValeurs | null {
  return erreur instanceof ErreurApi && erreur.probleme.rapport ? (erreur.probleme.rapport as RapportImportValeurs) : null;
}

export function useApercuImport() {
  return useMutation({
    mutationFn: ({ fichier, options }: { fichier: File; options: OptionsImport }) =>
      requete<ApercuImport>('/api/indicateurs/valeurs/apercu', { methode: 'POST', corps: envoi(fichier, options) }),
  });
}

export type ReponseImport = { type: 'rapport'; rapport: RapportImportValeurs } | { type: 'suivi'; importId: string };

/** dryRun checks everything and writes nothing; a large real import answers 202 and runs in the background. */
export function useImportValeurs() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      fichier,
      options,
      dryRun,
    }: {
      fichier: File;
      options: OptionsImport;
      dryRun: boolean;
    }): Promise<ReponseImport> => {
      const r = await requete<RapportImportValeurs | ImportEnFond>(`/api/indicateurs/valeurs/import?dryRun=${dryRun}`, {
        methode: 'POST',
        corps: envoi(fichier, options),
      });
      return 'suivi' in r ? { type: 'suivi', importId: r.importId } : { type: 'rapport', rapport: r };
    },
    onSuccess: (r) => {
      if (r.type === 'rapport' && r.rapport.applique) void invalider(client);
    },
  });
}

/** Follows a background import every second until it ends; then the values are fresh everywhere. */
export function useEtatImport(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['import-valeurs', id],
    queryFn: async ({ signal }) => {
      const etat = await requete<EtatImport>(`/api/indicateurs/imports/${id}`, { signal });
      if (etat.etat !== 'en_cours') void invalider(client);
      return etat;
    },
    enabled: !!id,
    retry: (n, e) => !(e instanceof ErreurApi && e.statut === 404) && n < 3,
    refetchInterval: (q) => (q.state.error ? false : q.state.data?.etat === 'en_cours' || !q.state.data ? 1000 : false),
  });
}

// ---------- Contours

export function rapportContoursDe(erreur: unknown): RapportContours | null {
  return erreur instanceof ErreurApi && erreur.probleme.rapport ? (erreur.probleme.rapport as RapportContours) : null;
}

export function useImportContours() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ fichier, type, dryRun }: { fichier: File; type: string; dryRun: boolean }) =>
      requete<RapportContours>(`/api/contours/import?type=${type}&dryRun=${dryRun}`, { methode: 'POST', corps: envoi(fichier) }),
    onSuccess: (r) => {
      if (r.applique) void client.invalidateQueries({ queryKey: ['contours'] });
    },
  });
}
