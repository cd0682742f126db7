import type { ContratOuvert, StatutFiche } from '@maillage/domain';
import { useQuery } from '@tanstack/react-query';
import { requete } from './client';

export interface FichePublique {
  id: string;
  numero: number;
  intitule: string;
  statut: StatutFiche;
  statutLibelle: string;
  debut: string | null;
  fin: string | null;
  description: string | null;
  objectifsOperationnels: string[];
  thematiques: string[];
  publics: string[];
  pilotes: string[];
  /** 0 to 100, from validated follow-up values or the statut; null for an abandoned fiche. */
  avancement: number | null;
}

export interface ContratPublic extends ContratOuvert {
  contexte: string | null;
  territoire: { regions: { code: string; nom: string }[]; departements: { code: string; nom: string }[]; epci: { code: string; nom: string }[]; nombreCommunes: number; population: number };
  signataires: { organisation: string; dateSignature: string | null }[];
  axes: {
    numero: number;
    intitule: string;
    description: string | null;
    avancement: number | null;
    objectifs: { numero: string; intitule: string; objectifsOperationnels: string[]; fiches: FichePublique[] }[];
    fichesHorsObjectif: FichePublique[];
  }[];
  fichesSansAxe: FichePublique[];
}

export function useContratsPublies() {
  return useQuery({ queryKey: ['public', 'contrats'], queryFn: ({ signal }) => requete<ContratOuvert[]>('/api/public/contrats', { signal }) });
}

export function useContratPublic(id: string | undefined) {
  return useQuery({
    queryKey: ['public', 'contrat', id],
    queryFn: ({ signal }) => requete<ContratPublic>(`/api/public/contrats/${id}`, { signal }),
    enabled: !!id,
  });
}
