import {
  accesDemande,
  accesSituation,
  DUREE_MOTIF_HEURES,
  type MembreEquipe,
  type NiveauAcces,
  peutLireJournalAcces,
} from '@maillage/domain';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { interdit, introuvable } from '../../platform/errors';
import { ouvrirTexte, sceller, trousseau } from './chiffrement-appui';
import { membresDe } from './equipes.service';

/**
 * Who reads a request or a case, and the read log (decision 0031). Every read of nominative content goes through
 * `journaliserLecture`, in the same request that answers; a member who is neither référent nor assigned opens a case
 * by declaring a reason, logged and valid DUREE_MOTIF_HEURES hours.
 */

export const REFUS_NOMINATIF =
  'Les données nominatives des situations sont réservées à l’équipe d’appui qui les suit : vous n’en faites pas partie.';
export const REFUS_CONTENU =
  'Cette situation est suivie par d’autres membres de l’équipe : déclarez le motif de votre accès pour la consulter.';

export interface LigneSituation {
  id: string;
  numero: number;
  organisationId: string;
  demandeId: string;
  personneId: string;
  referentId: string | null;
  statut: 'ouverte' | 'close';
  niveau: string | null;
  ouverteLe: string;
  closeLe: string | null;
  motifCloture: string | null;
  informeeLe: string | null;
  oppositionLe: string | null;
  oppositionMotifChiffre: Buffer | null;
  medecinRessourceId: string | null;
  medecinNom: string | null;
  medecinRpps: string | null;
  medecinCourriel: string | null;
  version: number;
  intervenants: string[];
}

const COLONNES_SITUATION = `s.id, s.numero, s.organisation_id as "organisationId", s.demande_id as "demandeId", s.personne_id as "personneId",
  s.referent_id as "referentId", s.statut, s.niveau, s.ouverte_le as "ouverteLe", s.close_le as "closeLe", s.motif_cloture as "motifCloture",
  s.informee_le as "informeeLe", s.opposition_le as "oppositionLe", s.opposition_motif_chiffre as "oppositionMotifChiffre",
  s.medecin_ressource_id as "medecinRessourceId", s.medecin_nom as "medecinNom", s.medecin_rpps as "medecinRpps",
  s.medecin_courriel as "medecinCourriel", s.version,
  array(select i.utilisateur_id from appui_intervenants i where i.situation_id = s.id order by i.depuis_le) as intervenants`;

export async function lireLigneSituation(db: Queryable, id: string, verrouiller = false): Promise<LigneSituation | null> {
  const { rows } = await db.query<LigneSituation>(
    `select ${COLONNES_SITUATION} from appui_situations s where s.id = $1 ${verrouiller ? 'for update of s' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * The team's cases for the list, in one query: with the person's encrypted identity (opened in memory where the user
 * has access) and whether the user declared a reason lately for each.
 */
export async function lignesSituationsEquipe(db: Queryable, organisationId: string, statut: string | null, utilisateurId: string) {
  const { rows } = await db.query<LigneSituation & { identiteChiffree: Buffer; motifValide: boolean }>(
    `select ${COLONNES_SITUATION}, p.identite_chiffree as "identiteChiffree",
        exists (select 1 from appui_journal_acces j where j.utilisateur_id = $3 and j.situation_id = s.id and j.nature = 'motif_declare'
                  and j.le > now() - make_interval(hours => $4)) as "motifValide"
       from appui_situations s join appui_personnes p on p.id = s.personne_id
      where s.organisation_id = $1 and ($2::text is null or s.statut = $2) order by s.ouverte_le desc, s.numero desc`,
    [organisationId, statut, utilisateurId, DUREE_MOTIF_HEURES],
  );
  return rows;
}

/**
 * The case's médecin traitant, known by the e-mail the case holds for him: the one reader outside the team of the
 * closing letter, which is written to him (issue 18 item 6).
 */
export function estMedecinTraitant(utilisateur: Utilisateur, s: Pick<LigneSituation, 'medecinCourriel'>): boolean {
  return !!s.medecinCourriel && s.medecinCourriel.trim().toLowerCase() === utilisateur.email.trim().toLowerCase();
}

/** Whether the user declared a reason for this case lately. */
export async function motifValide(db: Queryable, utilisateurId: string, situationId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `select 1 from appui_journal_acces
      where utilisateur_id = $1 and situation_id = $2 and nature = 'motif_declare' and le > now() - make_interval(hours => $3)
      limit 1`,
    [utilisateurId, situationId, DUREE_MOTIF_HEURES],
  );
  return (rowCount ?? 0) > 0;
}

export interface AccesCharge {
  situation: LigneSituation;
  acces: Exclude<NiveauAcces, 'aucun'>;
  membres: MembreEquipe[];
}

/** The case and what the user may see of it: 404 unknown, 403 to anyone outside its team. */
export async function chargerSituation(
  db: Queryable,
  utilisateur: Utilisateur,
  id: string,
  options: { verrouiller?: boolean } = {},
): Promise<AccesCharge> {
  const situation = await lireLigneSituation(db, id, options.verrouiller);
  if (!situation) throw introuvable('Cette situation n’existe pas.');
  const membres = await membresDe(db, utilisateur.userId);
  let acces = accesSituation(utilisateur.userId, membres, situation);
  if (acces === 'aucun') throw interdit(REFUS_NOMINATIF);
  if (acces === 'existence' && (await motifValide(db, utilisateur.userId, id))) acces = 'complet';
  return { situation, acces, membres };
}

/**
 * For every use case that reads or changes a case's content: refuses a member without access (403, asking for a
 * reason) and logs the read.
 */
export async function exigerSituationComplete(
  db: Queryable,
  utilisateur: Utilisateur,
  id: string,
  objet: string,
  options: { verrouiller?: boolean; journaliser?: boolean } = {},
): Promise<AccesCharge> {
  const charge = await chargerSituation(db, utilisateur, id, options);
  if (charge.acces !== 'complet') throw interdit(REFUS_CONTENU);
  if (options.journaliser !== false)
    await journaliserLecture(db, utilisateur, { organisationId: charge.situation.organisationId, situationId: id, objet });
  return charge;
}

export async function journaliserLecture(
  db: Queryable,
  utilisateur: Utilisateur,
  cible: { organisationId: string; situationId?: string | null; demandeId?: string | null; objet: string },
) {
  await db.query(
    `insert into appui_journal_acces (organisation_id, situation_id, demande_id, utilisateur_id, utilisateur_libelle, nature, objet)
     values ($1, $2, $3, $4, $5, 'lecture', $6)`,
    [cible.organisationId, cible.situationId ?? null, cible.demandeId ?? null, utilisateur.userId, utilisateur.libelle, cible.objet],
  );
}

/** Reads of a list, one line per case or request shown with its content, in one insert. */
export async function journaliserLectures(
  db: Queryable,
  utilisateur: Utilisateur,
  organisationId: string,
  cibles: { situationIds?: string[]; demandeIds?: string[] },
  objet: string,
) {
  const situations = cibles.situationIds ?? [];
  const demandes = cibles.demandeIds ?? [];
  if (situations.length + demandes.length === 0) return;
  await db.query(
    `insert into appui_journal_acces (organisation_id, situation_id, demande_id, utilisateur_id, utilisateur_libelle, nature, objet)
     select $1, c.situation_id, c.demande_id, $4, $5, 'lecture', $6
       from (select unnest($2::uuid[]) as situation_id, null::uuid as demande_id
             union all select null, unnest($3::uuid[])) c`,
    [organisationId, situations, demandes, utilisateur.userId, utilisateur.libelle, objet],
  );
}

/** A team member opens a case by declaring why: logged (the reason encrypted), valid for a while. */
export async function declarerMotif(ctx: Contexte, utilisateur: Utilisateur, situationId: string, motif: string) {
  const { situation, acces } = await chargerSituation(ctx.db, utilisateur, situationId);
  const t = await trousseau(ctx.config);
  // The row's id is the context of its ciphertext: it is drawn first, so that the row is written whole, once (the log
  // is append-only; its trigger lets the reason's column change only for the key rotation).
  const { rows: ids } = await ctx.db.query<{ id: string }>(
    `select nextval(pg_get_serial_sequence('appui_journal_acces', 'id'))::text as id`,
  );
  const id = ids[0].id;
  const { rows } = await ctx.db.query<{ le: string }>(
    `insert into appui_journal_acces (id, organisation_id, situation_id, utilisateur_id, utilisateur_libelle, nature, objet, motif_chiffre)
     overriding system value values ($1, $2, $3, $4, $5, 'motif_declare', 'situation', $6) returning le`,
    [
      id,
      situation.organisationId,
      situationId,
      utilisateur.userId,
      utilisateur.libelle,
      sceller(t, 'appui_journal_acces', 'motif_chiffre', id, motif),
    ],
  );
  const fin = new Date(new Date(rows[0].le).getTime() + DUREE_MOTIF_HEURES * 3_600_000).toISOString();
  return { valableJusquA: fin, dejaOuverte: acces === 'complet' };
}

/** The read log of a case (and of its request): its référent and the team's coordinators; reading it is logged too. */
export async function lireJournalAcces(ctx: Contexte, utilisateur: Utilisateur, situationId: string) {
  const { situation, membres } = await chargerSituation(ctx.db, utilisateur, situationId);
  if (!peutLireJournalAcces(utilisateur.userId, membres, situation))
    throw interdit('Le journal des accès d’une situation est réservé à son référent et à la coordination de l’équipe.');
  await journaliserLecture(ctx.db, utilisateur, { organisationId: situation.organisationId, situationId, objet: 'journal des accès' });
  const t = await trousseau(ctx.config);
  const { rows } = await ctx.db.query<{
    id: string;
    le: string;
    utilisateur: string;
    nature: 'lecture' | 'motif_declare';
    objet: string;
    motif: Buffer | null;
  }>(
    `select id::text, le, utilisateur_libelle as utilisateur, nature, objet, motif_chiffre as motif from appui_journal_acces
      where situation_id = $1 or demande_id = $2 order by le desc, id desc limit 1000`,
    [situationId, situation.demandeId],
  );
  return {
    elements: rows.map((r) => ({
      le: r.le,
      utilisateur: r.utilisateur,
      nature: r.nature,
      objet: r.objet,
      motif: ouvrirTexte(t, 'appui_journal_acces', 'motif_chiffre', r.id, r.motif),
    })),
  };
}

/** A request and what the user may see of it. */
export async function niveauDemande(
  db: Queryable,
  utilisateur: Utilisateur,
  demande: { organisationId: string; referentId: string | null; saisieParId: string | null },
) {
  return accesDemande(utilisateur.userId, await membresDe(db, utilisateur.userId), demande);
}
