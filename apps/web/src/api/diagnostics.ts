import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parametres, requete } from './client';
import type {
  AgregatIndicateur,
  IdCree,
  Contours,
  Diagnostic,
  TerritoireCode,
  Typologie,
  ValeursCommunes,
  ValeursPubliees,
  Vulnerabilite,
} from '@maillage/domain/api';

/** "epci:243500741,commune:35236" */
export const texteTerritoires = (territoires: TerritoireCode[]) => territoires.map((t) => `${t.type}:${t.code}`).join(',');

export function useDiagnostic(contratId: string) {
  return useQuery({
    queryKey: ['diagnostic', contratId],
    queryFn: ({ signal }) => requete<Diagnostic>(`/api/contrats/${contratId}/diagnostic`, { signal }),
  });
}

/** One indicator on a perimeter for a chosen period (the latest when none). */
export function useAgregat(indicateur: string, territoires: TerritoireCode[], periode: string | null | undefined, actif = true) {
  const t = texteTerritoires(territoires);
  return useQuery({
    queryKey: ['agregat', indicateur, t, periode ?? null],
    queryFn: ({ signal }) =>
      requete<AgregatIndicateur>(`/api/diagnostics/agregat${parametres({ indicateur, territoires: t, periode })}`, { signal }),
    enabled: actif && !!indicateur && territoires.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/**
 * One indicator for each commune of a perimeter, as published for that commune (an interval class keeps its text),
 * for one period (the latest by default): one request.
 */
export function useValeursCommunes(indicateur: string | null, territoires: TerritoireCode[], periode?: string | null) {
  const t = texteTerritoires(territoires);
  return useQuery({
    queryKey: ['valeurs-communes', indicateur, t, periode ?? null],
    queryFn: ({ signal }) =>
      requete<ValeursCommunes>(`/api/diagnostics/communes${parametres({ indicateur, territoires: t, periode })}`, { signal }),
    enabled: !!indicateur && territoires.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Stored values of an indicator and/or a territory, as published, a page at a time. */
export function useValeursPubliees(
  filtre: { indicateur?: string; territoire?: string; type?: string },
  limite: number,
  decalage: number,
  actif = true,
) {
  return useQuery({
    queryKey: ['valeurs-publiees', filtre.indicateur ?? null, filtre.territoire ?? null, filtre.type ?? null, limite, decalage],
    queryFn: ({ signal }) => requete<ValeursPubliees>(`/api/diagnostics/valeurs${parametres({ ...filtre, limite, decalage })}`, { signal }),
    enabled: actif && !!(filtre.indicateur || filtre.territoire),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useContours(type: 'commune' | 'epci' | 'departement' | 'region', codes: string[]) {
  const tries = [...codes].sort();
  return useQuery({
    queryKey: ['contours', type, tries.join(',')],
    queryFn: ({ signal }) => requete<Contours>(`/api/contours${parametres({ type, codes: tries.join(',') })}`, { signal }),
    enabled: codes.length > 0,
    staleTime: 300_000,
  });
}

export interface ChoixVulnerabilite {
  region: string;
  indicateurs: string[];
  poids: number[];
  /** Parallel to `indicateurs`; empty: each EPCI's latest. */
  periodes: string[];
  typologie: string;
  classe: string;
}

export function useVulnerabilite(c: ChoixVulnerabilite) {
  const p = {
    region: c.region,
    indicateurs: c.indicateurs.join(','),
    poids: c.poids.join(','),
    periodes: c.periodes.some(Boolean) ? c.periodes.join(',') : undefined,
    typologie: c.typologie || undefined,
    classe: c.classe || undefined,
  };
  return useQuery({
    queryKey: ['vulnerabilite', p],
    queryFn: ({ signal }) => requete<Vulnerabilite>(`/api/vulnerabilite${parametres(p)}`, { signal }),
    enabled: !!c.region && c.indicateurs.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useTypologies(region: string) {
  return useQuery({
    queryKey: ['typologies', region],
    queryFn: ({ signal }) => requete<Typologie[]>(`/api/typologies${parametres({ region })}`, { signal }),
    enabled: !!region,
    staleTime: 60_000,
  });
}

// ---------- The qualitative side and the chain constats → besoins → priorités → axes

export type ElementDiagnostic = 'verbatims' | 'rencontres' | 'constats' | 'besoins' | 'priorites' | 'financements-existants';

/** Create (no id), update or delete one element; the whole diagnostic (and the contract's history) is refreshed. */
export function useElementDiagnostic<S>(contratId: string, element: ElementDiagnostic) {
  const client = useQueryClient();
  const base = `/api/contrats/${contratId}/${element}`;
  const rafraichir = () =>
    client.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'audit' || (['diagnostic', 'historique'].includes(String(q.queryKey[0])) && q.queryKey[1] === contratId),
    });
  const enregistrer = useMutation({
    mutationFn: ({ id, saisie }: { id?: string; saisie: S }) =>
      id
        ? requete<void>(`${base}/${id}`, { methode: 'PUT', corps: saisie }).then(() => ({ id }))
        : requete<IdCree>(base, { methode: 'POST', corps: saisie }),
    onSuccess: rafraichir,
  });
  const supprimer = useMutation({
    mutationFn: (id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' }),
    onSuccess: rafraichir,
  });
  return { enregistrer, supprimer };
}
