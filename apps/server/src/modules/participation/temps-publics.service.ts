import { sourceVerbatimTempsPublic, type ExtraitsTempsPublic, type TempsPublicSaisi } from '@maillage/domain';
import type { TempsPublic } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, introuvable, invalide } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import { creerVerbatimsDepuisSource } from '../diagnostics/qualitatif.service';
import { nommerTerritoires, trouverTerritoire } from '../territoires/territoires.service';
import * as repository from './temps-publics.repository';

/**
 * Temps publics of a contract (issue 20, point 2): public meetings, forums and health days with their audience,
 * speakers and synthesis. Recording them is part of the contract's work: the right to edit the contract.
 */

async function avecCommunes(ctx: Contexte, lignes: Omit<TempsPublic, 'communeNom'>[]): Promise<TempsPublic[]> {
  const codes = [...new Set(lignes.map((l) => l.communeCode).filter((c): c is string => !!c))];
  const noms = new Map((await nommerTerritoires(ctx, 'commune', codes)).map((c) => [c.code, c.nom]));
  return lignes.map((l) => ({ ...l, communeNom: l.communeCode ? (noms.get(l.communeCode) ?? null) : null }));
}

async function communeConnue(db: Queryable, t: TempsPublicSaisi) {
  if (t.communeCode && !(await trouverTerritoire(db, 'commune', t.communeCode)))
    throw invalide(`La commune ${t.communeCode} n’existe pas dans le référentiel géographique.`, [
      { champ: 'communeCode', message: 'Commune inconnue du référentiel' },
    ]);
}

export async function listerTempsPublics(ctx: Contexte, u: Utilisateur | null, contratId: string): Promise<TempsPublic[]> {
  await exigerSurContrat(ctx.db, u, 'lire', contratId);
  return avecCommunes(ctx, await repository.lister(ctx.db, contratId));
}

export async function lireTempsPublic(ctx: Contexte, u: Utilisateur | null, contratId: string, id: string): Promise<TempsPublic> {
  await exigerSurContrat(ctx.db, u, 'lire', contratId);
  const t = await repository.lire(ctx.db, contratId, id);
  if (!t) throw introuvable('Ce temps public n’existe pas.');
  return (await avecCommunes(ctx, [t]))[0]!;
}

async function journaliser(
  tx: Queryable,
  u: Utilisateur,
  contratId: string,
  id: string,
  action: string,
  avant: { intitule: string; [champ: string]: unknown } | null,
  apres: { intitule: string; [champ: string]: unknown } | null,
) {
  await auditer(tx, {
    acteur: acteurDe(u),
    entiteType: 'temps_public',
    entiteId: id,
    action,
    avant: (avant ?? null) as never,
    apres: (apres ?? null) as never,
    // The diff holds only what changed: the journal names the temps public from its context.
    contexte: { contratId, intitule: (apres ?? avant)?.intitule },
  });
}

export async function creerTempsPublic(ctx: Contexte, u: Utilisateur, contratId: string, t: TempsPublicSaisi) {
  await exigerSurContrat(ctx.db, u, 'modifier', contratId);
  await communeConnue(ctx.db, t);
  const id = await enTransaction(ctx.db, async (tx) => {
    const id = await repository.creer(tx, contratId, t);
    await journaliser(tx, u, contratId, id, 'creation', null, t);
    return id;
  });
  return lireTempsPublic(ctx, u, contratId, id);
}

/** A stale version gets 409 with the current state: nothing written over somebody else's change. */
export async function modifierTempsPublic(
  ctx: Contexte,
  u: Utilisateur,
  contratId: string,
  id: string,
  version: number,
  t: TempsPublicSaisi,
) {
  await exigerSurContrat(ctx.db, u, 'modifier', contratId);
  await communeConnue(ctx.db, t);
  await enTransaction(ctx.db, async (tx) => {
    const avant = await repository.lire(tx, contratId, id);
    if (!avant) throw introuvable('Ce temps public n’existe pas.');
    if (!(await repository.modifier(tx, contratId, id, version, t)))
      throw conflit(
        'Ce temps public a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.',
        (await avecCommunes(ctx, [avant]))[0],
      );
    const { id: _i, version: _v, nombreVerbatims: _n, ...anciens } = avant;
    await journaliser(tx, u, contratId, id, 'modification', anciens, t);
  });
  return lireTempsPublic(ctx, u, contratId, id);
}

/** Its verbatims stay in the diagnostic, without the link (what was said was said). */
export async function supprimerTempsPublic(ctx: Contexte, u: Utilisateur, contratId: string, id: string) {
  await exigerSurContrat(ctx.db, u, 'modifier', contratId);
  await enTransaction(ctx.db, async (tx) => {
    const avant = await repository.lire(tx, contratId, id);
    if (!avant || !(await repository.supprimer(tx, contratId, id))) throw introuvable('Ce temps public n’existe pas.');
    await journaliser(tx, u, contratId, id, 'suppression', { intitule: avant.intitule, dateTenue: avant.dateTenue }, null);
  });
}

/**
 * The outputs of a temps public become verbatims of the diagnostic (its service checks the right and audits each),
 * with the temps public as source, its date and commune; the link to the temps public commits with them.
 */
export async function verserExtraits(ctx: Contexte, u: Utilisateur, contratId: string, id: string, e: ExtraitsTempsPublic) {
  const t = await lireTempsPublic(ctx, u, contratId, id);
  const source = sourceVerbatimTempsPublic(t);
  const verbatims = await enTransaction(ctx.db, async (tx) => {
    const ids = await creerVerbatimsDepuisSource(
      tx,
      u,
      contratId,
      e.extraits.map((x) => ({ texte: x.texte, locuteur: x.locuteur, source, dateRecueil: t.dateTenue, communeCode: t.communeCode })),
    );
    await repository.lierVerbatims(tx, id, ids);
    await journaliser(tx, u, contratId, id, 'verbatims', null, { intitule: t.intitule, verbatimsCrees: ids.length });
    return ids;
  });
  return { verbatims };
}
