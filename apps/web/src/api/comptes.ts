import type { OrganisationSaisie } from '@maillage/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parametres, requete } from './client';
import type { utilisateurCreationSchema, utilisateurModificationSchema } from '@maillage/domain';
import type { Collectivite, JetonApi, JetonApiCree, Organisation, Page, Utilisateur } from '@maillage/domain/api';
import type { z } from 'zod';

export interface FiltresOrganisations {
  q?: string;
  type?: string;
  page?: number;
  parPage?: number;
}

export function useOrganisations(filtres: FiltresOrganisations, actif = true) {
  return useQuery({
    queryKey: ['organisations', filtres],
    queryFn: ({ signal }) => requete<Page<Organisation>>(`/api/organisations${parametres({ ...filtres })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: actif,
  });
}

export function useOrganisation(id: string | null | undefined) {
  return useQuery({
    queryKey: ['organisation', id],
    queryFn: ({ signal }) => requete<Organisation>(`/api/organisations/${id}`, { signal }),
    enabled: !!id,
  });
}

export const obtenirOrganisation = (id: string) => requete<Organisation>(`/api/organisations/${id}`);
export const obtenirUtilisateur = (id: string) => requete<Utilisateur>(`/api/utilisateurs/${id}`);

function useInvalidation() {
  const client = useQueryClient();
  return (...prefixes: string[]) => client.invalidateQueries({ predicate: (q) => prefixes.includes(String(q.queryKey[0])) });
}

export function useEnregistrementOrganisation() {
  const invalider = useInvalidation();
  return useMutation({
    mutationFn: ({ id, saisie, version }: { id?: string; saisie: OrganisationSaisie; version?: number }) =>
      id
        ? requete<Organisation>(`/api/organisations/${id}`, { methode: 'PUT', corps: { ...saisie, version } })
        : requete<Organisation>('/api/organisations', { methode: 'POST', corps: saisie }),
    onSuccess: () => invalider('organisations', 'organisation', 'audit'),
  });
}

export function useSuppressionOrganisation() {
  const invalider = useInvalidation();
  return useMutation({
    mutationFn: (id: string) => requete<void>(`/api/organisations/${id}`, { methode: 'DELETE' }),
    onSuccess: () => invalider('organisations', 'organisation', 'audit'),
  });
}

export interface FiltresUtilisateurs {
  q?: string;
  page?: number;
  parPage?: number;
}

export function useUtilisateurs(filtres: FiltresUtilisateurs) {
  return useQuery({
    queryKey: ['utilisateurs', filtres],
    queryFn: ({ signal }) => requete<Page<Utilisateur>>(`/api/utilisateurs${parametres({ ...filtres })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUtilisateur(id: string | undefined) {
  return useQuery({
    queryKey: ['utilisateur', id],
    queryFn: ({ signal }) => requete<Utilisateur>(`/api/utilisateurs/${id}`, { signal }),
    enabled: !!id,
  });
}

export type CreationUtilisateur = z.input<typeof utilisateurCreationSchema>;
export type ModificationUtilisateur = z.input<typeof utilisateurModificationSchema>;

export function useCreationUtilisateur() {
  const invalider = useInvalidation();
  return useMutation({
    mutationFn: (corps: CreationUtilisateur) => requete<Utilisateur>('/api/utilisateurs', { methode: 'POST', corps }),
    onSuccess: () => invalider('utilisateurs', 'audit'),
  });
}

export function useModificationUtilisateur(id: string) {
  const invalider = useInvalidation();
  return useMutation({
    mutationFn: (corps: ModificationUtilisateur) => requete<Utilisateur>(`/api/utilisateurs/${id}`, { methode: 'PUT', corps }),
    onSuccess: () => invalider('utilisateurs', 'utilisateur', 'audit'),
  });
}

export function useChangementMotDePasse() {
  return useMutation({
    mutationFn: (corps: { ancien: string; nouveau: string }) => requete<void>('/api/moi/mot-de-passe', { methode: 'POST', corps }),
  });
}

export function useJetons() {
  return useQuery({ queryKey: ['jetons'], queryFn: ({ signal }) => requete<JetonApi[]>('/api/moi/jetons', { signal }) });
}

export function useCreationJeton() {
  const invalider = useInvalidation();
  return useMutation({
    mutationFn: (corps: { libelle: string }) => requete<JetonApiCree>('/api/moi/jetons', { methode: 'POST', corps }),
    onSuccess: () => invalider('jetons'),
  });
}

export function useRevocationJeton() {
  const invalider = useInvalidation();
  return useMutation({
    mutationFn: (id: string) => requete<void>(`/api/moi/jetons/${id}`, { methode: 'DELETE' }),
    onSuccess: () => invalider('jetons'),
  });
}

export function useCollectivites(q: string, actif: boolean) {
  return useQuery({
    queryKey: ['collectivites', q],
    queryFn: ({ signal }) => requete<Collectivite[]>(`/api/territoires/collectivites${parametres({ q, limite: 5 })}`, { signal }),
    enabled: actif && q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** Creates an organisation from a picker; a 409 carries the possible duplicates (ErreurApi.probleme.doublons). */
export function useCreationOrganisation() {
  const invalider = useInvalidation();
  return useMutation({
    mutationFn: (saisie: OrganisationSaisie & { accepterDoublonsProches?: boolean }) =>
      requete<Organisation>('/api/organisations', { methode: 'POST', corps: saisie }),
    onSuccess: () => invalider('organisations', 'organisation'),
  });
}
