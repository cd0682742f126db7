import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, type ServeurDeTest } from '../../test/harness';

/** A raw GET: the bytes as sent (fetch would decompress them), and the headers. */
function lireBrut(url: string, encodages: string): Promise<{ status: number; entetes: http.IncomingHttpHeaders; corps: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encodages } }, (r) => {
        const morceaux: Buffer[] = [];
        r.on('data', (m: Buffer) => morceaux.push(m));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, entetes: r.headers, corps: Buffer.concat(morceaux) }));
      })
      .on('error', reject);
  });
}

// A build as apps/web/vite.config.ts leaves it: each text file beside its .br (Brotli 11) and .gz (gzip 9).
const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-web-'));
const script = Buffer.from(`console.log(${JSON.stringify('Contrats locaux de santé publiés. '.repeat(200))});\n`);
const page = Buffer.from(
  `<!doctype html><html lang="fr"><head><title>Maillage</title></head><body>${'<div id="racine"></div>'.repeat(100)}</body></html>`,
);
const br = (b: Buffer) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
fs.mkdirSync(path.join(dossier, 'assets'));
fs.writeFileSync(path.join(dossier, 'assets/app.js'), script);
fs.writeFileSync(path.join(dossier, 'assets/app.js.br'), br(script));
fs.writeFileSync(path.join(dossier, 'assets/app.js.gz'), zlib.gzipSync(script, { level: 9 }));
fs.writeFileSync(path.join(dossier, 'assets/seul.js'), script); // no precompressed twin
fs.writeFileSync(path.join(dossier, 'index.html'), page);
fs.writeFileSync(path.join(dossier, 'index.html.br'), br(page));

let serveur: ServeurDeTest;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest({ demo: false, webDist: dossier });
});
afterAll(async () => {
  await serveur?.fermer();
  fs.rmSync(dossier, { recursive: true, force: true });
});

describe('Fichiers de l’application web', () => {
  it('envoie le .br construit tel quel, en cache immuable et avec Vary', async () => {
    const r = await lireBrut(`${serveur.url}/assets/app.js`, 'gzip, deflate, br');
    expect(r.status).toBe(200);
    expect(r.entetes['content-encoding']).toBe('br');
    expect(r.entetes['content-type']).toMatch(/javascript/);
    expect(r.entetes['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.entetes.vary).toMatch(/accept-encoding/i);
    // The very bytes of the build's file, not a compression made on the fly.
    expect(r.corps.equals(fs.readFileSync(path.join(dossier, 'assets/app.js.br')))).toBe(true);
  });

  it('envoie le .gz à un client sans Brotli, et le fichier nu à un client sans compression', async () => {
    const gz = await lireBrut(`${serveur.url}/assets/app.js`, 'gzip');
    expect(gz.entetes['content-encoding']).toBe('gzip');
    expect(gz.corps.equals(fs.readFileSync(path.join(dossier, 'assets/app.js.gz')))).toBe(true);
    const nu = await lireBrut(`${serveur.url}/assets/app.js`, 'identity');
    expect(nu.entetes['content-encoding']).toBeUndefined();
    expect(nu.corps.equals(script)).toBe(true);
  });

  it('compresse encore à la volée un fichier construit sans ses jumeaux', async () => {
    const r = await lireBrut(`${serveur.url}/assets/seul.js`, 'br');
    expect(r.entetes['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(r.corps).equals(script)).toBe(true);
  });

  it('sert la page de l’application précompressée, sans cache, pour une page publique', async () => {
    const r = await lireBrut(`${serveur.url}/public/contrats`, 'br');
    expect(r.status).toBe(200);
    expect(r.entetes['cache-control']).toBe('no-cache');
    expect(r.entetes['content-type']).toMatch(/text\/html/);
    expect(r.entetes['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(r.corps).equals(page)).toBe(true);
  });
});
