import { can, ETAPES_SUGGEREES, ruptureOuverte } from '@maillage/domain';
import type { ParcoursCorps, ParcoursModification, ParcoursVue } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, introuvable } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat, type RefContratEtat } from '../contrats/acces';
import { chargerFiche, exigerSurFiche } from '../fiches/fiches.service';
import * as queries from './parcours.queries';
import * as repository from './parcours.repository';
import { vuesRuptures } from './preuves';

/**
 * Parcours de santé of a contract (issue 17 item 4): who reads the contract reads them; its coordination (coordonnateur,
 * référent ARS) and the administrators change them, while the contract is open (decision 0028).
 */

type Sujet = Utilisateur | null;

export const VERSION_PERIMEE = 'Ce parcours a été modifié entre-temps : rechargez-le avant d’enregistrer.';

/** Loads the parcours and checks the action on its contract; a closed contract refuses changes (409). */
export async function exigerSurParcours(
  db: Queryable,
  utilisateur: Sujet,
  action: 'lire' | 'modifier',
  parcoursId: string,
  options: { verrouiller?: boolean; recevable?: boolean } = {},
): Promise<{ parcours: queries.ParcoursLu; contrat: RefContratEtat }> {
  const parcours = await queries.lireParcours(db, parcoursId, options.verrouiller);
  if (!parcours) throw introuvable('Ce parcours n’existe pas.');
  const contrat = await exigerSurContrat(db, utilisateur, action, parcours.contratId);
  if (action === 'modifier' && options.recevable !== false) exigerRecevable(contrat, 'parcours');
  return { parcours, contrat };
}

export const peutModifier = (utilisateur: Sujet, contrat: RefContratEtat) => can(utilisateur, 'modifier', { type: 'contrat', contrat });

/** The contract's parcours, summarised. */
export async function listerParcours(ctx: Contexte, utilisateur: Sujet, contratId: string) {
  const contrat = await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  return { elements: await queries.parcoursDuContrat(ctx.db, contratId), modifiable: peutModifier(utilisateur, contrat) };
}

/** The parcours with its steps, each with its resources, fiches and open ruptures. */
export async function lireParcoursComplet(db: Queryable, utilisateur: Sujet, parcours: queries.ParcoursLu, contrat: RefContratEtat) {
  const [etapes, ruptures] = await Promise.all([queries.etapesDuParcours(db, parcours.id), queries.rupturesDuParcours(db, parcours.id)]);
  const ouvertes = await vuesRuptures(
    db,
    parcours.contratId,
    ruptures.filter((r) => ruptureOuverte(r.statut)),
  );
  return {
    ...parcours,
    etapes: etapes.map(({ parcoursId: _p, ...e }) => ({ ...e, rupturesOuvertes: ouvertes.filter((r) => r.etapeId === e.id) })),
    modifiable: peutModifier(utilisateur, contrat),
  } satisfies ParcoursVue;
}

export async function obtenirParcours(ctx: Contexte, utilisateur: Sujet, id: string): Promise<ParcoursVue> {
  const { parcours, contrat } = await exigerSurParcours(ctx.db, utilisateur, 'lire', id);
  return lireParcoursComplet(ctx.db, utilisateur, parcours, contrat);
}

export async function creerParcours(ctx: Contexte, utilisateur: Utilisateur, contratId: string, saisie: ParcoursCorps) {
  exigerRecevable(await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId), 'parcours');
  return enTransaction(ctx.db, async (tx) => {
    const cree = await repository.creerParcours(tx, { contratId, ...saisie });
    const etapes = saisie.etapes.map((e, i) => ({
      position: i + 1,
      code: e.code,
      libelle: e.libelle ?? (e.code ? ETAPES_SUGGEREES[e.code] : `Étape ${i + 1}`),
      description: null,
    }));
    for (const e of etapes) await repository.ajouterEtape(tx, cree.id, e);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'parcours',
      entiteId: cree.id,
      action: 'creation',
      apres: { titre: saisie.titre, description: saisie.description, publics: saisie.publics, etapes: etapes.map((e) => e.libelle) },
      contexte: { contratId, titre: saisie.titre },
    });
    return cree;
  });
}

export async function modifierParcours(ctx: Contexte, utilisateur: Utilisateur, id: string, saisie: ParcoursModification) {
  return enTransaction(ctx.db, async (tx) => {
    const { parcours } = await exigerSurParcours(tx, utilisateur, 'modifier', id, { verrouiller: true });
    const avant = { titre: parcours.titre, description: parcours.description, publics: parcours.publics, perimetre: parcours.perimetre };
    const apres = {
      titre: saisie.titre ?? avant.titre,
      description: saisie.description === undefined ? avant.description : saisie.description || null,
      publics: saisie.publics ?? avant.publics,
      perimetre: saisie.perimetre === undefined ? avant.perimetre : saisie.perimetre,
    };
    const version = await repository.modifierParcours(tx, id, saisie.version, apres);
    if (version === null) throw conflit(VERSION_PERIMEE);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'parcours',
      entiteId: id,
      action: 'modification',
      avant,
      apres,
      contexte: { contratId: parcours.contratId, titre: apres.titre },
    });
    return { id, version };
  });
}

export async function supprimerParcours(ctx: Contexte, utilisateur: Utilisateur, id: string, version: number) {
  await enTransaction(ctx.db, async (tx) => {
    const { parcours } = await exigerSurParcours(tx, utilisateur, 'modifier', id, { verrouiller: true });
    if (!(await repository.supprimerParcours(tx, id, version))) throw conflit(VERSION_PERIMEE);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'parcours',
      entiteId: id,
      action: 'suppression',
      avant: { titre: parcours.titre },
      contexte: { contratId: parcours.contratId, titre: parcours.titre },
    });
  });
}

/** The parcours a fiche-action serves (by its steps) or whose ruptures it treats: for the fiche page. */
export async function parcoursDeFiche(ctx: Contexte, utilisateur: Sujet, ficheId: string) {
  await exigerSurFiche(ctx.db, utilisateur, 'lire', await chargerFiche(ctx.db, ficheId));
  return queries.parcoursDeFiche(ctx.db, ficheId);
}
