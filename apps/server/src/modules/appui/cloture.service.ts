import {
  formaterDate,
  ISSUES_ORIENTATION,
  MOTIFS_CLOTURE,
  NIVEAUX_REPONSE,
  type IssueOrientation,
  type MotifCloture,
  type NiveauReponse,
} from '@maillage/domain';
import type { ContenuPlan } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, invalide, nonAuthentifie } from '../../platform/errors';
import { rendreDocument } from '../documents/documents.service';
import type { Bloc } from '../documents/modele-document';
import { estMedecinTraitant, lireLigneSituation } from './acces-appui';
import { annoncerAuMedecin } from './courriels-appui';
import * as depot from './plan.repository';
import { TABLE_PLANS } from './plan.service';
import { identiteDe, lignePersonne } from './plan-document';
import { exigerSituation, noterLecture, ouvrirDe, ouvrirTexteDe, scellerPour, type SituationDuPlan } from './plan-socle';

/**
 * Closure of a case (issue 18 item 6): a reason, and a feedback letter to the médecin traitant — a PDF the team and
 * the care team download after logging in, announced by the core's e-mail, which says nothing of the person's
 * health. The letter is drawn from what the case holds when asked, never stored in clear.
 */

const TABLE = 'appui_clotures';
export const SITUATION_PERIMEE = 'La situation a été modifiée entre-temps : rechargez-la avant de la clore.';

async function equipe(db: Queryable, organisationId: string) {
  const { rows } = await db.query(
    'select o.nom, e.telephone from appui_equipes e join organisations o on o.id = e.organisation_id where e.organisation_id = $1',
    [organisationId],
  );
  return rows[0] as { nom: string; telephone: string | null };
}

async function vueCloture(ctx: Contexte, db: Queryable, s: SituationDuPlan) {
  const { rows } = await db.query(
    'select precision_chiffree, close_par_libelle, medecin_informe_le from appui_clotures where situation_id = $1',
    [s.id],
  );
  const c = rows[0];
  const precision = (await ouvrirTexteDe(ctx, TABLE, 'precision_chiffree', s.id, c?.precision_chiffree ?? null)) ?? '';
  return {
    situationId: s.id,
    motif: s.motifCloture as MotifCloture,
    motifLibelle: MOTIFS_CLOTURE[s.motifCloture as MotifCloture],
    precision,
    clotureLe: s.closeLe!,
    auteur: c?.close_par_libelle ?? '',
    medecinInforme: !!c?.medecin_informe_le,
  };
}

export async function cloturerSituation(
  ctx: Contexte,
  utilisateur: Utilisateur,
  situationId: string,
  corps: { motif: MotifCloture; precision: string; version: number },
) {
  if (corps.motif === 'autre' && !corps.precision)
    throw invalide('Précisez le motif de la clôture.', [{ champ: 'precision', message: 'Requise pour le motif « Autre »' }]);
  const close = await enTransaction(ctx.db, async (tx) => {
    const s = await exigerSituation(tx, utilisateur, 'modifier', situationId, true);
    if (s.version !== corps.version) throw conflit(SITUATION_PERIMEE);
    await tx.query(
      `update appui_situations set statut = 'close', close_le = now(), motif_cloture = $2, version = version + 1 where id = $1`,
      [situationId, corps.motif],
    );
    await tx.query('insert into appui_clotures (situation_id, precision_chiffree, close_par, close_par_libelle) values ($1, $2, $3, $4)', [
      situationId,
      corps.precision ? await scellerPour(ctx, TABLE, 'precision_chiffree', situationId, corps.precision) : null,
      utilisateur.userId,
      utilisateur.libelle,
    ]);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'cloture_appui',
      entiteId: situationId,
      action: 'creation',
      // Neither the reason (a death, a refusal say something of the person) nor its precision.
      avant: { statut: 'ouverte' },
      apres: { statut: 'close' },
      contexte: { numero: s.numero },
    });
    return (await exigerSituation(tx, utilisateur, 'lire', situationId))!;
  });
  // After the commit: a mail server down loses the mail, not the closure (the letter stays downloadable).
  const e = await equipe(ctx.db, close.organisationId);
  const informe = await annoncerAuMedecin(ctx, { ...close, equipe: e.nom, telephone: e.telephone }, 'cloture');
  if (informe) await ctx.db.query('update appui_clotures set medecin_informe_le = now() where situation_id = $1', [situationId]);
  return vueCloture(ctx, ctx.db, close);
}

export async function lireCloture(ctx: Contexte, utilisateur: Utilisateur | null, situationId: string) {
  const s = await exigerSituation(ctx.db, utilisateur, 'lire', situationId);
  if (s.statut !== 'close') throw conflit('Cette situation n’est pas close.');
  await noterLecture(ctx.db, utilisateur!, s, 'clôture');
  return vueCloture(ctx, ctx.db, s);
}

/** What the team did, for the letter: orientations with their outcome, the plan's actions, the concertations. */
async function blocsAccompagnement(ctx: Contexte, s: SituationDuPlan): Promise<Bloc[]> {
  const { rows: orientations } = await ctx.db.query(
    `select r.nom, o.issue from appui_orientations o join ressources r on r.id = o.ressource_id where o.situation_id = $1 order by o.orientee_le`,
    [s.id],
  );
  const plan = await depot.lireVersion(ctx.db, s.id);
  const contenu = plan ? await ouvrirDe<ContenuPlan>(ctx, TABLE_PLANS, 'contenu_chiffre', plan.id, plan.contenu) : null;
  const concertations = await depot.listerConcertations(ctx.db, s.id);
  return [
    { type: 'titre', niveau: 2, texte: 'Orientations' },
    orientations.length
      ? { type: 'liste', elements: orientations.map((o) => `${o.nom} : ${ISSUES_ORIENTATION[o.issue as IssueOrientation].toLowerCase()}`) }
      : { type: 'paragraphe', texte: 'Aucune orientation.', italique: true },
    { type: 'titre', niveau: 2, texte: 'Plan personnalisé de coordination' },
    contenu?.actions.length
      ? {
          type: 'tableau',
          entetes: ['Action', 'Qui la porte', 'Statut à la clôture'],
          lignes: contenu.actions.map((a) => [
            a.libelle,
            a.porteur,
            a.statut === 'realisee' ? 'Réalisée' : a.statut === 'abandonnee' ? 'Abandonnée' : 'À poursuivre',
          ]),
        }
      : { type: 'paragraphe', texte: 'Aucun plan personnalisé n’a été écrit.', italique: true },
    {
      type: 'paragraphe',
      texte: concertations.length
        ? `Concertations tenues : ${concertations.length} (${concertations.map((c) => formaterDate(c.date)).join(', ')}).`
        : 'Aucune concertation.',
    },
  ];
}

/** The feedback letter to the médecin traitant, once the case is closed; the download goes to the read log. */
/** The closed case whose letter this user may read: the team's, as for any content, or the médecin traitant it is written to. */
async function situationDuCourrier(ctx: Contexte, utilisateur: Utilisateur | null, situationId: string) {
  if (!utilisateur) throw nonAuthentifie();
  const ligne = await lireLigneSituation(ctx.db, situationId);
  if (ligne?.statut === 'close' && estMedecinTraitant(utilisateur, ligne)) return ligne;
  return exigerSituation(ctx.db, utilisateur, 'lire', situationId);
}

export async function courrierCloture(ctx: Contexte, utilisateur: Utilisateur | null, situationId: string) {
  const s = await situationDuCourrier(ctx, utilisateur, situationId);
  if (s.statut !== 'close') throw conflit('Le courrier de retour s’écrit à la clôture : cette situation est encore ouverte.');
  const [e, identite, cloture] = await Promise.all([
    equipe(ctx.db, s.organisationId),
    identiteDe(ctx, s.personneId),
    vueCloture(ctx, ctx.db, s),
  ]);
  const blocs: Bloc[] = [
    { type: 'titre', niveau: 1, texte: 'Courrier de fin d’accompagnement' },
    { type: 'paragraphe', texte: `${e.nom}${e.telephone ? ` — ${e.telephone}` : ''}` },
    { type: 'paragraphe', texte: `À l’attention du ${s.medecinNom ? `Dr ${s.medecinNom}` : 'médecin traitant'}` },
    { type: 'paragraphe', texte: `Objet : fin de l’accompagnement de ${lignePersonne(identite)} (situation n° ${s.numero}).` },
    {
      type: 'paragraphe',
      texte: `Docteur, notre équipe a accompagné votre patient·e du ${formaterDate(s.ouverteLe.slice(0, 10))} au ${formaterDate(cloture.clotureLe.slice(0, 10))}${
        s.niveau ? `, au niveau « ${NIVEAUX_REPONSE[s.niveau as NiveauReponse].toLowerCase()} »` : ''
      }. Nous clôturons cet accompagnement : ${cloture.motifLibelle.toLowerCase()}${cloture.precision ? ` (${cloture.precision})` : ''}.`,
    },
    ...(await blocsAccompagnement(ctx, s)),
    {
      type: 'paragraphe',
      texte: `Pour toute question, l’équipe reste joignable${e.telephone ? ` au ${e.telephone}` : ''}. ${cloture.auteur}`,
    },
  ];
  const fichier = await rendreDocument(
    { titre: `Courrier de clôture — situation ${s.numero}`, blocs },
    'pdf',
    'courrier-cloture',
    `situation-${s.numero}`,
  );
  await noterLecture(ctx.db, utilisateur!, s, 'courrier de clôture en PDF');
  return fichier;
}
