import type { StatutContrat, StatutFiche } from '@maillage/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parametres, requete } from './client';
import { invaliderContrats } from './contrats';

export interface Segment {
  texte: string;
  surligne: boolean;
}

export interface ResultatBibliotheque {
  id: string;
  numero: number;
  intitule: string;
  intituleSurligne: Segment[];
  extrait: Segment[];
  statut: StatutFiche;
  statutLibelle: string;
  thematiques: { code: string; libelle: string }[];
  publics: { code: string; libelle: string }[];
  pertinence: number;
  contrat: {
    id: string;
    intitule: string;
    statut: StatutContrat;
    statutLibelle: string;
    generation: number;
    periode: { debut: string | null; fin: string | null };
    regions: string[];
    departements: string[];
    population: number;
    publie: boolean;
  };
}

export interface FiltresBibliotheque {
  q?: string;
  thematique?: string;
  statut?: string;
  region?: string;
  public?: string;
  page?: number;
}

export function useBibliotheque(filtres: FiltresBibliotheque) {
  return useQuery({
    queryKey: ['bibliotheque', filtres],
    queryFn: ({ signal }) =>
      requete<{ total: number; page: number; parPage: number; resultats: ResultatBibliotheque[] }>(`/api/bibliotheque${parametres({ ...filtres })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface Destination {
  id: string;
  intitule: string;
  statut: StatutContrat;
  statutLibelle: string;
  generation: number;
  /** Why no fiche can be added now (closed, or signed without an open avenant), or null. */
  verrou: string | null;
}

export function useDestinations() {
  return useQuery({
    queryKey: ['bibliotheque-destinations'],
    queryFn: ({ signal }) => requete<Destination[]>('/api/bibliotheque/destinations', { signal }),
  });
}

export function useReprise() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ficheId, contratId }: { ficheId: string; contratId: string }) =>
      requete<{ id: string; numero: number; contratId: string }>(`/api/bibliotheque/${ficheId}/reprendre`, { methode: 'POST', corps: { contratId } }),
    onSuccess: () => invaliderContrats(client, 'bibliotheque'),
  });
}
