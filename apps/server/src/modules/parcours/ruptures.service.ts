import { transitionRupture, type StatutRupture } from '@maillage/domain';
import type { RuptureCorps, RuptureModification } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, introuvable, invalide } from '../../platform/errors';
import * as queries from './parcours.queries';
import * as repository from './parcours.repository';
import { exigerSurParcours } from './parcours.service';
import { verifierPreuves, vuesRuptures } from './preuves';

/**
 * Ruptures of a parcours (issue 17 item 5): on a step or between two, with their evidence, publics, severity, the
 * fiche-action treating them and a status that follows the domain's transitions (packages/domain/src/parcours).
 */

const VERSION_RUPTURE = 'Cette rupture a été modifiée entre-temps : rechargez-la avant d’enregistrer.';

type Sujet = Utilisateur | null;

async function rupture(db: Queryable, parcoursId: string, id: string, verrouiller = false) {
  const r = await queries.lireRupture(db, parcoursId, id, verrouiller);
  if (!r) throw introuvable('Cette rupture n’existe pas dans ce parcours.');
  return r;
}

/** The steps must be this parcours' own, the fiche one of the contract's fiches-action. */
async function verifierLiens(db: Queryable, parcours: queries.ParcoursLu, r: repository.RuptureEcrite) {
  const etapes = new Set((await queries.etapesDuParcours(db, parcours.id)).map((e) => e.id));
  if (!etapes.has(r.etapeId)) throw invalide('Cette étape n’est pas dans ce parcours.', [{ champ: 'etapeId', message: 'Étape inconnue' }]);
  if (r.versEtapeId && !etapes.has(r.versEtapeId))
    throw invalide('L’étape d’arrivée n’est pas dans ce parcours.', [{ champ: 'versEtapeId', message: 'Étape inconnue' }]);
  if (r.versEtapeId === r.etapeId)
    throw invalide('Une rupture entre deux étapes relie deux étapes différentes.', [{ champ: 'versEtapeId', message: 'Même étape' }]);
  if (r.ficheId && !(await queries.fichesDuContrat(db, parcours.contratId, [r.ficheId])).length)
    throw invalide('Cette fiche n’est pas une fiche-action de ce contrat.', [{ champ: 'ficheId', message: 'Fiche hors contrat' }]);
  await verifierPreuves(db, parcours.contratId, r.preuves);
}

const trace = (r: repository.RuptureEcrite | queries.RuptureLue) => ({
  description: r.description,
  etapeId: r.etapeId,
  versEtapeId: r.versEtapeId,
  preuves: r.preuves.length,
  publics: r.publics,
  gravite: r.gravite,
  ficheId: r.ficheId,
});

export async function listerRuptures(ctx: Contexte, utilisateur: Sujet, parcoursId: string, statut?: StatutRupture) {
  const { parcours } = await exigerSurParcours(ctx.db, utilisateur, 'lire', parcoursId);
  return vuesRuptures(ctx.db, parcours.contratId, await queries.rupturesDuParcours(ctx.db, parcoursId, statut));
}

async function vueRupture(db: Queryable, contratId: string, parcoursId: string, id: string) {
  const [vue] = await vuesRuptures(db, contratId, [await rupture(db, parcoursId, id)]);
  return vue!;
}

export async function creerRupture(ctx: Contexte, utilisateur: Utilisateur, parcoursId: string, saisie: RuptureCorps) {
  return enTransaction(ctx.db, async (tx) => {
    const { parcours } = await exigerSurParcours(tx, utilisateur, 'modifier', parcoursId, { verrouiller: true });
    await verifierLiens(tx, parcours, saisie);
    const { id } = await repository.creerRupture(tx, parcoursId, saisie);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'rupture_parcours',
      entiteId: id,
      action: 'creation',
      apres: { ...trace(saisie), statut: 'signalee' },
      contexte: { contratId: parcours.contratId, parcoursId, parcours: parcours.titre },
    });
    return vueRupture(tx, parcours.contratId, parcoursId, id);
  });
}

export async function modifierRupture(
  ctx: Contexte,
  utilisateur: Utilisateur,
  parcoursId: string,
  id: string,
  saisie: RuptureModification,
) {
  return enTransaction(ctx.db, async (tx) => {
    const { parcours } = await exigerSurParcours(tx, utilisateur, 'modifier', parcoursId, { verrouiller: true });
    const avant = await rupture(tx, parcoursId, id, true);
    const apres: repository.RuptureEcrite = {
      description: saisie.description ?? avant.description,
      preuves: saisie.preuves ?? avant.preuves,
      publics: saisie.publics ?? avant.publics,
      gravite: saisie.gravite ?? avant.gravite,
      ficheId: saisie.ficheId === undefined ? avant.ficheId : saisie.ficheId,
      etapeId: saisie.etapeId ?? avant.etapeId,
      versEtapeId: saisie.versEtapeId === undefined ? avant.versEtapeId : saisie.versEtapeId,
    };
    if (avant.statut === 'traitee' && !apres.ficheId)
      throw invalide('Une rupture traitée garde la fiche qui la traite : changez d’abord son statut.', [
        { champ: 'ficheId', message: 'Fiche requise pour une rupture traitée' },
      ]);
    await verifierLiens(tx, parcours, apres);
    if ((await repository.modifierRupture(tx, id, saisie.version, apres)) === null) throw conflit(VERSION_RUPTURE);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'rupture_parcours',
      entiteId: id,
      action: 'modification',
      avant: trace(avant),
      apres: trace(apres),
      contexte: { contratId: parcours.contratId, parcoursId, parcours: parcours.titre },
    });
    return vueRupture(tx, parcours.contratId, parcoursId, id);
  });
}

/** A status change, by the domain's transitions; allowed on a closed contract too (closing the books). */
export async function changerStatutRupture(
  ctx: Contexte,
  utilisateur: Utilisateur,
  parcoursId: string,
  id: string,
  saisie: { statut: StatutRupture; ficheId?: string | null; version: number },
) {
  return enTransaction(ctx.db, async (tx) => {
    const { parcours } = await exigerSurParcours(tx, utilisateur, 'modifier', parcoursId, { verrouiller: true, recevable: false });
    const avant = await rupture(tx, parcoursId, id, true);
    if (avant.version !== saisie.version) throw conflit(VERSION_RUPTURE);
    const ficheId = saisie.ficheId === undefined ? avant.ficheId : saisie.ficheId;
    const decision = transitionRupture(avant.statut, saisie.statut, ficheId);
    if (!decision.ok) throw conflit(decision.raison);
    if (ficheId && ficheId !== avant.ficheId && !(await queries.fichesDuContrat(tx, parcours.contratId, [ficheId])).length)
      throw invalide('Cette fiche n’est pas une fiche-action de ce contrat.', [{ champ: 'ficheId', message: 'Fiche hors contrat' }]);
    if ((await repository.changerStatutRupture(tx, id, saisie.version, saisie.statut, ficheId)) === null) throw conflit(VERSION_RUPTURE);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'rupture_parcours',
      entiteId: id,
      action: 'statut',
      avant: { statut: avant.statut, ficheId: avant.ficheId },
      apres: { statut: saisie.statut, ficheId },
      contexte: { contratId: parcours.contratId, parcoursId, parcours: parcours.titre, description: avant.description },
    });
    return vueRupture(tx, parcours.contratId, parcoursId, id);
  });
}
