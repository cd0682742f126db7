import { can, sommerMoyens, sommerMoyensPar, type EngagementMoyensSaisie } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, interdit, introuvable, invalide } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';
import * as queries from './moyens.queries';
import { lireMoyens, type LigneMoyensLue } from './moyens.queries';
import * as repository from './moyens.repository';

/**
 * The means an organisation commits to a contract, year by year (issue 13, decision 0016). Recorded by the
 * organisation's referents (the CPAM reports what it brings) or by those who edit the contract. Like the offers of
 * service, it is the organisation's own register: a closed contract still receives it (decision 0006).
 */

const nomCourt = (l: LigneMoyensLue) => l.organisationSigle || l.organisationNom;

/** Every organisation's means on a contract, summed by organisation and by year. */
export async function moyensDuContrat(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const lignes = await lireMoyens(ctx.db, { contratId });
  return {
    lignes,
    total: sommerMoyens(lignes),
    parOrganisation: sommerMoyensPar(lignes, (l) => l.organisationId).map((g) => ({
      organisationId: g.cle,
      nom: nomCourt(lignes.find((l) => l.organisationId === g.cle)!),
      total: g.total,
    })),
    parAnnee: sommerMoyensPar(lignes, (l) => String(l.annee))
      .sort((a, b) => a.cle.localeCompare(b.cle))
      .map((g) => ({ annee: Number(g.cle), total: g.total })),
  };
}

/** An organisation's means on the contracts the reader may see, summed by contract and by year (the engagements page). */
export async function moyensDeLOrganisation(db: Queryable, organisationId: string, contratsVisibles: ReadonlySet<string>) {
  const lignes = (await lireMoyens(db, { organisationId })).filter((l) => contratsVisibles.has(l.contratId));
  return {
    lignes,
    total: sommerMoyens(lignes),
    parContrat: sommerMoyensPar(lignes, (l) => l.contratId).map((g) => ({
      contratId: g.cle,
      intitule: lignes.find((l) => l.contratId === g.cle)!.contratIntitule,
      total: g.total,
    })),
    parAnnee: sommerMoyensPar(lignes, (l) => String(l.annee))
      .sort((a, b) => a.cle.localeCompare(b.cle))
      .map((g) => ({ annee: Number(g.cle), total: g.total })),
  };
}

/** The organisation's referents, or those who edit the contract, may record its means; both must read the contract. */
async function exigerDroit(db: Queryable, utilisateur: Utilisateur, contratId: string, organisationIds: string[]) {
  const ref = await exigerSurContrat(db, utilisateur, 'lire', contratId);
  const editeur = can(utilisateur, 'modifier', { type: 'contrat', contrat: ref });
  if (!editeur && !organisationIds.every((id) => can(utilisateur, 'modifier', { type: 'organisation', id })))
    throw interdit('Seuls les référents de l’organisation et ceux qui modifient le contrat enregistrent ses moyens engagés.');
  return ref;
}

/** The links must exist: an organisation of the directory, an indicator of the catalogue, a follow-up indicator of this contract. */
async function verifierLiens(tx: Queryable, contratId: string, m: EngagementMoyensSaisie) {
  const r = await queries.liensDuMoyen(tx, contratId, {
    organisationId: m.organisationId,
    indicateurCode: m.indicateurCode ?? null,
    indicateurSuiviId: m.indicateurSuiviId ?? null,
  });
  if (!r.organisation)
    throw invalide('Organisation inconnue de l’annuaire.', [{ champ: 'organisationId', message: 'Organisation inconnue' }]);
  if (m.indicateurCode && !r.indicateur)
    throw invalide(`L’indicateur « ${m.indicateurCode} » n’est pas dans le catalogue.`, [
      { champ: 'indicateurCode', message: 'Indicateur inconnu du catalogue' },
    ]);
  if (m.indicateurSuiviId && !r.indicateurSuivi)
    throw invalide('Cet indicateur de suivi n’appartient pas à ce contrat.', [
      { champ: 'indicateurSuiviId', message: 'Indicateur de suivi inconnu dans ce contrat' },
    ]);
  return r.organisation as string;
}

export async function creerMoyen(ctx: Contexte, utilisateur: Utilisateur, contratId: string, m: EngagementMoyensSaisie) {
  exigerRecevable(await exigerDroit(ctx.db, utilisateur, contratId, [m.organisationId]), 'engagement');
  return enTransaction(ctx.db, async (tx) => {
    const organisationNom = await verifierLiens(tx, contratId, m);
    const id = await repository.creerMoyen(tx, contratId, m);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'engagement_moyens',
      entiteId: id,
      action: 'creation',
      apres: m as never,
      contexte: { contratId, organisationId: m.organisationId, organisationNom },
    });
    return { id };
  });
}

/** The stored engagement in the shape it is typed, so that the audit's before/after compare like with like. */
const saisieDe = (l: LigneMoyensLue): Record<string, unknown> => ({
  organisationId: l.organisationId,
  annee: l.annee,
  type: l.type,
  quantite: l.quantite,
  unite: l.unite,
  montantCentimes: l.montantCentimes,
  description: l.description,
  objectifs: l.objectifs,
  indicateurCode: l.indicateurCode,
  indicateurSuiviId: l.indicateurSuiviId,
});

async function existant(db: Queryable, contratId: string, id: string) {
  const ligne = await queries.moyenDuContrat(db, contratId, id);
  if (!ligne) throw introuvable('Cet engagement de moyens n’existe pas.');
  return ligne;
}

export async function modifierMoyen(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  id: string,
  version: number,
  m: EngagementMoyensSaisie,
) {
  const avant = await existant(ctx.db, contratId, id);
  await exigerDroit(ctx.db, utilisateur, contratId, [avant.organisationId, m.organisationId]);
  return enTransaction(ctx.db, async (tx) => {
    const organisationNom = await verifierLiens(tx, contratId, m);
    const nouvelle = await repository.modifierMoyen(tx, id, version, m);
    if (nouvelle === null)
      throw conflit('Cet engagement a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.', await existant(tx, contratId, id));
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'engagement_moyens',
      entiteId: id,
      action: 'modification',
      avant: saisieDe(avant),
      apres: m as never,
      contexte: { contratId, organisationId: m.organisationId, organisationNom },
    });
    return { version: nouvelle };
  });
}

export async function supprimerMoyen(ctx: Contexte, utilisateur: Utilisateur, contratId: string, id: string) {
  const avant = await existant(ctx.db, contratId, id);
  await exigerDroit(ctx.db, utilisateur, contratId, [avant.organisationId]);
  await enTransaction(ctx.db, async (tx) => {
    await repository.supprimerMoyen(tx, id);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'engagement_moyens',
      entiteId: id,
      action: 'suppression',
      avant: saisieDe(avant),
      contexte: { contratId, organisationId: avant.organisationId, organisationNom: avant.organisationNom },
    });
  });
}
