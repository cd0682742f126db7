import { pluriel } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { introuvable, invalide } from '../../platform/errors';
import { exigerModifiable, exigerSurContrat } from './acces';
import { exigerDateSignaturePermise, synchroniserConfirmations } from './confirmations.service';
import * as repository from './contrats.repository';

type Signataire = { organisationId: string; representant?: string | null; qualite?: string | null; dateSignature?: string | null };

/** Runs a change to a part of the contract: permission, signed-contract rule, one transaction, version bump, audit. */
export async function modifierPartie<T>(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  entite: string,
  travail: (tx: Queryable) => Promise<{ resultat: T; entiteId: string; action: string; avant?: unknown; apres?: unknown }>,
): Promise<T> {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId);
  return enTransaction(ctx.db, async (tx) => {
    // The contract's row is taken first (its version changes anyway): a signature date and the signatory's answer
    // to its confirmation request do not cross.
    await tx.query('select 1 from contrats where id = $1 for update', [contratId]);
    await exigerModifiable(tx, contratId, ref.statut);
    const r = await travail(tx);
    await repository.toucherContrat(tx, contratId);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: entite,
      entiteId: r.entiteId,
      action: r.action,
      avant: (r.avant ?? null) as never,
      apres: (r.apres ?? null) as never,
      contexte: { contratId },
    });
    return r.resultat;
  });
}

function doublon(e: unknown, message: string): never {
  if ((e as { code?: string }).code === '23505') throw invalide(message, [{ champ: 'organisationId', message }]);
  if ((e as { code?: string }).code === '23503')
    throw invalide('Organisation inconnue.', [{ champ: 'organisationId', message: 'Organisation inconnue' }]);
  throw e;
}

export const ajouterSignataire = (ctx: Contexte, u: Utilisateur, contratId: string, s: Signataire) =>
  modifierPartie(ctx, u, contratId, 'signataire', async (tx) => {
    const id = await repository
      .ajouterSignataire(tx, contratId, s)
      .catch((e) => doublon(e, 'Cette organisation est déjà signataire du contrat'));
    await synchroniserConfirmations(tx, u, contratId);
    if (s.dateSignature) await exigerDateSignaturePermise(tx, contratId, s.organisationId);
    const [organisation] = await repository.organisationsParIds(tx, [s.organisationId]);
    return { resultat: { id }, entiteId: id, action: 'creation', apres: { organisation: organisation?.nom, ...s } };
  });

export const modifierSignataire = (ctx: Contexte, u: Utilisateur, contratId: string, id: string, s: Signataire) =>
  modifierPartie(ctx, u, contratId, 'signataire', async (tx) => {
    const avant = (await repository.listerSignataires(tx, contratId)).find((x) => x.id === id);
    if (!avant) throw introuvable('Ce signataire n’existe pas.');
    await repository.modifierSignataire(tx, contratId, id, s).catch((e) => doublon(e, 'Cette organisation est déjà signataire du contrat'));
    // Another organisation in the same place is a new party: its confirmation starts over.
    await synchroniserConfirmations(tx, u, contratId);
    if (s.dateSignature) await exigerDateSignaturePermise(tx, contratId, s.organisationId);
    return {
      resultat: undefined,
      entiteId: id,
      action: 'modification',
      avant: {
        organisationId: avant.organisation.id,
        representant: avant.representant,
        qualite: avant.qualite,
        dateSignature: avant.dateSignature,
      },
      apres: s,
    };
  });

export const supprimerSignataire = (ctx: Contexte, u: Utilisateur, contratId: string, id: string) =>
  modifierPartie(ctx, u, contratId, 'signataire', async (tx) => {
    const avant = (await repository.listerSignataires(tx, contratId)).find((x) => x.id === id);
    if (!avant || !(await repository.supprimerSignataire(tx, contratId, id))) throw introuvable('Ce signataire n’existe pas.');
    await synchroniserConfirmations(tx, u, contratId);
    return {
      resultat: undefined,
      entiteId: id,
      action: 'suppression',
      avant: { organisation: avant.organisation.nom, dateSignature: avant.dateSignature },
    };
  });

export const ajouterPartenaire = (ctx: Contexte, u: Utilisateur, contratId: string, p: { organisationId: string; role?: string | null }) =>
  modifierPartie(ctx, u, contratId, 'partenaire', async (tx) => {
    const id = await repository
      .ajouterPartenaire(tx, contratId, p)
      .catch((e) => doublon(e, 'Cette organisation est déjà partenaire du contrat'));
    const [organisation] = await repository.organisationsParIds(tx, [p.organisationId]);
    return { resultat: { id }, entiteId: id, action: 'creation', apres: { organisation: organisation?.nom, ...p } };
  });

export const supprimerPartenaire = (ctx: Contexte, u: Utilisateur, contratId: string, id: string) =>
  modifierPartie(ctx, u, contratId, 'partenaire', async (tx) => {
    const avant = (await repository.listerPartenaires(tx, contratId)).find((x) => x.id === id);
    if (!avant || !(await repository.supprimerPartenaire(tx, contratId, id))) throw introuvable('Ce partenaire n’existe pas.');
    return { resultat: undefined, entiteId: id, action: 'suppression', avant: { organisation: avant.organisation.nom, role: avant.role } };
  });

// ---------- Stratégie : axes et objectifs

type Axe = { intitule: string; axePrs?: string | null; description?: string | null };
type Objectif = { intitule: string; objectifsOperationnels: string[] };

export const creerAxe = (ctx: Contexte, u: Utilisateur, contratId: string, a: Axe) =>
  modifierPartie(ctx, u, contratId, 'axe', async (tx) => {
    const id = await repository.creerAxe(tx, contratId, a);
    return { resultat: { id }, entiteId: id, action: 'creation', apres: a };
  });

export const modifierAxe = (ctx: Contexte, u: Utilisateur, contratId: string, id: string, a: Axe) =>
  modifierPartie(ctx, u, contratId, 'axe', async (tx) => {
    const avant = (await repository.listerAxes(tx, contratId)).find((x) => x.id === id);
    if (!avant) throw introuvable('Cet axe n’existe pas.');
    await repository.modifierAxe(tx, contratId, id, a);
    return {
      resultat: undefined,
      entiteId: id,
      action: 'modification',
      avant: { intitule: avant.intitule, axePrs: avant.axePrs, description: avant.description },
      apres: a,
    };
  });

export const supprimerAxe = (ctx: Contexte, u: Utilisateur, contratId: string, id: string) =>
  modifierPartie(ctx, u, contratId, 'axe', async (tx) => {
    const avant = (await repository.listerAxes(tx, contratId)).find((x) => x.id === id);
    if (!avant) throw introuvable('Cet axe n’existe pas.');
    const { rows } = await tx.query('select count(*)::int n from fiches where axe_id = $1', [id]);
    if (rows[0].n > 0)
      throw invalide(
        `Cet axe porte ${pluriel(rows[0].n, 'fiche')} : rattachez-${rows[0].n > 1 ? 'les' : 'la'} à un autre axe avant de le supprimer.`,
      );
    await repository.supprimerAxe(tx, contratId, id);
    return { resultat: undefined, entiteId: id, action: 'suppression', avant: { intitule: avant.intitule } };
  });

export const ordonnerAxes = (ctx: Contexte, u: Utilisateur, contratId: string, ids: string[]) =>
  modifierPartie(ctx, u, contratId, 'axe', async (tx) => {
    const avant = (await repository.listerAxes(tx, contratId)).map((a) => a.id);
    if (!(await repository.ordonnerAxes(tx, contratId, ids))) throw invalide('La liste doit contenir chaque axe du contrat, une fois.');
    return { resultat: undefined, entiteId: contratId, action: 'reordonnancement', avant: { ordre: avant }, apres: { ordre: ids } };
  });

async function objectifDe(tx: Queryable, contratId: string, id: string) {
  const objectif = (await repository.listerAxes(tx, contratId)).flatMap((a) => a.objectifs).find((o) => o.id === id);
  if (!objectif) throw introuvable('Cet objectif n’existe pas.');
  return { intitule: objectif.intitule, objectifsOperationnels: objectif.objectifsOperationnels };
}

export const creerObjectif = (ctx: Contexte, u: Utilisateur, contratId: string, axeId: string, o: Objectif) =>
  modifierPartie(ctx, u, contratId, 'objectif', async (tx) => {
    if (!(await repository.axeDuContrat(tx, contratId, axeId))) throw introuvable('Cet axe n’existe pas.');
    const id = await repository.creerObjectif(tx, axeId, o);
    return { resultat: { id }, entiteId: id, action: 'creation', apres: { axeId, ...o } };
  });

export const modifierObjectif = (ctx: Contexte, u: Utilisateur, contratId: string, id: string, o: Objectif) =>
  modifierPartie(ctx, u, contratId, 'objectif', async (tx) => {
    const avant = await objectifDe(tx, contratId, id);
    await repository.modifierObjectif(tx, id, o);
    return { resultat: undefined, entiteId: id, action: 'modification', avant, apres: o };
  });

export const supprimerObjectif = (ctx: Contexte, u: Utilisateur, contratId: string, id: string) =>
  modifierPartie(ctx, u, contratId, 'objectif', async (tx) => {
    const avant = await objectifDe(tx, contratId, id);
    await repository.supprimerObjectif(tx, id);
    return { resultat: undefined, entiteId: id, action: 'suppression', avant };
  });

export const ordonnerObjectifs = (ctx: Contexte, u: Utilisateur, contratId: string, axeId: string, ids: string[]) =>
  modifierPartie(ctx, u, contratId, 'objectif', async (tx) => {
    if (!(await repository.axeDuContrat(tx, contratId, axeId))) throw introuvable('Cet axe n’existe pas.');
    if (!(await repository.ordonnerObjectifs(tx, axeId, ids))) throw invalide('La liste doit contenir chaque objectif de l’axe, une fois.');
    return { resultat: undefined, entiteId: axeId, action: 'reordonnancement', apres: { ordre: ids } };
  });
