/**
 * A region's DHIS2 mapping (decision 0037): kept by the region's ARS (or a platform admin), read by every DHIS2 import
 * of that region and by the follow-up export of its contracts.
 */
import type { correspondanceDhis2Saisie } from '@maillage/domain/api';
import type { z } from 'zod';
import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, introuvable, invalide, type ErreurChamp } from '../../platform/errors';
import * as repository from './dhis2-correspondances.repository';

type Saisie = z.output<typeof correspondanceDhis2Saisie>;

export async function obtenirCorrespondanceDhis2(ctx: Contexte, utilisateur: Utilisateur | null, regionCode: string) {
  exiger(utilisateur, 'lire', { type: 'correspondance_dhis2', regionCode });
  return lireCorrespondance(ctx.db, regionCode);
}

async function lireCorrespondance(db: Queryable, regionCode: string) {
  if (!(await repository.regionExiste(db, regionCode))) throw introuvable(`Région inconnue : ${regionCode}.`);
  const entete = await repository.enteteCorrespondance(db, regionCode);
  const { elements, unites } = await repository.lignesCorrespondance(db, regionCode);
  return {
    regionCode,
    version: entete?.version ?? 0,
    elements,
    unites,
    modifieLe: entete?.modifieLe ?? null,
    modifiePar: entete?.modifiePar ?? null,
  };
}

/** Replaces the whole mapping (the screen saves its table at once), checked against the catalogue and the référentiel. */
export async function modifierCorrespondanceDhis2(ctx: Contexte, utilisateur: Utilisateur, regionCode: string, saisie: Saisie) {
  exiger(utilisateur, 'modifier', { type: 'correspondance_dhis2', regionCode });
  if (!(await repository.regionExiste(ctx.db, regionCode))) throw introuvable(`Région inconnue : ${regionCode}.`);
  const erreurs: ErreurChamp[] = [];
  const sansIndicateur = await repository.indicateursAbsents(ctx.db, [...new Set(saisie.elements.map((e) => e.indicateur))]);
  saisie.elements.forEach((e, i) => {
    if (sansIndicateur.has(e.indicateur))
      erreurs.push({ champ: `elements.${i}.indicateur`, message: `Indicateur inconnu du catalogue : « ${e.indicateur} »` });
  });
  const cles = saisie.unites.map((u) => `${u.territoireType}:${u.territoireCode}`);
  const sansTerritoire = await repository.territoiresAbsents(ctx.db, [...new Set(cles)]);
  saisie.unites.forEach((u, i) => {
    if (sansTerritoire.has(cles[i]))
      erreurs.push({
        champ: `unites.${i}.territoireCode`,
        message: `Territoire inconnu du référentiel : ${u.territoireType} ${u.territoireCode}`,
      });
  });
  if (erreurs.length)
    throw invalide(
      `Correspondance DHIS2 refusée — ${erreurs
        .slice(0, 5)
        .map((e) => `${e.champ} : ${e.message}`)
        .join(' ; ')}.`,
      erreurs,
    );
  await enTransaction(ctx.db, async (tx) => {
    const avant = await repository.lignesCorrespondance(tx, regionCode);
    if (!(await repository.prendreVersion(tx, regionCode, saisie.version, utilisateur.libelle)))
      throw conflit(
        'Cette correspondance DHIS2 a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.',
        await lireCorrespondance(ctx.db, regionCode),
      );
    await repository.remplacerLignes(tx, regionCode, saisie.elements, saisie.unites);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'correspondance_dhis2',
      entiteId: regionCode,
      action: 'modification',
      avant: { elements: avant.elements.length, unites: avant.unites.length },
      apres: { elements: saisie.elements.length, unites: saisie.unites.length },
      contexte: { regionCode },
    });
  });
  return lireCorrespondance(ctx.db, regionCode);
}

/** The mapping as the import reads it: "dataElement|categoryOptionCombo" → indicator, orgUnit → territory. */
export async function correspondancePourImport(db: Queryable, regionCode: string | null) {
  const { elements, unites } = regionCode ? await repository.lignesCorrespondance(db, regionCode) : { elements: [], unites: [] };
  return {
    elements: new Map(elements.map((e) => [`${e.dataElement}|${e.categoryOptionCombo ?? ''}`, e.indicateur])),
    unites: new Map(unites.map((u) => [u.orgUnit, { type: u.territoireType as string, code: u.territoireCode }])),
  };
}
export type CorrespondanceImport = Awaited<ReturnType<typeof correspondancePourImport>>;

/** The mapping as the export writes it: indicator → dataElement (+ combo), "type:code" → orgUnit. */
export async function correspondancePourExport(db: Queryable, regionCode: string) {
  const { elements, unites } = await repository.lignesCorrespondance(db, regionCode);
  return {
    elements: new Map(elements.map((e) => [e.indicateur, { dataElement: e.dataElement, categoryOptionCombo: e.categoryOptionCombo }])),
    unites: new Map(unites.map((u) => [`${u.territoireType}:${u.territoireCode}`, u.orgUnit])),
  };
}

/**
 * Whose mapping an import reads: the region named in the options (the user must be allowed to read its mapping), or
 * the region of an ARS agent who has exactly one; otherwise none (only catalogue codes and INSEE codes then pass).
 */
export function regionDeLImport(utilisateur: Utilisateur, regionDemandee: string | undefined): string | null {
  if (regionDemandee) {
    exiger(utilisateur, 'lire', { type: 'correspondance_dhis2', regionCode: regionDemandee });
    return regionDemandee;
  }
  const regions = utilisateur.habilitations.flatMap((h) => (h.role === 'ars_regional' ? [h.regionCode] : []));
  return regions.length === 1 ? regions[0] : null;
}
