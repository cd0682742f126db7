import { indicesPersonnels } from '@maillage/domain';
import { raisonMotDePasseFaible } from '@maillage/domain/mot-de-passe';
import { auditer } from '../../platform/audit';
import type { Authentifiant, Authentification } from '../../platform/auth';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { ErreurMetier, introuvable, invalide } from '../../platform/errors';
import { empreinte, hachageLeurre, hacherMotDePasse, nouveauJeton, verifierMotDePasse } from '../../platform/secrets';
import * as repository from './comptes.repository';
import * as frein from './frein.service';

export const DUREE_SESSION_HEURES = 12;

const IDENTIFIANTS_INCORRECTS = new ErreurMetier(401, 'Connexion refusée', 'Adresse e-mail ou mot de passe incorrect.');

export function utilisateurDepuisLigne(ligne: repository.UtilisateurLigne): Utilisateur {
  return {
    userId: ligne.id,
    organisationId: ligne.organisationId,
    organisationType: ligne.organisationType,
    habilitations: ligne.habilitations,
    email: ligne.email,
    libelle: `${ligne.prenom} ${ligne.nom}`,
  };
}

/**
 * Checks the password and opens a session. The answer is the same whether or not the account exists. Guesses are
 * slowed per account and per client address (growing waits, never a lock: see frein.service).
 */
export async function seConnecter(
  ctx: Contexte,
  saisie: { email: string; password: string },
  client: { ip: string; userAgent: string | null },
) {
  const compte = await frein.unEssaiALaFois(saisie.email, async () => {
    await frein.prendreEssaiConnexion(ctx, saisie.email, client.ip);
    const compte = await repository.utilisateurParEmail(ctx.db, saisie.email);
    const valide = await verifierMotDePasse(compte?.passwordHash ?? (await hachageLeurre()), saisie.password);
    if (!compte || !valide || !compte.actif) {
      await frein.noterEchecConnexion(ctx, client.ip);
      throw IDENTIFIANTS_INCORRECTS;
    }
    await frein.leverFreinCompte(ctx.db, saisie.email);
    return compte;
  });
  return ouvrirSession(ctx, compte, client);
}

/**
 * Opens a session for an account already recognised (by its password, or by an OpenID Connect provider: oidc.service),
 * and audits it in the same transaction; `enPlus` writes what that way of logging in records beside it.
 */
export async function ouvrirSession(
  ctx: Contexte,
  compte: repository.UtilisateurLigne,
  client: { ip: string; userAgent: string | null },
  options: {
    audit?: { action: string; contexte: Record<string, unknown> };
    enPlus?: (tx: Queryable, sessionId: string) => Promise<void>;
  } = {},
) {
  const jeton = nouveauJeton();
  const csrfToken = nouveauJeton();
  const utilisateur = utilisateurDepuisLigne(compte);
  await enTransaction(ctx.db, async (tx) => {
    const sessionId = await repository.creerSession(tx, {
      utilisateurId: compte.id,
      tokenHash: empreinte(jeton),
      csrfToken,
      dureeHeures: DUREE_SESSION_HEURES,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    await repository.noterConnexion(tx, compte.id);
    await options.enPlus?.(tx, sessionId);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'session',
      entiteId: sessionId,
      action: options.audit?.action ?? 'connexion',
      contexte: { ip: client.ip, ...options.audit?.contexte },
    });
  });
  return { jeton, csrfToken, utilisateur: compte };
}

export async function seDeconnecter(ctx: Contexte, utilisateur: Utilisateur, sessionId: string) {
  await enTransaction(ctx.db, async (tx) => {
    await repository.supprimerSession(tx, sessionId);
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'session', entiteId: sessionId, action: 'deconnexion' });
  });
}

declare module '../../platform/auth' {
  // The session route answers with the account row read along with the session: no second query.
  interface Authentification {
    ligne: repository.UtilisateurLigne;
  }
}

/** At start-up (main.ts): sessions past their end are of no use to anyone. */
export async function purgerSessionsExpirees(ctx: Contexte) {
  await repository.purgerSessionsExpirees(ctx.db);
}

/** What app.ts hands to the platform to recognise a caller (platform/auth.ts knows no module). */
export function authentifiant(ctx: Contexte): Authentifiant {
  return { parSession: (jeton) => authentifierParSession(ctx, jeton), parJeton: (jeton) => authentifierParJeton(ctx, jeton) };
}

export async function authentifierParSession(ctx: Contexte, jeton: string): Promise<Authentification | null> {
  const session = await repository.sessionEtUtilisateur(ctx.db, empreinte(jeton));
  if (!session) return null;
  return {
    utilisateur: utilisateurDepuisLigne(session.ligne),
    ligne: session.ligne,
    sessionId: session.sessionId,
    csrfToken: session.csrfToken,
  };
}

export async function authentifierParJeton(ctx: Contexte, jeton: string): Promise<Authentification | null> {
  const utilisateurId = await repository.utilisateurDuJeton(ctx.db, empreinte(jeton));
  if (!utilisateurId) return null;
  const ligne = await repository.obtenirUtilisateur(ctx.db, utilisateurId);
  if (!ligne) return null;
  return { utilisateur: utilisateurDepuisLigne(ligne), ligne, sessionId: null, csrfToken: null };
}

/**
 * Asks for a reset link. Answers in the same time whether or not the address has an account: only the throttles
 * (keyed by the address typed and the client) run before the answer; the account is looked up and the mail sent
 * afterwards. At most 3 mails an hour per address (silently), 10 requests per 15 minutes per client (429).
 */
export async function demanderReinitialisation(ctx: Contexte, email: string, client: { ip: string }) {
  if (!(await frein.compterDemandeReinitialisation(ctx, email, client.ip))) return;
  const envoi = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => envoyerLienMotDePasse(ctx, email))
    .catch((e) => console.error('[maillage] lien de réinitialisation :', e))
    .finally(() => envoisEnCours.delete(envoi));
  envoisEnCours.add(envoi);
}

const envoisEnCours = new Set<Promise<void>>();
/** Resolves once the reset links asked for so far are sent (or failed): for tests and a clean shutdown. */
export async function envoisTermines() {
  while (envoisEnCours.size) await Promise.all([...envoisEnCours]);
}

/**
 * Sends a link to choose a password: a reset (valid one hour) or, for a new account, a welcome (valid three days).
 * Does nothing for an unknown or inactive address.
 */
export async function envoyerLienMotDePasse(ctx: Contexte, email: string, options: { bienvenue?: boolean } = {}) {
  const compte = await repository.utilisateurParEmail(ctx.db, email);
  if (!compte?.actif) return;
  const jeton = nouveauJeton();
  await enTransaction(ctx.db, async (tx) => {
    await repository.creerReinitialisation(tx, compte.id, empreinte(jeton), options.bienvenue ? 72 : 1);
    await auditer(tx, {
      acteur: { id: compte.id, libelle: `${compte.prenom} ${compte.nom}` },
      entiteType: 'utilisateur',
      entiteId: compte.id,
      action: 'demande_reinitialisation',
    });
  });
  const lien = `${ctx.config.publicUrl}/reinitialiser-mot-de-passe?jeton=${encodeURIComponent(jeton)}`;
  await ctx.messagerie.envoyer(
    options.bienvenue
      ? {
          a: compte.email,
          sujet: 'Maillage — votre compte a été créé',
          texte:
            `Bonjour ${compte.prenom},\n\nUn compte Maillage, la plateforme des contrats locaux de santé, vient d’être créé pour vous.\n` +
            `Choisissez votre mot de passe dans les trois jours avec ce lien :\n${lien}\n\nL’équipe Maillage`,
        }
      : {
          a: compte.email,
          sujet: 'Maillage — réinitialisation de votre mot de passe',
          texte:
            `Bonjour ${compte.prenom},\n\nPour choisir un nouveau mot de passe Maillage, ouvrez ce lien dans l’heure :\n${lien}\n\n` +
            `Le nouveau mot de passe fermera toutes vos sessions ouvertes, révoquera vos jetons d’API et lèvera les restrictions ` +
            `de connexion de votre compte.\n\n` +
            `Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.\n\nL’équipe Maillage`,
        },
  );
}

/** Refuses a password easy to guess, or built on the person's e-mail or names (the server knows them; a form may not). */
export function exigerRobuste(motDePasse: string, compte: { email: string; prenom: string; nom: string }, champ: string) {
  const raison = raisonMotDePasseFaible(motDePasse, indicesPersonnels(compte));
  if (raison) throw invalide(`${raison}.`, [{ champ, message: raison }]);
}

/**
 * Sets the password chosen with a reset link. Whoever knew the old password or held a token loses access: every
 * session is closed and every API token revoked; restrictions on logging in are lifted.
 */
export async function reinitialiserMotDePasse(ctx: Contexte, jeton: string, motDePasse: string) {
  await enTransaction(ctx.db, async (tx) => {
    const utilisateurId = await repository.consommerReinitialisation(tx, empreinte(jeton));
    if (!utilisateurId)
      throw invalide('Ce lien de réinitialisation est invalide, déjà utilisé ou expiré. Faites une nouvelle demande.', [
        { champ: 'token', message: 'Lien invalide, déjà utilisé ou expiré' },
      ]);
    const compte = (await repository.obtenirUtilisateur(tx, utilisateurId))!;
    // Checked once the link is known to be valid (no CPU for anonymous guesses); refused, the transaction rolls
    // back and the link stays usable for a better password.
    exigerRobuste(motDePasse, compte, 'password');
    await repository.changerMotDePasse(tx, utilisateurId, await hacherMotDePasse(motDePasse));
    const sessionsFermees = await repository.supprimerSessionsUtilisateur(tx, utilisateurId);
    const jetonsRevoques = await repository.revoquerJetonsUtilisateur(tx, utilisateurId);
    await frein.leverFreinCompte(tx, compte.email);
    await auditer(tx, {
      acteur: { id: utilisateurId, libelle: `${compte.prenom} ${compte.nom} (lien de réinitialisation)` },
      entiteType: 'utilisateur',
      entiteId: utilisateurId,
      action: 'reinitialisation_mot_de_passe',
      contexte: { sessionsFermees, jetonsRevoques, restrictionsLevees: true },
    });
  });
}

/** Changes one's password, giving the old one; the other sessions are closed (this one stays open). */
export async function changerSonMotDePasse(
  ctx: Contexte,
  utilisateur: Utilisateur,
  sessionId: string | null,
  ancien: string,
  nouveau: string,
) {
  exiger(utilisateur, 'modifier', { type: 'utilisateur', id: utilisateur.userId });
  const compte = await repository.utilisateurParEmail(ctx.db, utilisateur.email);
  if (!compte || !(await verifierMotDePasse(compte.passwordHash, ancien))) {
    throw invalide('Le mot de passe actuel est incorrect.', [{ champ: 'ancien', message: 'Le mot de passe actuel est incorrect' }]);
  }
  exigerRobuste(nouveau, compte, 'nouveau');
  const hache = await hacherMotDePasse(nouveau);
  await enTransaction(ctx.db, async (tx) => {
    await repository.changerMotDePasse(tx, utilisateur.userId, hache);
    const sessionsFermees = await repository.supprimerSessionsUtilisateur(tx, utilisateur.userId, sessionId);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'utilisateur',
      entiteId: utilisateur.userId,
      action: 'changement_mot_de_passe',
      contexte: { sessionsFermees },
    });
  });
}

// ---------- Jetons d'API personnels

export async function listerSesJetons(ctx: Contexte, utilisateur: Utilisateur) {
  exiger(utilisateur, 'lire', { type: 'jeton', userId: utilisateur.userId });
  return repository.listerJetons(ctx.db, utilisateur.userId);
}

/** The token is shown once, at creation; afterwards only its prefix identifies it. */
export async function creerSonJeton(ctx: Contexte, utilisateur: Utilisateur, libelle: string) {
  exiger(utilisateur, 'creer', { type: 'jeton', userId: utilisateur.userId });
  const jeton = nouveauJeton('mlg_');
  return enTransaction(ctx.db, async (tx) => {
    const ligne = await repository.creerJeton(tx, {
      utilisateurId: utilisateur.userId,
      libelle,
      prefixe: jeton.slice(0, 10),
      tokenHash: empreinte(jeton),
    });
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'jeton_api',
      entiteId: ligne.id,
      action: 'creation',
      apres: { libelle, prefixe: ligne.prefixe },
    });
    return { ...ligne, jeton };
  });
}

export async function revoquerSonJeton(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  exiger(utilisateur, 'supprimer', { type: 'jeton', userId: utilisateur.userId });
  await enTransaction(ctx.db, async (tx) => {
    const ligne = await repository.revoquerJeton(tx, utilisateur.userId, id);
    if (!ligne) throw introuvable('Ce jeton n’existe pas ou a déjà été révoqué.');
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'jeton_api',
      entiteId: id,
      action: 'revocation',
      avant: { libelle: ligne.libelle, prefixe: ligne.prefixe },
    });
  });
}
