/** Temps publics of a contract and avis des habitants (issue 20, points 2 and 3): the web client of their routes. */
import type { extraitsTempsPublicSchema, moderationAvisSchema, StatutAvis, tempsPublicSchema } from '@maillage/domain';
import type { AvisAModerer, AvisPublic, ExtraitsVerses, TempsPublic } from '@maillage/domain/api';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { requete } from './client';
import { useMutationContrat } from './contrats';

export type { AvisAModerer, AvisPublic, TempsPublic } from '@maillage/domain/api';
export type SaisieTempsPublic = z.input<typeof tempsPublicSchema>;
export type SaisieModeration = z.input<typeof moderationAvisSchema>;

// A verbatim poured into the diagnostic changes the diagnostic's view too.
const VUES = ['temps-publics', 'avis', 'diagnostic'];

export function useTempsPublics(contratId: string) {
  return useQuery({
    queryKey: ['temps-publics', contratId],
    queryFn: ({ signal }) => requete<TempsPublic[]>(`/api/contrats/${contratId}/temps-publics`, { signal }),
  });
}

export function useGestionTempsPublics(contratId: string) {
  const base = `/api/contrats/${contratId}/temps-publics`;
  return {
    ajout: useMutationContrat((t: SaisieTempsPublic) => requete<TempsPublic>(base, { methode: 'POST', corps: t }), VUES),
    modification: useMutationContrat(
      ({ id, ...t }: SaisieTempsPublic & { id: string; version: number }) =>
        requete<TempsPublic>(`${base}/${id}`, { methode: 'PUT', corps: t }),
      VUES,
    ),
    suppression: useMutationContrat((id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' }), VUES),
    extraits: useMutationContrat(
      ({ id, ...e }: z.input<typeof extraitsTempsPublicSchema> & { id: string }) =>
        requete<ExtraitsVerses>(`${base}/${id}/verbatims`, { methode: 'POST', corps: e }),
      VUES,
    ),
  };
}

export function useAvisAModerer(contratId: string, statut: StatutAvis | null) {
  return useQuery({
    queryKey: ['avis', contratId, statut],
    queryFn: ({ signal }) => requete<AvisAModerer[]>(`/api/contrats/${contratId}/avis${statut ? `?statut=${statut}` : ''}`, { signal }),
  });
}

export const useModerationAvis = (contratId: string) =>
  useMutationContrat(
    ({ id, ...m }: SaisieModeration & { id: string }) =>
      requete<AvisAModerer>(`/api/contrats/${contratId}/avis/${id}/moderation`, { methode: 'PUT', corps: m }),
    VUES,
  );

/** The published opinions of a public contract page (filled in by the server when it renders the page). */
export function useAvisPublics(contratId: string | undefined) {
  return useQuery({
    queryKey: ['public', 'avis', contratId],
    queryFn: ({ signal }) => requete<AvisPublic[]>(`/api/public/contrats/${contratId}/avis`, { signal }),
    enabled: !!contratId,
  });
}
