import { TYPES_INSTANCE, formaterDate, type presencesSchema, type seanceSchema, type TypeInstance } from '@maillage/domain';
import sanitizeHtml from 'sanitize-html';
import type { z } from 'zod';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { publierEvenement } from '../../platform/evenements';
import { conflit, introuvable, invalide } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import { lireContrat } from '../contrats/lecture.service';
import { adressesDesMembres, nombreFichesDuContrat } from './gouvernance.queries';
import { calendrier, type EvenementSeance } from './ics';
import * as instances from './instances.repository';
import { changerGouvernance } from './instances.service';
import * as repository from './seances.repository';

type Seance = z.infer<typeof seanceSchema>;

export async function listerSeances(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  return repository.seancesDuContrat(ctx.db, contratId);
}

export async function lireSeance(db: Queryable, id: string) {
  const seance = await repository.lireSeance(db, id);
  if (!seance) throw introuvable('Cette séance n’existe pas.');
  return seance;
}

export async function obtenirSeance(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  const seance = await lireSeance(ctx.db, id);
  await exigerSurContrat(ctx.db, utilisateur, 'lire', seance.contratId);
  return seance;
}

async function verifierOrdreDuJour(tx: Queryable, contratId: string, s: Seance) {
  if (!(await instances.instanceExiste(tx, contratId, s.instanceId)))
    throw invalide('Instance inconnue dans ce contrat.', [{ champ: 'instanceId', message: 'Instance inconnue dans ce contrat' }]);
  const fiches = [...new Set(s.ordreDuJour.flatMap((p) => p.ficheIds))];
  if (fiches.length) {
    if ((await nombreFichesDuContrat(tx, contratId, fiches)) !== fiches.length)
      throw invalide('Une fiche liée à l’ordre du jour n’appartient pas au contrat.', [
        { champ: 'ordreDuJour', message: 'Fiche inconnue dans ce contrat' },
      ]);
  }
}

export const planifierSeance = (ctx: Contexte, u: Utilisateur, contratId: string, s: Seance) =>
  changerGouvernance(
    ctx,
    u,
    contratId,
    'seance',
    async (tx) => {
      await verifierOrdreDuJour(tx, contratId, s);
      const id = await repository.creerSeance(tx, contratId, s);
      await repository.ecrireOrdreDuJour(tx, id, s);
      return { id, action: 'creation', resultat: { id }, apres: s };
    },
    'seance',
  );

export async function modifierSeance(ctx: Contexte, u: Utilisateur, id: string, version: number, s: Seance) {
  const avant = await lireSeance(ctx.db, id);
  return changerGouvernance(ctx, u, avant.contratId, 'seance', async (tx) => {
    await verifierOrdreDuJour(tx, avant.contratId, s);
    // The ICS sequence grows with each change, so calendars replace the event instead of adding a second one.
    if (!(await repository.modifierSeance(tx, id, version, s)))
      throw conflit('Cette séance a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.', avant);
    await repository.ecrireOrdreDuJour(tx, id, s);
    if (s.statut === 'tenue' && avant.statut !== 'tenue') await publierSeanceTenue(tx, avant.contratId, id, s.instanceId);
    return {
      id,
      action: 'modification',
      resultat: await lireSeance(tx, id),
      avant: { debut: avant.debut, lieu: avant.lieu, statut: avant.statut },
      apres: s,
    };
  });
}

export async function enregistrerPresences(ctx: Contexte, u: Utilisateur, id: string, saisie: z.infer<typeof presencesSchema>) {
  const seance = await lireSeance(ctx.db, id);
  return changerGouvernance(ctx, u, seance.contratId, 'presences', async (tx) => {
    const membres = await instances.membresDeLInstance(tx, seance.instanceId);
    const inconnus = saisie.presences.filter((p) => !membres.has(p.membreId));
    if (inconnus.length)
      throw invalide('Une présence concerne quelqu’un qui n’est pas membre de l’instance.', [
        { champ: 'presences', message: 'Membre inconnu de l’instance' },
      ]);
    const sansRepresentant = saisie.presences.find((p) => p.etat === 'represente' && !p.representePar);
    if (sansRepresentant)
      throw invalide('Indiquez par qui le membre est représenté.', [{ champ: 'presences', message: 'Représentant manquant' }]);
    await repository.ecrirePresences(tx, id, saisie.presences);
    return { id, action: 'presences', resultat: await lireSeance(tx, id), apres: saisie };
  });
}

/** Comptes rendus are rich text from users: only harmless formatting survives. */
export function assainir(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'strong',
      'em',
      'u',
      's',
      'ul',
      'ol',
      'li',
      'h2',
      'h3',
      'h4',
      'blockquote',
      'a',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    allowedAttributes: { a: ['href', 'title', 'rel'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    // What browsers type in an editable area (b, i, div) is kept as its semantic equivalent.
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }), b: 'strong', i: 'em', div: 'p' },
  });
}

/** « seance.tenue » for the webhooks (decision 0039). */
const publierSeanceTenue = (tx: Queryable, contratId: string, seanceId: string, instanceId: string) =>
  publierEvenement(tx, { type: 'seance.tenue', contratId, donnees: { seanceId, instanceId, statut: 'tenue' } });

export async function enregistrerCompteRendu(ctx: Contexte, u: Utilisateur, id: string, html: string, version: number) {
  const seance = await lireSeance(ctx.db, id);
  return changerGouvernance(ctx, u, seance.contratId, 'compte_rendu', async (tx) => {
    const propre = assainir(html);
    if (!(await repository.ecrireCompteRendu(tx, id, version, propre)))
      throw conflit('Cette séance a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.', seance);
    const resultat = await lireSeance(tx, id);
    // Writing the minutes of a past séance marks it held.
    if (resultat.statut === 'tenue' && seance.statut !== 'tenue') await publierSeanceTenue(tx, seance.contratId, id, seance.instanceId);
    return {
      id,
      action: 'compte_rendu',
      resultat,
      avant: { compteRendu: seance.compteRendu },
      apres: { compteRendu: propre },
    };
  });
}

function evenement(ctx: Contexte, s: Awaited<ReturnType<typeof lireSeance>>, intituleContrat: string): EvenementSeance {
  const ordre = (s.ordreDuJour as { intitule: string; dureeMinutes: number | null }[])
    .map((p, i) => `${i + 1}. ${p.intitule}${p.dureeMinutes ? ` (${p.dureeMinutes} min)` : ''}`)
    .join('\n');
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
  return (await lireContrat(db, contratId))?.intitule ?? '';
}

export async function icsSeance(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  const seance = await obtenirSeance(ctx, utilisateur, id);
  return calendrier([evenement(ctx, seance, await intituleContrat(ctx.db, seance.contratId))], seance.instanceNom);
}

/** The calendar feed of an instance, read with its secret token by calendar apps (no session). */
export async function fluxCalendrier(ctx: Contexte, jeton: string) {
  const instance = await instances.instanceDuJeton(ctx.db, jeton);
  if (!instance) throw introuvable('Calendrier inconnu.');
  const intitule = await intituleContrat(ctx.db, instance.contratId);
  const seances = [];
  for (const id of await repository.seancesDeLInstance(ctx.db, instance.id))
    seances.push(evenement(ctx, await lireSeance(ctx.db, id), intitule));
  return calendrier(seances, `${instance.nom} — ${intitule}`);
}

/** Invites the instance's members (people with an e-mail, and users of member organisations), with the ICS attached. */
export async function inviter(ctx: Contexte, u: Utilisateur, id: string) {
  const seance = await lireSeance(ctx.db, id);
  await exigerSurContrat(ctx.db, u, 'modifier', seance.contratId);
  const adresses = await adressesDesMembres(ctx.db, seance.instanceId);
  if (!adresses.length) throw invalide('Aucun membre de l’instance n’a d’adresse e-mail : ajoutez des membres avant d’inviter.');
  const intitule = await intituleContrat(ctx.db, seance.contratId);
  const ics = calendrier([evenement(ctx, seance, intitule)], seance.instanceNom);
  const quand = `${formaterDate(seance.debut)} à ${new Date(seance.debut).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })}`;
  const ordre = (seance.ordreDuJour as { intitule: string }[]).map((p, i) => `${i + 1}. ${p.intitule}`).join('\n');
  for (const email of adresses) {
    await ctx.messagerie.envoyer({
      a: email,
      sujet: `Invitation : ${seance.instanceNom} du ${formaterDate(seance.debut)}`,
      texte: `Bonjour,\n\nVous êtes invité·e à la séance « ${seance.instanceNom} » du ${intitule}, le ${quand}${seance.lieu ? `, ${seance.lieu}` : ''}${seance.visio ? ` (visio : ${seance.visio})` : ''}.\n\nOrdre du jour :\n${ordre || '(à venir)'}\n\nL’invitation est jointe pour votre agenda.\n\n${ctx.config.publicUrl}/seances/${seance.id}`,
      piecesJointes: [{ nom: 'invitation.ics', contenu: ics, type: 'text/calendar; charset=utf-8; method=PUBLISH' }],
    });
    await repository.noterInvitation(ctx.db, id, email);
  }
  const invites = adresses;
  await auditer(ctx.db, {
    acteur: acteurDe(u),
    entiteType: 'seance',
    entiteId: id,
    action: 'invitation',
    apres: { invites },
    contexte: { contratId: seance.contratId },
  });
  return { invites };
}
