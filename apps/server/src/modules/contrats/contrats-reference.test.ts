import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ServeurDeTest } from '../../../test/harness';

// The bench's SQL references (MAILLAGE_BENCH=1): the real routes' queries, rows as plain JSON.
let banc: ServeurDeTest;
let normal: ServeurDeTest;
beforeAll(async () => {
  [banc, normal] = await Promise.all([demarrerServeurDeTest({ bench: true }), demarrerServeurDeTest({ demo: false })]);
});
afterAll(() => Promise.all([banc?.fermer(), normal?.fermer()]));

describe('références SQL du banc', () => {
  it('renvoient les lignes des requêtes des vraies routes, session et droit de lecture compris', async () => {
    const admin = banc.client();
    await admin.connecter(DEMO.admin);
    const [contrat] = (await admin.get('/api/contrats')).body.filter((c: { intitule: string }) => c.intitule.includes('Pays de Redon'));
    const vraie = await admin.get(`/api/contrats/${contrat.id}/fiches`);
    const reference = await admin.get(`/api/bench/sql/contrats/${contrat.id}/fiches`);
    expect(reference.status).toBe(200);
    expect(reference.body.fiches.map((f: { id: string }) => f.id)).toEqual(vraie.body.map((f: { id: string }) => f.id));
    expect(reference.body.fiches.length).toBeGreaterThan(10);
    expect(Array.isArray(reference.body.axes)).toBe(true);
    const accueil = await admin.get(`/api/bench/sql/contrats/${contrat.id}`);
    expect(accueil.status).toBe(200);
    expect(accueil.body.page.intitule).toBe(contrat.intitule);
    expect(Array.isArray(accueil.body.page.planEvaluation)).toBe(true);
    expect(Array.isArray(accueil.body.page.dispositifsTerritoriaux)).toBe(true);

    const anonyme = banc.client();
    // The same read check as the real routes: a published contract is public, the others are not shown.
    for (const c of (await admin.get('/api/contrats')).body as { id: string }[]) {
      for (const suite of ['', '/fiches']) {
        const attendu = (await anonyme.get(`/api/contrats/${c.id}${suite}`)).status;
        expect((await anonyme.get(`/api/bench/sql/contrats/${c.id}${suite}`)).status).toBe(attendu);
      }
    }
  });

  it('exécutent exactement les requêtes des vraies routes', async () => {
    const admin = banc.client();
    await admin.connecter(DEMO.admin);
    const [contrat] = (await admin.get('/api/contrats')).body;
    const db = banc.ctx.db;
    const query = db.query;
    const textes = async (chemin: string) => {
      const vus: string[] = [];
      db.query = ((...a: [string | { text: string }, ...unknown[]]) => {
        const texte = typeof a[0] === 'string' ? a[0] : a[0].text;
        if (!texte.includes('pgboss.')) vus.push(texte); // the job queue polls on the same pool meanwhile
        return (query as (...x: unknown[]) => unknown).apply(db, a);
      }) as typeof db.query;
      try {
        expect((await admin.get(chemin)).status).toBe(200);
      } finally {
        db.query = query;
      }
      return vus.sort();
    };
    for (const suite of ['', '/fiches']) {
      const vraie = await textes(`/api/contrats/${contrat.id}${suite}`);
      expect(vraie.length).toBeGreaterThan(1);
      expect(await textes(`/api/bench/sql/contrats/${contrat.id}${suite}`)).toEqual(vraie);
    }
  });

  it('n’existent pas sans MAILLAGE_BENCH=1 et restent hors de l’API décrite', async () => {
    expect(banc.routesApi.some((r) => r.url.startsWith('/api/bench'))).toBe(false);
    const openapi = (await banc.client().get('/api/openapi.json')).body;
    expect(Object.keys(openapi.paths).some((p) => p.startsWith('/api/bench'))).toBe(false);
    const r = await normal.client().get('/api/bench/sql/contrats/00000000-0000-4000-8000-000000000000/fiches');
    expect(r.status).toBe(404);
  });
});
