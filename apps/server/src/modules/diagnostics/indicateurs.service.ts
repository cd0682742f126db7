import { ecrireNombreExact, pluriel, type IndicateurSaisie } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, introuvable, invalide } from '../../platform/errors';
import * as repository from './indicateurs.repository';

export async function listerIndicateurs(ctx: Contexte, utilisateur: Utilisateur | null) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  return repository.listerIndicateurs(ctx.db);
}

export async function obtenirIndicateur(ctx: Contexte, utilisateur: Utilisateur | null, code: string) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  const indicateur = await repository.obtenirIndicateur(ctx.db, code);
  if (!indicateur) throw introuvable(`Indicateur inconnu : ${code}.`);
  return indicateur;
}

export async function creerIndicateur(ctx: Contexte, utilisateur: Utilisateur, saisie: IndicateurSaisie) {
  exiger(utilisateur, 'creer', { type: 'catalogue' });
  return enTransaction(ctx.db, async (tx) => {
    if (await repository.obtenirIndicateur(tx, saisie.code))
      throw invalide('Un indicateur porte déjà ce code.', [{ champ: 'code', message: 'Code déjà utilisé' }]);
    await repository.creerIndicateur(tx, saisie);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'indicateur',
      entiteId: saisie.code,
      action: 'creation',
      apres: saisie as never,
    });
    return (await repository.obtenirIndicateur(tx, saisie.code))!;
  });
}

export async function modifierIndicateur(ctx: Contexte, utilisateur: Utilisateur, code: string, version: number, saisie: IndicateurSaisie) {
  exiger(utilisateur, 'modifier', { type: 'catalogue' });
  return enTransaction(ctx.db, async (tx) => {
    const avant = await repository.obtenirIndicateur(tx, code);
    if (!avant) throw introuvable(`Indicateur inconnu : ${code}.`);
    if (saisie.code !== code && (await repository.obtenirIndicateur(tx, saisie.code)))
      throw invalide('Un indicateur porte déjà ce code.', [{ champ: 'code', message: 'Code déjà utilisé' }]);
    if (saisie.denombrement && !avant.denombrement) {
      // Declaring a count over decimal values would leave false figures standing: they are corrected first.
      const decimales = await repository.valeursDecimales(tx, code);
      if (decimales.nombre)
        throw invalide(
          `Cet indicateur a déjà ${pluriel(decimales.nombre, 'valeur décimale', 'valeurs décimales')} (par exemple ${ecrireNombreExact(decimales.exemple ?? 0)}) : il ne peut être déclaré comme dénombrement sans les corriger.`,
          [{ champ: 'denombrement', message: 'Valeurs décimales existantes' }],
        );
    }
    if (!(await repository.modifierIndicateur(tx, code, version, saisie)))
      throw conflit('Cet indicateur a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.', avant);
    const apres = (await repository.obtenirIndicateur(tx, saisie.code))!;
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'indicateur',
      entiteId: saisie.code,
      action: 'modification',
      avant: avant as never,
      apres: apres as never,
    });
    return apres;
  });
}

export async function supprimerIndicateur(ctx: Contexte, utilisateur: Utilisateur, code: string) {
  exiger(utilisateur, 'supprimer', { type: 'catalogue' });
  await enTransaction(ctx.db, async (tx) => {
    const avant = await repository.obtenirIndicateur(tx, code);
    if (!avant) throw introuvable(`Indicateur inconnu : ${code}.`);
    const { rows } = await tx.query('select count(*)::int n from constat_indicateurs where indicateur_code = $1', [code]);
    if (rows[0].n)
      throw conflit(`Cet indicateur est cité par ${pluriel(rows[0].n, 'constat')} : retirez-le des constats avant de le supprimer.`);
    await repository.supprimerIndicateur(tx, code);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'indicateur',
      entiteId: code,
      action: 'suppression',
      avant: avant as never,
    });
  });
}

/** A catalogue indicator for another module's computation, or null (no right checked: the caller checked its own). */
export const indicateurDuCatalogue = (db: Queryable, code: string) => repository.obtenirIndicateur(db, code);
