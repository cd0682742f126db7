import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash, createHmac } from 'node:crypto';
import { chargerTrousseau, chiffrer, dechiffrer, ErreurChiffrement, type Trousseau } from './chiffrement';
import type { Contexte } from './contexte';
import { ErreurMetier, invalide } from './errors';

/**
 * Idempotency-Key (IETF draft « The Idempotency-Key HTTP Header Field », as Stripe does it): a POST of a logged-in user
 * that carries the header is done once. The first request with a key claims it (the table's primary key decides, across
 * processes), runs, and its answer is kept 24 hours; a repeat with the same key and the same request gets that answer
 * again, marked `Idempotency-Replayed: true`, and creates nothing. The same key with another request is refused (422);
 * a repeat that arrives while the first still runs waits for its answer, then gets 409 if it is not there in time.
 */

const DUREE_HEURES = 24;
/** How long a repeat waits for the first request's answer (a double click arrives a few ms after the first). */
const ATTENTE_MS = 10_000;
const INTERVALLE_MS = 50;
/** A claim whose request never answered (its process died) is free again after this. */
const ABANDON_SECONDES = 120;
/** Answers bigger than this are not kept (creations answer a few hundred bytes); the key is then released. */
const CORPS_MAX = 1024 * 1024;
const CLE = /^[\x21-\x7e]{1,255}$/;
/**
 * Never kept: logging in or out (the answer sets a cookie, which a replay would not give back), and one's own account
 * (a new API token is in the answer, shown once: it must not lie in this table).
 */
const EXCLUES = [/^\/api\/auth\//, /^\/api\/moi\//];
/**
 * Kept sealed: the appui module's requests and answers carry health data that lie nowhere in clear (they would stay
 * here 24 hours, and in any backup of that day). The answer is encrypted with the health-data key (key outside the
 * database, bound to its user and key as associated data), and the request's fingerprint is keyed (HMAC), so that
 * a guessed body cannot be checked against it. A double submission is still done once.
 */
// Also a webhook subscription's creation: its answer holds the signing secret, shown once (decision 0039).
const SCELLEES = [/^\/api\/appui\//, /^\/api\/webhooks$/];
/** A body that carries a password is not fingerprinted: a fast hash of it would be easier to guess than its argon2. */
const MOT_DE_PASSE = /"[^"]*(password|motdepasse)[^"]*"\s*:/i;

declare module 'fastify' {
  interface FastifyRequest {
    idempotence: { utilisateurId: string; cle: string; fini: boolean; scellee: boolean } | null;
  }
}

const conflitEnCours = () =>
  new ErreurMetier(
    409,
    'Requête déjà en cours',
    'Une requête avec la même clé d’idempotence est encore en cours de traitement : réessayez dans un instant.',
  );
const cleReutilisee = () =>
  new ErreurMetier(
    422,
    'Clé d’idempotence déjà utilisée',
    'Cette clé d’idempotence (en-tête Idempotency-Key) a déjà servi pour une autre requête : envoyez une nouvelle clé pour chaque action.',
  );

/** JSON bodies and empty ones only: a multipart upload is read by its handler, after this check, so it cannot be compared. */
function corpsComparable(requete: FastifyRequest): string | null {
  if (requete.corpsJsonBrut !== null) return requete.corpsJsonBrut;
  const vide = !requete.headers['content-type'] && !Number(requete.headers['content-length'] ?? 0) && !requete.headers['transfer-encoding'];
  return vide ? '' : null;
}

const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));

const contexteScelle = (utilisateurId: string, cle: string) => `requetes_idempotentes.corps:${utilisateurId}:${cle}`;

export function installerIdempotence(app: FastifyInstance, ctx: Contexte) {
  app.decorateRequest('idempotence', null);
  let dernierePurge = 0;
  let cles: Promise<Trousseau> | null = null;
  /** The health-data keys, loaded at the first sealed request (the same file or environment as the appui module's). */
  const trousseau = () => {
    if (!cles) {
      cles = chargerTrousseau(ctx.config.dataDir, ctx.config.cleSante);
      // A failed load (unreadable file) is retried at the next request rather than kept.
      cles.catch(() => {
        cles = null;
      });
    }
    return cles;
  };

  async function rejouer(reponse: FastifyReply, ligne: { statut: number; type_contenu: string | null; corps: Buffer | null }) {
    reponse.code(ligne.statut).header('idempotency-replayed', 'true');
    if (ligne.type_contenu) reponse.header('content-type', ligne.type_contenu);
    return reponse.send(ligne.corps ?? '');
  }

  /** A sealed answer in clear, or null when its key left the keyring (the row is then dropped and the request runs). */
  async function ouvrir(corps: Buffer | null, utilisateurId: string, cle: string): Promise<Buffer | null | false> {
    if (!corps?.length) return corps;
    try {
      return Buffer.from(dechiffrer(await trousseau(), corps, contexteScelle(utilisateurId, cle)), 'base64');
    } catch (e) {
      if (e instanceof ErreurChiffrement) return false;
      throw e;
    }
  }

  app.addHook('preHandler', async (requete, reponse) => {
    const cle = requete.headers['idempotency-key'];
    if (requete.method !== 'POST' || cle === undefined || !requete.utilisateur) return;
    const chemin = requete.url.split('?')[0];
    if (EXCLUES.some((e) => e.test(chemin))) return;
    if (typeof cle !== 'string' || !CLE.test(cle))
      throw invalide('En-tête Idempotency-Key invalide : de 1 à 255 caractères visibles, sans espace (un UUID par exemple).', [
        { champ: 'Idempotency-Key', message: 'Clé invalide' },
      ]);
    const corps = corpsComparable(requete);
    if (corps === null || MOT_DE_PASSE.test(corps)) return;
    const scellee = SCELLEES.some((e) => e.test(chemin));
    const empreinte = (scellee ? createHmac('sha256', (await trousseau()).active.cle) : createHash('sha256'))
      .update(`${requete.method} ${requete.url}\n`)
      .update(corps)
      .digest('hex');
    const utilisateurId = requete.utilisateur.userId;

    // Expired keys go now and then; a lookup ignores them anyway.
    if (Date.now() - dernierePurge > 3600_000) {
      dernierePurge = Date.now();
      await ctx.db.query(`delete from requetes_idempotentes where cree_le < now() - make_interval(hours => $1)`, [DUREE_HEURES]);
    }

    const limite = Date.now() + ATTENTE_MS;
    for (;;) {
      const { rowCount } = await ctx.db.query(
        `insert into requetes_idempotentes (utilisateur_id, cle, empreinte) values ($1, $2, $3) on conflict do nothing`,
        [utilisateurId, cle, empreinte],
      );
      if (rowCount) {
        requete.idempotence = { utilisateurId, cle, fini: false, scellee };
        return;
      }
      const { rows } = await ctx.db.query(
        `select empreinte, statut, type_contenu, corps, cree_le < now() - make_interval(hours => $3) as expiree,
                statut is null and cree_le < now() - make_interval(secs => $4) as abandonnee
         from requetes_idempotentes where utilisateur_id = $1 and cle = $2`,
        [utilisateurId, cle, DUREE_HEURES, ABANDON_SECONDES],
      );
      const ligne = rows[0];
      if (!ligne) continue; // released in between: claim it again
      if (ligne.expiree || ligne.abandonnee) {
        await ctx.db.query(
          `delete from requetes_idempotentes where utilisateur_id = $1 and cle = $2 and empreinte = $3 and statut is not distinct from $4`,
          [utilisateurId, cle, ligne.empreinte, ligne.statut],
        );
        continue;
      }
      if (ligne.empreinte !== empreinte) throw cleReutilisee();
      if (ligne.statut !== null && scellee) {
        const clair = await ouvrir(ligne.corps, utilisateurId, cle);
        if (clair !== false) return rejouer(reponse, { ...ligne, corps: clair });
        await ctx.db.query('delete from requetes_idempotentes where utilisateur_id = $1 and cle = $2 and empreinte = $3', [
          utilisateurId,
          cle,
          ligne.empreinte,
        ]);
        continue;
      }
      if (ligne.statut !== null) return rejouer(reponse, ligne);
      if (Date.now() > limite) {
        reponse.header('retry-after', '1');
        throw conflitEnCours();
      }
      await attendre(INTERVALLE_MS);
    }
  });

  // The answer of the request that claimed the key, as sent (before compression, which runs in each route's own hook).
  app.addHook('onSend', async (requete, reponse, payload) => {
    const encours = requete.idempotence;
    if (!encours || encours.fini) return payload;
    encours.fini = true;
    const corps =
      typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : payload == null ? Buffer.alloc(0) : null;
    try {
      // A server error may not happen again: the key is released so that the client can retry.
      if (reponse.statusCode >= 500 || corps === null || corps.length > CORPS_MAX)
        await ctx.db.query('delete from requetes_idempotentes where utilisateur_id = $1 and cle = $2', [
          encours.utilisateurId,
          encours.cle,
        ]);
      else
        await ctx.db.query(
          'update requetes_idempotentes set statut = $3, type_contenu = $4, corps = $5 where utilisateur_id = $1 and cle = $2',
          [
            encours.utilisateurId,
            encours.cle,
            reponse.statusCode,
            String(reponse.getHeader('content-type') ?? '') || null,
            encours.scellee && corps.length
              ? chiffrer(await trousseau(), corps.toString('base64'), contexteScelle(encours.utilisateurId, encours.cle))
              : corps,
          ],
        );
    } catch (e) {
      // The answer still goes out; the claim is then freed after ABANDON_SECONDES.
      requete.log.error({ err: e }, 'réponse idempotente non enregistrée');
    }
    return payload;
  });
}
