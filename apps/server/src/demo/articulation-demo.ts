import { auditer, SYSTEME } from '../platform/audit';
import type { Queryable } from '../platform/database';
import * as articulation from '../modules/contrats/articulation.repository';

const CLS1 = 'Contrat local de santé du Pays de Redon-Bretagne Sud';
const CLS2 = 'Contrat local de santé de Redon Agglomération (2e génération)';

/**
 * Redon's evaluation plan and schemes, with only what the sources say. CLS 1 was evaluated at its end by the
 * Acsantis consultancy, before CLS 2 (fixtures/contrats.json): its plan names no question, the sources give none.
 * CLS 2 in élaboration has no plan yet, so its signature shows the warning. Its territory is that of the CPTS de
 * l'agglomération de Redon, signed in July 2021 (seed 002, l.656 and 668).
 */
export async function creerArticulationDemo(tx: Queryable): Promise<void> {
  const { rows } = await tx.query('select id, intitule from contrats where intitule = any($1)', [[CLS1, CLS2]]);
  const id = (intitule: string) => rows.find((r) => r.intitule === intitule)?.id as string | undefined;
  const cls1 = id(CLS1);
  const cls2 = id(CLS2);
  if (cls1) {
    const saisie = {
      type: 'finale' as const,
      moment: 'À la fin du contrat, préalable au CLS 2',
      evaluateurType: 'externe' as const,
      evaluateurNom: 'Cabinet Acsantis',
      questions: [],
    };
    const evaluation = await articulation.creerEvaluationPrevue(tx, cls1, saisie);
    await auditer(tx, {
      acteur: SYSTEME,
      entiteType: 'evaluation_prevue',
      entiteId: evaluation,
      action: 'creation',
      apres: saisie,
      contexte: { contratId: cls1, demo: true },
    });
  }
  if (cls2) {
    const saisie = {
      type: 'cpts' as const,
      nom: 'CPTS de l’agglomération de Redon',
      territoire: 'Redon Agglomération : limites pratiquement identiques à celles du CLS',
      debut: '2021-07-01',
    };
    const dispositif = await articulation.creerDispositif(tx, cls2, saisie);
    await auditer(tx, {
      acteur: SYSTEME,
      entiteType: 'dispositif_territorial',
      entiteId: dispositif,
      action: 'creation',
      apres: saisie,
      contexte: { contratId: cls2, demo: true },
    });
  }
}
