import type { ApportContrat, courrielMembreSchema, instanceSchema, membreInstanceSchema, QualiteMembre } from '@maillage/domain';
import type { z } from 'zod';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { introuvable, invalide } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';
import { destinatairesDuMembre, instancesDuContrat } from './gouvernance.queries';
import * as repository from './instances.repository';

type Instance = z.infer<typeof instanceSchema>;
type Membre = z.infer<typeof membreInstanceSchema>;

/**
 * Runs a governance change: the right to edit the contract, one transaction, an audit event tied to the contract.
 * `apport` names what a creation adds, so that a closed contract refuses it (decision 0006).
 */
export async function changerGouvernance<T>(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  entite: string,
  travail: (tx: Queryable) => Promise<{ id: string; action: string; resultat: T; avant?: unknown; apres?: unknown }>,
  apport?: ApportContrat,
): Promise<T> {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId);
  if (apport) exigerRecevable(ref, apport);
  return enTransaction(ctx.db, async (tx) => {
    const r = await travail(tx);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: entite,
      entiteId: r.id,
      action: r.action,
      avant: (r.avant ?? null) as never,
      apres: (r.apres ?? null) as never,
      contexte: { contratId },
    });
    return r.resultat;
  });
}

export async function listerInstances(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  return instancesDuContrat(ctx.db, contratId);
}

/** The secret calendar link of an instance: only people who may edit the contract see it. */
export async function lienCalendrier(ctx: Contexte, utilisateur: Utilisateur, contratId: string, instanceId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId);
  const jeton = await repository.jetonCalendrier(ctx.db, contratId, instanceId);
  if (!jeton) throw introuvable('Cette instance n’existe pas.');
  return { url: `${ctx.config.publicUrl}/api/calendriers/${jeton}.ics` };
}

export const creerInstance = (ctx: Contexte, u: Utilisateur, contratId: string, i: Instance) =>
  changerGouvernance(
    ctx,
    u,
    contratId,
    'instance',
    async (tx) => {
      const id = await repository.creerInstance(tx, contratId, i);
      return { id, action: 'creation', resultat: { id }, apres: i };
    },
    'instance',
  );

export const modifierInstance = (ctx: Contexte, u: Utilisateur, contratId: string, id: string, i: Instance) =>
  changerGouvernance(ctx, u, contratId, 'instance', async (tx) => {
    if (!(await repository.modifierInstance(tx, contratId, id, i))) throw introuvable('Cette instance n’existe pas.');
    return { id, action: 'modification', resultat: undefined, apres: i };
  });

export const supprimerInstance = (ctx: Contexte, u: Utilisateur, contratId: string, id: string) =>
  changerGouvernance(ctx, u, contratId, 'instance', async (tx) => {
    if (!(await repository.supprimerInstance(tx, contratId, id))) throw introuvable('Cette instance n’existe pas.');
    return { id, action: 'suppression', resultat: undefined };
  });

async function instanceDuContrat(tx: Queryable, contratId: string, instanceId: string) {
  if (!(await repository.instanceExiste(tx, contratId, instanceId))) throw introuvable('Cette instance n’existe pas.');
}

export const ajouterMembre = (ctx: Contexte, u: Utilisateur, contratId: string, instanceId: string, m: Membre) =>
  changerGouvernance(
    ctx,
    u,
    contratId,
    'membre_instance',
    async (tx) => {
      await instanceDuContrat(tx, contratId, instanceId);
      const id = await repository.ajouterMembre(tx, instanceId, m).catch((e) => {
        if (e.code === '23503')
          throw invalide('Organisation ou personne inconnue.', [{ champ: 'organisationId', message: 'Organisation ou personne inconnue' }]);
        throw e;
      });
      return { id, action: 'creation', resultat: { id }, apres: { instanceId, ...m } };
    },
    'membre_instance',
  );

export const retirerMembre = (ctx: Contexte, u: Utilisateur, contratId: string, instanceId: string, membreId: string) =>
  changerGouvernance(ctx, u, contratId, 'membre_instance', async (tx) => {
    await instanceDuContrat(tx, contratId, instanceId);
    const membre = await repository.situationMembre(tx, instanceId, membreId);
    if (!membre) throw introuvable('Ce membre n’existe pas.');
    // Someone who sat in past séances leaves the instance with an end date: their attendance is history, kept.
    if (membre.aSiege) {
      await repository.finirMandat(tx, membreId);
      return { id: membreId, action: 'fin_mandat', resultat: undefined, avant: { fin: membre.fin } };
    }
    await repository.supprimerMembre(tx, membreId);
    return { id: membreId, action: 'suppression', resultat: undefined };
  });

/** Gives (or removes) the address a member's invitations also go to: a member without an account can be invited. */
export const changerCourrielMembre = (
  ctx: Contexte,
  u: Utilisateur,
  contratId: string,
  instanceId: string,
  membreId: string,
  c: z.infer<typeof courrielMembreSchema>,
) =>
  changerGouvernance(ctx, u, contratId, 'membre_instance', async (tx) => {
    await instanceDuContrat(tx, contratId, instanceId);
    const avant = await repository.courrielMembre(tx, instanceId, membreId);
    if (!avant) throw introuvable('Ce membre n’existe pas.');
    await repository.changerCourrielMembre(tx, membreId, c.email ?? null);
    const destinataires = await destinatairesDuMembre(tx, membreId);
    return {
      id: membreId,
      action: 'courriel_invitation',
      resultat: { email: c.email ?? null, destinataires },
      avant: { email: avant.email },
      apres: { email: c.email ?? null },
    };
  });

/** Says what a member is: a représentant des usagers is then counted in the séances' attendance. */
export const changerQualiteMembre = (
  ctx: Contexte,
  u: Utilisateur,
  contratId: string,
  instanceId: string,
  membreId: string,
  qualite: QualiteMembre | null,
) =>
  changerGouvernance(ctx, u, contratId, 'membre_instance', async (tx) => {
    await instanceDuContrat(tx, contratId, instanceId);
    const avant = await repository.changerQualiteMembre(tx, instanceId, membreId, qualite);
    if (!avant) throw introuvable('Ce membre n’existe pas.');
    return { id: membreId, action: 'qualite', resultat: { qualite }, avant: { qualite: avant.avant }, apres: { qualite } };
  });
