import { TYPES_INSTANCE, formaterDate, type presencesSchema, type seanceSchema, type TypeInstance } from '@maillage/domain';
import sanitizeHtml from 'sanitize-html';
import type { z } from 'zod';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { conflit, introuvable, invalide } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import { calendrier, type EvenementSeance } from './ics';
import { changerGouvernance } from './instances.service';

type Seance = z.infer<typeof seanceSchema>;

const SELECT_SEANCE = `
  select s.id, s.instance_id as "instanceId", i.nom as "instanceNom", i.type as "instanceType", s.contrat_id as "contratId",
    s.debut, s.fin, s.lieu, s.visio, s.statut, s.compte_rendu as "compteRendu", s.version, s.sequence,
    coalesce((select json_agg(json_build_object('id', p.id, 'intitule', p.intitule, 'dureeMinutes', p.duree_minutes, 'ficheIds', p.fiche_ids) order by p.rang)
      from points_ordre_du_jour p where p.seance_id = s.id), '[]') as "ordreDuJour",
    coalesce((select json_agg(json_build_object('membreId', pr.membre_id, 'etat', pr.etat, 'representePar', pr.represente_par))
      from presences pr where pr.seance_id = s.id), '[]') as presences,
    coalesce((select json_agg(json_build_object('id', d.id, 'texte', d.texte, 'action', d.action, 'ficheId', d.fiche_id, 'parametres', d.parametres,
      'appliqueeLe', d.appliquee_le, 'effet', d.effet) order by d.rang) from decisions d where d.seance_id = s.id), '[]') as decisions,
    (select count(*)::int from invitations v where v.seance_id = s.id) as "invitationsEnvoyees"
  from seances s join instances i on i.id = s.instance_id`;

export async function listerSeances(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const { rows } = await ctx.db.query(`${SELECT_SEANCE} where s.contrat_id = $1 order by s.debut`, [contratId]);
  return rows;
}

export async function lireSeance(db: Queryable, id: string) {
  const { rows } = await db.query(`${SELECT_SEANCE} where s.id = $1`, [id]);
  if (!rows[0]) throw introuvable('Cette séance n’existe pas.');
  return rows[0];
}

export async function obtenirSeance(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  const seance = await lireSeance(ctx.db, id);
  await exigerSurContrat(ctx.db, utilisateur, 'lire', seance.contratId);
  return seance;
}

async function verifierOrdreDuJour(tx: Queryable, contratId: string, s: Seance) {
  const { rowCount } = await tx.query('select 1 from instances where id = $1 and contrat_id = $2', [s.instanceId, contratId]);
  if (!rowCount) throw invalide('Instance inconnue dans ce contrat.', [{ champ: 'instanceId', message: 'Instance inconnue dans ce contrat' }]);
  const fiches = [...new Set(s.ordreDuJour.flatMap((p) => p.ficheIds))];
  if (fiches.length) {
    const { rows } = await tx.query('select count(*)::int n from fiches where id = any($1::uuid[]) and contrat_id = $2', [fiches, contratId]);
    if (rows[0].n !== fiches.length) throw invalide('Une fiche liée à l’ordre du jour n’appartient pas au contrat.', [{ champ: 'ordreDuJour', message: 'Fiche inconnue dans ce contrat' }]);
  }
}

async function ecrireOrdreDuJour(tx: Queryable, seanceId: string, s: Seance) {
  await tx.query('delete from points_ordre_du_jour where seance_id = $1', [seanceId]);
  for (const [rang, p] of s.ordreDuJour.entries())
    await tx.query('insert into points_ordre_du_jour (seance_id, rang, intitule, duree_minutes, fiche_ids) values ($1, $2, $3, $4, $5)', [seanceId, rang, p.intitule, p.dureeMinutes ?? null, p.ficheIds]);
}

export const planifierSeance = (ctx: Contexte, u: Utilisateur, contratId: string, s: Seance) =>
  changerGouvernance(ctx, u, contratId, 'seance', async (tx) => {
    await verifierOrdreDuJour(tx, contratId, s);
    const { rows } = await tx.query('insert into seances (instance_id, contrat_id, debut, fin, lieu, visio, statut) values ($1, $2, $3, $4, $5, $6, $7) returning id', [
      s.instanceId,
      contratId,
      s.debut,
      s.fin ?? null,
      s.lieu ?? null,
      s.visio ?? null,
      s.statut,
    ]);
    await ecrireOrdreDuJour(tx, rows[0].id, s);
    return { id: rows[0].id, action: 'creation', resultat: { id: rows[0].id as string }, apres: s };
  }, 'seance');

export async function modifierSeance(ctx: Contexte, u: Utilisateur, id: string, version: number, s: Seance) {
  const avant = await lireSeance(ctx.db, id);
  return changerGouvernance(ctx, u, avant.contratId, 'seance', async (tx) => {
    await verifierOrdreDuJour(tx, avant.contratId, s);
    // The ICS sequence grows with each change, so calendars replace the event instead of adding a second one.
    const { rowCount } = await tx.query(
      `update seances set instance_id = $3, debut = $4, fin = $5, lieu = $6, visio = $7, statut = $8, version = version + 1, sequence = sequence + 1 where id = $1 and version = $2`,
      [id, version, s.instanceId, s.debut, s.fin ?? null, s.lieu ?? null, s.visio ?? null, s.statut],
    );
    if (!rowCount) throw conflit('Cette séance a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.', avant);
    await ecrireOrdreDuJour(tx, id, s);
    return { id, action: 'modification', resultat: await lireSeance(tx, id), avant: { debut: avant.debut, lieu: avant.lieu, statut: avant.statut }, apres: s };
  });
}

export async function enregistrerPresences(ctx: Contexte, u: Utilisateur, id: string, saisie: z.infer<typeof presencesSchema>) {
  const seance = await lireSeance(ctx.db, id);
  return changerGouvernance(ctx, u, seance.contratId, 'presences', async (tx) => {
    const { rows } = await tx.query('select id from membres_instance where instance_id = $1', [seance.instanceId]);
    const membres = new Set(rows.map((r) => r.id));
    const inconnus = saisie.presences.filter((p) => !membres.has(p.membreId));
    if (inconnus.length) throw invalide('Une présence concerne quelqu’un qui n’est pas membre de l’instance.', [{ champ: 'presences', message: 'Membre inconnu de l’instance' }]);
    const sansRepresentant = saisie.presences.find((p) => p.etat === 'represente' && !p.representePar);
    if (sansRepresentant) throw invalide('Indiquez par qui le membre est représenté.', [{ champ: 'presences', message: 'Représentant manquant' }]);
    for (const p of saisie.presences)
      await tx.query(
        `insert into presences (seance_id, membre_id, etat, represente_par) values ($1, $2, $3, $4)
         on conflict (seance_id, membre_id) do update set etat = excluded.etat, represente_par = excluded.represente_par`,
        [id, p.membreId, p.etat, p.etat === 'represente' ? p.representePar : null],
      );
    return { id, action: 'presences', resultat: await lireSeance(tx, id), apres: saisie };
  });
}

/** Comptes rendus are rich text from users: only harmless formatting survives. */
export function assainir(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'em', 'u', 's', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
    allowedAttributes: { a: ['href', 'title', 'rel'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    // What browsers type in an editable area (b, i, div) is kept as its semantic equivalent.
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }), b: 'strong', i: 'em', div: 'p' },
  });
}

export async function enregistrerCompteRendu(ctx: Contexte, u: Utilisateur, id: string, html: string, version: number) {
  const seance = await lireSeance(ctx.db, id);
  return changerGouvernance(ctx, u, seance.contratId, 'compte_rendu', async (tx) => {
    const propre = assainir(html);
    const { rowCount } = await tx.query(`update seances set compte_rendu = $3, version = version + 1, statut = case when statut = 'prevue' and debut < now() then 'tenue' else statut end where id = $1 and version = $2`, [id, version, propre]);
    if (!rowCount) throw conflit('Cette séance a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.', seance);
    return { id, action: 'compte_rendu', resultat: await lireSeance(tx, id), avant: { compteRendu: seance.compteRendu }, apres: { compteRendu: propre } };
  });
}

function evenement(ctx: Contexte, s: Awaited<ReturnType<typeof lireSeance>>, intituleContrat: string): EvenementSeance {
  const ordre = (s.ordreDuJour as { intitule: string; dureeMinutes: number | null }[]).map((p, i) => `${i + 1}. ${p.intitule}${p.dureeMinutes ? ` (${p.dureeMinutes} min)` : ''}`).join('\n');
  return {
    id: s.id,
    titre: `${s.instanceNom} — ${intituleContrat}`,
    debut: s.debut,
    fin: s.fin,
    lieu: [s.lieu, s.visio].filter(Boolean).join(' — ') || null,
    description: `${TYPES_INSTANCE[s.instanceType as TypeInstance] ?? s.instanceNom}\n\nOrdre du jour :\n${ordre || '(à venir)'}`,
    url: `${ctx.config.publicUrl}/seances/${s.id}`,
    sequence: s.sequence,
    annulee: s.statut === 'annulee',
  };
}

async function intituleContrat(db: Queryable, contratId: string) {
  return (await db.query('select intitule from contrats where id = $1', [contratId])).rows[0]?.intitule ?? '';
}

export async function icsSeance(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  const seance = await obtenirSeance(ctx, utilisateur, id);
  return calendrier([evenement(ctx, seance, await intituleContrat(ctx.db, seance.contratId))], seance.instanceNom);
}

/** The calendar feed of an instance, read with its secret token by calendar apps (no session). */
export async function fluxCalendrier(ctx: Contexte, jeton: string) {
  const { rows } = await ctx.db.query('select id, contrat_id as "contratId", nom from instances where jeton_calendrier = $1', [jeton]);
  if (!rows[0]) throw introuvable('Calendrier inconnu.');
  const { rows: ids } = await ctx.db.query('select id from seances where instance_id = $1 order by debut', [rows[0].id]);
  const intitule = await intituleContrat(ctx.db, rows[0].contratId);
  const seances = [];
  for (const { id } of ids) seances.push(evenement(ctx, await lireSeance(ctx.db, id), intitule));
  return calendrier(seances, `${rows[0].nom} — ${intitule}`);
}

/** Invites the instance's members (people with an e-mail, and users of member organisations), with the ICS attached. */
export async function inviter(ctx: Contexte, u: Utilisateur, id: string) {
  const seance = await lireSeance(ctx.db, id);
  await exigerSurContrat(ctx.db, u, 'modifier', seance.contratId);
  const { rows } = await ctx.db.query(
    `select distinct email from (
       select m.email from membres_instance m where m.instance_id = $1 and m.email is not null
       union select p.email from membres_instance m join personnes p on p.id = m.personne_id where m.instance_id = $1 and p.email is not null
       union select us.email from membres_instance m join personnes p on p.organisation_id = m.organisation_id join utilisateurs us on us.personne_id = p.id
         where m.instance_id = $1 and us.actif) x order by email`,
    [seance.instanceId],
  );
  if (!rows.length) throw invalide('Aucun membre de l’instance n’a d’adresse e-mail : ajoutez des membres avant d’inviter.');
  const intitule = await intituleContrat(ctx.db, seance.contratId);
  const ics = calendrier([evenement(ctx, seance, intitule)], seance.instanceNom);
  const quand = `${formaterDate(seance.debut)} à ${new Date(seance.debut).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })}`;
  const ordre = (seance.ordreDuJour as { intitule: string }[]).map((p, i) => `${i + 1}. ${p.intitule}`).join('\n');
  for (const { email } of rows) {
    await ctx.messagerie.envoyer({
      a: email,
      sujet: `Invitation : ${seance.instanceNom} du ${formaterDate(seance.debut)}`,
      texte: `Bonjour,\n\nVous êtes invité·e à la séance « ${seance.instanceNom} » du ${intitule}, le ${quand}${seance.lieu ? `, ${seance.lieu}` : ''}${seance.visio ? ` (visio : ${seance.visio})` : ''}.\n\nOrdre du jour :\n${ordre || '(à venir)'}\n\nL’invitation est jointe pour votre agenda.\n\n${ctx.config.publicUrl}/seances/${seance.id}`,
      piecesJointes: [{ nom: 'invitation.ics', contenu: ics, type: 'text/calendar; charset=utf-8; method=PUBLISH' }],
    });
    await ctx.db.query('insert into invitations (seance_id, destinataire) values ($1, $2)', [id, email]);
  }
  const invites = rows.map((r) => r.email as string);
  await auditer(ctx.db, { acteur: acteurDe(u), entiteType: 'seance', entiteId: id, action: 'invitation', apres: { invites }, contexte: { contratId: seance.contratId } });
  return { invites };
}
