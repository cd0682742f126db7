import type { Contexte, Utilisateur } from '../../platform/contexte';
import { ErreurMetier } from '../../platform/errors';

const aVenir = () => new ErreurMetier(501, 'Non disponible', 'Cette fonction arrive bientôt.');

export async function genererCodes(
  _ctx: Contexte,
  _u: Utilisateur,
  _id: string,
  _nombre: number,
  _format: 'json' | 'pdf',
): Promise<{ codes: string[]; total: number } | { nom: string; typeMime: string; contenu: Buffer }> {
  throw aVenir();
}

export async function qrCode(
  _ctx: Contexte,
  _u: Utilisateur | null,
  _id: string,
  _format: 'svg' | 'png',
  _origine: string,
): Promise<{ typeMime: string; contenu: Buffer | string }> {
  throw aVenir();
}
