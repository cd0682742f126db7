import { auditer, SYSTEME } from '../../platform/audit';
import { pluriel } from '@maillage/domain';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Db } from '../../platform/database';
import { introuvable, invalide } from '../../platform/errors';
import { assurerTypologie, classesDesEpci, listerTypologies, obtenirTypologie, remplacerAffectations } from './typologies.repository';
import { TYPOLOGIES_PUBLIEES } from './typologies.referentiel';

/** The typologies of a region's EPCIs (every region's when none is given), with their classes as published. */
export async function typologies(ctx: Contexte, utilisateur: Utilisateur | null, regionCode?: string) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  return listerTypologies(ctx.db, regionCode);
}

/**
 * Which EPCI is in which class: the source publishes the classes and their counts, not always the list, so the ARS of
 * the region enters it (the whole list each time). Every EPCI must be one of the region's in the référentiel.
 */
export async function definirAffectations(
  ctx: Contexte,
  utilisateur: Utilisateur,
  code: string,
  affectations: { epci: string; classe: string }[],
) {
  const typologie = await obtenirTypologie(ctx.db, code);
  if (!typologie) throw introuvable(`Typologie inconnue : ${code}.`);
  exiger(utilisateur, 'modifier', { type: 'doctrine', regionCode: typologie.regionCode });
  const { rows } = await ctx.db.query(`select code from territoires where type = 'epci' and region_code = $1`, [typologie.regionCode]);
  const epciRegion = new Set(rows.map((r) => r.code));
  const classes = new Set(typologie.classes.map((c) => c.code));
  const erreurs = affectations.flatMap((a, i) => [
    ...(epciRegion.has(a.epci)
      ? []
      : [{ champ: `affectations.${i}.epci`, message: `EPCI ${a.epci} inconnu dans la région ${typologie.regionCode}` }]),
    ...(classes.has(a.classe)
      ? []
      : [{ champ: `affectations.${i}.classe`, message: `Classe « ${a.classe} » inconnue (${[...classes].join(', ')})` }]),
  ]);
  const vus = new Set<string>();
  affectations.forEach((a, i) => {
    if (vus.has(a.epci)) erreurs.push({ champ: `affectations.${i}.epci`, message: `EPCI ${a.epci} affecté deux fois` });
    vus.add(a.epci);
  });
  if (erreurs.length)
    throw invalide(
      `Affectations refusées : ${erreurs[0].message}${erreurs.length > 1 ? ` (et ${pluriel(erreurs.length - 1, 'autre')})` : ''}.`,
      erreurs,
    );
  return enTransaction(ctx.db, async (tx) => {
    const avant = Object.fromEntries(await classesDesEpci(tx, code));
    await remplacerAffectations(tx, code, affectations);
    const apres = Object.fromEntries(affectations.map((a) => [a.epci, a.classe]));
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'typologie',
      entiteId: code,
      action: 'affectations',
      avant: { intitule: typologie.intitule, epci: avant },
      apres: { intitule: typologie.intitule, epci: apres },
    });
    return (await obtenirTypologie(tx, code))!;
  });
}

/**
 * At start-up, on every database (main.ts and cli.ts hand it to the platform with the référentiel géographique): the
 * published typologies that are missing are created, with their classes; one already there is left as it is, with
 * the classes the ARS gave its EPCIs.
 */
export async function preparerTypologies(db: Db, journal: (m: string) => void) {
  for (const { typologie, classes } of TYPOLOGIES_PUBLIEES) {
    const creee = await enTransaction(db, async (tx) => {
      if (!(await assurerTypologie(tx, typologie, classes))) return false;
      await auditer(tx, {
        acteur: SYSTEME,
        entiteType: 'typologie',
        entiteId: typologie.code,
        action: 'creation',
        apres: { intitule: typologie.intitule, classes: classes.map((c) => c.code) },
        contexte: { referentiel: true },
      });
      return true;
    });
    if (creee) journal(`${typologie.intitule} chargée (${classes.length} classes).`);
  }
}
