import {
  can,
  empechementsPublication,
  LIBELLES_CONFIRMATION,
  LIBELLES_ROLE_PARTIE,
  parlePour,
  refusDateSignature,
  roleDe,
  type RolePartie,
  type StatutConfirmation,
} from '@maillage/domain';
import { auditer, SYSTEME, type Acteur } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, ErreurMetier, introuvable } from '../../platform/errors';
import * as repository from './confirmations.repository';

/** A business rule the request breaks although well formed: 422, with the field it concerns. */
export const nonConfirme = (detail: string, champ: string) =>
  new ErreurMetier(422, 'Confirmation requise', detail, { erreurs: [{ champ, message: detail }] });

const role = (r: RolePartie) => LIBELLES_ROLE_PARTIE[r];

async function intitule(db: Queryable, contratId: string): Promise<string> {
  const { rows } = await db.query('select intitule from contrats where id = $1', [contratId]);
  return rows[0]?.intitule ?? '';
}

/**
 * Brings the confirmation requests in line with the parties the contract names now: a new party gets a request
 * (confirmed at once when the acting user speaks for it), a party no longer named loses its request, so naming it
 * again asks again. Call inside the transaction that changed the parties, after the change.
 * `toutConfirmer`: the demo data, taken from published sources, is confirmed as loaded.
 */
export async function synchroniserConfirmations(
  tx: Queryable,
  utilisateur: Utilisateur | null,
  contratId: string,
  toutConfirmer = false,
): Promise<void> {
  const acteur: Acteur = utilisateur ? acteurDe(utilisateur) : SYSTEME;
  const titre = await intitule(tx, contratId);
  const parties = await repository.partiesDuContrat(tx, contratId);
  for (const p of parties.filter((x) => x.id === null)) {
    const statut: StatutConfirmation = toutConfirmer || parlePour(utilisateur, p.organisation) ? 'confirme' : 'a_confirmer';
    const id = await repository.demander(tx, contratId, p.organisation.id, p.role, statut, acteur);
    const phrase =
      statut === 'confirme'
        ? `a nommé ${p.organisation.nom} comme ${role(p.role)} du contrat « ${titre} », rôle confirmé d’office (${toutConfirmer ? 'données de démonstration' : 'son auteur parle pour cette organisation'})`
        : `a demandé à ${p.organisation.nom} de confirmer son rôle ${roleDe(p.role)} du contrat « ${titre} »`;
    await auditer(tx, {
      acteur,
      entiteType: 'confirmation',
      entiteId: id,
      action: 'demande',
      apres: { organisation: p.organisation.nom, role: p.role, statut },
      contexte: { contratId, organisationId: p.organisation.id, phrase },
    });
  }
  const nommees = new Set(parties.map((p) => `${p.organisation.id}:${p.role}`));
  for (const c of await repository.confirmationsDuContrat(tx, contratId)) {
    if (nommees.has(`${c.organisation.id}:${c.role}`)) continue;
    await repository.supprimer(tx, c.id);
    await auditer(tx, {
      acteur,
      entiteType: 'confirmation',
      entiteId: c.id,
      action: 'annulation',
      avant: { organisation: c.organisation.nom, role: c.role, statut: c.statut },
      contexte: {
        contratId,
        organisationId: c.organisation.id,
        phrase: `a retiré ${c.organisation.nom} comme ${role(c.role)} du contrat « ${titre} » : sa confirmation est effacée`,
      },
    });
  }
}

/** The contract's parties with their confirmation, and why it cannot be published (empty: it can). */
export async function etatPublication(db: Queryable, contratId: string) {
  const confirmations = await repository.confirmationsDuContrat(db, contratId);
  const { rows } = await db.query(
    `select coalesce(json_agg(json_build_object('code', t.code, 'nom', t.nom) order by t.nom), '[]') as regions
     from contrats c join territoires t on t.type = 'region' and t.code = any(c.regions) where c.id = $1`,
    [contratId],
  );
  return { confirmations, empechements: empechementsPublication(rows[0].regions, confirmations) };
}

/** Refuses to publish while the ARS of each region has not confirmed (422 naming what is missing). */
export async function exigerPubliable(db: Queryable, contratId: string): Promise<void> {
  const { empechements } = await etatPublication(db, contratId);
  if (empechements.length) throw nonConfirme(`Publication impossible : ${empechements.join(' ')}`, 'publie');
}

/** A signature date is recorded only for a signatory that has confirmed being one. */
export async function exigerDateSignaturePermise(db: Queryable, contratId: string, organisationId: string): Promise<void> {
  const c = (await repository.confirmationsDuContrat(db, contratId)).find(
    (x) => x.organisation.id === organisationId && x.role === 'signataire',
  );
  const raison = c ? refusDateSignature(c.organisation.nom, c.statut) : null;
  if (raison) throw nonConfirme(`Date de signature refusée : ${raison}`, 'dateSignature');
}

/** The requests addressed to the organisations the user speaks for; pending ones first. */
export async function listerDemandes(ctx: Contexte, utilisateur: Utilisateur, statut: StatutConfirmation | null) {
  const h = utilisateur.habilitations;
  const lignes = await repository.demandesPour(ctx.db, {
    organisations: [
      ...(utilisateur.organisationId ? [utilisateur.organisationId] : []),
      ...h.flatMap((x) => (x.role === 'referent_organisation' ? [x.organisationId] : [])),
    ],
    regionsArs: h.flatMap((x) => (x.role === 'ars_regional' ? [x.regionCode] : [])),
    statut,
  });
  return lignes
    .filter((l) => can(utilisateur, 'valider', { type: 'confirmation', organisation: l.organisation }))
    .map((l) => ({ ...l, roleLibelle: role(l.role), statutLibelle: LIBELLES_CONFIRMATION[l.statut as StatutConfirmation] }));
}

/**
 * The organisation's answer. Accepting or refusing again changes the answer (an ARS may withdraw); a refusal that
 * leaves a published contract without its confirmed ARS withdraws the publication in the same transaction.
 */
export async function repondreDemande(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  decision: 'acceptation' | 'refus',
  motif: string | null,
) {
  const lue = await repository.obtenir(ctx.db, id);
  if (!lue || !can(utilisateur, 'lire', { type: 'confirmation', organisation: lue.organisation }))
    throw introuvable('Cette demande de confirmation n’existe pas.');
  exiger(utilisateur, 'valider', { type: 'confirmation', organisation: lue.organisation });
  const statut: StatutConfirmation = decision === 'acceptation' ? 'confirme' : 'refuse';
  return enTransaction(ctx.db, async (tx) => {
    // The contract's row first, as a publication does: an answer and a publication racing each other are serialised,
    // so a refusal always sees the publication it must withdraw, and a publication the refusal it must respect.
    await tx.query('select 1 from contrats where id = $1 for update', [lue.contratId]);
    const c = await repository.obtenir(tx, id, true);
    if (!c) throw introuvable('Cette demande de confirmation n’existe pas.');
    if (c.statut === statut) throw conflit(`Cette demande est déjà ${statut === 'confirme' ? 'acceptée' : 'refusée'}.`);
    const motifRetenu = statut === 'refuse' ? motif?.trim() || null : null;
    await repository.repondre(tx, id, statut, motifRetenu, acteurDe(utilisateur));
    const titre = await intitule(tx, c.contratId);
    const phrase =
      statut === 'confirme'
        ? `a confirmé, pour ${c.organisation.nom}, son rôle ${roleDe(c.role)} du contrat « ${titre} »`
        : `a refusé, pour ${c.organisation.nom}, le rôle ${roleDe(c.role)} du contrat « ${titre} »${motifRetenu ? ` (motif : ${motifRetenu})` : ''}`;
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'confirmation',
      entiteId: id,
      action: decision,
      avant: { statut: c.statut, motif: c.motif },
      apres: { statut, motif: motifRetenu },
      contexte: { contratId: c.contratId, organisationId: c.organisation.id, organisation: c.organisation.nom, role: c.role, phrase },
    });
    let depublie = false;
    if (
      statut === 'refuse' &&
      c.role === 'ars' &&
      (await etatPublication(tx, c.contratId)).empechements.length &&
      (await repository.depublier(tx, c.contratId))
    ) {
      depublie = true;
      await auditer(tx, {
        acteur: acteurDe(utilisateur),
        entiteType: 'contrat',
        entiteId: c.contratId,
        action: 'depublication',
        avant: { publie: true },
        apres: { publie: false },
        contexte: { phrase: `a retiré la publication du contrat « ${titre} » : ${c.organisation.nom} a refusé d’en être l’ARS` },
      });
    }
    return { statut, statutLibelle: LIBELLES_CONFIRMATION[statut], depublie };
  });
}
