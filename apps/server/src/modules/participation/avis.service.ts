import { createHash } from 'node:crypto';
import { can, DEPOTS_AVIS_PAR_HEURE, dureeLisible, estPiege, type DepotAvis, type ModerationAvis, type StatutAvis } from '@maillage/domain';
import type { AvisAModerer, AvisPublic, AvisRecu } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { conflit, ErreurMetier, introuvable, invalide } from '../../platform/errors';
import { exigerSurContrat, referenceContrat } from '../contrats/acces';
import * as lecture from './avis.queries';
import * as repository from './avis.repository';

/**
 * Avis des habitants on a published contract or fiche (issue 20, point 3). Anyone may send one, without an account;
 * nothing of it is public until the contract's coordination (or its ARS: who may publish the contract) publishes it.
 * The sender's address is never stored with the opinion: only a hash of it counts submissions, in another table.
 */

const MERCI: AvisRecu = {
  message: 'Merci, votre avis a bien été reçu. Il sera publié après relecture par la coordination du contrat.',
};
const HABITANT = { id: null, libelle: 'Un habitant (sans compte)' };

/** The contract if it is published; otherwise 404, as for an unknown one (its existence is not disclosed). */
async function exigerPublie(ctx: Contexte, contratId: string) {
  const ref = await referenceContrat(ctx.db, contratId).catch((e) => {
    if (e instanceof ErreurMetier) return null;
    throw e;
  });
  if (!ref || !can(null, 'lire', { type: 'contrat', contrat: ref })) throw introuvable('Ce contrat n’existe pas ou n’est pas publié.');
  return ref;
}

/** Published opinions only, with their public answers: never a contact, a pending or a rejected opinion. */
export async function avisPublics(ctx: Contexte, contratId: string, ficheId: string | null = null): Promise<AvisPublic[]> {
  await exigerPublie(ctx, contratId);
  return lecture.avisPublies(ctx.db, contratId, ficheId);
}

/** Hashed so that the counter table holds no address in clear; salted with the instance so it is not a rainbow lookup. */
const empreinteClient = (ctx: Contexte, ip: string) => createHash('sha256').update(`${ctx.config.publicUrl}|avis|${ip}`).digest('hex');

export async function deposerAvis(ctx: Contexte, contratId: string, d: DepotAvis, client: { ip: string }): Promise<AvisRecu> {
  await exigerPublie(ctx, contratId);
  const { depots, reste } = await repository.compterDepot(ctx.db, 'avis', empreinteClient(ctx, client.ip));
  if (depots > DEPOTS_AVIS_PAR_HEURE)
    throw new ErreurMetier(
      429,
      'Trop d’avis envoyés',
      `Vous avez déjà envoyé ${DEPOTS_AVIS_PAR_HEURE} avis dans l’heure depuis cette connexion. Réessayez dans ${dureeLisible(reste)}.`,
      {},
      { 'retry-after': String(Math.max(1, Math.ceil(reste))) },
    );
  // A robot filled the hidden field: it gets the same answer, and nothing is kept.
  if (estPiege(d)) return MERCI;
  if (d.ficheId && !(await lecture.ficheDuContrat(ctx.db, contratId, d.ficheId)))
    throw invalide('Cette action n’appartient pas à ce contrat.', [{ champ: 'ficheId', message: 'Action inconnue dans ce contrat' }]);
  await enTransaction(ctx.db, async (tx) => {
    const id = await repository.deposer(tx, contratId, d);
    // The contact is not copied into the journal: the audit log is read by more people than the moderators.
    await auditer(tx, {
      acteur: HABITANT,
      entiteType: 'avis',
      entiteId: id,
      action: 'depot',
      apres: { nature: d.nature, texte: d.texte, ficheId: d.ficheId ?? null },
      contexte: { contratId },
    });
  });
  return MERCI;
}

/** The contract's opinions for its moderators, contact included. */
export async function avisAModerer(ctx: Contexte, u: Utilisateur, contratId: string, statut: StatutAvis | null): Promise<AvisAModerer[]> {
  await exigerSurContrat(ctx.db, u, 'publier', contratId);
  return lecture.avisDuContrat(ctx.db, contratId, statut);
}

/** Publish (with an optional public answer) or reject with a reason; a stale version gets 409 with the current state. */
export async function modererAvis(ctx: Contexte, u: Utilisateur, contratId: string, id: string, m: ModerationAvis): Promise<AvisAModerer> {
  await exigerSurContrat(ctx.db, u, 'publier', contratId);
  await enTransaction(ctx.db, async (tx) => {
    const avant = await lecture.lireAvis(tx, contratId, id);
    if (!avant) throw introuvable('Cet avis n’existe pas.');
    const dejaPublie = avant.statut === 'publie';
    const apres =
      m.decision === 'publier'
        ? { statut: 'publie' as const, motifRejet: null, reponse: m.reponse || null }
        : { statut: 'rejete' as const, motifRejet: m.motif!, reponse: null };
    if (!(await repository.moderer(tx, id, m.version, apres)))
      throw conflit('Cet avis a été modéré par quelqu’un d’autre depuis que vous l’avez ouvert.', avant);
    await auditer(tx, {
      acteur: acteurDe(u),
      entiteType: 'avis',
      entiteId: id,
      action: m.decision === 'rejeter' ? 'rejet' : dejaPublie ? 'reponse' : 'publication',
      avant: { statut: avant.statut, reponse: avant.reponse, motifRejet: avant.motifRejet },
      apres,
      // The diff holds only what changed: the journal names the opinion by its text, from the context.
      contexte: { contratId, texte: avant.texte },
    });
  });
  return (await lecture.lireAvis(ctx.db, contratId, id))!;
}
