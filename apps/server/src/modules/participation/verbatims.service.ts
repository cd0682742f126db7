import type { Contexte, Utilisateur } from '../../platform/contexte';
import { ErreurMetier } from '../../platform/errors';

export async function transformerEnVerbatims(
  _ctx: Contexte,
  _u: Utilisateur,
  _id: string,
  _c: { reponses?: string[]; questionId?: string; locuteur: string },
): Promise<{ crees: { reponseId: string; verbatimId: string }[]; dejaTransformees: number }> {
  throw new ErreurMetier(501, 'Non disponible', 'Cette fonction arrive bientôt.');
}
