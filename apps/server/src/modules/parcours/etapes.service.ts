import { deplacerDansOrdre, ETAPES_SUGGEREES } from '@maillage/domain';
import type { EtapeModification } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, introuvable, invalide } from '../../platform/errors';
import * as queries from './parcours.queries';
import * as repository from './parcours.repository';
import { exigerSurParcours, lireParcoursComplet, VERSION_PERIMEE } from './parcours.service';

/**
 * The steps of a parcours (issue 17 item 4): added, renamed, reordered (keyboard: position ± 1), given the resources
 * acting there and the contract's fiches serving them. Adding, moving and removing change the parcours' version.
 */

const VERSION_ETAPE = 'Cette étape a été modifiée entre-temps : rechargez le parcours avant d’enregistrer.';

async function etape(db: Queryable, parcoursId: string, etapeId: string) {
  const e = await queries.lireEtape(db, parcoursId, etapeId);
  if (!e) throw introuvable('Cette étape n’existe pas dans ce parcours.');
  return e;
}

const resume = (e: queries.EtapeLue) => ({
  libelle: e.libelle,
  code: e.code,
  description: e.description,
  ressources: e.ressources.map((r) => r.nom),
  fiches: e.fiches.map((f) => `Fiche ${f.numero}`),
});

export async function ajouterEtape(
  ctx: Contexte,
  utilisateur: Utilisateur,
  parcoursId: string,
  saisie: { code: keyof typeof ETAPES_SUGGEREES | null; libelle?: string; description: string | null; position?: number; version: number },
) {
  const libelle = saisie.libelle ?? (saisie.code ? ETAPES_SUGGEREES[saisie.code] : null);
  if (!libelle)
    throw invalide('Donnez un libellé à l’étape ou choisissez une étape suggérée.', [{ champ: 'libelle', message: 'Libellé requis' }]);
  return enTransaction(ctx.db, async (tx) => {
    const { parcours, contrat } = await exigerSurParcours(tx, utilisateur, 'modifier', parcoursId, { verrouiller: true });
    if ((await repository.toucherParcours(tx, parcoursId, saisie.version)) === null) throw conflit(VERSION_PERIMEE);
    const ordre = (await queries.etapesDuParcours(tx, parcoursId)).map((e) => e.id);
    const id = await repository.ajouterEtape(tx, parcoursId, {
      position: ordre.length + 1,
      code: saisie.code,
      libelle,
      description: saisie.description,
    });
    if (saisie.position && saisie.position <= ordre.length)
      await repository.ordonnerEtapes(tx, parcoursId, deplacerDansOrdre([...ordre, id], id, saisie.position));
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'etape_parcours',
      entiteId: id,
      action: 'creation',
      apres: { libelle, code: saisie.code, description: saisie.description },
      contexte: { contratId: parcours.contratId, parcoursId, parcours: parcours.titre },
    });
    return lireParcoursComplet(tx, utilisateur, (await queries.lireParcours(tx, parcoursId))!, contrat);
  });
}

export async function modifierEtape(
  ctx: Contexte,
  utilisateur: Utilisateur,
  parcoursId: string,
  etapeId: string,
  saisie: EtapeModification,
) {
  return enTransaction(ctx.db, async (tx) => {
    const { parcours, contrat } = await exigerSurParcours(tx, utilisateur, 'modifier', parcoursId, { verrouiller: true });
    const avant = await etape(tx, parcoursId, etapeId);
    if (saisie.ressourceIds) {
      const ids = [...new Set(saisie.ressourceIds)];
      const connues = new Set(await queries.ressourcesExistantes(tx, ids));
      const inconnues = ids.filter((i) => !connues.has(i));
      if (inconnues.length)
        throw invalide('Une ressource choisie n’est pas dans le répertoire.', [
          { champ: 'ressourceIds', message: `Inconnue : ${inconnues.join(', ')}` },
        ]);
    }
    if (saisie.ficheIds) {
      const ids = [...new Set(saisie.ficheIds)];
      const du = new Set(await queries.fichesDuContrat(tx, parcours.contratId, ids));
      const autres = ids.filter((i) => !du.has(i));
      if (autres.length)
        throw invalide('Une fiche choisie n’est pas une fiche-action de ce contrat.', [
          { champ: 'ficheIds', message: `Hors contrat : ${autres.join(', ')}` },
        ]);
    }
    const code = saisie.code === undefined ? avant.code : saisie.code;
    const champs = {
      code,
      libelle: saisie.libelle ?? (saisie.code && saisie.code !== avant.code ? ETAPES_SUGGEREES[saisie.code] : avant.libelle),
      description: saisie.description === undefined ? avant.description : saisie.description || null,
    };
    if ((await repository.modifierEtape(tx, etapeId, saisie.version, champs)) === null) throw conflit(VERSION_ETAPE);
    if (saisie.ressourceIds) await repository.remplacerRessourcesEtape(tx, etapeId, [...new Set(saisie.ressourceIds)]);
    if (saisie.ficheIds) await repository.remplacerFichesEtape(tx, etapeId, [...new Set(saisie.ficheIds)]);
    const apres = await etape(tx, parcoursId, etapeId);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'etape_parcours',
      entiteId: etapeId,
      action: 'modification',
      avant: resume(avant),
      apres: resume(apres),
      contexte: { contratId: parcours.contratId, parcoursId, parcours: parcours.titre, libelle: apres.libelle },
    });
    return lireParcoursComplet(tx, utilisateur, parcours, contrat);
  });
}

/** Moves a step to a 1-based position (clamped): what the keyboard's "monter" / "descendre" send. */
export async function deplacerEtape(
  ctx: Contexte,
  utilisateur: Utilisateur,
  parcoursId: string,
  etapeId: string,
  saisie: { position: number; version: number },
) {
  return enTransaction(ctx.db, async (tx) => {
    const { parcours, contrat } = await exigerSurParcours(tx, utilisateur, 'modifier', parcoursId, { verrouiller: true });
    const e = await etape(tx, parcoursId, etapeId);
    if ((await repository.toucherParcours(tx, parcoursId, saisie.version)) === null) throw conflit(VERSION_PERIMEE);
    const avant = (await queries.etapesDuParcours(tx, parcoursId)).map((x) => x.id);
    const ordre = deplacerDansOrdre(avant, etapeId, saisie.position);
    await repository.ordonnerEtapes(tx, parcoursId, ordre);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'etape_parcours',
      entiteId: etapeId,
      action: 'deplacement',
      avant: { position: avant.indexOf(etapeId) + 1 },
      apres: { position: ordre.indexOf(etapeId) + 1 },
      contexte: { contratId: parcours.contratId, parcoursId, parcours: parcours.titre, libelle: e.libelle },
    });
    return lireParcoursComplet(tx, utilisateur, (await queries.lireParcours(tx, parcoursId))!, contrat);
  });
}

/** Removes a step (its resources, fiches and grid cells with it); refused while ruptures are recorded on it. */
export async function supprimerEtape(ctx: Contexte, utilisateur: Utilisateur, parcoursId: string, etapeId: string, version: number) {
  return enTransaction(ctx.db, async (tx) => {
    const { parcours, contrat } = await exigerSurParcours(tx, utilisateur, 'modifier', parcoursId, { verrouiller: true });
    const e = await etape(tx, parcoursId, etapeId);
    const ruptures = await repository.compterRupturesEtape(tx, etapeId);
    if (ruptures) throw conflit(`Cette étape porte ${ruptures} rupture(s) : rattachez-les à une autre étape avant de la retirer.`);
    if (!(await repository.supprimerEtape(tx, etapeId, version))) throw conflit(VERSION_ETAPE);
    await repository.toucherParcours(tx, parcoursId, parcours.version);
    await repository.ordonnerEtapes(
      tx,
      parcoursId,
      (await queries.etapesDuParcours(tx, parcoursId)).map((x) => x.id),
    );
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'etape_parcours',
      entiteId: etapeId,
      action: 'suppression',
      avant: resume(e),
      contexte: { contratId: parcours.contratId, parcoursId, parcours: parcours.titre, libelle: e.libelle },
    });
    return lireParcoursComplet(tx, utilisateur, (await queries.lireParcours(tx, parcoursId))!, contrat);
  });
}
