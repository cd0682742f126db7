import type { ResultatsConsultation } from '@maillage/domain/api';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { ErreurMetier } from '../../platform/errors';

const aVenir = () => new ErreurMetier(501, 'Non disponible', 'Cette fonction arrive bientôt.');

export async function resultatsConsultation(_ctx: Contexte, _u: Utilisateur | null, _id: string): Promise<ResultatsConsultation> {
  throw aVenir();
}

export async function exporterResultats(
  _ctx: Contexte,
  _u: Utilisateur | null,
  _id: string,
  _format: 'xlsx' | 'csv',
): Promise<{ nom: string; typeMime: string; contenu: Buffer }> {
  throw aVenir();
}
