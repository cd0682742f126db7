/** The funding of a contract: every line (fiches and the contract itself) and its summaries. Amounts in cents. */
import type { StatutFinancement } from '@maillage/domain';
import { useQuery } from '@tanstack/react-query';
import { requete } from './client';
import { useMutationContrat } from './contrats';

export const OBJETS_FINANCEMENT = {
  coordination: 'Poste de coordination',
  diagnostic: 'Diagnostic',
  evaluation: 'Évaluation',
  animation: 'Animation',
  autre: 'Autre',
} as const;
export type ObjetFinancement = keyof typeof OBJETS_FINANCEMENT;

export interface LigneFinancement {
  id: string;
  /** null: a line of the contract itself (coordination, diagnostic…). */
  ficheId: string | null;
  ficheNumero: number | null;
  ficheIntitule: string | null;
  /** "Axe 1. …", "Fiches sans axe" or "Contrat (hors fiches)". */
  axe: string | null;
  objet: ObjetFinancement | null;
  financeur: string;
  financeurId: string | null;
  dispositif: string;
  annee: number;
  montantCentimes: number;
  nature: 'fonctionnement' | 'investissement';
  statut: StatutFinancement;
  valorisationNature: string | null;
}

/** A summary row: "acquis" is granted or paid, "prévu" is planned or requested; refused lines count nowhere. */
export interface TotalFinancement {
  cle: string;
  prevu: number;
  acquis: number;
  total: number;
}

export interface Financements {
  lignes: LigneFinancement[];
  total: number;
  parFinanceur: TotalFinancement[];
  parDispositif: TotalFinancement[];
  parAnnee: TotalFinancement[];
  parAxe: TotalFinancement[];
}

export interface SaisieLigneContrat {
  objet: ObjetFinancement;
  financeurId: string | null;
  financeurLibelle: string | null;
  dispositif: string;
  annee: number;
  montantCentimes: number;
  nature: 'fonctionnement' | 'investissement';
  statut: StatutFinancement;
  valorisationNature: string | null;
}

export function useFinancements(contratId: string) {
  return useQuery({
    queryKey: ['financements', contratId],
    queryFn: ({ signal }) => requete<Financements>(`/api/contrats/${contratId}/financements`, { signal }),
    // A fiche's own form changes its lines too, without knowing this view: always refresh on display.
    staleTime: 0,
  });
}

export function useLignesContrat(contratId: string) {
  const base = `/api/contrats/${contratId}/financements`;
  return {
    ajout: useMutationContrat((l: SaisieLigneContrat) => requete<{ id: string }>(base, { methode: 'POST', corps: l }), ['financements']),
    suppression: useMutationContrat((id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' }), ['financements']),
  };
}
