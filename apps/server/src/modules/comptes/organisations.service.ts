import { LIBELLES_MOTIF_DOUBLON, motifsDoublon, SEUIL_NOM_PROCHE, type OrganisationSaisie } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, ErreurMetier, introuvable, invalide } from '../../platform/errors';
import * as repository from './comptes.repository';

export async function listerOrganisations(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  filtre: { q?: string; type?: string; page: number; parPage: number },
) {
  exiger(utilisateur, 'lire', { type: 'organisation', id: null });
  return repository.listerOrganisations(ctx.db, {
    q: filtre.q?.trim() || null,
    types: filtre.type
      ? filtre.type
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : null,
    limite: filtre.parPage,
    decalage: (filtre.page - 1) * filtre.parPage,
  });
}

export async function obtenirOrganisation(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  exiger(utilisateur, 'lire', { type: 'organisation', id });
  const organisation = await repository.obtenirOrganisation(ctx.db, id);
  if (!organisation) throw introuvable('Cette organisation n’existe pas.');
  return organisation;
}

/** Maps unique-index violations to messages that name the field. */
function traduireDoublon(e: unknown): never {
  const err = e as { code?: string; constraint?: string };
  if (err.code === '23505' && err.constraint === 'organisations_siret')
    throw invalide('Une organisation porte déjà ce SIRET.', [{ champ: 'siret', message: 'Une organisation porte déjà ce SIRET' }]);
  if (err.code === '23505' && err.constraint === 'organisations_nom')
    throw invalide('Une organisation porte déjà ce nom.', [{ champ: 'nom', message: 'Une organisation porte déjà ce nom' }]);
  throw e;
}

/**
 * Creates an organisation of the directory, from the admin pages or from any picker. Possible duplicates (same SIRET,
 * FINESS or SIREN, close name) give 409 with the candidates, for the user to pick the existing one; those that may be
 * distinct (another establishment of the same SIREN, a close name) can be confirmed with `accepterDoublonsProches`.
 */
export async function creerOrganisation(
  ctx: Contexte,
  utilisateur: Utilisateur,
  saisie: OrganisationSaisie,
  options: { accepterDoublonsProches?: boolean } = {},
) {
  exiger(utilisateur, 'creer', { type: 'organisation', id: null });
  return enTransaction(ctx.db, async (tx) => {
    const doublons = (await repository.chercherDoublons(tx, saisie, SEUIL_NOM_PROCHE))
      .map(({ similarite, ...o }) => ({ ...o, ...motifsDoublon(saisie, { ...o, similarite }) }))
      .filter((d) => d.motifs.length > 0);
    const bloquants = doublons.filter((d) => d.bloquant);
    if (bloquants.length > 0 || (doublons.length > 0 && !options.accepterDoublonsProches)) {
      const premier = bloquants[0] ?? doublons[0];
      const motifs = premier.motifs.map((m) => LIBELLES_MOTIF_DOUBLON[m]).join(', ');
      throw new ErreurMetier(
        409,
        'Organisation déjà présente dans l’annuaire',
        bloquants.length > 0
          ? `« ${premier.nom} » existe déjà (${motifs}) : choisissez-la plutôt que d’en créer une seconde.`
          : `« ${premier.nom} » ressemble à l’organisation à créer (${motifs}) : choisissez-la si c’est la même, ou confirmez la création.`,
        { doublons, creationPossible: bloquants.length === 0 },
      );
    }
    const organisation = await repository.creerOrganisation(tx, saisie).catch(traduireDoublon);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'organisation',
      entiteId: organisation.id,
      action: 'creation',
      apres: organisation as never,
    });
    return organisation;
  });
}

export async function modifierOrganisation(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  version: number,
  saisie: OrganisationSaisie,
) {
  exiger(utilisateur, 'modifier', { type: 'organisation', id });
  return enTransaction(ctx.db, async (tx) => {
    const avant = await repository.obtenirOrganisation(tx, id);
    if (!avant) throw introuvable('Cette organisation n’existe pas.');
    const apres = await repository.modifierOrganisation(tx, id, version, saisie).catch(traduireDoublon);
    if (!apres) throw conflit('Cette organisation a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.', avant);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'organisation',
      entiteId: id,
      action: 'modification',
      avant: avant as never,
      apres: apres as never,
    });
    return apres;
  });
}

export async function supprimerOrganisation(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  exiger(utilisateur, 'supprimer', { type: 'organisation', id });
  await enTransaction(ctx.db, async (tx) => {
    const avant = await repository.obtenirOrganisation(tx, id);
    if (!avant) throw introuvable('Cette organisation n’existe pas.');
    if (await repository.organisationUtilisee(tx, id))
      throw new ErreurMetier(
        409,
        'Suppression impossible',
        'Cette organisation a des membres, des référents ou des engagements : rattachez-les ailleurs avant de la supprimer.',
      );
    await repository.supprimerOrganisation(tx, id);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'organisation',
      entiteId: id,
      action: 'suppression',
      avant: avant as never,
    });
  });
}

/**
 * Organisations of the directory by id, FINESS or SIRET, for another module's checks and imports (the ROR names an
 * offer's organisation by its FINESS or SIRET), in its transaction.
 */
export async function trouverOrganisations(db: Queryable, cles: { ids?: string[]; finess?: string[]; siret?: string[] }) {
  return repository.organisationsParCles(db, { ids: cles.ids ?? [], finess: cles.finess ?? [], siret: cles.siret ?? [] });
}
