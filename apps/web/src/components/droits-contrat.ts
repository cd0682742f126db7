import { can } from '@maillage/domain';
import { useSession } from '../app/session';

/** Whether the user may start a contract: admin, ARS regional, or someone from a collectivité or an ARS. */
export function usePeutCreerContrat(): boolean {
  const { sujet, roles } = useSession();
  if (!sujet) return false;
  if (can(sujet, 'creer', { type: 'contrat', contrat: null })) return true;
  return roles.some((r) => r.role === 'ars_regional' && can(sujet, 'creer', { type: 'contrat', contrat: null, regionCode: r.regionCode }));
}
