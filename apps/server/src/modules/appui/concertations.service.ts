import { randomUUID } from 'node:crypto';
import { appliquerDecisions, verifierConcertation } from '@maillage/domain';
import type { ConcertationCorps, ContenuPlan } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { conflit, invalide } from '../../platform/errors';
import * as depot from './plan.repository';
import { ecrireVersion, normaliserContenu, PLAN_PERIME, TABLE_PLANS } from './plan.service';
import { exigerSituation, noterLecture, ouvrirDe, scellerPour } from './plan-socle';

/**
 * Concertations of a case (issue 18 item 5): date, participants (professionals, the person, carers), decisions, and
 * the flag of a remunerable pluriprofessional concertation. Its decisions may change the plan's actions: the plan then
 * gets a new version marked as coming from it, in the same transaction.
 */

const TABLE = 'appui_concertations';
type Contenu = { participants: ConcertationCorps['participants']; decisions: string };

async function vue(ctx: Contexte, c: depot.ConcertationLigne) {
  const { contenu, ...reste } = c;
  const ouvert = await ouvrirDe<Contenu>(ctx, TABLE, 'contenu_chiffre', c.id, contenu);
  return { ...reste, participants: ouvert.participants, decisions: ouvert.decisions };
}

/** The case's concertations, opened; the caller has checked the access. */
export async function listerConcertationsDe(ctx: Contexte, situationId: string) {
  return Promise.all((await depot.listerConcertations(ctx.db, situationId)).map((c) => vue(ctx, c)));
}

export async function listerConcertations(ctx: Contexte, utilisateur: Utilisateur | null, situationId: string) {
  const s = await exigerSituation(ctx.db, utilisateur, 'lire', situationId);
  const elements = await listerConcertationsDe(ctx, situationId);
  await noterLecture(ctx.db, utilisateur!, s, 'concertations');
  return { elements };
}

/** The plan after the decisions, or null when they change nothing of it. */
async function planApresDecisions(ctx: Contexte, tx: Parameters<typeof depot.lireVersion>[0], situationId: string, corps: ConcertationCorps) {
  if (!corps.actionsModifiees.length && !corps.actionsAjoutees.length) return null;
  if (corps.versionPlan === undefined)
    throw invalide('Indiquez la version du plan lue pour y reporter les décisions.', [
      { champ: 'versionPlan', message: 'Requise quand la concertation change des actions du plan' },
    ]);
  const actuel = await depot.lireVersion(tx, situationId);
  if (!actuel) throw conflit('Cette situation n’a pas encore de plan : écrivez-le avant d’y reporter les décisions d’une concertation.');
  if (actuel.version !== corps.versionPlan) throw conflit(PLAN_PERIME);
  const contenu = await ouvrirDe<ContenuPlan>(ctx, TABLE_PLANS, 'contenu_chiffre', actuel.id, actuel.contenu);
  const ajouts = normaliserContenu({ ...contenu, actions: corps.actionsAjoutees }, 'actionsAjoutees').actions;
  const r = appliquerDecisions(contenu.actions, corps.actionsModifiees, ajouts);
  if (!r.ok)
    throw invalide(
      'Une action à modifier n’est pas dans le plan.',
      corps.actionsModifiees.flatMap((m, i) => (r.inconnues.includes(m.id) ? [{ champ: `actionsModifiees.${i}.id`, message: 'Action inconnue du plan' }] : [])),
    );
  return { lue: actuel.version, contenu: normaliserContenu({ ...contenu, actions: r.actions }) };
}

export async function creerConcertation(ctx: Contexte, utilisateur: Utilisateur, situationId: string, corps: ConcertationCorps) {
  const regle = verifierConcertation(corps);
  if (!regle.ok) throw invalide(regle.raison, [{ champ: regle.champ, message: regle.raison }]);
  return enTransaction(ctx.db, async (tx) => {
    const s = await exigerSituation(tx, utilisateur, 'modifier', situationId, true);
    const apres = await planApresDecisions(ctx, tx, situationId, corps);
    const id = randomUUID();
    await depot.creerConcertation(tx, {
      id,
      situationId,
      date: corps.date,
      remunerable: corps.remunerable,
      contenu: await scellerPour(ctx, TABLE, 'contenu_chiffre', id, { participants: corps.participants, decisions: corps.decisions }),
      participants: corps.participants.length,
      professionnels: corps.participants.filter((p) => p.categorie === 'professionnel').length,
      auteurId: utilisateur.userId,
      auteurLibelle: utilisateur.libelle,
    });
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'concertation_appui',
      entiteId: id,
      action: 'creation',
      // Date, flag and counts: no participant's name, no decision's words.
      apres: { date: corps.date, remunerable: corps.remunerable, participants: corps.participants.length },
      contexte: { numero: s.numero, situationId },
    });
    const plan = apres
      ? await ecrireVersion(ctx, tx, utilisateur, s, apres.lue, apres.contenu, { type: 'concertation', concertationId: id })
      : null;
    if (plan) await depot.noterVersionProduite(tx, id, plan.version);
    const ligne = (await depot.listerConcertations(tx, situationId)).find((c) => c.id === id)!;
    return { concertation: await vue(ctx, ligne), plan };
  });
}
