import { delaiFrein, dureeLisible, type PolitiqueFrein } from '@maillage/domain';
import type { Contexte } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { ErreurMetier } from '../../platform/errors';
import * as repository from './frein.repository';

/*
 * Throttles of password guessing and of reset e-mails, per account (the e-mail typed, whether or not it has an
 * account, so that the answers reveal nothing) and per client address (req.ip: see TRUST_PROXY).
 */

/** Five free guesses on an account, then 30 s, 1 min, 2 min… up to 15 min between guesses: about 100 a day at most. */
export const FREIN_CONNEXION_COMPTE: PolitiqueFrein = { libres: 5, premierDelai: 30, plafond: 15 * 60 };
/** A client address spraying many accounts: 30 free failures, then the same growing waits. */
export const FREIN_CONNEXION_CLIENT: PolitiqueFrein = { libres: 30, premierDelai: 30, plafond: 15 * 60 };
/** Counters idle this long start again from zero. */
const OUBLI_HEURES = 24;
export const REINITIALISATIONS_PAR_COMPTE = { max: 3, minutes: 60 };
export const REINITIALISATIONS_PAR_CLIENT = { max: 10, minutes: 15 };

function tropDeTentatives(detail: string, attente: number) {
  return new ErreurMetier(429, 'Trop de tentatives', detail, {}, { 'retry-after': String(Math.max(1, Math.ceil(attente))) });
}

const freinCompte = (attente: number) =>
  tropDeTentatives(
    `Trop de tentatives de connexion sur ce compte. Réessayez dans ${dureeLisible(attente)}, ` +
      `ou choisissez un nouveau mot de passe avec « Mot de passe oublié ? » : cela lève aussitôt cette restriction.`,
    attente,
  );

const filesParCompte = new Map<string, Promise<unknown>>();

/**
 * Runs the attempts on one account one after the other in this process: twenty simultaneous logins of one script
 * all get in, and twenty simultaneous guesses get no more than the throttle allows. (Across processes the account's
 * attempt is counted before the password is checked, so that concurrent guesses cannot slip past either.)
 */
export function unEssaiALaFois<T>(email: string, essai: () => Promise<T>): Promise<T> {
  const precedent = filesParCompte.get(email) ?? Promise.resolve();
  const courant = precedent.then(essai);
  const fin = courant.catch(() => {});
  filesParCompte.set(email, fin);
  void fin.then(() => {
    if (filesParCompte.get(email) === fin) filesParCompte.delete(email);
  });
  return courant;
}

/**
 * Takes a login attempt or refuses it with 429 and Retry-After. The attempt is counted against the account before
 * the password is checked, under a row lock: concurrent guesses cannot slip past the throttle.
 */
export async function prendreEssaiConnexion(ctx: Contexte, email: string, ip: string) {
  const attenteClient = await repository.attenteFrein(ctx.db, 'connexion_client', ip);
  if (attenteClient > 0)
    throw tropDeTentatives(
      `Trop de tentatives de connexion depuis votre adresse. Réessayez dans ${dureeLisible(attenteClient)}.`,
      attenteClient,
    );
  await enTransaction(ctx.db, async (tx) => {
    const frein = await repository.verrouillerFrein(tx, 'connexion_compte', email, OUBLI_HEURES);
    if (frein.attente > 0) throw freinCompte(frein.attente);
    const tentatives = frein.tentatives + 1;
    await repository.noterTentative(tx, 'connexion_compte', email, tentatives, delaiFrein(tentatives, FREIN_CONNEXION_COMPTE));
  });
}

/** A wrong password: the client address gets one more failure (the account's was counted with the attempt). */
export async function noterEchecConnexion(ctx: Contexte, ip: string) {
  await enTransaction(ctx.db, async (tx) => {
    const frein = await repository.verrouillerFrein(tx, 'connexion_client', ip, OUBLI_HEURES);
    const tentatives = frein.tentatives + 1;
    await repository.noterTentative(tx, 'connexion_client', ip, tentatives, delaiFrein(tentatives, FREIN_CONNEXION_CLIENT));
  });
}

/** A successful login or password reset lifts every restriction on the account. */
export async function leverFreinCompte(db: Queryable, email: string) {
  await repository.leverFrein(db, 'connexion_compte', email);
}

/**
 * Reset requests: beyond the client's quota, 429; beyond the account's, nothing more is sent, silently (the
 * answer must not tell whether the address has an account). Returns whether a mail may go out.
 */
export async function compterDemandeReinitialisation(ctx: Contexte, email: string, ip: string): Promise<boolean> {
  const client = await repository.compterDansFenetre(ctx.db, 'reinitialisation_client', ip, REINITIALISATIONS_PAR_CLIENT.minutes);
  if (client.tentatives > REINITIALISATIONS_PAR_CLIENT.max)
    throw tropDeTentatives(
      `Trop de demandes de réinitialisation depuis votre adresse. Réessayez dans ${dureeLisible(client.reste)} ; ` +
        'si un lien vous a déjà été envoyé, il reste valable une heure.',
      client.reste,
    );
  const compte = await repository.compterDansFenetre(ctx.db, 'reinitialisation_compte', email, REINITIALISATIONS_PAR_COMPTE.minutes);
  return compte.tentatives <= REINITIALISATIONS_PAR_COMPTE.max;
}
