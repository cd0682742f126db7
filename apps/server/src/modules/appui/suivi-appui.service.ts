import { chargeGestionnaire, delaisSituation, syntheseDelais } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { interdit, introuvable, nonAuthentifie } from '../../platform/errors';
import { membresDe } from './equipes.service';
import { exigerSituation, noterLecture } from './plan-socle';

/**
 * The team's follow-up (issue 18 item 6): the case load of each member against the team's threshold, the delays
 * request → first contact → evaluation → plan, and the team's settings (threshold, retention of closed cases).
 * Counts and dates only: no name of a person, so any member of the team reads them.
 */

type Sujet = Utilisateur | null;

async function exigerMembre(db: Queryable, utilisateur: Sujet, equipeId: string, coordinateur = false) {
  if (!utilisateur) throw nonAuthentifie();
  const membre = (await membresDe(db, utilisateur.userId)).find((m) => m.organisationId === equipeId);
  if (!membre) throw introuvable('Cette équipe d’appui n’existe pas ou vous n’en êtes pas membre.');
  if (coordinateur && membre.role !== 'coordinateur_appui') throw interdit('Seuls les coordinateurs de l’équipe changent ses réglages.');
}

async function reglages(ctx: Contexte, db: Queryable, equipeId: string) {
  const { rows } = await db.query('select seuil_charge, conservation_mois from appui_equipes where organisation_id = $1', [equipeId]);
  if (!rows[0]) throw introuvable('Cette équipe d’appui n’existe pas.');
  return {
    equipeId,
    seuilCharge: { valeur: rows[0].seuil_charge as number, source: 'equipe' as const },
    conservationMois:
      rows[0].conservation_mois === null
        ? { valeur: ctx.config.conservationAppuiMois, source: 'configuration' as const }
        : { valeur: rows[0].conservation_mois as number, source: 'equipe' as const },
  };
}

/** Open cases per member who may be référent, against the threshold; members without a case show at 0. */
export async function chargeEquipe(ctx: Contexte, utilisateur: Sujet, equipeId: string) {
  await exigerMembre(ctx.db, utilisateur, equipeId);
  const r = await reglages(ctx, ctx.db, equipeId);
  const { rows } = await ctx.db.query<{ utilisateurId: string; libelle: string; ouvertes: number }>(
    `select m.utilisateur_id "utilisateurId", p.prenom || ' ' || p.nom libelle,
       (select count(*)::int from appui_situations s where s.referent_id = m.utilisateur_id and s.organisation_id = m.organisation_id
          and s.statut = 'ouverte') ouvertes
     from appui_membres m join utilisateurs u on u.id = m.utilisateur_id join personnes p on p.id = u.personne_id
     where m.organisation_id = $1 order by ouvertes desc, p.nom, p.prenom`,
    [equipeId],
  );
  const gestionnaires = rows.map((g) => {
    const c = chargeGestionnaire(g.ouvertes, r.seuilCharge.valeur);
    return { utilisateurId: g.utilisateurId, libelle: g.libelle, situationsOuvertes: g.ouvertes, alerte: c.alerte, message: c.message };
  });
  return {
    equipeId,
    seuil: r.seuilCharge.valeur,
    source: r.seuilCharge.source,
    alertes: gestionnaires.filter((g) => g.alerte).length,
    gestionnaires,
  };
}

export async function lireReglages(ctx: Contexte, utilisateur: Sujet, equipeId: string) {
  await exigerMembre(ctx.db, utilisateur, equipeId);
  return reglages(ctx, ctx.db, equipeId);
}

export async function modifierReglages(
  ctx: Contexte,
  utilisateur: Utilisateur,
  equipeId: string,
  corps: { seuilCharge: number | null; conservationMois: number | null },
) {
  return enTransaction(ctx.db, async (tx) => {
    await exigerMembre(tx, utilisateur, equipeId, true);
    const avant = await reglages(ctx, tx, equipeId);
    await tx.query(
      'update appui_equipes set seuil_charge = coalesce($2, seuil_charge), conservation_mois = $3 where organisation_id = $1',
      [equipeId, corps.seuilCharge, corps.conservationMois],
    );
    const apres = await reglages(ctx, tx, equipeId);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'reglages_appui',
      entiteId: equipeId,
      action: 'modification',
      avant: { seuilCharge: avant.seuilCharge.valeur, conservationMois: avant.conservationMois.valeur },
      apres: { seuilCharge: apres.seuilCharge.valeur, conservationMois: apres.conservationMois.valeur },
      contexte: { organisationId: equipeId },
    });
    return apres;
  });
}

/** The milestones of requests: received, first contact, first evaluation, first plan. */
const JALONS = `select d.recue_le "demandeLe", d.premier_contact_le "premierContactLe",
    (select min(e.evaluee_le) from appui_evaluations e where e.situation_id = s.id) "evaluationLe",
    (select min(p.enregistre_le) from appui_plans p where p.situation_id = s.id) "planLe",
    (d.statut = 'sans_suite' or s.statut = 'close') clos
  from appui_demandes d left join appui_situations s on s.demande_id = d.id`;

export async function delaisEquipe(ctx: Contexte, utilisateur: Sujet, equipeId: string, filtre: { du?: string; au?: string }) {
  await exigerMembre(ctx.db, utilisateur, equipeId);
  const { rows } = await ctx.db.query(
    `${JALONS} where d.organisation_id = $1 and ($2::date is null or d.recue_le >= $2::date)
       and ($3::date is null or d.recue_le < $3::date + 1)`,
    [equipeId, filtre.du ?? null, filtre.au ?? null],
  );
  return {
    equipeId,
    du: filtre.du ?? null,
    au: filtre.au ?? null,
    situations: rows.length,
    etapes: syntheseDelais(rows, new Date().toISOString()),
  };
}

export async function delaisDeSituation(ctx: Contexte, utilisateur: Sujet, situationId: string) {
  const s = await exigerSituation(ctx.db, utilisateur, 'lire', situationId);
  const { rows } = await ctx.db.query(`${JALONS} where s.id = $1`, [situationId]);
  const { clos: _c, ...jalons } = rows[0];
  await noterLecture(ctx.db, utilisateur!, s, 'délais');
  return { situationId, jalons, delais: delaisSituation(jalons) };
}
