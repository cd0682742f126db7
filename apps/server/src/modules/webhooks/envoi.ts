import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { reponseAcceptee, type ResultatTentative } from '@maillage/domain';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/**
 * Signing and sending one delivery (decision 0039). The signature is Stripe's scheme, which receivers know:
 * `Maillage-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the subscription's secret>`.
 */

export const nouveauSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export const signature = (secret: string, t: number, corps: string) => createHmac('sha256', secret).update(`${t}.${corps}`).digest('hex');

/** The receiver's check, as docs/api.md writes it: the tests verify each delivery with it. */
export function verifierSignature(
  secret: string,
  entete: string,
  corps: string,
  toleranceSecondes = 300,
  maintenant = Date.now(),
): boolean {
  const parts = Object.fromEntries(entete.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(maintenant / 1000 - t) > toleranceSecondes) return false;
  const attendu = Buffer.from(signature(secret, t, corps), 'hex');
  const recu = Buffer.from(parts.v1, 'hex');
  return recu.length === attendu.length && timingSafeEqual(recu, attendu);
}

export interface ResultatEnvoi {
  resultat: ResultatTentative;
  codeHttp: number | null;
  extrait: string | null;
  dureeMs: number;
}

const EXTRAIT_MAX = 500;
const LECTURE_MAX = 4096;

/**
 * One POST, never following a redirect. In production the agents refuse a host that resolves to a private, loopback
 * or reserved address, at connection time (so a DNS answer changed after the check does not get through).
 */
export function envoyerLivraison(
  cible: { url: string; secret: string; corps: string; type: string; livraisonId: string; evenementId: string },
  options: { delaiMs: number; reseauxPrives: boolean },
): Promise<ResultatEnvoi> {
  const debut = performance.now();
  const t = Math.floor(Date.now() / 1000);
  const url = new URL(cible.url);
  const filtre = { allowPrivateIPAddress: options.reseauxPrives, keepAlive: false };
  const agent = url.protocol === 'https:' ? new RequestFilteringHttpsAgent(filtre) : new RequestFilteringHttpAgent(filtre);
  const module = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let fini = false;
    const finir = (r: Omit<ResultatEnvoi, 'dureeMs'>) => {
      if (fini) return;
      fini = true;
      clearTimeout(minuterie);
      agent.destroy();
      resolve({ ...r, dureeMs: Math.round(performance.now() - debut) });
    };
    const requete = module.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(cible.corps),
          'user-agent': 'Maillage-Webhooks/1',
          'maillage-signature': `t=${t},v1=${signature(cible.secret, t, cible.corps)}`,
          'maillage-evenement': cible.type,
          'maillage-evenement-id': cible.evenementId,
          'maillage-livraison': cible.livraisonId,
        },
      },
      (reponse) => {
        const morceaux: Buffer[] = [];
        let lus = 0;
        reponse.on('data', (m: Buffer) => {
          if (lus < LECTURE_MAX) morceaux.push(m);
          lus += m.length;
          // Enough to show what came back: the rest is not read.
          if (lus >= LECTURE_MAX) reponse.destroy();
        });
        const conclure = () => {
          const code = reponse.statusCode ?? 0;
          const texte = Buffer.concat(morceaux).toString('utf8').replace(/\s+/g, ' ').trim();
          finir({
            resultat: reponseAcceptee(code) ? 'reussie' : 'echec_http',
            codeHttp: code,
            extrait: texte ? texte.slice(0, EXTRAIT_MAX) : null,
          });
        };
        reponse.on('end', conclure);
        reponse.on('close', conclure);
        reponse.on('error', conclure);
      },
    );
    const minuterie = setTimeout(() => {
      finir({ resultat: 'delai_depasse', codeHttp: null, extrait: `Pas de réponse en ${options.delaiMs} ms.` });
      requete.destroy();
    }, options.delaiMs);
    requete.on('error', (e: NodeJS.ErrnoException) => {
      const refusee = /is not allowed/.test(e.message);
      finir({
        resultat: refusee ? 'cible_refusee' : 'erreur_reseau',
        codeHttp: null,
        extrait: refusee
          ? 'Adresse refusée : l’hôte désigne un réseau privé ou local.'
          : `Erreur réseau : ${e.code ?? e.message}`.slice(0, EXTRAIT_MAX),
      });
    });
    requete.end(cible.corps);
  });
}
