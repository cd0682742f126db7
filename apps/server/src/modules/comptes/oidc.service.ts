import { estFournisseurOidc, LIBELLES_FOURNISSEUR_OIDC, type FournisseurOidc, type MotifRefusOidc } from '@maillage/domain';
import type { FournisseurOidcConfig } from '../../config-oidc';
import { auditer } from '../../platform/audit';
import { egal } from '../../platform/auth';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { introuvable } from '../../platform/errors';
import { empreinte } from '../../platform/secrets';
import * as auth from './auth.service';
import * as comptes from './comptes.repository';
import * as oidc from './oidc.client';
import * as repository from './oidc.repository';

/**
 * Logging in with ProConnect or Pro Santé Connect (issue 19, decision 0036). An account is found by the provider's
 * `sub` through its link; without a link, once, by the e-mail the provider vouches for (email_verified), and the link
 * is made. Never by the e-mail alone afterwards: a changed e-mail at the provider still reaches the same account.
 */

/** A login started and not finished within this many minutes starts again. */
export const DUREE_DEMANDE_MINUTES = 10;

export function fournisseursActifs(ctx: Contexte) {
  return Object.keys(ctx.config.oidc).map((id) => {
    const f = id as FournisseurOidc;
    return { id: f, libelle: LIBELLES_FOURNISSEUR_OIDC[f], connexion: `/api/auth/oidc/${f}/connexion` };
  });
}

function configure(ctx: Contexte, fournisseur: string): { f: FournisseurOidc; c: FournisseurOidcConfig } {
  if (!estFournisseurOidc(fournisseur))
    throw introuvable(`Fournisseur d’identité inconnu : « ${fournisseur.slice(0, 60)} » (proconnect ou prosanteconnect).`);
  const c = ctx.config.oidc[fournisseur];
  if (!c) throw introuvable(`La connexion avec ${LIBELLES_FOURNISSEUR_OIDC[fournisseur]} n’est pas activée sur cette plateforme.`);
  return { f: fournisseur, c };
}

const adresseRetour = (ctx: Contexte, f: FournisseurOidc) => `${ctx.config.publicUrl}/api/auth/oidc/${f}/retour`;

/** A path of the app to come back to; anything else (another site, `//hote`, the API) gives the home page. */
export function retourSur(retour: string | undefined): string {
  return retour && /^\/(?![/\\])/.test(retour) && !retour.startsWith('/api/') ? retour : '/';
}

export type Depart = { type: 'redirection'; url: string; etat: string } | { type: 'refus'; motif: MotifRefusOidc };

/** Starts a login: the provider's authorization URL, and the state the browser keeps in its cookie. */
export async function commencerConnexion(ctx: Contexte, fournisseur: string, retour: string | undefined): Promise<Depart> {
  const { f, c } = configure(ctx, fournisseur);
  let configuration: Awaited<ReturnType<typeof oidc.configurationDe>>;
  try {
    configuration = await oidc.configurationDe(f, c);
  } catch (e) {
    console.error(`[maillage] découverte ${f} (${c.issuer}) :`, e);
    return { type: 'refus', motif: 'fournisseur-indisponible' };
  }
  const a = await oidc.preparerAutorisation(configuration, c, adresseRetour(ctx, f));
  await repository.creerDemande(
    ctx.db,
    empreinte(a.etat),
    { fournisseur: f, nonce: a.nonce, verificateurPkce: a.verificateurPkce, retour: retourSur(retour) },
    DUREE_DEMANDE_MINUTES,
  );
  return { type: 'redirection', url: a.url, etat: a.etat };
}

export type Arrivee = { type: 'session'; jeton: string; retour: string } | { type: 'refus'; motif: MotifRefusOidc };

/**
 * The return from the provider. The state must be the one this browser holds (cookie) and a pending login's (once);
 * the code is exchanged and the ID token checked by openid-client; then the account is found by its link, or linked.
 */
export async function terminerConnexion(
  ctx: Contexte,
  fournisseur: string,
  cheminEtRequete: string,
  etatNavigateur: string | undefined,
  client: { ip: string; userAgent: string | null },
): Promise<Arrivee> {
  const { f, c } = configure(ctx, fournisseur);
  const urlRetour = new URL(cheminEtRequete, ctx.config.publicUrl);
  const etat = urlRetour.searchParams.get('state');
  if (!etat || !etatNavigateur || !egal(etat, etatNavigateur)) return { type: 'refus', motif: 'demande-invalide' };
  const demande = await repository.consommerDemande(ctx.db, empreinte(etat), f);
  if (!demande) return { type: 'refus', motif: 'demande-invalide' };
  let identite: oidc.IdentiteRecue;
  try {
    identite = await oidc.recevoirIdentite(await oidc.configurationDe(f, c), urlRetour, { etat, ...demande });
  } catch (e) {
    if (oidc.estRefusDuFournisseur(e)) return { type: 'refus', motif: 'refus-fournisseur' };
    console.warn(`[maillage] retour ${f} refusé :`, e instanceof Error ? e.message : e);
    return { type: 'refus', motif: 'reponse-invalide' };
  }
  const trouve = await compteDeLIdentite(ctx, f, identite);
  if ('motif' in trouve) return { type: 'refus', motif: trouve.motif };
  const libelle = LIBELLES_FOURNISSEUR_OIDC[f];
  const session = await auth.ouvrirSession(ctx, trouve.compte, client, {
    audit: { action: 'connexion_oidc', contexte: { fournisseur: f, phrase: `a ouvert une session avec ${libelle}` } },
    enPlus: async (tx, sessionId) => {
      if (trouve.identiteId) await repository.noterConnexionIdentite(tx, trouve.identiteId);
      else {
        const id = await repository.creerIdentite(tx, {
          fournisseur: f,
          sub: identite.sub,
          utilisateurId: trouve.compte.id,
          email: identite.email!,
        });
        // Another login linked this sub or this account in the meantime: refused, the person tries again.
        if (!id) throw new Error('Identité reliée entre-temps par une autre connexion.');
        await auditer(tx, {
          acteur: acteurDe(auth.utilisateurDepuisLigne(trouve.compte)),
          entiteType: 'identite_oidc',
          entiteId: id,
          action: 'creation',
          apres: { fournisseur: libelle, email: identite.email },
          contexte: { sub: identite.sub },
        });
      }
      await repository.noterSession(tx, sessionId, f, identite.idToken);
    },
  });
  return { type: 'session', jeton: session.jeton, retour: demande.retour };
}

type Trouve = { compte: comptes.UtilisateurLigne; identiteId: string | null } | { motif: MotifRefusOidc };

/** The account of a provider's identity: by its link; else, to be linked, by the verified e-mail of an account. */
async function compteDeLIdentite(ctx: Contexte, f: FournisseurOidc, identite: oidc.IdentiteRecue): Promise<Trouve> {
  const lien = await repository.identiteParSub(ctx.db, f, identite.sub);
  if (lien) {
    const compte = await comptes.obtenirUtilisateur(ctx.db, lien.utilisateurId);
    if (!compte?.actif) return { motif: 'compte-desactive' };
    return { compte, identiteId: lien.id };
  }
  if (!identite.email) return { motif: 'compte-inconnu' };
  if (!identite.emailVerifie) return { motif: 'email-non-verifie' };
  const compte = await comptes.utilisateurParEmail(ctx.db, identite.email);
  if (!compte) return { motif: 'compte-inconnu' };
  if (!compte.actif) return { motif: 'compte-desactive' };
  if (await repository.compteDejaRelie(ctx.db, f, compte.id)) return { motif: 'compte-deja-relie' };
  return { compte, identiteId: null };
}

/**
 * Closes the session (any kind); for one opened by a provider, also says where to end it at the provider
 * (end_session_endpoint with id_token_hint), whence the browser comes back to the login page.
 */
export async function seDeconnecterOidc(ctx: Contexte, utilisateur: Utilisateur, sessionId: string): Promise<string | null> {
  const session = await repository.sessionOidc(ctx.db, sessionId);
  await auth.seDeconnecter(ctx, utilisateur, sessionId);
  const c = session && ctx.config.oidc[session.fournisseur];
  if (!session || !c) return null;
  try {
    return oidc.urlFinDeSession(await oidc.configurationDe(session.fournisseur, c), session.idToken, `${ctx.config.publicUrl}/connexion`);
  } catch (e) {
    console.error(`[maillage] déconnexion chez ${session.fournisseur} :`, e);
    return null;
  }
}
