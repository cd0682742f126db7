import type { DroitAccesPersonne } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { interdit, introuvable, nonAuthentifie } from '../../platform/errors';
import { listerConcertationsDe } from './concertations.service';
import { membresDe } from './equipes.service';
import * as depot from './plan.repository';
import { vueVersionPlan } from './plan.service';
import { noterLecture, ouvrirDe, ouvrirTexteDe } from './plan-socle';
import { vueIdentite } from './personnes';
import { trousseau } from './chiffrement-appui';

/**
 * The person's access right (RGPD art. 15, issue 18 item 8): everything the module holds about them — identity,
 * requests, cases with their evaluations, orientations, every plan version, concertations, closure, and who read
 * them. Staff only: the team's coordinators, who answer such requests; every case exported gets a line in its read
 * log, and the audit log says an export happened (no name).
 */

async function exigerCoordinateur(ctx: Contexte, utilisateur: Utilisateur | null, personneId: string) {
  if (!utilisateur) throw nonAuthentifie();
  const { rows } = await ctx.db.query<{ organisationId: string; nom: string }>(
    `select p.organisation_id "organisationId", o.nom from appui_personnes p join organisations o on o.id = p.organisation_id where p.id = $1`,
    [personneId],
  );
  if (!rows[0]) throw introuvable('Cette personne n’existe pas.');
  const membre = (await membresDe(ctx.db, utilisateur.userId)).find((m) => m.organisationId === rows[0]!.organisationId);
  if (!membre) throw interdit('Les données d’une personne sont réservées à l’équipe d’appui qui la suit.');
  if (membre.role !== 'coordinateur_appui')
    throw interdit('L’export du droit d’accès est réservé aux coordinateurs de l’équipe, qui répondent aux demandes des personnes.');
  return rows[0];
}

async function situationsDe(ctx: Contexte, personneId: string) {
  const { rows } = await ctx.db.query(
    `select s.id, s.numero, s.statut, s.niveau, s.ouverte_le "ouverteLe", s.close_le "closeLe", s.motif_cloture "motifCloture",
       s.informee_le "informeeLe", s.opposition_le "oppositionLe", s.opposition_motif_chiffre "oppositionMotif",
       s.medecin_nom "medecinNom", s.medecin_rpps "medecinRpps", s.medecin_courriel "medecinCourriel",
       c.precision_chiffree "precision", c.close_par_libelle "closePar"
     from appui_situations s left join appui_clotures c on c.situation_id = s.id where s.personne_id = $1 order by s.ouverte_le`,
    [personneId],
  );
  return Promise.all(
    rows.map(async (s) => {
      const [evaluations, orientations, plans, concertations, journal] = await Promise.all([
        ctx.db.query('select id, niveau, evaluee_le "evalueeLe", grille_chiffree g from appui_evaluations where situation_id = $1 order by evaluee_le', [s.id]),
        ctx.db.query(
          `select o.id, r.nom ressource, o.issue, o.commentaire_chiffre c, o.orientee_le "orienteeLe", o.issue_le "issueLe"
           from appui_orientations o join ressources r on r.id = o.ressource_id where o.situation_id = $1 order by o.orientee_le`,
          [s.id],
        ),
        depot.listerVersions(ctx.db, s.id),
        listerConcertationsDe(ctx, s.id),
        ctx.db.query(
          `select le, utilisateur_libelle utilisateur, nature, objet from appui_journal_acces where situation_id = $1 order by le, id`,
          [s.id],
        ),
      ]);
      const { oppositionMotif, precision, closePar, ...reste } = s;
      return {
        ...reste,
        oppositionMotif: await ouvrirTexteDe(ctx, 'appui_situations', 'opposition_motif_chiffre', s.id, oppositionMotif),
        evaluations: await Promise.all(
          evaluations.rows.map(async (e) => ({
            evalueeLe: e.evalueeLe,
            niveau: e.niveau,
            grille: await ouvrirDe<Record<string, unknown>>(ctx, 'appui_evaluations', 'grille_chiffree', e.id, e.g),
          })),
        ),
        orientations: await Promise.all(
          orientations.rows.map(async ({ id, c, ...o }) => ({ ...o, commentaire: await ouvrirTexteDe(ctx, 'appui_orientations', 'commentaire_chiffre', id, c) })),
        ),
        plans: await Promise.all(plans.map((p) => vueVersionPlan(ctx, p))),
        concertations,
        cloture:
          s.statut === 'close'
            ? { precision: (await ouvrirTexteDe(ctx, 'appui_clotures', 'precision_chiffree', s.id, precision)) ?? '', closePar: closePar ?? '' }
            : null,
        journalAcces: journal.rows,
      };
    }),
  );
}

async function demandesDe(ctx: Contexte, personneId: string) {
  const { rows } = await ctx.db.query(
    `select id, numero, origine, canal, urgence, statut, demandeur_chiffre demandeur, motif_chiffre motif, recue_le "recueLe",
       accusee_le "accuseeLe", premier_contact_le "premierContactLe", medecin_nom "medecinNom", medecin_rpps "medecinRpps"
     from appui_demandes where personne_id = $1 order by recue_le`,
    [personneId],
  );
  return Promise.all(
    rows.map(async (d) => ({
      ...d,
      demandeur: d.demandeur ? await ouvrirDe<Record<string, unknown>>(ctx, 'appui_demandes', 'demandeur_chiffre', d.id, d.demandeur) : null,
      motif: (await ouvrirTexteDe(ctx, 'appui_demandes', 'motif_chiffre', d.id, d.motif)) ?? '',
    })),
  );
}

/** Everything held about the person; the export is logged before it is answered. */
export async function exporterDonneesPersonne(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  personneId: string,
  format: 'json' | 'pdf',
): Promise<DroitAccesPersonne> {
  const equipe = await exigerCoordinateur(ctx, utilisateur, personneId);
  const [identite, demandes, situations] = await Promise.all([
    vueIdentite(ctx.db, await trousseau(ctx.config), personneId),
    demandesDe(ctx, personneId),
    situationsDe(ctx, personneId),
  ]);
  await enTransaction(ctx.db, async (tx) => {
    for (const s of situations)
      await noterLecture(tx, utilisateur!, { id: s.id, organisationId: equipe.organisationId }, `export du droit d’accès (${format.toUpperCase()})`);
    await auditer(tx, {
      acteur: acteurDe(utilisateur!),
      entiteType: 'droit_acces_appui',
      entiteId: personneId,
      action: 'export',
      contexte: { format, situations: situations.length, organisationId: equipe.organisationId },
    });
  });
  return {
    genereLe: new Date().toISOString(),
    equipe: { id: equipe.organisationId, nom: equipe.nom },
    personne: { id: personneId, ...identite },
    demandes,
    situations,
  };
}
