import fs from 'node:fs';
import path from 'node:path';
import { auditer, SYSTEME } from '../platform/audit';
import type { Queryable } from '../platform/database';
import { RACINE } from '../config';

const FIXTURES = path.resolve(RACINE, '../shared/fixtures');

/**
 * Redon CLS 1's final evaluation, as the sources tell it: conducted by the Acsantis consultancy before CLS 2.
 * The sources give no judgement, no figure and no recommendation: none is invented, the questions are left to ask.
 */
export async function creerSuiviDemo(tx: Queryable): Promise<void> {
  const { rows } = await tx.query(`select id from contrats where intitule = 'Contrat local de santé du Pays de Redon-Bretagne Sud'`);
  const contratId = rows[0]?.id;
  if (!contratId) return;
  const donnees = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'contrats.json'), 'utf8'));
  const redon1 = donnees.contrats.find((c: { id: string }) => c.id === 'redon-1');
  const { rows: cree } = await tx.query(
    `insert into evaluations (contrat_id, type, intitule, evaluateur, methode, terminee) values ($1, 'finale', $2, $3, $4, true) returning id`,
    [contratId, 'Évaluation finale du CLS 1 du Pays de Redon-Bretagne Sud', 'Cabinet Acsantis', `Source : ${redon1.evaluation}.`],
  );
  await auditer(tx, {
    acteur: SYSTEME,
    entiteType: 'evaluation',
    entiteId: cree[0].id,
    action: 'creation',
    contexte: { contratId, demo: true },
  });
}
