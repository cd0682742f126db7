import { verbatimSchema } from '@maillage/domain';
import type { z } from 'zod';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { invalide } from '../../platform/errors';
import { creerVerbatimsDepuisSource } from '../diagnostics/qualitatif.service';
import { exigerSurConsultation } from './consultations.service';
import * as depot from './verbatims.repository';

/**
 * Free-text answers into verbatims of the diagnostic (issue 20 item 1), one by one or in bulk, with the consultation as
 * source, the answer's day as date and, when the same person named one, their commune. The verbatim then supports
 * constats through the diagnostic's own flow. An answer is turned into a verbatim once.
 */

export async function transformerEnVerbatims(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  demande: { reponses?: string[]; questionId?: string; locuteur: z.infer<typeof verbatimSchema>['locuteur'] },
) {
  return enTransaction(ctx.db, async (tx) => {
    const { consultation: c } = await exigerSurConsultation(tx, utilisateur, 'modifier', id, { verrouiller: true });
    const demandees = [...new Set(demande.reponses ?? [])];
    const trouvees = await depot.candidates(tx, id, demandees, demande.questionId ?? null);
    const inconnues = demandees.filter((x) => !trouvees.some((t) => t.id === x));
    if (inconnues.length)
      throw invalide(
        `${inconnues.length === 1 ? 'Une réponse demandée n’est' : `${inconnues.length} réponses demandées ne sont`} pas une réponse libre de cette consultation.`,
        [{ champ: 'reponses', message: `Réponse inconnue : ${inconnues[0]}` }],
      );
    const source = `Consultation « ${c.titre.length > 270 ? `${c.titre.slice(0, 269)}…` : c.titre} »`;
    const aFaire = trouvees.filter((t) => !t.verbatimId);
    // A verbatim holds at least 3 characters: « Non » is one, « ok » is not.
    const retenues = aFaire.filter((t) => verbatimSchema.safeParse({ texte: t.texte, locuteur: demande.locuteur }).success);
    const ids = await creerVerbatimsDepuisSource(
      tx,
      utilisateur,
      c.contratId,
      retenues.map((t) => ({ texte: t.texte.trim(), locuteur: demande.locuteur, communeCode: t.communeCode, source, dateRecueil: t.jour })),
    );
    const crees = retenues.map((t, i) => ({ reponseId: t.id, verbatimId: ids[i] }));
    await depot.lier(tx, crees);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'consultation',
      entiteId: id,
      action: 'verbatims',
      apres: { titre: c.titre, verbatimsCrees: crees.length },
      contexte: { contratId: c.contratId },
    });
    return { crees, dejaTransformees: trouvees.length - aFaire.length, ignorees: aFaire.length - retenues.length };
  });
}
