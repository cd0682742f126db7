import type { RolePartie, StatutConfirmation, StatutContrat } from '@maillage/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requete } from './client';
import { invaliderContrats } from './contrats';

/** A request to an organisation the user speaks for: confirm the role a contract gives it (GET /api/confirmations). */
export interface DemandeConfirmation {
  id: string;
  role: RolePartie;
  roleLibelle: string;
  statut: StatutConfirmation;
  statutLibelle: string;
  motif: string | null;
  demandeLe: string;
  demandePar: string;
  reponduLe: string | null;
  reponduPar: string | null;
  dateSignature: string | null;
  organisation: { id: string; nom: string; type: string; regionCode: string | null };
  contrat: { id: string; intitule: string; statut: StatutContrat; regions: string[]; regionsNoms: string[]; publie: boolean };
}

export function useDemandesConfirmation(statut: StatutConfirmation | 'toutes' = 'a_confirmer', actif = true) {
  return useQuery({
    queryKey: ['confirmations', statut],
    queryFn: ({ signal }) => requete<DemandeConfirmation[]>(`/api/confirmations?statut=${statut}`, { signal }),
    enabled: actif,
  });
}

export function useReponseConfirmation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, motif }: { id: string; decision: 'acceptation' | 'refus'; motif?: string | null }) =>
      requete<{ statut: StatutConfirmation; statutLibelle: string; depublie: boolean }>(`/api/confirmations/${id}/${decision}`, {
        methode: 'POST',
        corps: decision === 'refus' ? { motif: motif?.trim() || null } : {},
      }),
    onSuccess: () => invaliderContrats(client, 'confirmations'),
  });
}
