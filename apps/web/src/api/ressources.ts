import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MissionRessource, PublicRessource, RessourceSaisie } from '@maillage/domain';
import type {
  couvertureRessources,
  FiltreRessources,
  ListeRessources,
  RapportImportRessources,
  ressourceEnregistree,
  RessourceVue,
  typeRessource,
  VueRessources,
  ZonesBlanches,
} from '@maillage/domain/api';
import type { z } from 'zod';
import { ErreurApi, parametres, requete } from './client';

export type CouvertureRessources = z.infer<typeof couvertureRessources>;
export type TypeRessource = z.infer<typeof typeRessource>;
export type RessourceEnregistree = z.infer<typeof ressourceEnregistree>;
export type VueCle = VueRessources['vue'];

/** Every filter of GET /api/ressources, as text (they come from the URL); empty ones are not sent. */
export type FiltresRessources = Partial<Record<Exclude<keyof FiltreRessources, 'page' | 'parPage'>, string>> & {
  page?: number;
  parPage?: number;
};

export function useRessources(filtres: FiltresRessources, actif = true) {
  return useQuery({
    queryKey: ['ressources', filtres],
    queryFn: ({ signal }) => requete<ListeRessources>(`/api/ressources${parametres({ ...filtres })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: actif,
  });
}

export const obtenirRessource = (id: string) => requete<RessourceVue>(`/api/ressources/${id}`);

export function useRessource(id: string | undefined) {
  return useQuery({
    queryKey: ['ressource', id],
    queryFn: ({ signal }) => requete<RessourceVue>(`/api/ressources/${id}`, { signal }),
    enabled: !!id,
  });
}

/** The kinds of resource (a list the administrators extend). */
export function useTypesRessource() {
  return useQuery({
    queryKey: ['types-ressource'],
    queryFn: ({ signal }) => requete<TypeRessource[]>('/api/ressources/types', { signal }),
    staleTime: 5 * 60_000,
  });
}

function useInvalidationRessources() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      ['ressources', 'ressource', 'couverture-ressources', 'zones-blanches', 'vue-ressources', 'audit'].map((k) =>
        client.invalidateQueries({ queryKey: [k] }),
      ),
    );
}

/** POST /api/ressources (creation) or PUT /api/ressources/:id with the version read (409 when it changed meanwhile). */
export function useEnregistrementRessource() {
  const invalider = useInvalidationRessources();
  return useMutation({
    mutationFn: ({ id, saisie, version }: { id?: string; saisie: RessourceSaisie; version?: number }) =>
      id
        ? requete<RessourceEnregistree>(`/api/ressources/${id}`, { methode: 'PUT', corps: { ...saisie, version } })
        : requete<RessourceEnregistree>('/api/ressources', { methode: 'POST', corps: saisie }),
    onSuccess: () => void invalider(),
  });
}

/** The report a refused import (422) carries. */
export function rapportRessourcesDe(erreur: unknown): RapportImportRessources | null {
  return erreur instanceof ErreurApi && erreur.probleme.rapport ? (erreur.probleme.rapport as RapportImportRessources) : null;
}

/** POST /api/ressources/import: the ROR Bundle (JSON) or the CSV/XLSX template, dry run first, all or nothing. */
export function useImportRessources(organisationId: string | null) {
  const invalider = useInvalidationRessources();
  return useMutation({
    mutationFn: ({ fichier, dryRun }: { fichier: File; dryRun: boolean }) => {
      const corps = new FormData();
      corps.append('fichier', fichier);
      return requete<RapportImportRessources>(`/api/ressources/import${parametres({ dryRun: String(dryRun), organisationId })}`, {
        methode: 'POST',
        corps,
      });
    },
    onSuccess: (rapport) => {
      if (rapport.applique) void invalider();
    },
  });
}

export interface ChoixCouverture {
  territoires: string;
  public: PublicRessource;
  mission: MissionRessource;
}

/** For each commune of the perimeter, how many active resources reach it for this public and mission. */
export function useCouvertureRessources(c: ChoixCouverture | null) {
  return useQuery({
    queryKey: ['couverture-ressources', c],
    queryFn: ({ signal }) => requete<CouvertureRessources>(`/api/ressources/couverture${parametres({ ...c })}`, { signal }),
    enabled: !!c?.territoires,
    placeholderData: keepPreviousData,
  });
}

/** The communes of the perimeter that no active resource reaches for this public and mission. */
export function useZonesBlanches(c: ChoixCouverture | null) {
  return useQuery({
    queryKey: ['zones-blanches', c],
    queryFn: ({ signal }) => requete<ZonesBlanches>(`/api/ressources/zones-blanches${parametres({ ...c })}`, { signal }),
    enabled: !!c?.territoires,
    placeholderData: keepPreviousData,
  });
}

/** One of the three views of seed 004 (by public, by level, by who solicits), with the directory's filters. */
export function useVueRessources(vue: VueCle, filtres: FiltresRessources, actif = true) {
  return useQuery({
    queryKey: ['vue-ressources', vue, filtres],
    queryFn: ({ signal }) => requete<VueRessources>(`/api/ressources/vues/${vue}${parametres({ ...filtres })}`, { signal }),
    enabled: actif,
    placeholderData: keepPreviousData,
  });
}

export const cheminExportVue = (vue: VueCle, filtres: FiltresRessources, format: 'csv' | 'xlsx') =>
  `/api/ressources/vues/${vue}/export${parametres({ ...filtres, format })}`;

export const cheminModeleImport = (format: 'csv' | 'xlsx') => `/api/ressources/import/modele?format=${format}`;
