import { randomUUID } from 'node:crypto';
import { niveauReponse, type IssueOrientation, type NiveauReponse, type Urgence } from '@maillage/domain';
import type { z } from 'zod';
import type { evaluationCorps } from '@maillage/domain/api';
import type { Trousseau } from '../../platform/chiffrement';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, introuvable, invalide } from '../../platform/errors';
import { exigerSituationComplete } from './acces-appui';
import * as queries from './appui.queries';
import { ouvrirJson, ouvrirTexte, sceller, trousseau } from './chiffrement-appui';

/** The evaluation of complexity and its graded answer, and the orientations to resources (issue 18 item 3). */

type Grille = z.infer<typeof evaluationCorps>;

export async function evaluationsDe(db: Queryable, t: Trousseau, situationId: string) {
  const { rows } = await db.query<{ id: string; niveau: NiveauReponse; evalueeLe: string; evalueePar: string | null; chiffre: Buffer }>(
    `select e.id, e.niveau, e.evaluee_le as "evalueeLe", p.prenom || ' ' || p.nom as "evalueePar", e.grille_chiffree as chiffre
       from appui_evaluations e left join utilisateurs u on u.id = e.evaluee_par left join personnes p on p.id = u.personne_id
      where e.situation_id = $1 order by e.evaluee_le, e.id`,
    [situationId],
  );
  return rows.map(({ chiffre, ...e }) => {
    const g = ouvrirJson<Grille>(t, 'appui_evaluations', 'grille_chiffree', e.id, chiffre)!;
    return { ...g, commentaire: g.commentaire ?? null, ...e };
  });
}

export async function orientationsDe(db: Queryable, t: Trousseau, situationId: string) {
  const { rows } = await db.query<{
    id: string;
    ressourceId: string;
    issue: IssueOrientation;
    chiffre: Buffer | null;
    orienteeLe: string;
    issueLe: string | null;
    version: number;
  }>(
    `select id, ressource_id as "ressourceId", issue, commentaire_chiffre as chiffre, orientee_le as "orienteeLe", issue_le as "issueLe", version
       from appui_orientations where situation_id = $1 order by orientee_le, id`,
    [situationId],
  );
  const ressources = await queries.ressourcesParId(
    db,
    rows.map((r) => r.ressourceId),
  );
  return rows.map(({ chiffre, ...o }) => ({
    ...o,
    ressourceNom: ressources.get(o.ressourceId)?.nom ?? '',
    typeRessource: ressources.get(o.ressourceId)?.typeLibelle ?? '',
    commentaire: ouvrirTexte(t, 'appui_orientations', 'commentaire_chiffre', o.id, chiffre),
  }));
}

const ouverte = (statut: string) => {
  if (statut !== 'ouverte') throw conflit('Cette situation est close : rouvrez-en une nouvelle depuis une demande.');
};

/** A new evaluation: the level of answer is computed (packages/domain) and becomes the case's. */
export async function evaluer(ctx: Contexte, utilisateur: Utilisateur, situationId: string, grille: Grille) {
  const t = await trousseau(ctx.config);
  return enTransaction(ctx.db, async (tx) => {
    const { situation } = await exigerSituationComplete(tx, utilisateur, situationId, 'évaluation', {
      verrouiller: true,
      journaliser: false,
    });
    ouverte(situation.statut);
    const niveau = niveauReponse(grille, grille.urgence as Urgence);
    const id = randomUUID();
    await tx.query(`insert into appui_evaluations (id, situation_id, grille_chiffree, niveau, evaluee_par) values ($1, $2, $3, $4, $5)`, [
      id,
      situationId,
      sceller(t, 'appui_evaluations', 'grille_chiffree', id, grille),
      niveau,
      utilisateur.userId,
    ]);
    await tx.query('update appui_situations set niveau = $2, version = version + 1 where id = $1', [situationId, niveau]);
    // The level is an aggregate's category, not a health detail; the grid itself stays out of the audit log.
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'situation_appui',
      entiteId: situationId,
      action: 'evaluation',
      avant: { niveau: situation.niveau },
      apres: { niveau },
      contexte: { numero: situation.numero },
    });
    return { id, niveau };
  });
}

export async function orienter(
  ctx: Contexte,
  utilisateur: Utilisateur,
  situationId: string,
  saisie: { ressourceId: string; commentaire?: string | null },
) {
  const t = await trousseau(ctx.config);
  return enTransaction(ctx.db, async (tx) => {
    const { situation } = await exigerSituationComplete(tx, utilisateur, situationId, 'orientation', {
      verrouiller: true,
      journaliser: false,
    });
    ouverte(situation.statut);
    const ressource = await queries.ressourceExiste(tx, saisie.ressourceId);
    if (!ressource)
      throw invalide('Cette ressource n’est pas dans le répertoire.', [{ champ: 'ressourceId', message: 'Ressource inconnue' }]);
    if (ressource.statut === 'fermee')
      throw invalide('Cette ressource est fermée : orientez vers une autre.', [{ champ: 'ressourceId', message: 'Ressource fermée' }]);
    const id = randomUUID();
    await tx.query(
      `insert into appui_orientations (id, situation_id, ressource_id, commentaire_chiffre, orientee_par) values ($1, $2, $3, $4, $5)`,
      [
        id,
        situationId,
        saisie.ressourceId,
        sceller(t, 'appui_orientations', 'commentaire_chiffre', id, saisie.commentaire || null),
        utilisateur.userId,
      ],
    );
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'situation_appui',
      entiteId: situationId,
      action: 'orientation',
      apres: { ressource: ressource.nom },
      contexte: { numero: situation.numero },
    });
    return { id, version: 1 };
  });
}

export async function changerIssueOrientation(
  ctx: Contexte,
  utilisateur: Utilisateur,
  situationId: string,
  orientationId: string,
  saisie: { issue: IssueOrientation; commentaire?: string | null; version: number },
) {
  const t = await trousseau(ctx.config);
  return enTransaction(ctx.db, async (tx) => {
    const { situation } = await exigerSituationComplete(tx, utilisateur, situationId, 'orientation', { journaliser: false });
    const { rows } = await tx.query<{ issue: string; version: number }>(
      'select issue, version from appui_orientations where id = $1 and situation_id = $2 for update',
      [orientationId, situationId],
    );
    if (!rows[0]) throw introuvable('Cette orientation n’existe pas.');
    if (rows[0].version !== saisie.version) throw conflit('Cette orientation a été modifiée entre-temps : rechargez-la.');
    await tx.query(
      `update appui_orientations set issue = $2, issue_le = case when $2 = 'en_attente' then null else now() end,
         commentaire_chiffre = coalesce($3, commentaire_chiffre), version = version + 1 where id = $1`,
      [
        orientationId,
        saisie.issue,
        saisie.commentaire ? sceller(t, 'appui_orientations', 'commentaire_chiffre', orientationId, saisie.commentaire) : null,
      ],
    );
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'situation_appui',
      entiteId: situationId,
      action: 'issue_orientation',
      avant: { issue: rows[0].issue },
      apres: { issue: saisie.issue },
      contexte: { numero: situation.numero },
    });
    return { id: orientationId, version: rows[0].version + 1 };
  });
}
