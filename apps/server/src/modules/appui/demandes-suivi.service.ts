import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Tx } from '../../platform/database';
import { conflit, interdit, introuvable, invalide } from '../../platform/errors';
import { REFUS_NOMINATIF } from './acces-appui';
import * as queries from './appui.queries';
import { lireLigneDemande, VERSION_PERIMEE, type LigneDemande } from './demandes.service';
import { membresDe } from './equipes.service';
import { accesDemande } from '@maillage/domain';

/** What follows a request: its référent, the first contact (the delay is measured from it), a request without follow-up. */

async function exigerDemande(tx: Tx, utilisateur: Utilisateur, id: string, version: number) {
  const d = await lireLigneDemande(tx, id, true);
  if (!d) throw introuvable('Cette demande n’existe pas.');
  const membres = await membresDe(tx, utilisateur.userId);
  const acces = accesDemande(utilisateur.userId, membres, d);
  if (acces === 'aucun') throw interdit(REFUS_NOMINATIF);
  if (d.version !== version) throw conflit(VERSION_PERIMEE);
  return { d, membres, acces };
}

async function tracer(tx: Tx, utilisateur: Utilisateur, d: LigneDemande, action: string, avant: object | null, apres: object) {
  await auditer(tx, {
    acteur: acteurDe(utilisateur),
    entiteType: 'demande_appui',
    entiteId: d.id,
    action,
    avant: avant as Record<string, unknown> | null,
    apres: apres as Record<string, unknown>,
    contexte: { numero: d.numero },
  });
}

/** The coordination names the référent; a case manager may also take an unassigned request for themself. */
export async function designerReferent(ctx: Contexte, utilisateur: Utilisateur, id: string, referentId: string, version: number) {
  return enTransaction(ctx.db, async (tx) => {
    const { d, membres } = await exigerDemande(tx, utilisateur, id, version);
    const role = membres.find((m) => m.organisationId === d.organisationId)?.role;
    const seSaisit = referentId === utilisateur.userId && d.referentId === null;
    if (role !== 'coordinateur_appui' && !seSaisit)
      throw interdit('La coordination de l’équipe désigne le référent ; un membre peut prendre une demande qui n’en a pas.');
    const cible = await membresDe(tx, referentId);
    if (!cible.some((m) => m.organisationId === d.organisationId))
      throw invalide('Le référent doit être membre de l’équipe.', [{ champ: 'referentId', message: 'Pas membre de l’équipe' }]);
    await tx.query('update appui_demandes set referent_id = $2, referent_le = now(), version = version + 1 where id = $1', [
      id,
      referentId,
    ]);
    // The case opened from it follows its référent, unless it has its own.
    await tx.query('update appui_situations set referent_id = $2, version = version + 1 where demande_id = $1 and referent_id is null', [
      id,
      referentId,
    ]);
    const noms = await queries.libellesUtilisateurs(tx, [d.referentId, referentId]);
    await tracer(tx, utilisateur, d, 'referent', d.referentId ? { referent: noms.get(d.referentId) } : null, {
      referent: noms.get(referentId),
    });
    return { id, numero: d.numero, version: d.version + 1 };
  });
}

/** The first contact with the requester or the person: the delay from reception is what the team is measured on. */
export async function noterPremierContact(ctx: Contexte, utilisateur: Utilisateur, id: string, le: string | undefined, version: number) {
  return enTransaction(ctx.db, async (tx) => {
    const { d, acces } = await exigerDemande(tx, utilisateur, id, version);
    if (acces !== 'complet') throw interdit('Seuls le référent et la coordination notent le premier contact.');
    const quand = le ? new Date(le) : new Date();
    if (quand.getTime() < new Date(d.recueLe).getTime() || quand.getTime() > Date.now() + 60_000)
      throw invalide('Le premier contact se situe entre la réception de la demande et maintenant.', [
        { champ: 'le', message: 'Date hors de la période possible' },
      ]);
    await tx.query('update appui_demandes set premier_contact_le = $2, version = version + 1 where id = $1', [id, quand.toISOString()]);
    await tracer(
      tx,
      utilisateur,
      d,
      'premier_contact',
      { premierContactLe: d.premierContactLe },
      { premierContactLe: quand.toISOString() },
    );
    return { id, numero: d.numero, version: d.version + 1 };
  });
}

/** A request that needs no case (an answer given on the phone, a wrong door): closed without follow-up. */
export async function classerSansSuite(ctx: Contexte, utilisateur: Utilisateur, id: string, version: number) {
  return enTransaction(ctx.db, async (tx) => {
    const { d, acces } = await exigerDemande(tx, utilisateur, id, version);
    if (acces !== 'complet') throw interdit('Seuls le référent et la coordination classent une demande.');
    if (d.statut !== 'recue') throw conflit('Cette demande a déjà une suite.');
    await tx.query(`update appui_demandes set statut = 'sans_suite', version = version + 1 where id = $1`, [id]);
    await tracer(tx, utilisateur, d, 'statut', { statut: d.statut }, { statut: 'sans_suite' });
    return { id, numero: d.numero, version: d.version + 1 };
  });
}
