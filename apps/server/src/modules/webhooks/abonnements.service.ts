import { refusUrl, type StatutAbonnement } from '@maillage/domain';
import type { AbonnementCorps, AbonnementModification } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, interdit, introuvable, invalide } from '../../platform/errors';
import { nouveauSecret } from './envoi';
import { TACHE_LIVRAISON } from './livraisons.service';
import * as queries from './webhooks.queries';
import * as repository from './webhooks.repository';
import type { AbonnementLigne } from './webhooks.repository';

/** An organisation's webhook subscriptions (decision 0039): its referents and the platform admins manage them. */

const estAdmin = (u: Utilisateur) => u.habilitations.some((h) => h.role === 'admin');
const organisationsReferent = (u: Utilisateur) =>
  u.habilitations.flatMap((h) => (h.role === 'referent_organisation' ? [h.organisationId] : []));

const vue = ({ creePar, ...a }: AbonnementLigne) => a;

function exigerUrl(ctx: Contexte, url: string) {
  const reseauxPrives = ctx.config.webhooks.reseauxPrives;
  const refus = refusUrl(url, { httpLocal: reseauxPrives, reseauxPrives });
  if (refus) throw invalide(refus, [{ champ: 'url', message: refus }]);
}

async function chargerAbonnement(ctx: Contexte, utilisateur: Utilisateur, id: string, action: 'lire' | 'modifier' | 'supprimer') {
  const a = await queries.obtenirAbonnement(ctx.db, id);
  if (!a) throw introuvable('Cet abonnement n’existe pas.');
  exiger(utilisateur, action, { type: 'webhooks', organisationId: a.organisationId });
  return a;
}

export async function listerAbonnements(ctx: Contexte, utilisateur: Utilisateur, filtre: { organisationId?: string }) {
  if (filtre.organisationId) {
    exiger(utilisateur, 'lire', { type: 'webhooks', organisationId: filtre.organisationId });
    return (await queries.listerAbonnements(ctx.db, [filtre.organisationId])).map(vue);
  }
  if (estAdmin(utilisateur)) return (await queries.listerAbonnements(ctx.db, null)).map(vue);
  const organisations = organisationsReferent(utilisateur);
  if (!organisations.length) throw interdit('Seuls les référents d’une organisation gèrent ses webhooks.');
  return (await queries.listerAbonnements(ctx.db, organisations)).map(vue);
}

export async function obtenirAbonnement(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  return vue(await chargerAbonnement(ctx, utilisateur, id, 'lire'));
}

/** The subscribing organisation: the one named, or the only one the person is referent of. */
function organisationVisee(utilisateur: Utilisateur, organisationId: string | undefined): string {
  if (organisationId) return organisationId;
  const organisations = organisationsReferent(utilisateur);
  if (organisations.length === 1) return organisations[0];
  const message = 'Organisation à préciser : vous en gérez plusieurs, ou aucune.';
  if (!organisations.length && !estAdmin(utilisateur)) throw interdit('Seuls les référents d’une organisation gèrent ses webhooks.');
  throw invalide(message, [{ champ: 'organisationId', message }]);
}

async function exigerOrganisation(db: Queryable, organisationId: string) {
  if (!(await queries.organisationExiste(db, organisationId)))
    throw invalide('Organisation inconnue.', [{ champ: 'organisationId', message: 'Organisation inconnue' }]);
}

export async function creerAbonnement(ctx: Contexte, utilisateur: Utilisateur, corps: AbonnementCorps) {
  const organisationId = organisationVisee(utilisateur, corps.organisationId);
  exiger(utilisateur, 'creer', { type: 'webhooks', organisationId });
  await exigerOrganisation(ctx.db, organisationId);
  exigerUrl(ctx, corps.url);
  const secret = nouveauSecret();
  const evenements = [...new Set(corps.evenements)];
  const id = await enTransaction(ctx.db, async (tx) => {
    const id = await repository.creerAbonnement(tx, {
      organisationId,
      url: corps.url,
      evenements,
      description: corps.description ?? null,
      secret,
      creePar: utilisateur.userId,
    });
    // Never the secret in the audit log.
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'abonnement_webhook',
      entiteId: id,
      action: 'creation',
      apres: { url: corps.url, evenements },
      contexte: { organisationId },
    });
    return id;
  });
  return { ...vue((await queries.obtenirAbonnement(ctx.db, id))!), secret };
}

const ACTION_STATUT: Record<StatutAbonnement, string> = { actif: 'remise_en_service', en_pause: 'mise_en_pause' };

export async function modifierAbonnement(ctx: Contexte, utilisateur: Utilisateur, id: string, corps: AbonnementModification) {
  const avant = await chargerAbonnement(ctx, utilisateur, id, 'modifier');
  if (corps.url !== undefined) exigerUrl(ctx, corps.url);
  await enTransaction(ctx.db, async (tx) => {
    const courant = await repository.verrouillerAbonnement(tx, id);
    if (!courant) throw introuvable('Cet abonnement n’existe pas.');
    if (courant.version !== corps.version)
      throw conflit('Cet abonnement a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.', vue(avant));
    const statut = corps.statut ?? courant.statut;
    const change = statut !== courant.statut;
    const apres = {
      url: corps.url ?? avant.url,
      evenements: corps.evenements ? [...new Set(corps.evenements)] : avant.evenements,
      description: corps.description === undefined ? avant.description : (corps.description ?? null),
      statut,
      motifPause: statut === 'en_pause' ? (change ? `Mis en pause par ${utilisateur.libelle}.` : avant.motifPause) : null,
    };
    await repository.modifierAbonnement(tx, id, apres, change && statut === 'actif');
    // Paused: what was still waiting is given up (a replay sends it again once resumed).
    if (change && statut === 'en_pause') await repository.abandonnerEnAttente(tx, id);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'abonnement_webhook',
      entiteId: id,
      action: change ? ACTION_STATUT[statut] : 'modification',
      avant: { url: avant.url, evenements: avant.evenements, description: avant.description, statut: avant.statut },
      apres: { url: apres.url, evenements: apres.evenements, description: apres.description, statut },
      contexte: { organisationId: avant.organisationId },
    });
  });
  return vue((await queries.obtenirAbonnement(ctx.db, id))!);
}

export async function supprimerAbonnement(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  const avant = await chargerAbonnement(ctx, utilisateur, id, 'supprimer');
  await enTransaction(ctx.db, async (tx) => {
    await repository.supprimerAbonnement(tx, id);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'abonnement_webhook',
      entiteId: id,
      action: 'suppression',
      avant: { url: avant.url, evenements: avant.evenements },
      contexte: { organisationId: avant.organisationId },
    });
  });
}

export async function listerLivraisons(ctx: Contexte, utilisateur: Utilisateur, id: string, filtre: { page: number; parPage: number }) {
  await chargerAbonnement(ctx, utilisateur, id, 'lire');
  const [total, livraisons] = await Promise.all([
    repository.compterLivraisons(ctx.db, id),
    repository.listerLivraisons(ctx.db, id, filtre.parPage, (filtre.page - 1) * filtre.parPage),
  ]);
  return { total, livraisons };
}

/** Sends a delivery again, as a new delivery of the same event and the same body (receivers dedupe on the event id). */
export async function rejouerLivraison(ctx: Contexte, utilisateur: Utilisateur, id: string, livraisonId: string) {
  const abonnement = await chargerAbonnement(ctx, utilisateur, id, 'modifier');
  if (abonnement.statut !== 'actif') throw conflit('Cet abonnement est en pause : reprenez-le avant de relancer une livraison.');
  const origine = await repository.obtenirLivraison(ctx.db, id, livraisonId);
  if (!origine) throw introuvable('Cette livraison n’existe pas.');
  const nouvelle = await enTransaction(ctx.db, async (tx) => {
    const nouvelle = (await repository.creerLivraison(tx, {
      abonnementId: id,
      evenementId: origine.evenementId,
      type: origine.type,
      corps: origine.corps,
      rejeuDe: origine.id,
    }))!;
    await ctx.taches.envoyer(TACHE_LIVRAISON, { livraisonId: nouvelle }, tx);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'abonnement_webhook',
      entiteId: id,
      action: 'rejeu',
      apres: { livraisonId: nouvelle, rejeuDe: origine.id, type: origine.type },
      contexte: { organisationId: abonnement.organisationId },
    });
    return nouvelle;
  });
  ctx.taches.reveiller(TACHE_LIVRAISON);
  return { id: nouvelle };
}
