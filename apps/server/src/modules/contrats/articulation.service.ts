import { TYPES_DISPOSITIF_TERRITORIAL, type DispositifTerritorialSaisie, type EvaluationPrevueSaisie } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { introuvable } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat } from './acces';
import * as repository from './articulation.repository';
import { modifierPartie } from './parties.service';

// ---------- Plan d'évaluation: part of the contract's text, agreed before the signature (then by avenant).

export const ajouterEvaluationPrevue = (ctx: Contexte, u: Utilisateur, contratId: string, e: EvaluationPrevueSaisie) =>
  modifierPartie(ctx, u, contratId, 'evaluation_prevue', async (tx) => {
    const id = await repository.creerEvaluationPrevue(tx, contratId, e);
    return { resultat: { id }, entiteId: id, action: 'creation', apres: e };
  });

async function evaluationPrevue(tx: Queryable, contratId: string, id: string) {
  const avant = (await repository.listerEvaluationsPrevues(tx, contratId)).find((x) => x.id === id);
  if (!avant) throw introuvable('Cette évaluation prévue n’existe pas.');
  const { id: _, ...saisie } = avant;
  return saisie;
}

export const modifierEvaluationPrevue = (ctx: Contexte, u: Utilisateur, contratId: string, id: string, e: EvaluationPrevueSaisie) =>
  modifierPartie(ctx, u, contratId, 'evaluation_prevue', async (tx) => {
    const avant = await evaluationPrevue(tx, contratId, id);
    await repository.modifierEvaluationPrevue(tx, contratId, id, e);
    return { resultat: undefined, entiteId: id, action: 'modification', avant, apres: e };
  });

export const supprimerEvaluationPrevue = (ctx: Contexte, u: Utilisateur, contratId: string, id: string) =>
  modifierPartie(ctx, u, contratId, 'evaluation_prevue', async (tx) => {
    const avant = await evaluationPrevue(tx, contratId, id);
    await repository.supprimerEvaluationPrevue(tx, contratId, id);
    return { resultat: undefined, entiteId: id, action: 'suppression', avant };
  });

// ---------- Dispositifs territoriaux: schemes come and go during the contract, so they change without avenant
// (decision 0017); a closed contract keeps them as they were.

async function changerDispositif<T>(
  ctx: Contexte,
  u: Utilisateur,
  contratId: string,
  travail: (tx: Queryable) => Promise<{ resultat: T; entiteId: string; action: string; avant?: unknown; apres?: unknown }>,
): Promise<T> {
  const ref = await exigerSurContrat(ctx.db, u, 'modifier', contratId);
  exigerRecevable(ref, 'articulation');
  return enTransaction(ctx.db, async (tx) => {
    const r = await travail(tx);
    await auditer(tx, {
      acteur: acteurDe(u),
      entiteType: 'dispositif_territorial',
      entiteId: r.entiteId,
      action: r.action,
      avant: (r.avant ?? null) as never,
      apres: (r.apres ?? null) as never,
      contexte: { contratId },
    });
    return r.resultat;
  });
}

const pourJournal = (d: DispositifTerritorialSaisie) => ({ ...d, typeLibelle: TYPES_DISPOSITIF_TERRITORIAL[d.type] });

async function dispositif(tx: Queryable, contratId: string, id: string) {
  const avant = (await repository.listerDispositifs(tx, contratId)).find((x) => x.id === id);
  if (!avant) throw introuvable('Ce dispositif n’existe pas dans ce contrat.');
  const { id: _, nombreFiches, ...saisie } = avant;
  return saisie;
}

export const ajouterDispositif = (ctx: Contexte, u: Utilisateur, contratId: string, d: DispositifTerritorialSaisie) =>
  changerDispositif(ctx, u, contratId, async (tx) => {
    const id = await repository.creerDispositif(tx, contratId, d);
    return { resultat: { id }, entiteId: id, action: 'creation', apres: pourJournal(d) };
  });

export const modifierDispositif = (ctx: Contexte, u: Utilisateur, contratId: string, id: string, d: DispositifTerritorialSaisie) =>
  changerDispositif(ctx, u, contratId, async (tx) => {
    const avant = await dispositif(tx, contratId, id);
    await repository.modifierDispositif(tx, contratId, id, d);
    return { resultat: undefined, entiteId: id, action: 'modification', avant: pourJournal(avant), apres: pourJournal(d) };
  });

export const supprimerDispositif = (ctx: Contexte, u: Utilisateur, contratId: string, id: string) =>
  changerDispositif(ctx, u, contratId, async (tx) => {
    const avant = await dispositif(tx, contratId, id);
    await repository.supprimerDispositif(tx, contratId, id);
    return { resultat: undefined, entiteId: id, action: 'suppression', avant: pourJournal(avant) };
  });
