/** Parcours de santé of a contract: ordered steps, their resources and fiches, ruptures, the grille de coopération (issue 17). */
import type {
  CelluleSaisie,
  EtapeModification,
  GrilleCooperation,
  ListeParcours,
  ListeRessources,
  ParcoursCorps,
  ParcoursDeFiche,
  ParcoursModification,
  ParcoursVue,
  RuptureCorps,
  RuptureModification,
  RuptureVue,
  parcoursCorps,
  parcoursEnregistre,
  ruptureCorps,
} from '@maillage/domain/api';
import type { EtapeSuggeree, StatutRupture } from '@maillage/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { parametres, requete } from './client';

// Response shapes: inferred from their schemas in @maillage/domain/api (tag Parcours).
export type {
  EtapeVue,
  GrilleCooperation,
  ListeParcours,
  ParcoursDeFiche,
  ParcoursResume,
  ParcoursVue,
  PreuveRuptureVue,
  RuptureVue,
} from '@maillage/domain/api';

type Enregistre = z.infer<typeof parcoursEnregistre>;
// Request shapes: what the client sends (defaults applied by the server).
export type SaisieParcours = z.input<typeof parcoursCorps>;
export type SaisieRupture = z.input<typeof ruptureCorps>;
export type { CelluleSaisie, EtapeModification, ParcoursCorps, ParcoursModification, RuptureCorps, RuptureModification };

/** Every view a change of a parcours may touch: the parcours, its list, its grid, the fiches' parcours. */
const VUES_PARCOURS = ['parcours', 'parcours-contrat', 'grille', 'ruptures', 'parcours-fiche'];

function useMutationParcours<V, R = void>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => VUES_PARCOURS.includes(String(q.queryKey[0])) || String(q.queryKey[0]) === 'historique',
      }),
  });
}

export function useParcoursContrat(contratId: string) {
  return useQuery({
    queryKey: ['parcours-contrat', contratId],
    queryFn: ({ signal }) => requete<ListeParcours>(`/api/contrats/${contratId}/parcours`, { signal }),
  });
}

export function useParcours(id: string | undefined) {
  return useQuery({
    queryKey: ['parcours', id],
    queryFn: ({ signal }) => requete<ParcoursVue>(`/api/parcours/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useRuptures(parcoursId: string, statut?: StatutRupture) {
  return useQuery({
    queryKey: ['ruptures', parcoursId, statut ?? null],
    queryFn: ({ signal }) => requete<RuptureVue[]>(`/api/parcours/${parcoursId}/ruptures${parametres({ statut })}`, { signal }),
  });
}

export function useGrille(parcoursId: string) {
  return useQuery({
    queryKey: ['grille', parcoursId],
    queryFn: ({ signal }) => requete<GrilleCooperation>(`/api/parcours/${parcoursId}/grille`, { signal }),
  });
}

export function useParcoursFiche(ficheId: string) {
  return useQuery({
    queryKey: ['parcours-fiche', ficheId],
    queryFn: ({ signal }) => requete<ParcoursDeFiche>(`/api/fiches/${ficheId}/parcours`, { signal }),
  });
}

/** The directory's resources matching a search, to place them at a step (GET /api/ressources?q=…). */
export function useRessourcesCherchees(q: string, actif: boolean) {
  return useQuery({
    queryKey: ['ressources', 'recherche-parcours', q],
    queryFn: ({ signal }) => requete<ListeRessources>(`/api/ressources${parametres({ q, parPage: 20 })}`, { signal }),
    enabled: actif && q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export const useCreationParcours = (contratId: string) =>
  useMutationParcours((p: SaisieParcours) => requete<Enregistre>(`/api/contrats/${contratId}/parcours`, { methode: 'POST', corps: p }));

/** Every change of one parcours: the parcours itself, its steps, its ruptures and its grid. */
export function useEditionParcours(id: string) {
  const base = `/api/parcours/${id}`;
  return {
    modification: useMutationParcours((m: ParcoursModification) => requete<Enregistre>(base, { methode: 'PATCH', corps: m })),
    suppression: useMutationParcours((version: number) => requete<void>(`${base}${parametres({ version })}`, { methode: 'DELETE' })),
    ajoutEtape: useMutationParcours((e: { code: EtapeSuggeree | null; libelle?: string; version: number }) =>
      requete<ParcoursVue>(`${base}/etapes`, { methode: 'POST', corps: e }),
    ),
    modificationEtape: useMutationParcours(({ etapeId, ...m }: EtapeModification & { etapeId: string }) =>
      requete<ParcoursVue>(`${base}/etapes/${etapeId}`, { methode: 'PATCH', corps: m }),
    ),
    deplacementEtape: useMutationParcours(({ etapeId, ...d }: { etapeId: string; position: number; version: number }) =>
      requete<ParcoursVue>(`${base}/etapes/${etapeId}/position`, { methode: 'POST', corps: d }),
    ),
    retraitEtape: useMutationParcours(({ etapeId, version }: { etapeId: string; version: number }) =>
      requete<ParcoursVue>(`${base}/etapes/${etapeId}${parametres({ version })}`, { methode: 'DELETE' }),
    ),
    ajoutRupture: useMutationParcours((r: SaisieRupture) => requete<RuptureVue>(`${base}/ruptures`, { methode: 'POST', corps: r })),
    modificationRupture: useMutationParcours(({ ruptureId, ...m }: RuptureModification & { ruptureId: string }) =>
      requete<RuptureVue>(`${base}/ruptures/${ruptureId}`, { methode: 'PATCH', corps: m }),
    ),
    statutRupture: useMutationParcours(
      ({ ruptureId, ...s }: { ruptureId: string; statut: StatutRupture; ficheId?: string | null; version: number }) =>
        requete<RuptureVue>(`${base}/ruptures/${ruptureId}/statut`, { methode: 'POST', corps: s }),
    ),
    cellule: useMutationParcours((c: CelluleSaisie) => requete<GrilleCooperation>(`${base}/grille/cellules`, { methode: 'PUT', corps: c })),
  };
}
