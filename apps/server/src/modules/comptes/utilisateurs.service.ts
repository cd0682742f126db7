import type { Habilitation } from '@maillage/domain';
import { auditer, SYSTEME, type Acteur } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, introuvable, invalide } from '../../platform/errors';
import { hacherMotDePasse } from '../../platform/secrets';
import { envoyerLienMotDePasse, exigerRobuste } from './auth.service';
import * as repository from './comptes.repository';

export async function listerUtilisateurs(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  filtre: { q?: string; page: number; parPage: number },
) {
  exiger(utilisateur, 'lire', { type: 'utilisateur', id: null });
  return repository.listerUtilisateurs(ctx.db, {
    q: filtre.q?.trim() || null,
    limite: filtre.parPage,
    decalage: (filtre.page - 1) * filtre.parPage,
  });
}

export async function obtenirUtilisateur(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  exiger(utilisateur, 'lire', { type: 'utilisateur', id });
  const ligne = await repository.obtenirUtilisateur(ctx.db, id);
  if (!ligne) throw introuvable('Cet utilisateur n’existe pas.');
  return ligne;
}

async function verifierOrganisation(tx: Queryable, organisationId: string | null | undefined) {
  if (organisationId && !(await repository.obtenirOrganisation(tx, organisationId)))
    throw invalide('Organisation inconnue.', [{ champ: 'organisationId', message: 'Organisation inconnue' }]);
}

interface NouvelUtilisateur {
  email: string;
  prenom: string;
  nom: string;
  organisationId?: string | null;
  password?: string;
  habilitations: Habilitation[];
}

/** Shared by the admin page, the CLI, the start-up admin and the demo data. */
export async function inscrire(tx: Queryable, acteur: Acteur, saisie: NouvelUtilisateur) {
  if (await repository.utilisateurParEmail(tx, saisie.email))
    throw invalide('Un compte existe déjà avec cette adresse e-mail.', [
      { champ: 'email', message: 'Un compte existe déjà avec cette adresse e-mail' },
    ]);
  await verifierOrganisation(tx, saisie.organisationId);
  const passwordHash = saisie.password ? await hacherMotDePasse(saisie.password) : null;
  const id = await repository.creerUtilisateur(tx, {
    email: saisie.email,
    prenom: saisie.prenom,
    nom: saisie.nom,
    organisationId: saisie.organisationId ?? null,
    passwordHash,
  });
  await repository.remplacerHabilitations(tx, id, saisie.habilitations);
  const ligne = (await repository.obtenirUtilisateur(tx, id))!;
  await auditer(tx, { acteur, entiteType: 'utilisateur', entiteId: id, action: 'creation', apres: ligne as never });
  return ligne;
}

/** Creates the account; without a password, the person receives a link to choose one. */
export async function creerUtilisateur(ctx: Contexte, utilisateur: Utilisateur, saisie: NouvelUtilisateur) {
  exiger(utilisateur, 'creer', { type: 'utilisateur', id: null });
  // After the rights check: the estimator's CPU is spent only for an admin.
  if (saisie.password) exigerRobuste(saisie.password, saisie, 'password');
  const ligne = await enTransaction(ctx.db, (tx) => inscrire(tx, acteurDe(utilisateur), saisie));
  if (!saisie.password) await envoyerLienMotDePasse(ctx, ligne.email, { bienvenue: true });
  return ligne;
}

export async function modifierUtilisateur(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  saisie: { prenom: string; nom: string; organisationId?: string | null; actif: boolean; habilitations: Habilitation[]; version: number },
) {
  exiger(utilisateur, 'administrer', { type: 'utilisateur', id });
  if (id === utilisateur.userId && (!saisie.actif || !saisie.habilitations.some((h) => h.role === 'admin')))
    throw invalide('Vous ne pouvez pas désactiver votre propre compte ni retirer votre propre rôle d’administrateur.');
  return enTransaction(ctx.db, async (tx) => {
    const avant = await repository.obtenirUtilisateur(tx, id);
    if (!avant) throw introuvable('Cet utilisateur n’existe pas.');
    await verifierOrganisation(tx, saisie.organisationId);
    const ok = await repository.modifierUtilisateur(tx, id, saisie.version, { ...saisie, organisationId: saisie.organisationId ?? null });
    if (!ok) throw conflit('Ce compte a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.', avant);
    await repository.remplacerHabilitations(tx, id, saisie.habilitations);
    if (!saisie.actif) await repository.supprimerSessionsUtilisateur(tx, id);
    const apres = (await repository.obtenirUtilisateur(tx, id))!;
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'utilisateur',
      entiteId: id,
      action: 'modification',
      avant: avant as never,
      apres: apres as never,
    });
    return apres;
  });
}

/** The platform admin from MAILLAGE_ADMIN_EMAIL/PASSWORD or the CLI: created if absent, never overwritten. */
export async function assurerAdministrateur(ctx: Contexte, email: string, motDePasse: string): Promise<'cree' | 'existant'> {
  const normalise = email.trim().toLowerCase();
  return enTransaction(ctx.db, async (tx) => {
    if (await repository.utilisateurParEmail(tx, normalise)) return 'existant';
    await inscrire(tx, SYSTEME, {
      email: normalise,
      prenom: 'Administrateur',
      nom: 'Maillage',
      password: motDePasse,
      habilitations: [{ role: 'admin' }],
    });
    return 'cree';
  });
}
