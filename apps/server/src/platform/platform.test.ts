import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ServeurDeTest } from '../../test/harness';
import { appliquerMigrations, DOSSIER_MIGRATIONS } from './migrations';

let serveur: ServeurDeTest;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
});
afterAll(() => serveur.fermer());

describe('santé', () => {
  it('répond ok avec le mode de la base', async () => {
    const r = await serveur.client().get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', database: serveur.ctx.modeBase });
  });
});

describe('erreurs', () => {
  it('répond en problem+json à une route API inconnue, quelle que soit la méthode', async () => {
    for (const methode of ['GET', 'POST', 'DELETE']) {
      const r = await fetch(`${serveur.url}/api/nexiste/pas`, { method: methode });
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(((await r.json()) as any).detail).toBe(`Aucune route ${methode} /api/nexiste/pas.`);
    }
  });

  it('refuse un JSON mal formé sans trace technique', async () => {
    const r = await fetch(`${serveur.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(r.status).toBe(400);
    const corps = (await r.json()) as any;
    expect(corps.detail).toBe('Le corps de la requête n’est pas un JSON valide.');
    expect(JSON.stringify(corps)).not.toMatch(/at .*\.ts|stack/i);
  });

  it('décrit chaque champ invalide en français', async () => {
    const r = await serveur.client().post('/api/auth/login', { email: 42 });
    expect(r.status).toBe(400);
    expect(r.body.erreurs.map((e: any) => e.champ).sort()).toEqual(['email', 'password']);
    expect(r.body.erreurs.every((e: any) => /[éèàê]|obligatoire|attendu|invalide/i.test(e.message))).toBe(true);
  });

  it('pose les en-têtes de sécurité', async () => {
    const r = await fetch(`${serveur.url}/api/health`);
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('OpenAPI', () => {
  it('publie un document 3.1 qui décrit chaque route de l’API', async () => {
    const r = await serveur.client().get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const documentees = new Set<string>();
    for (const [chemin, operations] of Object.entries<Record<string, unknown>>(r.body.paths))
      for (const methode of Object.keys(operations)) documentees.add(`${methode.toUpperCase()} ${chemin.replace(/\{(\w+)\}/g, ':$1')}`);
    const routes = serveur.routesApi.map((r) => `${r.methode} ${r.url}`);
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) expect(documentees, route).toContain(route);
    expect(r.body.paths['/api/organisations'].post.requestBody.content['application/json'].schema.properties.siret).toBeDefined();
    const docs = await fetch(`${serveur.url}/api/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });
});

describe('migrations', () => {
  it('sont idempotentes et refusent une migration appliquée puis modifiée', async () => {
    expect(await appliquerMigrations(serveur.ctx.db)).toEqual([]);
    const dossier = await fs.mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    for (const f of await fs.readdir(DOSSIER_MIGRATIONS)) await fs.copyFile(path.join(DOSSIER_MIGRATIONS, f), path.join(dossier, f));
    await fs.appendFile(path.join(dossier, '0001_fondations.sql'), '\n-- modifiée\n');
    await expect(appliquerMigrations(serveur.ctx.db, dossier)).rejects.toThrow(/0001_fondations.sql a été modifiée/);
    await fs.rm(dossier, { recursive: true });
  });
});

describe('audit dans la même transaction', () => {
  it('n’écrit ni le changement ni l’événement quand la modification échoue', async () => {
    const admin = serveur.client();
    await admin.connecter(DEMO.admin);
    const { rows: avant } = await serveur.ctx.db.query('select count(*) n from audit_evenements');
    // The duplicate is found inside the creation's transaction (409), which writes nothing.
    const r = await admin.post('/api/organisations', { nom: 'ARS Bretagne', type: 'ars' });
    expect(r.status).toBe(409);
    const { rows: apres } = await serveur.ctx.db.query('select count(*) n from audit_evenements');
    expect(apres[0].n).toBe(avant[0].n);
  });
});
