import compress from '@fastify/compress';
import Fastify from 'fastify';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodageAccepte, installerCompressionDirecte } from './compression';

const gros = { lignes: Array.from({ length: 400 }, (_, i) => ({ i, texte: `ligne ${i} du plan d’action` })) };

async function application() {
  const app = Fastify();
  installerCompressionDirecte(app);
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  app.get('/json', async () => gros);
  app.get('/petit', async () => ({ ok: true }));
  return app;
}

describe('compression des réponses JSON', () => {
  it('choisit brotli, puis gzip, et respecte un refus (q=0)', () => {
    expect(encodageAccepte('gzip, deflate, br')).toBe('br');
    expect(encodageAccepte('gzip, br;q=0')).toBe('gzip');
    expect(encodageAccepte('identity')).toBeNull();
    expect(encodageAccepte(undefined)).toBeNull();
    expect(encodageAccepte('*')).toBe('gzip');
  });

  it('compresse d’un bloc ce que le client accepte, et le corps se relit à l’identique', async () => {
    const app = await application();
    const br = await app.inject({ url: '/json', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(gros);
    const gz = await app.inject({ url: '/json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(gros);
    const nu = await app.inject({ url: '/json' });
    expect(nu.headers['content-encoding']).toBeUndefined();
    expect(nu.json()).toEqual(gros);
    const petit = await app.inject({ url: '/petit', headers: { 'accept-encoding': 'br' } });
    expect(petit.headers['content-encoding']).toBeUndefined();
    await app.close();
  });
});
