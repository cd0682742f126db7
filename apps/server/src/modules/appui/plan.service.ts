import { randomUUID } from 'node:crypto';
import { prochaineRevision } from '@maillage/domain';
import type { ContenuPlan, ContenuPlanSaisie, PlanCorps, PlanVersionVue } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, introuvable, invalide, type ErreurChamp } from '../../platform/errors';
import * as depot from './plan.repository';
import { exigerSituation, noterLecture, ouvrirDe, scellerPour, type SituationDuPlan } from './plan-socle';

/**
 * The plan personnalisé de coordination en santé of a case (issue 18 item 4, HAS 2019): every save is a new version,
 * kept and listed; the body carries the version read and a stale one gets 409 with the current plan. Its contents are
 * sealed with the module's key; every read goes to the case's read log (decision 0032).
 */

type Sujet = Utilisateur | null;
export const TABLE_PLANS = 'appui_plans';
export const PLAN_PERIME = 'Le plan a été enregistré entre-temps par quelqu’un d’autre : rechargez-le avant d’enregistrer.';

const aujourdhui = () => new Date().toISOString().slice(0, 10);

/** Gives an id to each new problem, objective and action, and checks that the links point inside the plan. */
export function normaliserContenu(saisie: ContenuPlanSaisie, prefixe = 'contenu'): ContenuPlan {
  const erreurs: ErreurChamp[] = [];
  const idsUniques = (liste: { id?: string }[], champ: string) => {
    const vus = new Set<string>();
    liste.forEach((x, i) => {
      if (x.id && vus.has(x.id)) erreurs.push({ champ: `${prefixe}.${champ}.${i}.id`, message: 'Cet identifiant est déjà pris dans le plan' });
      if (x.id) vus.add(x.id);
    });
  };
  idsUniques(saisie.problemes, 'problemes');
  idsUniques(saisie.objectifs, 'objectifs');
  idsUniques(saisie.actions, 'actions');
  const problemes = saisie.problemes.map((p) => ({ ...p, id: p.id ?? randomUUID() }));
  const objectifs = saisie.objectifs.map((o) => ({ ...o, id: o.id ?? randomUUID() }));
  objectifs.forEach((o, i) => {
    if (o.problemeId && !problemes.some((p) => p.id === o.problemeId))
      erreurs.push({ champ: `${prefixe}.objectifs.${i}.problemeId`, message: 'Ce problème n’est pas dans le plan' });
  });
  const actions = saisie.actions.map((a) => ({ ...a, id: a.id ?? randomUUID() }));
  actions.forEach((a, i) => {
    if (a.objectifId && !objectifs.some((o) => o.id === a.objectifId))
      erreurs.push({ champ: `${prefixe}.actions.${i}.objectifId`, message: 'Cet objectif n’est pas dans le plan' });
  });
  if (erreurs.length) throw invalide('Le plan renvoie à des éléments qu’il ne contient pas.', erreurs);
  return { ...saisie, datesRevision: [...saisie.datesRevision].sort(), problemes, objectifs, actions };
}

export async function vueVersionPlan(ctx: Contexte, ligne: depot.VersionPlanLigne): Promise<PlanVersionVue> {
  const { contenu, id: _id, ...reste } = ligne;
  return { ...reste, contenu: await ouvrirDe<ContenuPlan>(ctx, TABLE_PLANS, 'contenu_chiffre', ligne.id, contenu) };
}

const resume = ({ version, enregistreLe, auteur, origine, concertationId }: depot.VersionPlanLigne) => ({
  version,
  enregistreLe,
  auteur,
  origine,
  concertationId,
});

/** The last version and the list of all; the read is logged. */
export async function lirePlan(ctx: Contexte, utilisateur: Sujet, situationId: string) {
  const s = await exigerSituation(ctx.db, utilisateur, 'lire', situationId);
  const versions = await depot.listerVersions(ctx.db, situationId);
  await noterLecture(ctx.db, utilisateur!, s, 'plan personnalisé');
  return { plan: versions[0] ? await vueVersionPlan(ctx, versions[0]) : null, versions: versions.map(resume) };
}

export async function lireVersionPlan(ctx: Contexte, utilisateur: Sujet, situationId: string, version: number) {
  const s = await exigerSituation(ctx.db, utilisateur, 'lire', situationId);
  const ligne = await depot.lireVersion(ctx.db, situationId, version);
  if (!ligne) throw introuvable(`Le plan de cette situation n’a pas de version ${version}.`);
  await noterLecture(ctx.db, utilisateur!, s, `plan personnalisé, version ${version}`);
  return vueVersionPlan(ctx, ligne);
}

/**
 * Writes version `lue + 1` in the caller's transaction (the case row locked); the current plan in a 409 when `lue` is
 * stale. Shared by a save and by a concertation's decisions.
 */
export async function ecrireVersion(
  ctx: Contexte,
  tx: Queryable,
  utilisateur: Utilisateur,
  s: SituationDuPlan,
  lue: number,
  contenu: ContenuPlan,
  origine: { type: 'saisie' } | { type: 'concertation'; concertationId: string },
): Promise<PlanVersionVue> {
  const id = randomUUID();
  const version = await depot.ajouterVersion(tx, {
    id,
    situationId: s.id,
    lue,
    contenu: await scellerPour(ctx, TABLE_PLANS, 'contenu_chiffre', id, contenu),
    prochaineRevision: prochaineRevision(contenu.datesRevision, aujourdhui()),
    origine: origine.type,
    concertationId: origine.type === 'concertation' ? origine.concertationId : null,
    auteurId: utilisateur.userId,
    auteurLibelle: utilisateur.libelle,
  });
  if (version === null) {
    const courant = await depot.lireVersion(tx, s.id);
    throw conflit(PLAN_PERIME, courant ? await vueVersionPlan(ctx, courant) : null);
  }
  await auditer(tx, {
    acteur: acteurDe(utilisateur),
    entiteType: 'plan_appui',
    entiteId: s.id,
    action: version === 1 ? 'creation' : 'modification',
    // The version number only: the plan's words are health data, they never enter the audit log.
    avant: version === 1 ? null : { version: version - 1 },
    apres: { version },
    contexte: { numero: s.numero, origine: origine.type },
  });
  return vueVersionPlan(ctx, (await depot.lireVersion(tx, s.id, version))!);
}

export async function enregistrerPlan(ctx: Contexte, utilisateur: Utilisateur, situationId: string, corps: PlanCorps) {
  const contenu = normaliserContenu(corps.contenu);
  return enTransaction(ctx.db, async (tx) => {
    const s = await exigerSituation(tx, utilisateur, 'modifier', situationId, true);
    return ecrireVersion(ctx, tx, utilisateur, s, corps.version, contenu, { type: 'saisie' });
  });
}
