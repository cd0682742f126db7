import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import zlib from 'node:zlib';

/** Answers written in one piece above this size stay with @fastify/compress's streams (zlib off the main thread). */
const TAILLE_MAX_EN_UNE_FOIS = 512 * 1024;
const COMPRESSIBLES = /^(application\/(json|problem\+json|javascript|xml)|text\/|image\/svg\+xml)/;

/** The encoding the client accepts, brotli first; null for none (absent, identity, or refused with q=0). */
export function encodageAccepte(entete: string | undefined): 'br' | 'gzip' | null {
  if (!entete) return null;
  const acceptes = new Set<string>();
  for (const partie of entete.split(',')) {
    const [nom, ...parametres] = partie.trim().toLowerCase().split(';');
    const q = parametres.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    acceptes.add(nom.trim());
  }
  return acceptes.has('br') ? 'br' : acceptes.has('gzip') || acceptes.has('*') ? 'gzip' : null;
}

/**
 * Compresses the answers the server writes in one piece (JSON: every API answer) synchronously, at the fastest
 * levels: brotli 1 and gzip 1. @fastify/compress turns a string into a stream piped through zlib, several objects
 * and ticks per answer; for a 35 KB fiche list, brotli 1 costs ~0.5 ms where the plugin's brotli 4 cost ~3 ms, for
 * 6 % more bytes (docs/performance.md, decision 0026). Streams (files, exports) and very large answers are left
 * to the plugin, which sees the Content-Encoding set here and lets these answers pass.
 */
export function installerCompressionDirecte(app: FastifyInstance, seuil = 1024) {
  app.addHook('onSend', async (req: FastifyRequest, reponse: FastifyReply, payload: unknown) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reponse.getHeader('content-encoding') || req.headers['x-no-compression'] !== undefined) return payload;
    if (!COMPRESSIBLES.test(String(reponse.getHeader('content-type') ?? 'application/json'))) return payload;
    const encodage = encodageAccepte(req.headers['accept-encoding']);
    if (!encodage) return payload;
    // The serializer's string is a rope of many pieces: encoded once here, for the size check and for zlib alike.
    const corps = typeof payload !== 'string' ? payload : payload.length > TAILLE_MAX_EN_UNE_FOIS ? null : Buffer.from(payload);
    if (!corps || corps.length < seuil || corps.length > TAILLE_MAX_EN_UNE_FOIS) return payload;
    const vary = String(reponse.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) reponse.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    reponse.header('content-encoding', encodage);
    reponse.removeHeader('content-length');
    return encodage === 'br'
      ? zlib.brotliCompressSync(corps, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: corps.length },
        })
      : zlib.gzipSync(corps, { level: 1 });
  });
}
