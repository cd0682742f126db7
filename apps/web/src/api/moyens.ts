/** Means organisations commit to a contract (staff time, money, in kind), and the funding already on its territory (issue 13). */
import type { EngagementMoyensSaisie, FinancementTerritoireSaisie, TotalMoyens, TypeMoyen, UniteTemps } from '@maillage/domain';
import { useQuery } from '@tanstack/react-query';
import { requete } from './client';
import { useMutationContrat } from './contrats';

export interface LigneMoyens {
  id: string;
  contratId: string;
  contratIntitule: string;
  organisationId: string;
  organisationNom: string;
  organisationSigle: string | null;
  annee: number;
  type: TypeMoyen;
  quantite: number | null;
  unite: UniteTemps | null;
  montantCentimes: number | null;
  description: string | null;
  objectifs: string | null;
  indicateurCode: string | null;
  indicateurLibelle: string | null;
  indicateurSuiviId: string | null;
  indicateurSuiviLibelle: string | null;
  ficheNumero: number | null;
  version: number;
}

/** GET /api/contrats/{id}/moyens */
export interface MoyensContrat {
  lignes: LigneMoyens[];
  total: TotalMoyens;
  parOrganisation: { organisationId: string; nom: string; total: TotalMoyens }[];
  parAnnee: { annee: number; total: TotalMoyens }[];
}

/** The `moyens` part of GET /api/organisations/{id}/engagements. */
export interface MoyensOrganisation {
  lignes: LigneMoyens[];
  total: TotalMoyens;
  parContrat: { contratId: string; intitule: string; total: TotalMoyens }[];
  parAnnee: { annee: number; total: TotalMoyens }[];
}

export function useMoyensContrat(contratId: string) {
  return useQuery({
    queryKey: ['moyens', contratId],
    queryFn: ({ signal }) => requete<MoyensContrat>(`/api/contrats/${contratId}/moyens`, { signal }),
  });
}

export function useGestionMoyens(contratId: string) {
  const base = `/api/contrats/${contratId}/moyens`;
  const autres = ['moyens', 'engagements'];
  return {
    ajout: useMutationContrat((m: EngagementMoyensSaisie) => requete<{ id: string }>(base, { methode: 'POST', corps: m }), autres),
    modification: useMutationContrat(({ id, ...m }: EngagementMoyensSaisie & { id: string; version: number }) => requete<{ version: number }>(`${base}/${id}`, { methode: 'PUT', corps: m }), autres),
    suppression: useMutationContrat((id: string) => requete<void>(`${base}/${id}`, { methode: 'DELETE' }), autres),
  };
}

export type SaisieFinancementTerritoire = FinancementTerritoireSaisie;
